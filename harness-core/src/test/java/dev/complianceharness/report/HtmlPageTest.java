package dev.complianceharness.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.complianceharness.mask.PiiKind;
import dev.complianceharness.mask.Redaction;
import dev.complianceharness.report.HtmlPage.Count;
import dev.complianceharness.report.HtmlPage.Facets;
import dev.complianceharness.report.HtmlPage.Listing;
import dev.complianceharness.report.HtmlPage.Status;
import dev.complianceharness.report.HtmlPage.Summary;
import dev.complianceharness.report.HtmlPage.Table;
import dev.complianceharness.report.HtmlPage.Tone;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The shared HTML renderer")
class HtmlPageTest {

    @Nested
    @DisplayName("writes text")
    class Text {

        @Test
        @DisplayName("from tests masked and escaped, and what the harness wrote escaped only")
        void maskedAndVerbatim() {
            assertThat(HtmlFragment.of("<b>call +1 305-555-0167</b>").toString())
                    .isEqualTo("&lt;b&gt;call " + Html.escape(Redaction.token(PiiKind.PHONE, "+13055550167")) + "&lt;/b&gt;");
            assertThat(HtmlFragment.ofVerbatim("Fla. Stat. 501.616(6) & <seed 20251102>").toString())
                    .isEqualTo("Fla. Stat. 501.616(6) &amp; &lt;seed 20251102&gt;");
            assertThat(HtmlFragment.empty().outputLine("sent to ada.quill@example.com").toString())
                    .isEqualTo("<q class=\"output\">sent to " + Html.escape(Redaction.token(PiiKind.EMAIL, "ada.quill@example.com"))
                            + "</q>");
        }

        @Test
        @DisplayName("with links only within the page and to https sources")
        void links() {
            HtmlFragment label = HtmlFragment.ofVerbatim("source");
            assertThat(HtmlFragment.empty().link("#sms.quiet-hours", label).toString())
                    .isEqualTo("<a href=\"#sms.quiet-hours\">source</a>");
            assertThat(HtmlFragment.empty().link("https://www.flsenate.gov/Laws/Statutes/2024/501.616", label).toString())
                    .isEqualTo("<a href=\"https://www.flsenate.gov/Laws/Statutes/2024/501.616\">source</a>");
            assertThat(HtmlFragment.empty().link("javascript:alert(1)", label).toString()).isEqualTo("source");
            assertThat(HtmlFragment.empty().link("file:///etc/passwd", label).toString()).isEqualTo("source");
        }

        @Test
        @DisplayName("with a tier label for the four known tiers, and an error for any other")
        void tiers() {
            assertThat(HtmlFragment.empty().tier("FINANCIAL").toString()).isEqualTo("<span class=\"tier financial\">FINANCIAL</span>");
            assertThat(HtmlFragment.empty().tier("NONE").toString()).isEqualTo("<span class=\"tier none\">NO TIER</span>");
            assertThatThrownBy(() -> HtmlFragment.empty().tier("CRITICAL"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Unknown liability tier 'CRITICAL': expected REGULATORY, FINANCIAL, REPUTATIONAL or NONE");
        }

        @Test
        @DisplayName("with a zone's tier next to its name")
        void zone() {
            assertThat(HtmlFragment.empty().zone("com.acme.sms", "REGULATORY").toString())
                    .isEqualTo("<span class=\"zone-ref\" data-zone=\"com.acme.sms\" data-tier=\"REGULATORY\"><span class=\"tier"
                            + " regulatory\">REGULATORY</span> <code>com.<wbr>acme.<wbr>sms</code></span>");
        }
    }

    @Nested
    @DisplayName("lays out a page")
    class Layout {

        @Test
        @DisplayName("self-contained, for narrow screens, summary first, then the filter bar, then the sections")
        void order() {
            String html = page().render();
            assertThat(html)
                    .startsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Report</title>\n<style>\n")
                    .contains("@media (max-width: 1000px)")
                    .doesNotContain("src=", "http://", "<link", "@import");
            assertThat(html.indexOf("<section id=\"summary\" class=\"summary fail\">")).isPositive()
                    .isLessThan(html.indexOf("<nav id=\"filters\""));
            assertThat(html.indexOf("<nav id=\"filters\"")).isLessThan(html.indexOf("<section id=\"invariants\">"));
            assertThat(html).contains("<li class=\"count alarming\"><a class=\"figure\" href=\"#invariants\">"
                    + "<span class=\"value\">1</span> <span class=\"label\">invariants failed</span>"
                    + " <span class=\"detail\">of 2 that ran</span></a></li>")
                    .contains("<div class=\"listing\"><h3>Errored invariants <span class=\"n\">(0)</span></h3>"
                            + "<p class=\"none\">none</p></div>");
        }

        @Test
        @DisplayName("offering the zones, tiers and statuses of its entries, most exposed and most severe first")
        void filterOptions() {
            assertThat(page().render())
                    .contains("<label>Zone <select name=\"zone\"><option value=\"\">every zone</option>"
                            + "<option value=\"com.acme.billing\">com.acme.billing</option>"
                            + "<option value=\"com.acme.sms\">com.acme.sms</option></select></label>")
                    .contains("<label>Tier <select name=\"tier\"><option value=\"\">every tier</option>"
                            + "<option value=\"REGULATORY\">REGULATORY</option><option value=\"FINANCIAL\">FINANCIAL</option>"
                            + "</select></label>")
                    .contains("<label>Status <select name=\"status\"><option value=\"\">every status</option>"
                            + "<option value=\"failed\">failed</option><option value=\"passed\">passed</option>"
                            + "</select></label>");
        }

        @Test
        @DisplayName("keeping a row's detail line in its entry, so that both are filtered and sorted together")
        void rowAndDetail() {
            assertThat(page().render()).contains("<tbody class=\"item failed\" data-name=\"sms.quiet-hours\" data-zones=\"[&quot;com.acme.sms&quot;,"
                    + "&quot;com.acme.billing&quot;]\" data-tiers=\"REGULATORY\" data-tier-rank=\"0\" data-status=\"failed\""
                    + " data-status-rank=\"1\" data-order=\"0\">\n<tr id=\"sms.quiet-hours\"><td data-label=\"Invariant\">"
                    + "<code>sms.<wbr>quiet-hours</code></td><td data-label=\"Failed\" class=\"num\">1</td></tr>\n"
                    + "<tr class=\"detail\"><td colspan=\"2\"><q class=\"output\">sent at 20:30</q></td></tr>\n</tbody>");
        }

        @Test
        @DisplayName("writing zone names, which are free text, as a JSON list the filter reads")
        void zoneNamesAsJson() {
            Table table = Table.of("Zone");
            table.row(HtmlFragment.ofVerbatim("checkout")).filterable(new Facets("checkout", List.of("checkout \"EU\" <b>",
                    "shop & cart"), List.of("FINANCIAL"), Status.PASSED));
            assertThat(HtmlPage.titled("Zones").section("zones", "Zones").table(table).render())
                    .contains(" data-zones=\"[&quot;checkout \\&quot;EU\\&quot; \\u003cb\\u003e&quot;,&quot;shop \\u0026 cart&quot;]\"")
                    .contains("<option value=\"checkout &quot;EU&quot; &lt;b&gt;\">checkout &quot;EU&quot; &lt;b&gt;</option>");
        }

        @Test
        @DisplayName("with no filter bar and no script when nothing can be filtered")
        void nothingToFilter() {
            Table table = Table.of("Launch");
            table.row(HtmlFragment.ofCode("launch-1"));
            String html = HtmlPage.titled("Launches").section("launches", "Launches").table(table).render();
            assertThat(html).doesNotContain("<nav", "<script").contains("<tbody>\n<tr><td data-label=\"Launch\">"
                    + "<code>launch-1</code></td></tr>\n</tbody>");
        }

        @Test
        @DisplayName("refusing what would break it: a summary after a section, a row of the wrong width, content outside a"
                + " section")
        void refusals() {
            assertThatThrownBy(() -> HtmlPage.titled("Report").section("a", "A").summary(summary()))
                    .isInstanceOf(IllegalStateException.class).hasMessage("The summary comes before every section");
            assertThatThrownBy(() -> Table.of("Invariant", "Failed").row(HtmlFragment.ofCode("x")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("A row of [Invariant, Failed] needs 2 cells, not 1");
            assertThatThrownBy(() -> HtmlPage.titled("Report").intro(HtmlFragment.ofVerbatim("x")))
                    .isInstanceOf(IllegalStateException.class).hasMessage("Start a section before adding an intro");
        }
    }

    private static HtmlPage page() {
        Table table = Table.of("Invariant", "Failed").numeric("Failed");
        table.row(HtmlFragment.ofCode("sms.quiet-hours"), HtmlFragment.ofVerbatim("1"))
                .filterable(new Facets("sms.quiet-hours", List.of("com.acme.sms", "com.acme.billing"), List.of("REGULATORY"),
                        Status.FAILED))
                .anchor("sms.quiet-hours")
                .detail(HtmlFragment.empty().outputLine("sent at 20:30"));
        table.row(HtmlFragment.ofCode("payments.ledger-balanced"), HtmlFragment.ofVerbatim("0"))
                .filterable(new Facets("payments.ledger-balanced", List.of("com.acme.billing"), List.of("FINANCIAL"),
                        Status.PASSED));
        return HtmlPage.titled("Report").summary(summary()).section("invariants", "Invariants").table(table);
    }

    private static Summary summary() {
        return new Summary(Tone.FAIL, "Gate: FAIL", List.of(new Count("invariants failed", 1, "of 2 that ran", true, "#invariants")),
                List.of(new Listing("Errored invariants", List.of(), "none")));
    }
}
