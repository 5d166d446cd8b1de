package dev.complianceharness.report.internal;

import dev.complianceharness.invariant.InvariantResult;
import dev.complianceharness.invariant.LiabilityTier;
import dev.complianceharness.invariant.PolicyChoice;
import dev.complianceharness.mask.Redaction;
import dev.complianceharness.report.HtmlFragment;
import dev.complianceharness.report.HtmlPage;
import dev.complianceharness.report.HtmlPage.Count;
import dev.complianceharness.report.HtmlPage.Facets;
import dev.complianceharness.report.HtmlPage.Listing;
import dev.complianceharness.report.HtmlPage.Status;
import dev.complianceharness.report.HtmlPage.Table;
import dev.complianceharness.report.internal.ComplianceReport.Gate;
import dev.complianceharness.report.internal.ComplianceReport.InvariantSummary;
import dev.complianceharness.report.internal.ComplianceReport.PropertyRunInTest;
import dev.complianceharness.report.internal.ComplianceReport.RubricItem;
import dev.complianceharness.report.internal.ComplianceReport.TestRun;
import dev.complianceharness.report.internal.ComplianceReport.TestWarning;
import dev.complianceharness.report.internal.ComplianceReport.ZoneStatus;
import dev.complianceharness.report.internal.ComplianceReport.ZoneSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The compliance report (and the aggregate report of a build) as a page of the shared renderer: the gate and what
 * needs attention first, then the tests (those that did not pass first, with what failed in them, every line once),
 * what could not be checked, the liability map, the invariants, the generated properties, the modules and the merged
 * launches. Every entry carries its zones, tiers and status for the filter bar; a zone shows its own tier wherever it
 * is named.
 */
final class ReportPage {

    /** A zone with more guards than this lists those that did not pass, and folds the rest. */
    private static final int FOLD_GUARDS_ABOVE = 6;

    private final ComplianceReport report;
    private final Map<String, LiabilityTier> zoneTiers = new LinkedHashMap<>();
    private final Map<String, List<String>> zonesOfInvariant = new HashMap<>();
    private final Map<String, String> testAnchors = new HashMap<>();

    private ReportPage(ComplianceReport report) {
        this.report = report;
        for (ZoneSummary zone : report.zones()) {
            zoneTiers.put(zone.zone().name(), zone.zone().tier());
            for (InvariantSummary guard : zone.guards()) {
                zonesOfInvariant.computeIfAbsent(guard.invariant().id(), id -> new ArrayList<>()).add(zone.zone().name());
            }
        }
        for (int i = 0; i < report.tests().size(); i++) {
            testAnchors.put(report.tests().get(i).id(), "test-" + (i + 1));
        }
    }

    /**
     * @param report the report
     * @return the page
     */
    static String html(ComplianceReport report) {
        return new ReportPage(report).render();
    }

    private String render() {
        HtmlPage page = HtmlPage.titled("Compliance report")
                .subtitle(HtmlFragment.ofVerbatim("Generated " + report.generatedAt() + " \u00b7 "
                        + count(report.launches().size(), "test launch", "test launches") + " merged")
                        .lineBreak().verbatim("Personal data redacted: " + Redaction.policy().describe())
                        .append(redactionProblems()))
                .summary(summary());
        appendTests(page);
        appendWarnings(page);
        appendZones(page);
        appendInvariants(page);
        appendProperties(page);
        appendModules(page);
        appendLaunches(page);
        HtmlFragment criteria = HtmlFragment.empty();
        List<HtmlFragment> items = new ArrayList<>();
        Gate.CRITERIA.forEach(criterion -> items.add(HtmlFragment.ofVerbatim(criterion)));
        criteria.paragraph(HtmlFragment.ofVerbatim("The gate passes when:")).list(items);
        return page.folded("gate", "How the gate judges", criteria).render();
    }

    /** What the redaction policy could not use, in bold under the subtitle: never a silent fallback. */
    private static HtmlFragment redactionProblems() {
        HtmlFragment problems = HtmlFragment.empty();
        Redaction.policy().problems().forEach(problem -> problems.lineBreak().strong(problem));
        return problems;
    }

    private HtmlPage.Summary summary() {
        Gate gate = report.gate();
        long unguarded = report.zones().stream().filter(zone -> zone.status() == ZoneStatus.UNGUARDED).count();
        long failedProperties = report.properties().stream().filter(run -> !run.property().passed()).count();
        int warnings = report.warnings().size() + report.runWarnings().size();
        List<Count> counts = List.of(
                new Count("tests did not pass", report.failedTestCount(), "of " + report.tests().size() + " under the harness",
                        true, "#tests"),
                new Count("invariants failed", report.failedInvariantCount(), "of " + report.invariants().size() + " that ran",
                        true, "#invariants"),
                new Count("invariants errored", report.erroredInvariantCount(), "their check threw", true, "#invariants"),
                new Count("zones unguarded", unguarded, "of " + count(report.zones().size(), "liability zone", "liability zones"),
                        true, "#liability-map"),
                new Count("properties failed", failedProperties, "of " + report.properties().size() + " generated runs", true,
                        report.properties().isEmpty() ? "" : "#properties"),
                new Count("warnings", warnings, "what could not be checked", true, warnings == 0 ? "" : "#warnings"));
        List<Listing> listings = new ArrayList<>();
        if (!gate.passed()) {
            List<HtmlFragment> reasons = new ArrayList<>();
            // the gate's lines are masked where they quote test output when they are made, so ids and seeds stay readable
            gate.failures().forEach(failure -> reasons.add(HtmlFragment.ofVerbatim(failure)));
            listings.add(new Listing("Why the gate fails", reasons, "no reason recorded"));
        }
        List<HtmlFragment> failing = new ArrayList<>();
        List<HtmlFragment> errored = new ArrayList<>();
        for (InvariantSummary summary : report.invariants()) {
            if (summary.failedTests() > 0) {
                failing.add(invariantMention(summary).verbatim(" violated in " + count(summary.failedTests(), "test", "tests"))
                        .verbatim(" \u00b7 ").small(HtmlFragment.ofVerbatim(summary.invariant().owner())));
            }
            if (summary.erroredTests() > 0) {
                errored.add(invariantMention(summary).verbatim(" errored in " + count(summary.erroredTests(), "test", "tests"))
                        .verbatim(" \u00b7 ").small(HtmlFragment.ofVerbatim(summary.invariant().owner())));
            }
        }
        listings.add(new Listing("Failing invariants", failing, "none"));
        listings.add(new Listing("Errored invariants", errored, "none"));
        List<HtmlFragment> unguardedZones = new ArrayList<>();
        for (ZoneSummary zone : report.zones()) {
            if (zone.status() == ZoneStatus.UNGUARDED) {
                unguardedZones.add(HtmlFragment.empty().link("#" + zoneAnchor(zone.zone().name()), zoneMention(zone.zone().name()))
                        .verbatim(" \u00b7 ").small(HtmlFragment.ofVerbatim(zone.zone().owner().isEmpty() ? "no owner named"
                                : zone.zone().owner())));
            }
        }
        listings.add(new Listing("Unguarded zones", unguardedZones, report.zones().isEmpty() ? "no liability zone declared" : "none"));
        return new HtmlPage.Summary(gate.passed() ? HtmlPage.Tone.PASS : HtmlPage.Tone.FAIL,
                "Gate: " + (gate.passed() ? "PASS" : "FAIL"), counts, listings);
    }

    private void appendTests(HtmlPage page) {
        List<TestResult> ordered = new ArrayList<>(report.tests());
        ordered.sort(Comparator.comparing(ReportPage::status));
        page.section("tests", "Tests").intro(HtmlFragment.ofVerbatim(count(report.tests().size(), "test", "tests")
                + " ran under the harness, " + report.failedTestCount() + " did not pass; those come first, with what"
                + " failed in them."));
        if (ordered.isEmpty()) {
            return;
        }
        Table table = Table.of("Test", "Status", "Zones", "Checked");
        for (TestResult test : ordered) {
            Set<String> zones = zonesOf(test);
            Status status = status(test);
            HtmlPage.Row row = table.row(HtmlFragment.of(testName(test.testClass(), test.name())),
                    HtmlFragment.empty().status(status), zoneMentions(zones),
                    HtmlFragment.ofVerbatim(count(test.invariants().size(), "invariant", "invariants")
                            + (test.properties().isEmpty() ? "" : ", " + count(test.properties().size(), "property", "properties"))))
                    .filterable(new Facets(test.testClass() + " " + test.name(), List.copyOf(zones), tiersOf(test, zones), status))
                    .anchor(testAnchors.get(test.id()));
            if (status != Status.PASSED) {
                row.detail(FailureLines.of(test));
            }
        }
        page.table(table);
    }

    private void appendWarnings(HtmlPage page) {
        if (report.warnings().isEmpty() && report.runWarnings().isEmpty()) {
            return;
        }
        page.section("warnings", count(report.warnings().size() + report.runWarnings().size(), "warning", "warnings")
                + ": what the harness could not check");
        Map<String, TestResult> tests = new HashMap<>();
        report.tests().forEach(test -> tests.put(test.testClass() + "\n" + test.name(), test));
        Table table = Table.of("Where", "Warning");
        for (String warning : report.runWarnings()) {
            table.row(HtmlFragment.ofVerbatim("the whole launch"), HtmlFragment.of(warning))
                    .filterable(new Facets("the whole launch", List.of(), List.of(), Status.WARNING));
        }
        for (TestWarning warning : report.warnings()) {
            TestResult test = tests.get(warning.testClass() + "\n" + warning.testName());
            Set<String> zones = test == null ? Set.of() : zonesOf(test);
            HtmlFragment where = HtmlFragment.of(testName(warning.testClass(), warning.testName()));
            if (test != null) {
                where = HtmlFragment.empty().link("#" + testAnchors.get(test.id()), where);
            }
            table.row(where, HtmlFragment.of(warning.warning())).filterable(new Facets(warning.testClass() + " "
                    + warning.testName(), List.copyOf(zones), test == null ? List.of() : tiersOf(test, zones), Status.WARNING));
        }
        page.table(table);
    }

    private void appendZones(HtmlPage page) {
        page.section("liability-map", "Liability map");
        if (!report.liabilityMapProblems().isEmpty()) {
            List<HtmlFragment> problems = new ArrayList<>();
            report.liabilityMapProblems().forEach(problem -> problems.add(HtmlFragment.of(problem)));
            page.notice(HtmlPage.Tone.FAIL, HtmlFragment.empty().paragraph(HtmlFragment.ofVerbatim(
                    "The liability map could not be built:")).list(problems));
            return;
        }
        if (report.zones().isEmpty()) {
            page.intro(HtmlFragment.ofVerbatim("No liability zones declared. Annotate packages (in package-info.java) or"
                    + " classes with @LiabilityZone; the report reads them from the module's compiled classes, or from"
                    + " complianceharness.liability.paths or complianceharness.liability.packages."));
            return;
        }
        long unguarded = report.zones().stream().filter(zone -> zone.status() == ZoneStatus.UNGUARDED).count();
        page.intro(HtmlFragment.ofVerbatim(count(report.zones().size(), "zone", "zones") + ", " + unguarded
                + " with no guarding invariant. A zone's tier is the one its @LiabilityZone declares; each guard that"
                + " declares a higher tier is named."));
        for (ZoneSummary zone : report.zones()) {
            appendZone(page, zone);
        }
    }

    private void appendZone(HtmlPage page, ZoneSummary zone) {
        String name = zone.zone().name();
        LiabilityTier tier = zone.zone().tier();
        Status status = switch (zone.status()) {
            case GUARDED -> Status.PASSED;
            case FAILING -> Status.FAILED;
            case UNGUARDED -> Status.UNGUARDED;
        };
        HtmlFragment heading = zoneMention(name).verbatim(" ").status(status, switch (zone.status()) {
            case GUARDED -> "guarded, passing";
            case FAILING -> "guarded, failing";
            case UNGUARDED -> "no guarding invariant";
        });
        HtmlFragment body = HtmlFragment.empty().paragraph(HtmlFragment.ofVerbatim("Owner: "
                + (zone.zone().owner().isEmpty() ? "none named" : zone.zone().owner()) + " \u00b7 Regulations: "
                + (zone.zone().regulations().isEmpty() ? "none named" : String.join(", ", zone.zone().regulations()))
                + " \u00b7 " + count(zone.zone().classes().size(), "class", "classes")));
        if (zone.status() == ZoneStatus.UNGUARDED) {
            body.paragraph(HtmlFragment.empty().strong("Unguarded: ").verbatim("no invariant that ran enforces "
                    + (zone.zone().regulations().isEmpty() ? "this zone" : "its regulations") + " or is named as its guard."
                    + " Add an invariant module to the tests of this code, or name one in guardedBy."));
        }
        if (!zone.missingGuards().isEmpty()) {
            body.paragraph(HtmlFragment.ofVerbatim("Named as guards but did not run: " + String.join(", ", zone.missingGuards())));
        }
        Map<LiabilityTier, List<String>> higher = new TreeMap<>();
        zone.guardsAboveItsTier().forEach(guard -> higher.computeIfAbsent(guard.invariant().tier(), t -> new ArrayList<>())
                .add(guard.invariant().id()));
        for (Map.Entry<LiabilityTier, List<String>> declared : higher.entrySet()) {
            HtmlFragment note = HtmlFragment.empty().strong("Tier: ").verbatim(count(declared.getValue().size(), "guard declares ",
                    "guards declare ")).tier(declared.getKey()).verbatim(", higher than this zone's ").tier(tier).verbatim(": ");
            String separator = "";
            for (String id : declared.getValue()) {
                note.verbatim(separator).code(id);
                separator = ", ";
            }
            body.paragraph(note.verbatim(". The gate holds only REGULATORY zones to a guard that held: check the tier the"
                    + " zone declares."));
        }
        if (zone.guards().size() > FOLD_GUARDS_ABOVE) {
            List<InvariantSummary> notPassed = zone.guards().stream().filter(guard -> !guard.passed()).toList();
            HtmlFragment guards = HtmlFragment.ofVerbatim("Guarded by " + zone.guards().size() + " invariants, "
                    + (notPassed.isEmpty() ? "all passed" : notPassed.size() + " did not pass: "));
            appendGuards(guards, notPassed);
            body.paragraph(guards).details(HtmlFragment.ofVerbatim("every guard"), appendGuards(HtmlFragment.empty(), zone.guards()));
        } else if (!zone.guards().isEmpty()) {
            body.paragraph(appendGuards(HtmlFragment.ofVerbatim("Guarded by: "), zone.guards()));
        }
        if (!zone.zone().classes().isEmpty()) {
            List<HtmlFragment> classes = new ArrayList<>();
            zone.zone().classes().forEach(className -> classes.add(HtmlFragment.ofCode(className)));
            body.details(HtmlFragment.ofVerbatim("which classes"), HtmlFragment.empty().list(classes));
        }
        if (!zone.rubric().isEmpty()) {
            List<HtmlFragment> questions = new ArrayList<>();
            for (RubricItem item : zone.rubric()) {
                HtmlFragment question = HtmlFragment.ofVerbatim(item.question()).lineBreak();
                HtmlFragment automation = HtmlFragment.ofVerbatim("automated by: ");
                if (item.automation().isEmpty()) {
                    automation.verbatim("nothing");
                }
                String separator = "";
                for (Map.Entry<String, String> automated : item.automation().entrySet()) {
                    automation.verbatim(separator).code(automated.getKey()).verbatim(" " + automated.getValue());
                    separator = ", ";
                }
                questions.add(question.small(automation.verbatim(" \u00b7 needs a human: " + (item.needsHuman() ? "yes" : "no"))));
            }
            body.paragraph(HtmlFragment.ofVerbatim("Reviewer checklist:")).list(questions);
        }
        page.card(new Facets(name, List.of(name), List.of(tier.name()), status), zoneAnchor(name), tier.name(), heading, body);
    }

    private static HtmlFragment appendGuards(HtmlFragment fragment, List<InvariantSummary> guards) {
        String separator = "";
        for (InvariantSummary guard : guards) {
            fragment.verbatim(separator).link("#" + guard.invariant().id(), HtmlFragment.ofCode(guard.invariant().id()))
                    .verbatim(" ").status(invariantStatus(guard));
            separator = ", ";
        }
        return fragment;
    }

    private void appendInvariants(HtmlPage page) {
        page.section("invariants", "Invariants");
        if (report.invariants().isEmpty()) {
            page.intro(HtmlFragment.ofVerbatim("No invariant ran."));
            return;
        }
        Table table = Table.of("Invariant", "Tier", "Zones", "Regulation", "Owner", "Module", "Passed", "Failed", "Errored")
                .numeric("Passed", "Failed", "Errored");
        List<InvariantSummary> ordered = new ArrayList<>(report.invariants());
        ordered.sort(Comparator.comparing(ReportPage::invariantStatus));
        for (InvariantSummary summary : ordered) {
            InvariantInfo invariant = summary.invariant();
            InvariantInfo.RegulationInfo regulation = invariant.regulation();
            List<HtmlFragment> tests = new ArrayList<>();
            for (TestRun run : summary.tests()) {
                HtmlFragment name = HtmlFragment.of(testName(run.testClass(), run.testName()));
                String anchor = anchorOf(run);
                tests.add(HtmlFragment.empty().append(anchor == null ? name : HtmlFragment.empty().link("#" + anchor, name))
                        .verbatim(" ").small(HtmlFragment.ofVerbatim(run.module() + ", ").status(switch (run.status()) {
                            case HELD -> Status.PASSED;
                            case VIOLATED -> Status.FAILED;
                            case ERRORED -> Status.ERRORED;
                        })));
            }
            HtmlFragment regulationCell = HtmlFragment.empty().link(regulation.source().orElse(""),
                    HtmlFragment.ofVerbatim(regulation.citation())).lineBreak().small(HtmlFragment.ofVerbatim(
                    regulation.jurisdiction() + ", " + regulation.confidence().toLowerCase(java.util.Locale.ROOT) + " confidence"));
            List<String> zones = zonesOfInvariant.getOrDefault(invariant.id(), List.of());
            table.row(HtmlFragment.ofCode(invariant.id()).lineBreak().verbatim(invariant.description())
                                    .details(HtmlFragment.ofVerbatim(count(summary.tests().size(), "test", "tests")),
                                            HtmlFragment.empty().list(tests)),
                            HtmlFragment.empty().tier(invariant.tier()), zoneMentions(zones), regulationCell,
                            owner(invariant), modules(summary),
                            HtmlFragment.ofVerbatim(Integer.toString(summary.passedTests())),
                            HtmlFragment.ofVerbatim(Integer.toString(summary.failedTests())),
                            HtmlFragment.ofVerbatim(Integer.toString(summary.erroredTests())))
                    .filterable(new Facets(invariant.id(), zones, List.of(invariant.tier().name()), invariantStatus(summary)))
                    .anchor(invariant.id());
        }
        page.table(table);
    }

    private void appendProperties(HtmlPage page) {
        List<PropertyRunInTest> properties = report.properties();
        if (properties.isEmpty()) {
            return;
        }
        page.section("properties", "Generated properties");
        Table table = Table.of("Property", "Test", "Tries", "Seed", "Labels and notes", "Result").numeric("Tries");
        for (PropertyRunInTest run : properties) {
            PropertyOutcome property = run.property();
            HtmlFragment labels = HtmlFragment.empty();
            for (Map.Entry<String, Long> label : new TreeMap<>(property.labels()).entrySet()) {
                labels.text(label.getKey() + ": " + label.getValue()).lineBreak();
            }
            for (Map.Entry<String, String> note : property.notes().entrySet()) {
                labels.small(HtmlFragment.empty().strong(HtmlFragment.ofVerbatim(note.getKey())).text(": " + note.getValue()))
                        .lineBreak();
            }
            Set<String> zones = zonesOf(run.test());
            Status status = property.passed() ? Status.PASSED : Status.FAILED;
            table.row(HtmlFragment.of(property.property()),
                            HtmlFragment.empty().link("#" + testAnchors.get(run.test().id()),
                                    HtmlFragment.of(testName(run.test().testClass(), run.test().name()))),
                            HtmlFragment.ofVerbatim(Integer.toString(property.tries())),
                            HtmlFragment.ofCode(Long.toString(property.seed())), labels,
                            property.passed() ? HtmlFragment.empty().status(status)
                                    : HtmlFragment.empty().status(status).verbatim(": ")
                                            .text(property.failureSummary().orElse("no summary")))
                    .filterable(new Facets(property.property(), List.copyOf(zones), tiersOf(run.test(), zones), status));
        }
        page.table(table);
    }

    private void appendModules(HtmlPage page) {
        if (report.modules().isEmpty()) {
            return;
        }
        page.section("modules", "Modules");
        Table table = Table.of("Module", "Version", "Rules reviewed", "Data versions", "Policies", "Overrides");
        for (ModuleDescription module : report.modules()) {
            HtmlFragment data = HtmlFragment.empty();
            new TreeMap<>(module.dataVersions()).forEach((name, version) -> data.verbatim(name + ": " + version).lineBreak());
            HtmlFragment policies = HtmlFragment.empty();
            for (PolicyChoice policy : module.policies()) {
                policies.strong(HtmlFragment.ofVerbatim(policy.policy())).verbatim(": " + policy.choice());
                if (!policy.reason().isEmpty()) {
                    policies.verbatim(" ").small(HtmlFragment.ofVerbatim(policy.reason()));
                }
                if (policy.source().startsWith("https://")) {
                    policies.verbatim(" ").link(policy.source(), HtmlFragment.ofVerbatim("source"));
                } else if (!policy.source().isEmpty()) {
                    policies.verbatim(" ").small(HtmlFragment.ofVerbatim("(" + policy.source() + ")"));
                }
                policies.lineBreak();
            }
            HtmlFragment overrides = HtmlFragment.empty();
            module.overrides().forEach(override -> overrides.verbatim(override.replacementInvariantId() + " replaces "
                    + override.replacedInvariantId() + " (" + override.replacedModuleId() + "): " + override.reason()).lineBreak());
            table.row(HtmlFragment.ofVerbatim(module.title()).lineBreak().code(module.id()), HtmlFragment.ofVerbatim(module.version()),
                    HtmlFragment.ofVerbatim(module.reviewedOn().map(Object::toString).orElse("not declared")), data, policies,
                    overrides);
        }
        page.table(table);
    }

    private void appendLaunches(HtmlPage page) {
        page.section("launches", "Merged test launches");
        Table table = Table.of("Launch", "Module", "Finished", "Tests").numeric("Tests");
        for (ReportMerge.Launch launch : report.launches()) {
            table.row(HtmlFragment.ofCode(launch.id()), HtmlFragment.ofVerbatim(launch.module()),
                    HtmlFragment.ofVerbatim(launch.finishedAt().toString()), HtmlFragment.ofVerbatim(Integer.toString(launch.tests())));
        }
        page.table(table);
    }

    private static HtmlFragment owner(InvariantInfo invariant) {
        HtmlFragment owner = HtmlFragment.ofVerbatim(invariant.ownerName());
        return invariant.ownerContact().isEmpty() ? owner : owner.lineBreak().small(HtmlFragment.ofVerbatim(invariant.ownerContact()));
    }

    private static HtmlFragment modules(InvariantSummary summary) {
        HtmlFragment modules = HtmlFragment.empty();
        for (String module : new TreeSet<>(summary.moduleVersions())) {
            int space = module.lastIndexOf(' ');
            if (!modules.isEmpty()) {
                modules.lineBreak();
            }
            modules.code(space < 0 ? module : module.substring(0, space)).verbatim(space < 0 ? "" : module.substring(space));
        }
        return modules;
    }

    private HtmlFragment invariantMention(InvariantSummary summary) {
        return HtmlFragment.empty().tier(summary.invariant().tier()).verbatim(" ")
                .link("#" + summary.invariant().id(), HtmlFragment.ofCode(summary.invariant().id()));
    }

    private HtmlFragment zoneMention(String zone) {
        LiabilityTier tier = zoneTiers.get(zone);
        if (tier == null) {
            throw new IllegalStateException("Zone " + zone + " is named but not in the report's liability map");
        }
        return HtmlFragment.empty().zone(zone, tier.name());
    }

    private HtmlFragment zoneMentions(Iterable<String> zones) {
        HtmlFragment mentions = HtmlFragment.empty();
        String separator = "";
        for (String zone : zones) {
            mentions.verbatim(separator).link("#" + zoneAnchor(zone), zoneMention(zone));
            separator = " ";
        }
        return mentions.isEmpty() ? HtmlFragment.ofVerbatim("none") : mentions;
    }

    private Set<String> zonesOf(TestResult test) {
        Set<String> zones = new TreeSet<>(Comparator.comparing((String zone) -> zoneTiers.get(zone)).thenComparing(zone -> zone));
        test.invariants().forEach(outcome -> zones.addAll(zonesOfInvariant.getOrDefault(outcome.invariant().id(), List.of())));
        return zones;
    }

    /** The tiers a test carries: those of its zones, and those of the invariants that ran in it. */
    private List<String> tiersOf(TestResult test, Set<String> zones) {
        Set<LiabilityTier> tiers = new TreeSet<>();
        zones.forEach(zone -> tiers.add(zoneTiers.get(zone)));
        test.invariants().forEach(outcome -> tiers.add(outcome.invariant().tier()));
        return tiers.stream().map(Enum::name).toList();
    }

    private String anchorOf(TestRun run) {
        for (TestResult test : report.tests()) {
            if (test.testClass().equals(run.testClass()) && test.name().equals(run.testName())) {
                return testAnchors.get(test.id());
            }
        }
        return null;
    }

    private static Status status(TestResult test) {
        return switch (test.status()) {
            case PASSED -> Status.PASSED;
            case ABORTED -> Status.ABORTED;
            case UNFINISHED -> Status.UNFINISHED;
            case FAILED -> test.invariants().stream().anyMatch(outcome -> outcome.status() == InvariantResult.Status.ERRORED)
                    && test.invariants().stream().noneMatch(outcome -> outcome.status() == InvariantResult.Status.VIOLATED)
                    ? Status.ERRORED : Status.FAILED;
        };
    }

    private static Status invariantStatus(InvariantSummary summary) {
        return summary.erroredTests() > 0 ? Status.ERRORED : summary.failedTests() > 0 ? Status.FAILED : Status.PASSED;
    }

    static String zoneAnchor(String zone) {
        return "zone-" + zone;
    }

    private static String testName(String testClass, String name) {
        return ComplianceReport.simpleName(testClass) + " \u203a " + name;
    }

    private static String count(long count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }
}
