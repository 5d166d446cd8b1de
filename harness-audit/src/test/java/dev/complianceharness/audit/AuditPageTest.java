package dev.complianceharness.audit;

import static dev.complianceharness.audit.CodebaseAuditTest.FIXTURES;
import static dev.complianceharness.audit.CodebaseAuditTest.fixtures;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The audit's page")
class AuditPageTest {

    private static final String LEDGER = FIXTURES + ".zoned.Ledger";

    private final String html = html();

    private static String html() {
        try {
            return CodebaseAudit.of(fixtures()).run().toHtml(3);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A name as the page writes it in code: it may wrap after each dot. */
    private static String wrappable(String name) {
        return name.replace(".", ".<wbr>");
    }

    @Test
    @DisplayName("says first how many classes each tier has, how many lack an owner and which to review first")
    void summaryFirst() {
        assertThat(html.indexOf("<section id=\"summary\" class=\"summary neutral\">\n<h2>Audit: ")).isPositive()
                .isLessThan(html.indexOf("<nav id=\"filters\""));
        assertThat(html.indexOf("<nav id=\"filters\"")).isLessThan(html.indexOf("<section id=\"triage\">"));
        String summary = html.substring(html.indexOf("<section id=\"summary\""), html.indexOf("</section>"));
        assertThat(summary)
                .contains("<span class=\"value\">3</span> <span class=\"label\">REGULATORY</span>")
                .contains("<li class=\"count alarming\"><a class=\"figure\" href=\"#classes\"><span class=\"value\">")
                .contains("<span class=\"label\">without an owner</span>")
                .contains("<h3>Review first <span class=\"n\">(3)</span></h3><ul><li><span class=\"tier regulatory\">REGULATORY"
                        + "</span> <a href=\"#class-" + FIXTURES + ".Customer\"><code>" + wrappable(FIXTURES + ".Customer") + "</code></a>"
                        + " \u00b7 score 14 \u00b7 <small>no owner</small></li>");
    }

    @Test
    @DisplayName("filters by the declared zone, the tier and whether a class has an owner")
    void filters() {
        assertThat(html)
                .contains("<label>Zone <select name=\"zone\"><option value=\"\">every zone</option><option value=\""
                        + FIXTURES + ".zoned\">" + FIXTURES + ".zoned</option></select></label>")
                .contains("<label>Status <select name=\"status\"><option value=\"\">every status</option>"
                        + "<option value=\"no owner\">no owner</option><option value=\"owned\">owned</option></select></label>");
    }

    @Test
    @DisplayName("labels a class in a zone with the zone's tier, next to the zone")
    void zoneTier() {
        assertThat(html).contains("<tbody class=\"item owned\" data-name=\"" + LEDGER + "\" data-zones=\"[&quot;" + FIXTURES
                + ".zoned&quot;]\" data-tiers=\"FINANCIAL\"")
                .contains("<td data-label=\"Tier\"><span class=\"tier financial\">FINANCIAL</span></td><td data-label=\"Zone\">"
                        + "<span class=\"zone-ref\" data-zone=\"" + FIXTURES + ".zoned\" data-tier=\"FINANCIAL\"><span class=\"tier"
                        + " financial\">FINANCIAL</span> <code>" + wrappable(FIXTURES + ".zoned") + "</code></span></td>");
    }
}
