package dev.complianceharness.pii.logs;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.SubstituteLoggerFactory;

/**
 * Checks which provider SLF4J is bound to: with none (the NOP fallback) or with one the harness cannot tap,
 * what the application logs through SLF4J goes nowhere the harness can see, and every capture says so.
 */
final class Slf4jDiagnosis {

    /** Providers whose output a tap sees, by the class name of their logger factory. */
    private static final Map<String, String> CAPTURED = Map.of(
            "ch.qos.logback.classic.LoggerContext", "Logback",
            "org.apache.logging.slf4j.Log4jLoggerFactory", "Log4j 2",
            "org.slf4j.simple.SimpleLoggerFactory", "slf4j-simple (System.err)",
            "org.slf4j.jul.JDK14LoggerFactory", "java.util.logging");

    private static final Duration INITIALISATION_WAIT = Duration.ofSeconds(30);

    private Slf4jDiagnosis() {
    }

    /** Called reflectively, so that the class loads only when slf4j-api is present. */
    static Tap install(LogRouter router) throws InterruptedException {
        ILoggerFactory factory = initialisedFactory();
        diagnose(factory.getClass().getName()).ifPresent(router::setUpGap);
        return null;
    }

    /**
     * @param factoryClass the class name of SLF4J's logger factory
     * @return what the harness cannot see with that provider, if anything
     */
    static Optional<String> diagnose(String factoryClass) {
        if (CAPTURED.containsKey(factoryClass)) {
            return Optional.empty();
        }
        if (factoryClass.equals("org.slf4j.helpers.NOPLoggerFactory")) {
            return Optional.of("SLF4J has no provider on the class path, so everything the application logs"
                    + " through SLF4J is dropped and was not checked; add the provider the application runs with (such as"
                    + " logback-classic) to the test class path");
        }
        return Optional.of("SLF4J is bound to " + factoryClass + ", which the harness cannot capture, so what"
                + " the application logs through SLF4J was not checked; test with Logback, Log4j 2 (log4j-slf4j2-impl),"
                + " slf4j-simple or slf4j-jdk14");
    }

    /**
     * While another thread initialises SLF4J, {@code getILoggerFactory()} hands out a substitute factory;
     * attaching then would miss the provider for the whole run, so wait for the real one.
     */
    static ILoggerFactory initialisedFactory() throws InterruptedException {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        long deadline = System.nanoTime() + INITIALISATION_WAIT.toNanos();
        while (factory instanceof SubstituteLoggerFactory) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("SLF4J was still initialising after " + INITIALISATION_WAIT.toSeconds()
                        + " s; its events are not captured");
            }
            Thread.sleep(5);
            factory = LoggerFactory.getILoggerFactory();
        }
        return factory;
    }
}
