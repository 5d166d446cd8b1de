package dev.complianceharness.audit.internal;

import dev.complianceharness.audit.AuditReport;
import dev.complianceharness.audit.ClassAssessment;
import dev.complianceharness.audit.Evidence;
import dev.complianceharness.mask.Redaction;
import dev.complianceharness.report.Html;
import dev.complianceharness.report.Json;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders an {@link AuditReport} as text, JSON or HTML; every text passes the redaction boundary ({@link Redaction}). */
public final class AuditRenderer {

    private AuditRenderer() {
    }

    /**
     * @param report the report
     * @param limit  the triage list's length
     * @return the text
     */
    public static String text(AuditReport report, int limit) {
        StringBuilder out = new StringBuilder();
        out.append(headline(report)).append('\n');
        long byNameAlone = byNameAlone(report);
        report.tierCounts().forEach((tier, count) -> out.append(String.format(Locale.ROOT, "  %-12s %6d classes%s%n",
                tier.equals("NONE") ? "no evidence" : tier, count,
                tier.equals("FINANCIAL") && byNameAlone > 0 ? " (" + byNameAlone + " on a payments name alone)" : "")));
        out.append(owners(report)).append("\n\n");
        List<ClassAssessment> triage = report.triage(limit);
        out.append("Review these ").append(triage.size()).append(triage.size() == 1 ? " class" : " classes").append(" first:\n");
        int rank = 1;
        for (ClassAssessment assessment : triage) {
            out.append(String.format(Locale.ROOT, "%3d. %-12s score %3d  %s  (owner: %s)%n", rank++, assessment.tierName(),
                    assessment.score(), assessment.className(), assessment.owner().orElse("none")));
            for (Evidence evidence : assessment.evidence()) {
                out.append("       ").append(evidence).append('\n');
            }
        }
        return Redaction.redact(out.toString());
    }

    /**
     * @param report the report
     * @param limit  the triage list's length
     * @return the JSON document
     */
    public static String json(AuditReport report, int limit) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tool", "compliance-harness audit");
        root.put("locations", report.locations());
        root.put("classes", report.classes().size());
        root.put("tiers", report.tierCounts());
        root.put("financialByNameAlone", byNameAlone(report));
        root.put("ownedClasses", report.ownedClassCount());
        root.put("importMillis", report.importTime().toMillis());
        root.put("classificationMillis", report.classificationTime().toMillis());
        root.put("cpuMillis", report.cpuTime().map(Duration::toMillis));
        root.put("triage", report.triage(limit).stream().map(ClassAssessment::className).toList());
        root.put("assessments", report.classes().stream().map(AuditRenderer::json).toList());
        return Json.writeRedacted(root);
    }

    private static Map<String, Object> json(ClassAssessment assessment) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("class", assessment.className());
        map.put("tier", assessment.tierName());
        map.put("score", assessment.score());
        map.put("owner", assessment.owner());
        map.put("ownerSource", assessment.ownerSource());
        map.put("evidence", assessment.evidence().stream().map(evidence -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("category", evidence.category().name());
            item.put("detail", evidence.detail());
            item.put("weight", evidence.weight());
            return item;
        }).toList());
        return map;
    }

    /**
     * @param report the report
     * @param limit  the triage list's length
     * @return the HTML document
     */
    public static String html(AuditReport report, int limit) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<title>Compliance audit</title>\n<style>\n").append(Html.stylesheet())
                .append("</style>\n</head>\n<body>\n<h1>Compliance audit</h1>\n<p class=\"meta\">")
                .append(text(headline(report))).append("<br>").append(text(owners(report))).append("</p>\n")
                .append("<section id=\"tiers\"><h2>Classes by tier</h2><table><thead><tr><th>Tier</th><th>Classes</th></tr></thead><tbody>\n");
        long byNameAlone = byNameAlone(report);
        report.tierCounts().forEach((tier, count) -> out.append("<tr><td><span class=\"tier ").append(tier.toLowerCase(Locale.ROOT))
                .append("\">").append(tier.equals("NONE") ? "no evidence" : tier).append("</span>")
                .append(tier.equals("FINANCIAL") && byNameAlone > 0 ? " <small>" + byNameAlone + " on a payments name alone</small>" : "")
                .append("</td><td class=\"num\">").append(count).append("</td></tr>\n"));
        out.append("</tbody></table></section>\n");
        List<ClassAssessment> triage = report.triage(limit);
        out.append("<section id=\"triage\"><h2>Review these ").append(triage.size()).append(" classes first</h2>\n")
                .append("<table><thead><tr><th>#</th><th>Class</th><th>Tier</th><th>Score</th><th>Owner</th><th>Why</th></tr></thead><tbody>\n");
        int rank = 1;
        for (ClassAssessment assessment : triage) {
            out.append("<tr><td class=\"num\">").append(rank++).append("</td><td><code>").append(text(assessment.className()))
                    .append("</code></td><td><span class=\"tier ").append(assessment.tierName().toLowerCase(Locale.ROOT)).append("\">")
                    .append(assessment.tierName()).append("</span></td><td class=\"num\">").append(assessment.score())
                    .append("</td><td>").append(text(assessment.owner().orElse("none"))).append("</td><td>");
            for (Evidence evidence : assessment.evidence()) {
                out.append(text(evidence.toString())).append("<br>");
            }
            out.append("</td></tr>\n");
        }
        out.append("</tbody></table></section>\n");
        List<ClassAssessment> tiered = report.classes().stream().filter(assessment -> assessment.tier().isPresent()).toList();
        out.append("<section id=\"all-classes\"><h2>Every class with a tier</h2><details><summary>")
                .append(tiered.size()).append(" classes</summary><table><thead><tr><th>Class</th><th>Tier</th><th>Score</th>"
                        + "<th>Owner</th><th>Why</th></tr></thead><tbody>\n");
        for (ClassAssessment assessment : tiered) {
            out.append("<tr><td><code>").append(text(assessment.className())).append("</code></td><td>")
                    .append(assessment.tierName()).append("</td><td class=\"num\">").append(assessment.score()).append("</td><td>")
                    .append(text(assessment.owner().orElse("none"))).append("</td><td>");
            for (Evidence evidence : assessment.evidence()) {
                out.append(text(evidence.toString())).append("<br>");
            }
            out.append("</td></tr>\n");
        }
        return out.append("</tbody></table></details></section>\n</body>\n</html>\n").toString();
    }

    /** Classes whose only tier-giving evidence is their name: weaker than fields or SDK types. */
    private static long byNameAlone(AuditReport report) {
        return report.classes().stream().filter(assessment -> !assessment.evidence().isEmpty() && assessment.evidence().stream()
                .allMatch(evidence -> evidence.category() == Evidence.Category.PAYMENT_NAME
                        || evidence.category() == Evidence.Category.LOGGING)
                && assessment.evidence().stream().anyMatch(evidence -> evidence.category() == Evidence.Category.PAYMENT_NAME))
                .count();
    }

    private static String headline(AuditReport report) {
        double seconds = (report.importTime().toNanos() + report.classificationTime().toNanos()) / 1e9;
        String cpu = report.cpuTime().map(time -> String.format(Locale.ROOT, "; CPU %.2f s, %.0f classes per CPU second",
                time.toNanos() / 1e9, time.isZero() ? 0 : report.classes().size() / (time.toNanos() / 1e9))).orElse("");
        return String.format(Locale.ROOT, "Audit of %s: %d classes in %.2f s (import %.2f s, classification %.2f s;"
                        + " %.0f classes/s%s)", String.join(", ", report.locations()), report.classes().size(), seconds,
                report.importTime().toNanos() / 1e9, report.classificationTime().toNanos() / 1e9,
                seconds == 0 ? 0 : report.classes().size() / seconds, cpu);
    }

    private static String owners(AuditReport report) {
        return "Owners: " + report.ownedClassCount() + " of " + report.classes().size() + " classes have one"
                + (report.codeOwnersRules() == 0 ? " (no CODEOWNERS file given)" : " (CODEOWNERS: " + report.codeOwnersRules() + " rules)");
    }


    /** Text for the page: redacted, then escaped. */
    private static String text(String text) {
        return Html.escape(Redaction.redact(text));
    }
}
