package dev.complianceharness.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.complianceharness.event.EventTrace;
import dev.complianceharness.event.RecordedEvent;
import dev.complianceharness.event.TestClock;
import dev.complianceharness.junit.ComplianceTest;
import dev.complianceharness.mask.Pii;
import dev.complianceharness.mask.PiiKind;
import dev.complianceharness.report.internal.ReportFiles;
import dev.complianceharness.testing.ConsentModule;
import dev.complianceharness.testing.ConsentModule.Outbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

@DisplayName("A member the redaction boundary cannot read")
class UnreadablePersonalMembersTest {

    @Test
    @DisplayName("is a warning of the test that recorded it, in report.json, index.html and gate.txt, never a silent gap")
    void warned(@TempDir Path report) throws Exception {
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(DetachedTestCase.class))
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter(ReportFiles.REPORT_DIRECTORY, report.toString()).build());

        String warning = "the redaction boundary could not read " + Member.class.getName() + ".phone";
        assertThat(Files.readString(report.resolve("report.json"), StandardCharsets.UTF_8)).contains(warning)
                .doesNotContain("3055550147");
        assertThat(Files.readString(report.resolve("index.html"), StandardCharsets.UTF_8)).contains(warning);
        assertThat(Files.readString(report.resolve("gate.txt"), StandardCharsets.UTF_8)).containsPattern("warnings=[1-9]")
                .contains(warning);
    }

    /** A team's event whose annotated accessor fails, as a detached persistence entity's would. */
    record Member(Instant instant, @Pii(PiiKind.PHONE) String phone) implements RecordedEvent {
        @Override
        public String phone() {
            throw new IllegalStateException("detached");
        }
    }

    @ComplianceTest(modules = ConsentModule.class)
    static class DetachedTestCase {
        @Test
        void recordsAMember(EventTrace trace, TestClock clock, Outbox outbox) {
            trace.record(new Member(clock.instant(), "+13055550147"));
            outbox.consent("+13055550148");
        }
    }
}
