package dev.complianceharness.audit;

import dev.complianceharness.audit.internal.AuditRenderer;
import dev.complianceharness.invariant.LiabilityTier;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of a {@link CodebaseAudit}: every class with its tier, reasons and owner, most exposed first,
 * as text, JSON or a self-contained HTML page. Only names (of classes, fields, methods and types) are
 * reported, never values, and every text passes through the harness's masking once more.
 */
public final class AuditReport {

    private final List<String> locations;
    private final List<ClassAssessment> classes;
    private final Duration importTime;
    private final Duration classificationTime;
    private final int codeOwnersRules;
    private final Optional<Duration> cpuTime;

    AuditReport(List<String> locations, List<ClassAssessment> classes, Duration importTime, Duration classificationTime,
                Optional<Duration> cpuTime, int codeOwnersRules) {
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

    /** @return how many rules the CODEOWNERS file had; 0 when none was given */
    public int codeOwnersRules() {
        return codeOwnersRules;
    }

    /**
     * The report for a terminal: the summary and the triage list.
     *
     * @param limit how many classes the triage list shows
     * @return the text
     */
    public String toText(int limit) {
        return AuditRenderer.text(this, limit);
    }

    /**
     * The report as JSON: the summary, the triage list and every class with its evidence.
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
