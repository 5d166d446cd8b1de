package dev.complianceharness.audit.internal;

import dev.complianceharness.audit.AuditReport;
import dev.complianceharness.audit.ClassAssessment;
import dev.complianceharness.audit.Evidence;
import dev.complianceharness.audit.GovernanceResult;
import dev.complianceharness.mask.Redaction;
import dev.complianceharness.liability.ZoneDeclaration;
import dev.complianceharness.report.HtmlFragment;
import dev.complianceharness.report.HtmlPage;
import dev.complianceharness.report.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders an {@link AuditReport} as text, JSON or HTML; every text passes the redaction boundary ({@link Redaction}). */
public final class AuditRenderer {

    /** How many of the triage list's classes the summary names. */
    private static final int SUMMARY_TRIAGE = 5;

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
        if (!report.warnings().isEmpty()) {
            out.append(warningsTitle(report)).append(":\n");
            report.warnings().forEach(warning -> out.append("  warning: ").append(warning).append('\n'));
        }
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
        report.governance().ifPresent(results -> {
            out.append("\nGovernance rules:\n");
            for (GovernanceResult result : results) {
                out.append(String.format(Locale.ROOT, "  %-70s %5d violations%n", ruleTitle(result), result.violations().size()));
                result.violations().stream().limit(3).forEach(line -> out.append("      ").append(line).append('\n'));
                if (result.violations().size() > 3) {
                    out.append("      ... ").append(result.violations().size() - 3).append(" more (all of them in --format json or html)\n");
                }
            }
        });
        return Redaction.redact(out.toString());
    }

    private static String ruleTitle(GovernanceResult result) {
        return result.rule() + (result.weaknesses().isEmpty() ? "" : " (" + String.join(", ", result.weaknesses()) + ")");
    }

    private static String warningsTitle(AuditReport report) {
        int count = report.warnings().size();
        return count + (count == 1 ? " warning" : " warnings") + ": the audit could not look at everything";
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
        root.put("warnings", report.warnings());
        root.put("tiers", report.tierCounts());
        root.put("financialByNameAlone", byNameAlone(report));
        root.put("ownedClasses", report.ownedClassCount());
        root.put("importMillis", report.importTime().toMillis());
        root.put("classificationMillis", report.classificationTime().toMillis());
        root.put("cpuMillis", report.cpuTime().map(Duration::toMillis));
        root.put("triage", report.triage(limit).stream().map(ClassAssessment::className).toList());
        root.put("assessments", report.classes().stream().map(AuditRenderer::json).toList());
        report.governance().ifPresent(results -> root.put("governance", results.stream().map(result -> {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("rule", result.rule());
            rule.put("weaknesses", result.weaknesses());
            rule.put("violationCount", result.violations().size());
            rule.put("violations", result.violations());
            return rule;
        }).toList()));
        return Json.writeRedacted(root);
    }

    private static Map<String, Object> json(ClassAssessment assessment) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("class", assessment.className());
        map.put("tier", assessment.tierName());
        map.put("score", assessment.score());
        map.put("owner", assessment.owner());
        map.put("ownerSource", assessment.ownerSource());
        map.put("zone", assessment.zone().map(ZoneDeclaration::name));
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
     * The audit as a page of the shared renderer: a summary first (classes per tier, owners, the classes to review
     * first), a bar that filters by zone, tier and owner and sorts, the ranked triage list and every class with a tier.
     *
     * @param report the report
     * @param limit  the triage list's length
     * @return the HTML document
     */
    public static String html(AuditReport report, int limit) {
        long byNameAlone = byNameAlone(report);
        List<ClassAssessment> triage = report.triage(limit);
        List<HtmlPage.Count> counts = new ArrayList<>();
        report.tierCounts().forEach((tier, count) -> counts.add(new HtmlPage.Count(tier.equals("NONE") ? "no evidence" : tier,
                count, tier.equals("FINANCIAL") && byNameAlone > 0 ? byNameAlone + " on a payments name alone" : "classes",
                false, tier.equals("NONE") ? "" : "#classes")));
        long unowned = report.classes().size() - report.ownedClassCount();
        counts.add(new HtmlPage.Count("without an owner", unowned, "of " + report.classes().size() + " classes", true,
                "#classes"));
        if (!report.warnings().isEmpty()) {
            counts.add(new HtmlPage.Count("warnings", report.warnings().size(), "the audit could not look at everything",
                    true, "#warnings"));
        }
        List<HtmlFragment> first = new ArrayList<>();
        for (ClassAssessment assessment : triage.subList(0, Math.min(SUMMARY_TRIAGE, triage.size()))) {
            first.add(HtmlFragment.empty().tier(assessment.tierName()).verbatim(" ")
                    .link("#" + anchor(assessment), HtmlFragment.ofCode(assessment.className()))
                    .verbatim(" \u00b7 score " + assessment.score() + " \u00b7 ")
                    .small(HtmlFragment.of(assessment.owner().map(owner -> "owner " + owner).orElse("no owner"))));
        }
        HtmlPage page = HtmlPage.titled("Compliance audit")
                .subtitle(HtmlFragment.ofVerbatim(headline(report)).lineBreak().verbatim(owners(report)))
                .summary(new HtmlPage.Summary(HtmlPage.Tone.NEUTRAL, "Audit: " + report.classes().size() + " classes, "
                        + tiered(report).size() + " with a tier", counts,
                        List.of(new HtmlPage.Listing("Review first", first, "no class with evidence"))));
        if (!report.warnings().isEmpty()) {
            page.section("warnings", warningsTitle(report)).notice(HtmlPage.Tone.FAIL, HtmlFragment.empty()
                    .list(report.warnings().stream().map(HtmlFragment::of).toList()));
        }
        page.section("triage", "Review these " + triage.size() + " classes first");
        HtmlPage.Table ranked = HtmlPage.Table.of("#", "Class", "Tier", "Zone", "Score", "Owner", "Why").numeric("#", "Score");
        int rank = 1;
        for (ClassAssessment assessment : triage) {
            ranked.row(HtmlFragment.ofVerbatim(Integer.toString(rank++)), HtmlFragment.ofCode(assessment.className()),
                            HtmlFragment.empty().tier(assessment.tierName()), zone(assessment),
                            HtmlFragment.ofVerbatim(Integer.toString(assessment.score())), owner(assessment), why(assessment))
                    .filterable(facets(assessment)).anchor(anchor(assessment));
        }
        page.table(ranked);
        List<ClassAssessment> tiered = tiered(report);
        page.section("classes", "Every class with a tier").intro(HtmlFragment.ofVerbatim(tiered.size()
                + " classes, most exposed first; a class in a @LiabilityZone has the zone's tier."));
        HtmlPage.Table all = HtmlPage.Table.of("Class", "Tier", "Zone", "Score", "Owner", "Why").numeric("Score");
        for (ClassAssessment assessment : tiered) {
            all.row(HtmlFragment.ofCode(assessment.className()), HtmlFragment.empty().tier(assessment.tierName()),
                    zone(assessment), HtmlFragment.ofVerbatim(Integer.toString(assessment.score())), owner(assessment),
                    why(assessment)).filterable(facets(assessment));
        }
        page.table(all);
        report.governance().ifPresent(results -> {
            page.section("governance", "Governance rules");
            HtmlPage.Table rules = HtmlPage.Table.of("Rule", "Violations").numeric("Violations");
            for (GovernanceResult result : results) {
                HtmlPage.Row row = rules.row(HtmlFragment.ofCode(ruleTitle(result)),
                        HtmlFragment.ofVerbatim(Integer.toString(result.violations().size())));
                if (!result.violations().isEmpty()) {
                    row.detail(HtmlFragment.empty().details(HtmlFragment.ofVerbatim(result.violations().size()
                                    + (result.violations().size() == 1 ? " violation" : " violations")),
                            HtmlFragment.empty().list(result.violations().stream().map(HtmlFragment::of).toList())));
                }
            }
            page.table(rules);
        });
        return page.render();
    }

    private static List<ClassAssessment> tiered(AuditReport report) {
        return report.classes().stream().filter(assessment -> assessment.tier().isPresent()).toList();
    }

    private static HtmlPage.Facets facets(ClassAssessment assessment) {
        return new HtmlPage.Facets(assessment.className(), assessment.zone().map(ZoneDeclaration::name).stream().toList(),
                List.of(assessment.tierName()), assessment.owner().isPresent() ? HtmlPage.Status.OWNED : HtmlPage.Status.NO_OWNER);
    }

    private static HtmlFragment zone(ClassAssessment assessment) {
        return assessment.zone().filter(zone -> zone.tier() != null)
                .map(zone -> HtmlFragment.empty().zone(zone.name(), zone.tier().name()))
                .orElse(HtmlFragment.ofVerbatim("none declared"));
    }

    private static HtmlFragment owner(ClassAssessment assessment) {
        return assessment.owner().map(owner -> HtmlFragment.of(owner).lineBreak()
                .small(HtmlFragment.of(assessment.ownerSource().orElse("")))).orElse(HtmlFragment.empty()
                .status(HtmlPage.Status.NO_OWNER, "none"));
    }

    private static HtmlFragment why(ClassAssessment assessment) {
        HtmlFragment why = HtmlFragment.empty();
        for (Evidence evidence : assessment.evidence()) {
            if (evidence.category() == Evidence.Category.DECLARED_ZONE && assessment.zone().isPresent()) {
                continue;   // the zone column shows it
            }
            if (!why.isEmpty()) {
                why.lineBreak();
            }
            why.text(evidence.toString());
        }
        return why;
    }

    private static String anchor(ClassAssessment assessment) {
        return "class-" + assessment.className();
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

}
