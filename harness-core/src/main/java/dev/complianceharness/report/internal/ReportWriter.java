package dev.complianceharness.report.internal;

import dev.complianceharness.invariant.PolicyChoice;
import dev.complianceharness.mask.Redaction;
import dev.complianceharness.mask.RedactionPolicy;
import dev.complianceharness.report.internal.ComplianceReport.Gate;
import dev.complianceharness.report.internal.ComplianceReport.InvariantSummary;
import dev.complianceharness.report.internal.ComplianceReport.PropertyRunInTest;
import dev.complianceharness.report.internal.ComplianceReport.TestWarning;
import dev.complianceharness.report.internal.ComplianceReport.ZoneSummary;
import dev.complianceharness.report.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes {@code report.json}, {@code gate.txt} and a self-contained {@code index.html} (inline style and script,
 * no network access, written by {@link ReportPage} through the shared renderer) into the report directory. Every
 * text passes the redaction boundary ({@link Redaction}) before it is written; numbers the harness wrote (counts,
 * seeds) stay as they are.
 */
public final class ReportWriter {

    /** Numbers this JVM's temporary files, which carry the process id: unique without a random name. */
    private static final AtomicLong TEMPORARY_FILES = new AtomicLong();

    private final Path directory;

    /**
     * @param directory where to write the report; created if missing
     */
    public ReportWriter(Path directory) {
        this.directory = directory;
    }

    /**
     * Writes the files.
     *
     * @param report the report
     * @return the path of {@code index.html}
     * @throws IOException if the files cannot be written
     */
    public Path write(ComplianceReport report) throws IOException {
        Files.createDirectories(directory);
        writeAtomically(directory.resolve("report.json"), json(report));
        writeAtomically(directory.resolve("gate.txt"), gate(report));
        Path index = directory.resolve("index.html");
        writeAtomically(index, html(report));
        return index;
    }

    static void writeAtomically(Path target, String content) throws IOException {
        // not Files.createTempFile: its random names start SecureRandom, tens of milliseconds in a cold test JVM
        Path temporary = target.resolveSibling(target.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + TEMPORARY_FILES.incrementAndGet() + ".tmp");
        Files.writeString(temporary, content, StandardCharsets.UTF_8);
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The gate as a small properties file a CI script can read with {@code grep}: {@code status=PASS} or
     * {@code status=FAIL}, the counts, then one {@code failure.N=} line per failed criterion.
     *
     * @param report the report
     * @return the file's content
     */
    public static String gate(ComplianceReport report) {
        Gate gate = report.gate();
        StringBuilder text = new StringBuilder("status=").append(gate.passed() ? "PASS" : "FAIL").append('\n')
                .append("zones=").append(report.zones().size()).append('\n')
                .append("invariants=").append(report.invariants().size()).append('\n')
                .append("failedInvariants=").append(report.failedInvariantCount()).append('\n')
                .append("erroredInvariants=").append(report.erroredInvariantCount()).append('\n')
                .append("properties=").append(report.properties().size()).append('\n')
                .append("tests=").append(report.tests().size()).append('\n')
                .append("failedTests=").append(report.failedTestCount()).append('\n')
                .append("launches=").append(report.launches().size()).append('\n')
                .append("warnings=").append(report.warnings().size() + report.runWarnings().size()).append('\n');
        // failure lines are masked where they quote test output when they are made, so seeds and ids stay readable
        for (int i = 0; i < gate.failures().size(); i++) {
            text.append("failure.").append(i + 1).append('=').append(oneLine(Redaction.redact(gate.failures().get(i)))).append('\n');
        }
        List<String> warnings = new ArrayList<>();
        for (TestWarning warning : report.warnings()) {
            warnings.add(Redaction.redact(simpleName(warning.testClass()) + " \u203a " + warning.testName() + ": " + warning.warning()));
        }
        report.runWarnings().forEach(warning -> warnings.add(Redaction.redact(warning)));
        for (int i = 0; i < warnings.size(); i++) {
            text.append("warning.").append(i + 1).append('=').append(oneLine(warnings.get(i))).append('\n');
        }
        return text.toString();
    }

    private static String oneLine(String text) {
        return text.replace('\n', ' ').replace('\r', ' ');
    }

    /**
     * The report as JSON.
     *
     * @param report the report
     * @return a JSON document
     */
    public static String json(ComplianceReport report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("generatedAt", report.generatedAt().toString());
        root.put("gate", ordered("status", report.gate().passed() ? "PASS" : "FAIL", "criteria", Gate.CRITERIA,
                "failures", report.gate().failures()));
        root.put("summary", ordered("zones", report.zones().size(), "invariants", report.invariants().size(),
                "failedInvariants", report.failedInvariantCount(), "erroredInvariants", report.erroredInvariantCount(),
                "properties", report.properties().size(), "tests", report.tests().size(),
                "failedTests", report.failedTestCount(), "launches", report.launches().size(),
                "warnings", report.warnings().size() + report.runWarnings().size()));
        root.put("liabilityMapProblems", report.liabilityMapProblems().stream().map(Redaction::redact).toList());
        root.put("mergeProblems", report.mergeProblems());
        root.put("zones", report.zones().stream().map(ReportWriter::zoneJson).toList());
        root.put("invariants", report.invariants().stream().map(ReportWriter::invariantJson).toList());
        root.put("tests", report.tests().stream().map(test -> ordered("testClass", test.testClass(),
                "test", Redaction.redact(test.name()), "status", test.status().name(), "failure", test.failure().map(Redaction::redact),
                "invariants", test.invariants().stream().map(outcome -> ordered("invariant", outcome.invariant().id(),
                        "module", outcome.moduleId() + " " + outcome.moduleVersion(), "status", outcome.status().name()))
                        .toList())).toList());
        root.put("properties", report.properties().stream().map(ReportWriter::propertyJson).toList());
        root.put("modules", report.modules().stream().map(ReportWriter::moduleJson).toList());
        root.put("warnings", report.warnings().stream().map(warning -> ordered("testClass", warning.testClass(),
                "test", Redaction.redact(warning.testName()), "warning", Redaction.redact(warning.warning()))).toList());
        root.put("runWarnings", report.runWarnings().stream().map(Redaction::redact).toList());
        root.put("launches", report.launches().stream().map(launch -> ordered("id", new Json.Verbatim(launch.id()), "module", new Json.Verbatim(launch.module()),
                "startedAt", launch.startedAt().toString(), "finishedAt", launch.finishedAt().toString(),
                "tests", launch.tests())).toList());
        RedactionPolicy redaction = Redaction.policy();
        root.put("redaction", ordered("policy", redaction.describe(), "problems", redaction.problems()));
        return Json.writeRedacted(root);
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static Map<String, Object> zoneJson(ZoneSummary zone) {
        return ordered("name", zone.zone().name(), "tier", zone.zone().tier().name(), "owner", zone.zone().owner(),
                "regulations", zone.zone().regulations(), "namedGuards", zone.zone().guardedBy(),
                "classes", zone.zone().classes(),
                "status", zone.status().name(),
                "guardedBy", zone.guards().stream().map(guard -> ordered("invariant", guard.invariant().id(),
                        "passed", guard.passed())).toList(),
                "missingGuards", zone.missingGuards(),
                "guardsAboveItsTier", zone.guardsAboveItsTier().stream().map(guard -> guard.invariant().id()).toList(),
                "rubric", zone.rubric().stream().map(item -> ordered("module", item.moduleId(), "question", item.question(),
                        "automatedBy", item.automation(), "needsHuman", item.needsHuman())).toList());
    }

    private static Map<String, Object> invariantJson(InvariantSummary summary) {
        InvariantInfo invariant = summary.invariant();
        InvariantInfo.RegulationInfo regulation = invariant.regulation();
        return ordered("id", invariant.id(), "description", invariant.description(), "form", invariant.form(),
                "tier", invariant.tier().name(),
                "owner", ordered("name", invariant.ownerName(), "contact", invariant.ownerContact()),
                "modules", List.copyOf(new TreeSet<>(summary.moduleVersions())),
                "regulation", ordered("id", regulation.id(), "title", regulation.title(), "citation", regulation.citation(),
                        "jurisdiction", regulation.jurisdiction(),
                        "source", regulation.source().map(ReportWriter::sourceAddress),
                        "effectiveFrom", regulation.effectiveFrom(),
                        "effectiveTo", regulation.effectiveTo(),
                        "confidence", regulation.confidence()),
                "rationale", invariant.rationale(),
                "result", summary.result(),
                "passedTests", summary.passedTests(), "failedTests", summary.failedTests(),
                "erroredTests", summary.erroredTests(),
                "tests", summary.tests().stream().map(run -> ordered("testClass", run.testClass(), "test", run.testName(),
                        "module", run.module(), "passed", run.passed(), "status", run.status().name())).toList(),
                "failures", summary.failures().stream().map(failure -> ordered("testClass", failure.testClass(),
                        "test", failure.testName(), "violations", failure.violations().stream()
                                .map(violation -> ordered("message", Redaction.redact(violation.message()),
                                        "evidence", violation.evidence().stream().map(Redaction::redact).toList()))
                                .toList(), "error", failure.error().map(Redaction::redact))).toList());
    }

    private static Map<String, Object> propertyJson(PropertyRunInTest run) {
        PropertyOutcome property = run.property();
        return ordered("property", property.property(), "testClass", run.test().testClass(), "test", run.test().name(),
                "tries", property.tries(), "seed", new Json.Verbatim(Long.toString(property.seed())), "passed", property.passed(),
                "labels", new TreeMap<>(property.labels()), "notes", property.notes(),
                "failure", property.failureSummary().map(Redaction::redact));
    }

    private static Map<String, Object> moduleJson(ModuleDescription module) {
        return ordered("id", module.id(), "version", module.version(), "title", module.title(),
                "rulesReviewedOn", module.reviewedOn().map(Object::toString),
                "dataVersions", new TreeMap<>(module.dataVersions()),
                "overrides", module.overrides().stream().map(override -> ordered("replaced", override.replacedInvariantId(),
                        "replacedModule", override.replacedModuleId(), "replacement", override.replacementInvariantId(),
                        "reason", override.reason())).toList(),
                "rubric", module.rubric().stream().map(question -> ordered("question", question.question(),
                        "automatedBy", question.automatedBy())).toList(),
                "policies", module.policies().stream().map(policy -> ordered("policy", policy.policy(),
                        "choice", policy.choice(), "reason", policy.reason(), "source", sourceAddress(policy.source()))).toList());
    }

    /**
     * A module author's source: a web address is kept as written (its path holds regulation numbers such as
     * {@code 2016/679}, never customer data); any other text passes the boundary like the rest.
     */
    static Object sourceAddress(String source) {
        return source.startsWith("https://") && source.indexOf('?') < 0 && source.indexOf('@') < 0
                ? new Json.Verbatim(source) : source;
    }

    /**
     * The report as a self-contained HTML page, written by the shared renderer ({@link ReportPage}).
     *
     * @param report the report
     * @return an HTML document
     */
    public static String html(ComplianceReport report) {
        return ReportPage.html(report);
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
