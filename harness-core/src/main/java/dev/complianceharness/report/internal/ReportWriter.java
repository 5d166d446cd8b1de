package dev.complianceharness.report.internal;

import dev.complianceharness.invariant.PolicyChoice;
import dev.complianceharness.mask.Redaction;
import dev.complianceharness.mask.RedactionPolicy;
import dev.complianceharness.report.internal.ComplianceReport.Gate;
import dev.complianceharness.report.internal.ComplianceReport.InvariantSummary;
import dev.complianceharness.report.internal.ComplianceReport.PropertyRunInTest;
import dev.complianceharness.report.internal.ComplianceReport.RubricItem;
import dev.complianceharness.report.internal.ComplianceReport.TestFailure;
import dev.complianceharness.report.internal.ComplianceReport.TestRun;
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
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes {@code report.json}, {@code gate.txt} and a self-contained {@code index.html} (inline styles, no
 * scripts, no network access) into the report directory. Every text passes the redaction boundary
 * ({@link Redaction}) before it is written; numbers the harness wrote (counts, seeds) stay as they are.
 */
public final class ReportWriter {

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
        Path temporary = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
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
        root.put("launches", report.launches().stream().map(launch -> ordered("id", launch.id(), "module", launch.module(),
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
                        "source", regulation.source(),
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
                        "choice", policy.choice(), "reason", policy.reason(), "source", policy.source())).toList());
    }

    /**
     * The report as a self-contained HTML page.
     *
     * @param report the report
     * @return an HTML document
     */
    public static String html(ComplianceReport report) {
        Html html = new Html();
        html.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .raw("<title>Compliance report</title>\n<style>\n").raw(dev.complianceharness.report.Html.stylesheet()).raw("</style>\n</head>\n<body>\n");
        html.raw("<h1>Compliance report</h1>\n<p class=\"meta\">Generated ").text(report.generatedAt().toString())
                .raw(" &middot; ").text(count(report.zones().size(), "liability zone", "liability zones"))
                .raw(" &middot; ").text(report.invariants().size() + " invariants")
                .raw(" &middot; ").text(report.failedInvariantCount() + " with violations").raw("</p>\n");
        html.raw("<p class=\"meta\">Personal data redacted: ").text(Redaction.policy().describe());
        Redaction.policy().problems().forEach(problem -> html.raw("<br><b>").text(problem).raw("</b>"));
        html.raw("</p>\n");
        appendGate(html, report.gate());
        appendWarnings(html, report.warnings(), report.runWarnings());
        appendTests(html, report.tests());
        appendZones(html, report.zones(), report.liabilityMapProblems());
        appendInvariants(html, report.invariants());
        appendProperties(html, report.properties());
        appendModules(html, report.modules());
        appendLaunches(html, report.launches());
        html.raw("</body>\n</html>\n");
        return html.toString();
    }

    private static void appendTests(Html html, List<TestResult> tests) {
        List<TestResult> notPassed = tests.stream().filter(test -> test.status() != TestResult.Status.PASSED).toList();
        html.raw("<section id=\"tests\">\n<h2>Tests</h2>\n<p class=\"meta\">").text(count(tests.size(), "test", "tests")
                + " ran under the harness, " + notPassed.size() + " did not pass").raw("</p>\n");
        if (!notPassed.isEmpty()) {
            html.raw("<table>\n<thead><tr><th>Test</th><th>Status</th><th>Why</th></tr></thead>\n<tbody>\n");
            for (TestResult test : notPassed) {
                html.raw("<tr class=\"").raw(test.status() == TestResult.Status.ABORTED ? "warning" : "failed")
                        .raw("\"><td>").text(Redaction.redact(simpleName(test.testClass()) + " \u203a " + test.name()))
                        .raw("</td><td>").text(test.status().name().toLowerCase(Locale.ROOT)).raw("</td><td>")
                        .text(Redaction.redact(test.failure().orElse(""))).raw("</td></tr>\n");
            }
            html.raw("</tbody>\n</table>\n");
        }
        html.raw("</section>\n");
    }

    private static void appendLaunches(Html html, List<ReportMerge.Launch> launches) {
        html.raw("<section id=\"launches\">\n<h2>Merged test launches</h2>\n<table>\n<thead><tr><th>Launch</th><th>Module</th>"
                + "<th>Finished</th><th>Tests</th></tr></thead>\n<tbody>\n");
        for (ReportMerge.Launch launch : launches) {
            html.raw("<tr><td><code>").text(launch.id()).raw("</code></td><td>").text(launch.module()).raw("</td><td>")
                    .text(launch.finishedAt().toString()).raw("</td><td class=\"num\">").text(Integer.toString(launch.tests()))
                    .raw("</td></tr>\n");
        }
        html.raw("</tbody>\n</table>\n</section>\n");
    }

    private static void appendWarnings(Html html, List<TestWarning> warnings, List<String> runWarnings) {
        if (warnings.isEmpty() && runWarnings.isEmpty()) {
            return;
        }
        html.raw("<section id=\"warnings\">\n<h2>").text(count(warnings.size() + runWarnings.size(), "warning", "warnings"))
                .raw(": what the harness could not check</h2>\n<table>\n<thead><tr><th>Test</th><th>Warning</th></tr>"
                        + "</thead>\n<tbody>\n");
        for (String warning : runWarnings) {
            html.raw("<tr class=\"warning\"><td>the whole launch</td><td>").text(Redaction.redact(warning)).raw("</td></tr>\n");
        }
        for (TestWarning warning : warnings) {
            html.raw("<tr class=\"warning\"><td>").text(Redaction.redact(simpleName(warning.testClass()) + " \u203a "
                    + warning.testName())).raw("</td><td>").text(Redaction.redact(warning.warning())).raw("</td></tr>\n");
        }
        html.raw("</tbody>\n</table>\n</section>\n");
    }

    private static void appendGate(Html html, Gate gate) {
        html.raw("<section id=\"gate\" class=\"gate ").raw(gate.passed() ? "pass" : "fail").raw("\">\n<h2>Gate: ")
                .raw(gate.passed() ? "PASS" : "FAIL").raw("</h2>\n<p>Criteria:</p><ul>");
        for (String criterion : Gate.CRITERIA) {
            html.raw("<li>").text(criterion).raw("</li>");
        }
        html.raw("</ul>\n");
        if (!gate.passed()) {
            html.raw("<p>Failures:</p><ul class=\"failures\">");
            for (String failure : gate.failures()) {
                html.raw("<li>").text(failure).raw("</li>");
            }
            html.raw("</ul>\n");
        }
        html.raw("</section>\n");
    }

    private static void appendZones(Html html, List<ZoneSummary> zones, List<String> problems) {
        html.raw("<section id=\"liability-map\">\n<h2>Liability map</h2>\n");
        if (!problems.isEmpty()) {
            html.raw("<div class=\"map-problems\"><p>The liability map could not be built:</p><ul>");
            for (String problem : problems) {
                html.raw("<li>").text(Redaction.redact(problem)).raw("</li>");
            }
            html.raw("</ul></div>\n");
        } else if (zones.isEmpty()) {
            html.raw("<p class=\"meta\">No liability zones declared. Annotate packages (in <code>package-info.java</code>)"
                    + " or classes with <code>@LiabilityZone</code>; the report reads them from the module's compiled"
                    + " classes, or from <code>complianceharness.liability.paths</code> or"
                    + " <code>complianceharness.liability.packages</code>.</p>\n");
        } else {
            long unguarded = zones.stream().filter(zone -> zone.status() == ComplianceReport.ZoneStatus.UNGUARDED).count();
            html.raw("<p class=\"legend\"><span class=\"tier regulatory\">REGULATORY</span> <span class=\"tier financial\">"
                    + "FINANCIAL</span> <span class=\"tier reputational\">REPUTATIONAL</span> &middot; ")
                    .text(zones.size() + (zones.size() == 1 ? " zone, " : " zones, ") + unguarded + " with no guarding invariant")
                    .raw("</p>\n");
        }
        for (ZoneSummary zone : zones) {
            String tier = zone.zone().tier().name().toLowerCase(Locale.ROOT);
            html.raw("<article class=\"zone ").raw(tier).raw(' ' + zone.status().name().toLowerCase(Locale.ROOT))
                    .raw("\" data-zone=\"").text(zone.zone().name()).raw("\">\n<h3><span class=\"tier ").raw(tier).raw("\">")
                    .text(zone.zone().tier().name()).raw("</span> ").text(zone.zone().name())
                    .raw(" <span class=\"status\">").text(statusText(zone)).raw("</span></h3>\n<p>Owner: ")
                    .text(zone.zone().owner().isEmpty() ? "none named" : zone.zone().owner())
                    .raw(" &middot; Regulations: ").text(zone.zone().regulations().isEmpty() ? "none named"
                            : String.join(", ", zone.zone().regulations()))
                    .raw(" &middot; ").text(count(zone.zone().classes().size(), "class", "classes")).raw("</p>\n");
            if (zone.status() == ComplianceReport.ZoneStatus.UNGUARDED) {
                html.raw("<p class=\"unguarded-flag\"><strong>Unguarded:</strong> no invariant that ran enforces ")
                        .text(zone.zone().regulations().isEmpty() ? "this zone" : "its regulations")
                        .raw(" or is named as its guard. Add an invariant module to the tests of this code, or name one in"
                                + " <code>guardedBy</code>.</p>\n");
            }
            if (!zone.missingGuards().isEmpty()) {
                html.raw("<p class=\"unguarded-flag\">Named as guards but did not run: ")
                        .text(String.join(", ", zone.missingGuards())).raw("</p>\n");
            }
            if (!zone.zone().classes().isEmpty()) {
                html.raw("<details><summary>which classes</summary><ul>");
                for (String className : zone.zone().classes()) {
                    html.raw("<li><code>").text(className).raw("</code></li>");
                }
                html.raw("</ul></details>\n");
            }
            if (!zone.guards().isEmpty()) {
                html.raw("<p>Guarded by: ");
                String separator = "";
                for (InvariantSummary guard : zone.guards()) {
                    html.raw(separator).raw("<a href=\"#").text(guard.invariant().id()).raw("\"><code>")
                            .text(guard.invariant().id()).raw("</code></a> (").raw(guard.result()).raw(")");
                    separator = ", ";
                }
                html.raw("</p>\n");
            }
            if (!zone.rubric().isEmpty()) {
                html.raw("<table class=\"rubric\"><thead><tr><th>Reviewer checklist</th><th>Automated by</th>"
                        + "<th>Needs a human</th></tr></thead><tbody>\n");
                for (RubricItem item : zone.rubric()) {
                    html.raw("<tr><td>").text(item.question()).raw("</td><td>");
                    if (item.automation().isEmpty()) {
                        html.raw("nothing");
                    }
                    for (Map.Entry<String, String> automated : item.automation().entrySet()) {
                        html.raw("<code>").text(automated.getKey()).raw("</code>: ").text(automated.getValue()).raw("<br>");
                    }
                    html.raw("</td><td>").raw(item.needsHuman() ? "yes" : "no").raw("</td></tr>\n");
                }
                html.raw("</tbody></table>\n");
            }
            html.raw("</article>\n");
        }
        html.raw("</section>\n");
    }

    private static String statusText(ZoneSummary zone) {
        return switch (zone.status()) {
            case GUARDED -> "guarded, passing";
            case FAILING -> "guarded, failing";
            case UNGUARDED -> "no guarding invariant";
        };
    }

    private static void appendInvariants(Html html, List<InvariantSummary> invariants) {
        html.raw("<section id=\"invariants\">\n<h2>Invariants</h2>\n<table>\n<thead><tr><th>Invariant</th><th>Tier</th>"
                + "<th>Regulation</th><th>Owner</th><th>Module</th><th>Passed</th><th>Failed</th><th>Errored</th></tr></thead>\n"
                + "<tbody>\n");
        for (InvariantSummary summary : invariants) {
            appendInvariantRow(html, summary);
        }
        html.raw("</tbody>\n</table>\n</section>\n");
    }

    private static void appendInvariantRow(Html html, InvariantSummary summary) {
        InvariantInfo invariant = summary.invariant();
        InvariantInfo.RegulationInfo regulation = invariant.regulation();
        String tier = invariant.tier().name().toLowerCase(Locale.ROOT);
        html.raw("<tr class=\"").raw(summary.passed() ? "passed" : "failed").raw("\" id=\"").text(invariant.id())
                .raw("\"><td><code>").text(invariant.id()).raw("</code><br>").text(invariant.description())
                .raw("<details><summary>").text(count(summary.tests().size(), "test", "tests")).raw("</summary><ul>");
        for (TestRun run : summary.tests()) {
            html.raw("<li>").text(simpleName(run.testClass()) + " \u203a " + run.testName()).raw(" <small>(")
                    .text(run.module()).raw(", ").raw(run.status() == dev.complianceharness.invariant.InvariantResult.Status.HELD
                            ? "passed" : run.status() == dev.complianceharness.invariant.InvariantResult.Status.VIOLATED
                            ? "failed" : "errored").raw(")</small></li>");
        }
        html.raw("</ul></details></td><td><span class=\"tier ").raw(tier).raw("\">").text(invariant.tier().name())
                .raw("</span></td><td>");
        if (regulation.source().isPresent()) {
            html.raw("<a href=\"").text(regulation.source().get()).raw("\">").text(regulation.citation()).raw("</a>");
        } else {
            html.text(regulation.citation());
        }
        html.raw("<br><small>").text(regulation.jurisdiction() + ", "
                        + regulation.confidence().toLowerCase(Locale.ROOT) + " confidence").raw("</small></td><td>")
                .text(invariant.owner()).raw("</td><td>")
                .text(String.join(", ", new TreeSet<>(summary.moduleVersions()))).raw("</td><td class=\"num\">")
                .text(Integer.toString(summary.passedTests())).raw("</td><td class=\"num\">")
                .text(Integer.toString(summary.failedTests())).raw("</td><td class=\"num\">")
                .text(Integer.toString(summary.erroredTests())).raw("</td></tr>\n");
        for (TestFailure failure : summary.failures()) {
            html.raw("<tr class=\"violation\"><td colspan=\"8\"><strong>")
                    .text(simpleName(failure.testClass()) + " \u203a " + failure.testName()).raw("</strong><ul>");
            for (InvariantOutcome.ViolationText violation : failure.violations()) {
                html.raw("<li>").text(Redaction.redact(violation.message()));
                for (String evidence : violation.evidence()) {
                    html.raw("<br><small>").text(Redaction.redact(evidence)).raw("</small>");
                }
                html.raw("</li>");
            }
            failure.error().ifPresent(error -> html.raw("<li class=\"errored\"><strong>errored:</strong> ")
                    .text(Redaction.redact(error)).raw("</li>"));
            html.raw("</ul></td></tr>\n");
        }
    }

    private static void appendProperties(Html html, List<PropertyRunInTest> properties) {
        if (properties.isEmpty()) {
            return;
        }
        html.raw("<section id=\"properties\">\n<h2>Generated properties</h2>\n<table>\n<thead><tr><th>Property</th>"
                + "<th>Test</th><th>Tries</th><th>Seed</th><th>Labels and notes</th><th>Result</th></tr></thead>\n<tbody>\n");
        for (PropertyRunInTest run : properties) {
            PropertyOutcome property = run.property();
            html.raw("<tr class=\"").raw(property.passed() ? "passed" : "failed").raw("\"><td>").text(property.property())
                    .raw("</td><td>").text(simpleName(run.test().testClass()) + " \u203a " + run.test().name())
                    .raw("</td><td class=\"num\">").number(property.tries()).raw("</td><td><code>")
                    .number(property.seed()).raw("</code></td><td>");
            for (Map.Entry<String, Long> label : new TreeMap<>(property.labels()).entrySet()) {
                html.text(label.getKey() + ": " + label.getValue()).raw("<br>");
            }
            for (Map.Entry<String, String> note : property.notes().entrySet()) {
                html.raw("<small><b>").text(note.getKey()).raw("</b>: ").text(note.getValue()).raw("</small><br>");
            }
            html.raw("</td><td>").text(property.passed() ? "passed"
                    : property.failureSummary().map(Redaction::redact).orElse("failed")).raw("</td></tr>\n");
        }
        html.raw("</tbody>\n</table>\n</section>\n");
    }

    private static void appendModules(Html html, List<ModuleDescription> modules) {
        if (modules.isEmpty()) {
            return;
        }
        html.raw("<section id=\"modules\">\n<h2>Modules</h2>\n<table>\n<thead><tr><th>Module</th><th>Version</th>"
                + "<th>Rules reviewed</th><th>Data versions</th><th>Policies</th><th>Overrides</th></tr></thead>\n<tbody>\n");
        for (ModuleDescription module : modules) {
            html.raw("<tr><td>").text(module.title()).raw("<br><code>").text(module.id()).raw("</code></td><td>")
                    .text(module.version()).raw("</td><td>").text(module.reviewedOn().map(Object::toString).orElse("not declared"))
                    .raw("</td><td>");
            for (Map.Entry<String, String> data : new TreeMap<>(module.dataVersions()).entrySet()) {
                html.text(data.getKey() + ": " + data.getValue()).raw("<br>");
            }
            html.raw("</td><td>");
            for (PolicyChoice policy : module.policies()) {
                html.raw("<b>").text(policy.policy()).raw("</b>: ").text(policy.choice());
                if (!policy.reason().isEmpty()) {
                    html.raw(" <small>").text(policy.reason()).raw("</small>");
                }
                if (policy.source().startsWith("https://")) {
                    html.raw(" <a href=\"").text(policy.source()).raw("\">source</a>");
                } else if (!policy.source().isEmpty()) {
                    html.raw(" <small>(").text(policy.source()).raw(")</small>");
                }
                html.raw("<br>");
            }
            html.raw("</td><td>");
            List<String> overrides = new ArrayList<>();
            module.overrides().forEach(override -> overrides.add(override.replacementInvariantId() + " replaces "
                    + override.replacedInvariantId() + " (" + override.replacedModuleId() + "): " + override.reason()));
            for (String override : overrides) {
                html.text(override).raw("<br>");
            }
            html.raw("</td></tr>\n");
        }
        html.raw("</tbody>\n</table>\n</section>\n");
    }

    private static String count(int count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** Appends raw markup or escaped text. */
    private static final class Html {
        private final StringBuilder out = new StringBuilder();

        Html raw(String markup) {
            out.append(markup);
            return this;
        }

        /** Appends text from the report, redacted, then escaped. */
        Html text(String text) {
            out.append(dev.complianceharness.report.Html.escape(Redaction.redact(text)));
            return this;
        }

        /** Appends a number the harness wrote, such as a seed or a count, as it is. */
        Html number(long number) {
            out.append(number);
            return this;
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
