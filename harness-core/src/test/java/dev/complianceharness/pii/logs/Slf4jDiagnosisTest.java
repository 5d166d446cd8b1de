package dev.complianceharness.pii.logs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The SLF4J provider check")
class Slf4jDiagnosisTest {

    @Test
    @DisplayName("accepts the providers a tap sees")
    void captured() {
        assertThat(Slf4jDiagnosis.diagnose("ch.qos.logback.classic.LoggerContext")).isEmpty();
        assertThat(Slf4jDiagnosis.diagnose("org.apache.logging.slf4j.Log4jLoggerFactory")).isEmpty();
        assertThat(Slf4jDiagnosis.diagnose("org.slf4j.simple.SimpleLoggerFactory")).isEmpty();
        assertThat(Slf4jDiagnosis.diagnose("org.slf4j.jul.JDK14LoggerFactory")).isEmpty();
    }

    @Test
    @DisplayName("says what to fix when SLF4J has no provider, or one the harness cannot see")
    void gaps() {
        assertThat(Slf4jDiagnosis.diagnose("org.slf4j.helpers.NOPLoggerFactory")).hasValue("SLF4J has no provider on the"
                + " class path, so everything the application logs through SLF4J is dropped and was not checked; add the"
                + " provider the application runs with (such as logback-classic) to the test class path");
        assertThat(Slf4jDiagnosis.diagnose("org.slf4j.reload4j.Reload4jLoggerFactory")).hasValue("SLF4J is bound to"
                + " org.slf4j.reload4j.Reload4jLoggerFactory, which the harness cannot capture, so what the application"
                + " logs through SLF4J was not checked; test with Logback, Log4j 2 (log4j-slf4j2-impl), slf4j-simple or"
                + " slf4j-jdk14");
    }
}
