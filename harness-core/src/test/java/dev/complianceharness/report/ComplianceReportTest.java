package dev.complianceharness.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.complianceharness.event.EventTrace;
import dev.complianceharness.event.RecordingPart;
import dev.complianceharness.invariant.Invariant;
import dev.complianceharness.invariant.InvariantModule;
import dev.complianceharness.invariant.PolicyChoice;
import dev.complianceharness.junit.ComplianceTest;
import dev.complianceharness.mask.PiiKind;
import dev.complianceharness.mask.Redaction;
import dev.complianceharness.property.Gens;
import dev.complianceharness.property.Property;
import dev.complianceharness.report.internal.ReportFiles;
import dev.complianceharness.testing.ConsentModule;
import dev.complianceharness.testing.ConsentModule.Outbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

@DisplayName("The compliance report")
class ComplianceReportTest {

    @Test
    @DisplayName("is written after a test plan by the listener that ServiceLoader registers, with masked violations")
    void writtenAfterTestPlan(@TempDir Path directory) throws Exception {
        // given a launcher configured as Maven Surefire configures it: listeners found through ServiceLoader
        Launcher launcher = LauncherFactory.create();
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(ReportedTestCase.class))
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter(ReportFiles.REPORT_DIRECTORY, directory.toString())
                .build();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();

        // when
        launcher.execute(request, summary);

        // then
        assertThat(summary.getSummary().getTestsFailedCount()).isEqualTo(1);
        String json = Files.readString(directory.resolve("report.json"), StandardCharsets.UTF_8);
        assertThat(json)
                .contains("\"invariants\": 2,\n    \"failedInvariants\": 1,")
                .contains("\"id\": \"test.consent-before-marketing\"")
                .contains("\"citation\": \"Directive 2002/58/EC Art. 13(1)\"")
                .contains("\"jurisdiction\": \"EU\"")
                .contains("\"name\": \"privacy-team\",\n        \"contact\": \"privacy@example.com\"")
                .contains("\"tier\": \"REGULATORY\"")
                .contains("\"test.consent 1.0.0\"")
                .contains("\"passedTests\": 1,\n      \"failedTests\": 1,")
                .contains("\"message\": \"no consent from " + Json.quote(Redaction.token(PiiKind.PHONE, "+13055550167")).replace("\"", "")
                        + " was recorded before the message\"")
                .contains("\"status\": \"FAIL\"")
                .contains("\"redaction\": {\n    \"policy\": \"trailing digits shown: phone 2, card 4, SSN 0, IBAN 2, other numbers 2;"
                        + " country and area codes and e-mail domains shown (defaults)\",\n    \"problems\": []\n  }")
                .doesNotContain("305-555-0167");
        assertThat(Files.readString(directory.resolve("gate.txt"))).isEqualTo("""
                status=FAIL
                zones=0
                invariants=2
                failedInvariants=1
                erroredInvariants=0
                properties=0
                tests=2
                failedTests=1
                launches=1
                warnings=0
                failure.1=invariant test.consent-before-marketing was violated in 1 test
                """);
        String html = Files.readString(directory.resolve("index.html"), StandardCharsets.UTF_8);
        assertThat(html)
                .startsWith("<!DOCTYPE html>")
                .contains("<code>test.<wbr>consent-before-marketing</code>")
                .contains("<span class=\"tier regulatory\">REGULATORY</span>")
                .contains("ReportedTestCase \u203a violating(Outbox)")
                .contains("<h2>Gate: FAIL</h2>")
                .doesNotContain("305-555-0167")
                .doesNotContain("<script src", "http://", "src=");
    }

    @Test
    @DisplayName("shows the policy choices a module ran with, the notes of property runs and what could not be checked")
    void showsPoliciesNotesAndWarnings(@TempDir Path directory) throws Exception {
        Launcher launcher = LauncherFactory.create();
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(PoliciesAndWarningsTestCase.class))
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter(ReportFiles.REPORT_DIRECTORY, directory.toString())
                .build();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();

        launcher.execute(request, summary);

        assertThat(summary.getSummary().getTestsFailedCount()).isEqualTo(1);
        assertThat(summary.getSummary().getFailures()).singleElement().satisfies(failure ->
                assertThat(failure.getException()).hasMessageEndingWith("The harness could not check everything in this"
                        + " test:\n  warning:    DEBUG events were not captured; set complianceharness.pii.levels=ALL"));
        String json = Files.readString(directory.resolve("report.json"), StandardCharsets.UTF_8);
        assertThat(json)
                .contains("\"policies\": [\n        {\n          \"policy\": \"consent scope\",\n          \"choice\": \"per brand\",")
                .contains("\"source\": \"https://eur-lex.europa.eu/eli/dir/2002/58/oj\"")
                .contains("\"notes\": {\n        \"retry policy\": \"replayed as the first answer\"\n      }")
                .contains("\"warning\": \"DEBUG events were not captured; set complianceharness.pii.levels=ALL\"")
                .contains("\"warnings\": 2");
        assertThat(Files.readString(directory.resolve("gate.txt"))).contains("warnings=2\n").contains(
                "=ComplianceReportTest$PoliciesAndWarningsTestCase \u203a warnsAndPasses(Outbox, EventTrace): DEBUG events were"
                + " not captured; set complianceharness.pii.levels=ALL\n");
        String html = Files.readString(directory.resolve("index.html"), StandardCharsets.UTF_8);
        assertThat(html)
                .contains("<strong>consent scope</strong>: per brand <small>each brand asks for its own consent</small>"
                        + " <a href=\"https://eur-lex.europa.eu/eli/dir/2002/58/oj\">source</a>")
                .contains("<small><strong>retry policy</strong>: replayed as the first answer</small>")
                .contains("2 warnings: what the harness could not check")
                .contains("DEBUG events were not captured");
    }

    /** The consent module as a team configured it. */
    public static final class BrandConsentModule implements InvariantModule {
        private final ConsentModule shipped = new ConsentModule();

        @Override
        public String id() {
            return "test.brand-consent";
        }

        @Override
        public String version() {
            return "1.0.0";
        }

        @Override
        public List<Invariant> invariants() {
            return shipped.invariants();
        }

        @Override
        public List<RecordingPart<?>> recordingParts() {
            return shipped.recordingParts();
        }

        @Override
        public List<PolicyChoice> policies() {
            return List.of(PolicyChoice.of("consent scope", "per brand", "each brand asks for its own consent",
                    "https://eur-lex.europa.eu/eli/dir/2002/58/oj"));
        }
    }

    @ComplianceTest(modules = BrandConsentModule.class)
    static class PoliciesAndWarningsTestCase {
        @Test
        void warnsAndPasses(Outbox outbox, EventTrace trace) {
            trace.warn("DEBUG events were not captured; set complianceharness.pii.levels=ALL");
            Property.forAll(Gens.integers(0, 3))
                    .note("retry policy", "replayed as the first answer").tries(5).check(i -> assertThat(i).isLessThan(4));
        }

        @Test
        void warnsAndFails(Outbox outbox, EventTrace trace) {
            trace.warn("DEBUG events were not captured; set complianceharness.pii.levels=ALL");
            outbox.send("+1 305-555-0167", "Hello");
        }
    }

    @ComplianceTest(modules = ConsentModule.class)
    static class ReportedTestCase {
        @Test
        void compliant(Outbox outbox) {
            outbox.consent("+1 305-555-0167");
            outbox.send("+1 305-555-0167", "Hello");
        }

        @Test
        void violating(Outbox outbox) {
            outbox.send("+1 305-555-0167", "Hello");
        }
    }
}
