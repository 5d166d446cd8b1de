package dev.complianceharness.report.internal;

import dev.complianceharness.invariant.Invariant;
import dev.complianceharness.invariant.LiabilityTier;
import dev.complianceharness.invariant.ReviewQuestion;
import dev.complianceharness.invariant.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the report shows: the liability zones with the invariants that guard them and their review
 * rubrics, each invariant that ran with its results, the generated properties, the modules and the
 * versions of their data, and a gate a CI can enforce.
 *
 * @param generatedAt when the report was made
 * @param zones       the liability zones, most exposed first
 * @param invariants  one summary per invariant, ordered by tier then id
 * @param properties  the generated properties that ran, in the order they finished
 * @param modules     the modules that guarded the tests
 * @param gate        the gate verdict
 * @param liabilityMapProblems why the liability map could not be built (invalid {@code @LiabilityZone}
 *                    declarations, missing class directories); empty when it was built
 * @param warnings    what the harness could not see or check in a test, shown so that it never passes silently
 */
public record ComplianceReport(Instant generatedAt, List<ZoneSummary> zones, List<InvariantSummary> invariants,
                               List<PropertyOutcome> properties, List<ModuleDescription> modules, Gate gate,
                               List<String> liabilityMapProblems, List<TestWarning> warnings) {

    /** Copies the lists. */
    public ComplianceReport {
        zones = List.copyOf(zones);
        invariants = List.copyOf(invariants);
        properties = List.copyOf(properties);
        modules = List.copyOf(modules);
        liabilityMapProblems = List.copyOf(liabilityMapProblems);
        warnings = List.copyOf(warnings);
    }

    /**
     * Summarises one test plan.
     *
     * @param outcomes   the invariant outcomes
     * @param properties the property outcomes
     * @param zones      the liability zones of the code under test; empty when none are declared
     * @return the report
     */
    public static ComplianceReport from(List<InvariantOutcome> outcomes, List<PropertyOutcome> properties,
                                        List<ZoneInput> zones) {
        return from(outcomes, properties, zones, List.of());
    }

    /**
     * Summarises one test plan whose liability map may have failed to build.
     *
     * @param outcomes             the invariant outcomes
     * @param properties           the property outcomes
     * @param zones                the liability zones of the code under test; empty when none are declared
     * @param liabilityMapProblems why the liability map could not be built; the gate fails on each
     * @return the report
     */
    public static ComplianceReport from(List<InvariantOutcome> outcomes, List<PropertyOutcome> properties,
                                        List<ZoneInput> zones, List<String> liabilityMapProblems) {
        return from(outcomes, properties, zones, liabilityMapProblems, List.of());
    }

    /**
     * Summarises one test plan, with the warnings its tests recorded.
     *
     * @param outcomes             the invariant outcomes
     * @param properties           the property outcomes
     * @param zones                the liability zones of the code under test; empty when none are declared
     * @param liabilityMapProblems why the liability map could not be built; the gate fails on each
     * @param warnings             what the harness could not see or check, per test
     * @return the report
     */
    public static ComplianceReport from(List<InvariantOutcome> outcomes, List<PropertyOutcome> properties,
                                        List<ZoneInput> zones, List<String> liabilityMapProblems,
                                        List<TestWarning> warnings) {
        Map<String, List<InvariantOutcome>> byInvariant = new LinkedHashMap<>();
        Map<String, ModuleDescription> modules = new TreeMap<>();
        for (InvariantOutcome outcome : outcomes) {
            byInvariant.computeIfAbsent(outcome.invariant().id(), id -> new ArrayList<>()).add(outcome);
            ModuleDescription.find(outcome.moduleId(), outcome.moduleVersion()).ifPresent(module ->
                    modules.put(module.id() + " " + module.version(), module));
        }
        List<InvariantSummary> summaries = new ArrayList<>();
        for (List<InvariantOutcome> group : byInvariant.values()) {
            summaries.add(InvariantSummary.of(group));
        }
        summaries.sort(Comparator.comparing((InvariantSummary summary) -> summary.invariant().tier())
                .thenComparing(summary -> summary.invariant().id()));
        List<ZoneSummary> zoneSummaries = new ArrayList<>();
        for (ZoneInput zone : zones) {
            zoneSummaries.add(ZoneSummary.of(zone, summaries, modules.values()));
        }
        zoneSummaries.sort(Comparator.comparing((ZoneSummary zone) -> zone.zone().tier())
                .thenComparing(zone -> zone.zone().name()));
        List<ModuleDescription> moduleList = List.copyOf(modules.values());
        return new ComplianceReport(Instant.now(), zoneSummaries, summaries, properties, moduleList,
                Gate.judge(zoneSummaries, summaries, properties, liabilityMapProblems), liabilityMapProblems, warnings);
    }

    /** @return how many invariants had at least one violation */
    public long failedInvariantCount() {
        return invariants.stream().filter(summary -> summary.failedTests() > 0).count();
    }

    /**
     * One invariant across the tests it ran in.
     *
     * @param invariant      the invariant
     * @param moduleVersions the modules (id and version) that declared it
     * @param passedTests    the number of tests it held in
     * @param failedTests    the number of tests it was violated in
     * @param tests          every test it ran in, with the module version that guarded it
     * @param failures       the failing tests with their masked violations
     */
    public record InvariantSummary(Invariant invariant, Set<String> moduleVersions, int passedTests, int failedTests,
                                   List<TestRun> tests, List<TestFailure> failures) {

        /** Copies the collections. */
        public InvariantSummary {
            moduleVersions = Set.copyOf(moduleVersions);
            tests = List.copyOf(tests);
            failures = List.copyOf(failures);
        }

        static InvariantSummary of(List<InvariantOutcome> outcomes) {
            Set<String> modules = new LinkedHashSet<>();
            int passed = 0;
            int failed = 0;
            List<TestRun> tests = new ArrayList<>();
            List<TestFailure> failures = new ArrayList<>();
            for (InvariantOutcome outcome : outcomes) {
                String module = outcome.moduleId() + " " + outcome.moduleVersion();
                modules.add(module);
                tests.add(new TestRun(outcome.testClass(), outcome.testName(), module, outcome.passed()));
                if (outcome.passed()) {
                    passed++;
                } else {
                    failed++;
                    failures.add(new TestFailure(outcome.testClass(), outcome.testName(), outcome.violations()));
                }
            }
            return new InvariantSummary(outcomes.get(0).invariant(), modules, passed, failed, tests, failures);
        }

        /** @return true when the invariant ran at least once and never failed */
        public boolean passed() {
            return failedTests == 0 && passedTests > 0;
        }
    }

    /**
     * What the harness could not see or check in one test.
     *
     * @param testClass the test class name
     * @param testName  the test's display name
     * @param warning   what could not be checked and how to fix it
     */
    public record TestWarning(String testClass, String testName, String warning) {
    }

    /**
     * A test an invariant ran in.
     *
     * @param testClass the test class
     * @param testName  the test's display name
     * @param module    the module id and version that guarded the test
     * @param passed    whether the invariant held
     */
    public record TestRun(String testClass, String testName, String module, boolean passed) {
    }

    /**
     * A test in which an invariant was violated.
     *
     * @param testClass  the test class
     * @param testName   the test's display name
     * @param violations the masked violations
     */
    public record TestFailure(String testClass, String testName, List<Violation> violations) {

        /** Copies the violations. */
        public TestFailure {
            violations = List.copyOf(violations);
        }
    }

    /** Whether a zone is guarded by invariants that ran and passed. */
    public enum ZoneStatus {
        /** At least one guarding invariant ran, and none failed. */
        GUARDED,
        /** A guarding invariant failed. */
        FAILING,
        /** No invariant that ran enforces one of the zone's regulations or is named as its guard. */
        UNGUARDED
    }

    /**
     * A liability zone with what guards it.
     *
     * @param zone          the zone
     * @param guards        the invariants that ran and enforce one of the zone's regulations, or that the zone
     *                      names (by invariant id or module id) as its guards
     * @param status        guarded, failing or unguarded
     * @param rubric        the review questions of the modules that guard the zone, with what is automated
     * @param missingGuards the invariant or module ids the zone names as guards that did not run
     */
    public record ZoneSummary(ZoneInput zone, List<InvariantSummary> guards, ZoneStatus status, List<RubricItem> rubric,
                              List<String> missingGuards) {

        /** Copies the lists. */
        public ZoneSummary {
            guards = List.copyOf(guards);
            rubric = List.copyOf(rubric);
            missingGuards = List.copyOf(missingGuards);
        }

        static ZoneSummary of(ZoneInput zone, List<InvariantSummary> invariants, java.util.Collection<ModuleDescription> modules) {
            Set<String> regulations = new LinkedHashSet<>();
            zone.regulations().forEach(regulation -> regulations.add(regulation.strip().toLowerCase(Locale.ROOT)));
            Set<String> named = new LinkedHashSet<>(zone.guardedBy());
            Set<String> missing = new LinkedHashSet<>(zone.guardedBy());
            List<InvariantSummary> guards = new ArrayList<>();
            Set<String> guardingModules = new LinkedHashSet<>();
            for (InvariantSummary summary : invariants) {
                Invariant invariant = summary.invariant();
                Set<String> moduleIds = new LinkedHashSet<>();
                summary.moduleVersions().forEach(module -> moduleIds.add(module.substring(0, module.indexOf(' ') < 0
                        ? module.length() : module.indexOf(' '))));
                boolean namedAsGuard = named.contains(invariant.id()) || moduleIds.stream().anyMatch(named::contains);
                missing.remove(invariant.id());
                missing.removeAll(moduleIds);
                if (namedAsGuard || regulations.contains(invariant.regulation().id().toLowerCase(Locale.ROOT))
                        || regulations.contains(invariant.regulation().citation().toLowerCase(Locale.ROOT))) {
                    guards.add(summary);
                    guardingModules.addAll(summary.moduleVersions());
                }
            }
            ZoneStatus status = guards.isEmpty() ? ZoneStatus.UNGUARDED
                    : guards.stream().allMatch(InvariantSummary::passed) ? ZoneStatus.GUARDED : ZoneStatus.FAILING;
            Map<String, InvariantSummary> byId = new LinkedHashMap<>();
            invariants.forEach(summary -> byId.put(summary.invariant().id(), summary));
            List<RubricItem> rubric = new ArrayList<>();
            for (ModuleDescription module : modules) {
                if (!guardingModules.contains(module.id() + " " + module.version())) {
                    continue;
                }
                for (ReviewQuestion question : module.rubric()) {
                    rubric.add(RubricItem.of(module.id(), question, byId));
                }
            }
            return new ZoneSummary(zone, guards, status, rubric, List.copyOf(missing));
        }
    }

    /**
     * A review question for a zone, with how much of its answer the invariants automate.
     *
     * @param moduleId   the module that asks it
     * @param question   the question
     * @param automation each linked invariant with its result: "passed", "failed" or "did not run"
     * @param needsHuman whether a person must still answer (always, unless every linked invariant passed
     *                   and the question links at least one)
     */
    public record RubricItem(String moduleId, String question, Map<String, String> automation, boolean needsHuman) {

        /** Copies the map. */
        public RubricItem {
            automation = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(automation));
        }

        static RubricItem of(String moduleId, ReviewQuestion question, Map<String, InvariantSummary> invariants) {
            Map<String, String> automation = new LinkedHashMap<>();
            for (String id : question.automatedBy()) {
                InvariantSummary summary = invariants.get(id);
                automation.put(id, summary == null ? "did not run" : summary.passed() ? "passed" : "failed");
            }
            boolean allPassed = !automation.isEmpty() && automation.values().stream().allMatch("passed"::equals);
            return new RubricItem(moduleId, question.question(), automation, !allPassed);
        }
    }

    /**
     * The gate a CI can enforce: it fails when an invariant was violated, a property failed, or a
     * regulatory zone has no guarding invariant that ran and passed.
     *
     * @param passed   whether every criterion holds
     * @param failures what failed, one line each
     */
    public record Gate(boolean passed, List<String> failures) {

        /** The criteria, as printed in the report. */
        public static final List<String> CRITERIA = List.of(
                "the liability map was built from valid @LiabilityZone declarations",
                "every invariant that ran held in every test",
                "every generated property held",
                "every REGULATORY liability zone is guarded by at least one invariant that ran and held");

        /** Copies the failures. */
        public Gate {
            failures = List.copyOf(failures);
        }

        static Gate judge(List<ZoneSummary> zones, List<InvariantSummary> invariants, List<PropertyOutcome> properties,
                          List<String> liabilityMapProblems) {
            List<String> failures = new ArrayList<>();
            for (String problem : liabilityMapProblems) {
                failures.add("the liability map could not be built: " + problem);
            }
            for (InvariantSummary summary : invariants) {
                if (summary.failedTests() > 0) {
                    failures.add("invariant " + summary.invariant().id() + " was violated in " + summary.failedTests()
                            + (summary.failedTests() == 1 ? " test" : " tests"));
                }
            }
            for (PropertyOutcome property : properties) {
                if (!property.passed()) {
                    failures.add("property " + property.property() + " failed (seed " + property.seed() + ")");
                }
            }
            for (ZoneSummary zone : zones) {
                if (zone.zone().tier() == LiabilityTier.REGULATORY && zone.status() != ZoneStatus.GUARDED) {
                    failures.add("regulatory zone " + zone.zone().name() + " is "
                            + (zone.status() == ZoneStatus.UNGUARDED ? "not guarded by any invariant that ran"
                                    : "guarded by a failing invariant"));
                }
            }
            return new Gate(failures.isEmpty(), failures);
        }

        /** @return the first failure, if any */
        public Optional<String> firstFailure() {
            return failures.stream().findFirst();
        }
    }
}
