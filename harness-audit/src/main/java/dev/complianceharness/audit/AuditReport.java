package dev.complianceharness.audit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.audit.internal.AuditRenderer;
import dev.complianceharness.invariant.LiabilityTier;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The result of a {@link CodebaseAudit}: every class with its tier, reasons and owner, most exposed first,
 * as text, JSON or a self-contained HTML page. Only names (of classes, fields, methods and types) are
 * reported, never values, and every text passes through the harness's masking once more.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class AuditReport {

    private final List<String> locations;
    private final List<ClassAssessment> classes;
    private final Duration importTime;
    private final Duration classificationTime;
    private final int codeOwnersRules;
    private final Optional<Duration> cpuTime;
    private final List<String> warnings;
    private final Optional<List<GovernanceResult>> governance;

    AuditReport(List<String> locations, List<ClassAssessment> classes, Duration importTime, Duration classificationTime,
                Optional<Duration> cpuTime, int codeOwnersRules, List<String> warnings,
                Optional<List<GovernanceResult>> governance) {
        this.warnings = List.copyOf(warnings);
        this.governance = governance.map(List::copyOf);
        this.cpuTime = cpuTime;
        this.locations = List.copyOf(locations);
        this.classes = List.copyOf(classes);
        this.importTime = importTime;
        this.classificationTime = classificationTime;
        this.codeOwnersRules = codeOwnersRules;
    }

    /** @return the audited jars and directories */
    public List<String> locations() {
        return locations;
    }

    /** @return every audited class, most exposed tier first, then by score */
    public List<ClassAssessment> classes() {
        return classes;
    }

    /**
     * The classes to review first.
     *
     * @param limit how many at most
     * @return the highest-ranked classes that have a tier
     */
    public List<ClassAssessment> triage(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("The triage list's length must not be negative, was " + limit);
        }
        return classes.stream().filter(assessment -> assessment.tier().isPresent()).limit(limit).toList();
    }

    /** @return how many classes fall in each tier, {@code "NONE"} last */
    public Map<String, Long> tierCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (LiabilityTier tier : LiabilityTier.values()) {
            counts.put(tier.name(), classes.stream().filter(assessment -> assessment.tier().orElse(null) == tier).count());
        }
        counts.put("NONE", classes.stream().filter(assessment -> assessment.tier().isEmpty()).count());
        return counts;
    }

    /** @return how many classes have a known owner */
    public long ownedClassCount() {
        return classes.stream().filter(assessment -> assessment.owner().isPresent()).count();
    }

    /** @return how long importing the classes took */
    public Duration importTime() {
        return importTime;
    }

    /** @return how long classifying and ranking them took */
    public Duration classificationTime() {
        return classificationTime;
    }

    /**
     * The processor time the audit's thread spent, which unlike the elapsed times hardly depends on what
     * else the machine is doing.
     *
     * @return the thread's CPU time for import and classification; empty where the JVM cannot measure it
     */
    public Optional<Duration> cpuTime() {
        return cpuTime;
    }

    /**
     * What the audit could not look at: class files over the size limit, entries that are not class files or
     * could not be imported, archives inside a jar. Shown first in every format, so a partial audit is never
     * taken for a complete one.
     *
     * @return one line per problem; empty when every class file was audited
     */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * The governance rules' results, when the audit was asked for them ({@link CodebaseAudit#withGovernanceRules()}).
     *
     * @return one result per rule; empty when the rules were not checked
     */
    public Optional<List<GovernanceResult>> governance() {
        return governance;
    }

    /** @return how many rules the CODEOWNERS file had; 0 when none was given */
    public int codeOwnersRules() {
        return codeOwnersRules;
    }

    /**
     * The report for a terminal: the summary, the warnings, the triage list and the governance results.
     *
     * @param limit how many classes the triage list shows
     * @return the text
     */
    public String toText(int limit) {
        return AuditRenderer.text(this, limit);
    }

    /**
     * The report as JSON: the summary, the warnings, the triage list, every class with its evidence and the
     * governance results.
     *
     * @param limit how many classes the triage list holds
     * @return the JSON document
     */
    public String toJson(int limit) {
        return AuditRenderer.json(this, limit);
    }

    /**
     * The report as a self-contained HTML page (inline styles, no scripts, no network access).
     *
     * @param limit how many classes the triage list shows
     * @return the HTML document
     */
    public String toHtml(int limit) {
        return AuditRenderer.html(this, limit);
    }
}
