package dev.complianceharness.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.complianceharness.junit.ComplianceTest;
import dev.complianceharness.pii.Canaries;
import dev.complianceharness.pii.NoPiiInLogs;
import dev.complianceharness.mask.PiiKind;
import dev.complianceharness.mask.Redaction;
import dev.complianceharness.liability.fixtures.valid.messaging.Billing;
import dev.complianceharness.report.internal.ReportFiles;
import dev.complianceharness.report.internal.ZoneDiscovery;
import dev.complianceharness.testing.ConsentModule;
import dev.complianceharness.testing.ConsentModule.Outbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@DisplayName("The report page")
class ScannableReportTest {

    private static final Logger LOG = LoggerFactory.getLogger("app.profiles");
    private static final String VALID = "dev.complianceharness.liability.fixtures.valid";
    private static final String BILLING = Billing.class.getName();

    private static String html;
    private static String json;

    @BeforeAll
    static void runFixtures(@TempDir Path directory) throws IOException {
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(ProfilesTestCase.class))
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter(ReportFiles.REPORT_DIRECTORY, directory.toString())
                .configurationParameter(ZoneDiscovery.PACKAGES, VALID)
                .build());
        html = Files.readString(directory.resolve("index.html"), StandardCharsets.UTF_8);
        json = Files.readString(directory.resolve("report.json"), StandardCharsets.UTF_8);
    }

    @Nested
    @DisplayName("says first")
    class SummaryFirst {

        @Test
        @DisplayName("the gate, then the filter bar, then the sections")
        void order() {
            assertThat(html.indexOf("<section id=\"summary\" class=\"summary fail\">\n<h2>Gate: FAIL</h2>"))
                    .isPositive()
                    .isLessThan(html.indexOf("<nav id=\"filters\""));
            assertThat(html.indexOf("<nav id=\"filters\"")).isLessThan(html.indexOf("<section id=\"tests\">"));
        }

        @Test
        @DisplayName("the counts, the failing and errored invariants and the unguarded zones")
        void counts() {
            assertThat(summary())
                    .contains("<li class=\"count alarming\"><a class=\"figure\" href=\"#tests\"><span class=\"value\">2</span>"
                            + " <span class=\"label\">tests did not pass</span> <span class=\"detail\">of 3 under the harness"
                            + "</span></a></li>")
                    .contains("<h3>Failing invariants <span class=\"n\">(2)</span></h3><ul><li><span class=\"tier regulatory\">"
                            + "REGULATORY</span> <a href=\"#pii.logs.no-canary-values\"><code>pii.<wbr>logs.<wbr>no-canary-values</code>"
                            + "</a> violated in 1 test \u00b7 <small>privacy-engineering</small></li>")
                    .contains("<h3>Errored invariants <span class=\"n\">(0)</span></h3><p class=\"none\">none</p>")
                    .contains("<h3>Unguarded zones <span class=\"n\">(1)</span></h3><ul><li><a href=\"#zone-" + VALID
                            + ".marketing\"><span class=\"zone-ref\" data-zone=\"" + VALID + ".marketing\" data-tier=\"REGULATORY\">"
                            + "<span class=\"tier regulatory\">REGULATORY</span> <code>" + wrappable(VALID + ".marketing") + "</code></span></a>"
                            + " \u00b7 <small>no owner named</small></li></ul>");
        }

        private String summary() {
            return html.substring(html.indexOf("<section id=\"summary\""), html.indexOf("</section>"));
        }
    }

    @Nested
    @DisplayName("filters and sorts")
    class Filters {

        @Test
        @DisplayName("offering the zones, tiers and statuses of its entries, most exposed and most severe first")
        void options() {
            assertThat(html)
                    .contains("<label>Tier <select name=\"tier\"><option value=\"\">every tier</option>"
                            + "<option value=\"REGULATORY\">REGULATORY</option><option value=\"FINANCIAL\">FINANCIAL</option>"
                            + "</select></label>")
                    .contains("<label>Status <select name=\"status\"><option value=\"\">every status</option>"
                            + "<option value=\"failed\">failed</option><option value=\"unguarded\">unguarded</option>"
                            + "<option value=\"passed\">passed</option></select></label>")
                    .contains("<option value=\"" + BILLING + "\">" + BILLING + "</option>");
        }

        @Test
        @DisplayName("with each entry carrying its zones, tiers and status, and a test's failure kept with its row")
        void entries() {
            assertThat(html).containsPattern("<tbody class=\"item failed\" data-name=\"[^\"]+ProfilesTestCase"
                    + " leaksTwoValuesOnOneLine\\(Canaries\\)\" data-zones=\"" + Pattern.quote("[&quot;" + VALID + ".messaging&quot;,&quot;" + BILLING + "&quot;]")
                    + "\" data-tiers=\"REGULATORY FINANCIAL\" data-tier-rank=\"0\" data-status=\"failed\" data-status-rank=\"1\""
                    + " data-order=\"\\d+\">\n<tr id=\"test-\\d\">.*</tr>\n<tr class=\"detail\"><td colspan=\"4\">");
        }
    }

    @Nested
    @DisplayName("shows each line once")
    class NoDuplicatedLines {

        @Test
        @DisplayName("a log line leaking two planted values, quoted once and referred to by both findings")
        void leakLineOnce() {
            String redactedLine = "profile updated for " + Redaction.token(PiiKind.EMAIL, "ada.quill@example.com") + ", call "
                    + Redaction.token(PiiKind.PHONE, "+13055550167") + " back";
            String maskedLine = Html.escape(redactedLine);
            assertThat(occurrences(html, maskedLine)).isOne();
            assertThat(html)
                    .contains("<small>planted.customer email, as planted \u2192 line 1</small>")
                    .contains("<small>planted.customer phone, as planted \u2192 line 1</small>")
                    .containsPattern("<li>line 1, logged by app\\.profiles \\(LOGBACK INFO, thread [^)]+\\)<q class=\"output\">"
                            + Pattern.quote(maskedLine) + "</q></li>");
            assertThat(json).as("the JSON keeps every finding with its evidence")
                    .contains(redactedLine.replace("<", "\\u003c").replace(">", "\\u003e"));
            assertThat(json).as("a module's source address is not a customer's number")
                    .contains("\"source\": \"https://eur-lex.europa.eu/eli/reg/2016/679/oj\"");
        }

        @Test
        @DisplayName("no violation text repeated as its own evidence")
        void evidenceNotRepeated() {
            String violation = Html.escape("no consent from " + Redaction.token(PiiKind.PHONE, "+13055550167")
                    + " was recorded before the message");
            assertThat(occurrences(html, violation)).isOne();
        }
    }

    @Nested
    @DisplayName("labels tiers consistently")
    class TierLabels {

        @Test
        @DisplayName("naming every zone with its own tier, wherever it is named")
        void zoneTierEverywhere() {
            Matcher mentions = Pattern.compile("<span class=\"zone-ref\" data-zone=\"" + Pattern.quote(BILLING)
                    + "\" data-tier=\"([A-Z]+)\"><span class=\"tier ([a-z]+)\">([A-Z]+)</span>").matcher(html);
            int count = 0;
            while (mentions.find()) {
                count++;
                assertThat(mentions.group(1)).isEqualTo("FINANCIAL");
                assertThat(mentions.group(2)).isEqualTo("financial");
                assertThat(mentions.group(3)).isEqualTo("FINANCIAL");
            }
            assertThat(count).as("the card, the tests table and the invariants table name the zone").isGreaterThanOrEqualTo(3);
        }

        @Test
        @DisplayName("and naming each guard that declares a higher tier than its zone")
        void higherTierGuards() {
            assertThat(html).contains("<p><strong>Tier: </strong>2 guards declare <span class=\"tier regulatory\">REGULATORY"
                    + "</span>, higher than this zone&#39;s <span class=\"tier financial\">FINANCIAL</span>: <code>"
                    + "test.<wbr>at-most-three-per-day</code>, <code>test.<wbr>consent-before-marketing</code>. The gate holds only"
                    + " REGULATORY zones to a guard that held: check the tier the zone declares.</p>");
            assertThat(json).contains("\"guardsAboveItsTier\": [\n        \"test.at-most-three-per-day\",\n"
                    + "        \"test.consent-before-marketing\"\n      ]");
        }
    }

    /** A name as the page writes it in code: it may wrap after each dot. */
    private static String wrappable(String name) {
        return name.replace(".", ".<wbr>");
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    @ComplianceTest(modules = ConsentModule.class)
    @NoPiiInLogs(seed = 42)
    static class ProfilesTestCase {
        @Test
        void leaksTwoValuesOnOneLine(Canaries canaries) {
            String email = canaries.plant("customer email", PiiKind.EMAIL, "ada.quill@example.com");
            String phone = canaries.plant("customer phone", PiiKind.PHONE, "+1 305-555-0167");
            LOG.info("profile updated for {}, call {} back", email, phone);
        }

        @Test
        void marketingWithoutConsent(Outbox outbox) {
            outbox.send("+1 305-555-0167", "Spring sale");
        }

        @Test
        void marketingWithConsent(Outbox outbox) {
            outbox.consent("+1 305-555-0168");
            outbox.send("+1 305-555-0168", "Spring sale");
        }
    }
}
