package dev.complianceharness.examples.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.complianceharness.audit.AuditReport;
import dev.complianceharness.audit.CodebaseAudit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The audit of the example application's own classes, as a team would run it on its build output; its page is kept in
 * {@code target/audit/index.html} for the browser check ({@code scripts/check-report-in-browser.sh}).
 */
@DisplayName("The audit of the example application")
class AuditOfTheExampleApplicationTest {

    private static final Path PAGE = Path.of("target", "audit", "index.html");

    @Test
    @DisplayName("labels every class of a @LiabilityZone with the zone's tier, in the page and in the report")
    void zoneTiers() throws IOException {
        AuditReport report = CodebaseAudit.of(Path.of("target", "classes")).run();
        Files.createDirectories(PAGE.getParent());
        Files.writeString(PAGE, report.toHtml(20), StandardCharsets.UTF_8);

        assertThat(report.classes()).filteredOn(assessment -> assessment.zone().isPresent()).isNotEmpty()
                .allSatisfy(assessment -> assertThat(assessment.tier()).contains(assessment.zone().orElseThrow().tier()));
        String html = Files.readString(PAGE, StandardCharsets.UTF_8);
        Matcher rows = Pattern.compile("<td data-label=\"Tier\"><span class=\"tier [a-z]+\">([A-Z]+)</span></td>"
                + "<td data-label=\"Zone\"><span class=\"zone-ref\" data-zone=\"([^\"]+)\" data-tier=\"([A-Z]+)\">").matcher(html);
        int zoned = 0;
        while (rows.find()) {
            zoned++;
            assertThat(rows.group(1)).as(rows.group(2)).isEqualTo(rows.group(3));
        }
        long inZones = report.classes().stream().filter(assessment -> assessment.zone().isPresent()).count();
        long inTriage = report.triage(20).stream().filter(assessment -> assessment.zone().isPresent()).count();
        assertThat(zoned).as("rows of zoned classes, in the triage list and the list of every class")
                .isEqualTo(inZones + inTriage);
        assertThat(html.indexOf("<section id=\"summary\"")).isPositive().isLessThan(html.indexOf("<section id=\"triage\">"));
    }
}
