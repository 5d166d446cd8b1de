package dev.complianceharness.report.internal;

import dev.complianceharness.invariant.InvariantResult;
import dev.complianceharness.invariant.LiabilityTier;
import dev.complianceharness.invariant.ReviewQuestion;
import dev.complianceharness.mask.Masking;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the report shows: the liability zones with the invariants that guard them and their review rubrics, each
 * invariant that ran with its results, every test that ran under the harness with its status, the generated
 * properties, the modules and the versions of their data, what could not be checked, and a gate a CI can enforce.
 * It is built from merged partial results ({@link ReportMerge}), the same way for one launch and for a whole build.
 *
 * @param generatedAt   when the newest merged launch finished
 * @param zones         the liability zones, most exposed first
 * @param invariants    one summary per invariant, ordered by tier then id
 * @param tests         every test that ran under the harness, by class and name
 * @param modules       the modules that guarded the tests
 * @param gate          the gate verdict
 * @param liabilityMapProblems why the liability map could not be built; empty when it was built
 * @param warnings      what the harness could not see or check in a test, shown so that it never passes silently
 * @param runWarnings   what it could not check in a launch as a whole (unknown configuration keys)
 * @param launches      the launches whose partial results were merged
 * @param mergeProblems launches that did not finish writing their results, and results that could not be read
 */
public record ComplianceReport(Instant generatedAt, List<ZoneSummary> zones, List<InvariantSummary> invariants,
                               List<TestResult> tests, List<ModuleDescription> modules, Gate gate,
                               List<String> liabilityMapProblems, List<TestWarning> warnings, List<String> runWarnings,
                               List<ReportMerge.Launch> launches, List<String> mergeProblems) {

    /** Copies the lists. */
    public ComplianceReport {
        zones = List.copyOf(zones);
        invariants = List.copyOf(invariants);
        tests = List.copyOf(tests);
        modules = List.copyOf(modules);
        liabilityMapProblems = List.copyOf(liabilityMapProblems);
        warnings = List.copyOf(warnings);
        runWarnings = List.copyOf(runWarnings);
        launches = List.copyOf(launches);
        mergeProblems = List.copyOf(mergeProblems);
    }

    /**
     * Summarises merged results.
     *
     * @param merged the merged partial results
     * @return the report
     */
    public static ComplianceReport from(ReportMerge.Merged merged) {
        Map<String, List<TestOutcome>> byInvariant = new LinkedHashMap<>();
        List<TestWarning> warnings = new ArrayList<>();
        for (TestResult test : merged.tests()) {
            for (InvariantOutcome outcome : test.invariants()) {
                byInvariant.computeIfAbsent(outcome.invariant().id(), id -> new ArrayList<>()).add(new TestOutcome(test, outcome));
            }
            test.warnings().forEach(warning -> warnings.add(new TestWarning(test.testClass(), test.name(), warning)));
            for (PropertyOutcome property : test.properties()) {
                property.warnings().forEach(warning -> warnings.add(new TestWarning(test.testClass(), test.name(), warning)));
            }
            if (test.status() == TestResult.Status.ABORTED) {
                warnings.add(new TestWarning(test.testClass(), test.name(), "the test was aborted ("
                        + test.failure().orElse("an assumption failed") + "), so what it recorded may be incomplete"));
            }
        }
        List<InvariantSummary> summaries = new ArrayList<>();
        for (List<TestOutcome> group : byInvariant.values()) {
            summaries.add(InvariantSummary.of(group));
        }
        summaries.sort(Comparator.comparing((InvariantSummary summary) -> summary.invariant().tier())
                .thenComparing(summary -> summary.invariant().id()));
        List<ZoneSummary> zoneSummaries = new ArrayList<>();
        for (ZoneInput zone : merged.zones()) {
            zoneSummaries.add(ZoneSummary.of(zone, summaries, merged.modules()));
        }
        zoneSummaries.sort(Comparator.comparing((ZoneSummary zone) -> zone.zone().tier())
                .thenComparing(zone -> zone.zone().name()));
        Gate gate = Gate.judge(merged, zoneSummaries, summaries);
        return new ComplianceReport(merged.generatedAt(), zoneSummaries, summaries, merged.tests(), merged.modules(), gate,
                merged.liabilityMapProblems(), warnings, merged.runWarnings(), merged.launches(), merged.problems());
    }

    /** @return how many invariants were violated in at least one test */
    public long failedInvariantCount() {
        return invariants.stream().filter(summary -> summary.failedTests() > 0).count();
    }

    /** @return how many invariants errored in at least one test */
    public long erroredInvariantCount() {
        return invariants.stream().filter(summary -> summary.erroredTests() > 0).count();
    }

    /** @return every generated property run, with the test it ran in */
    public List<PropertyRunInTest> properties() {
        List<PropertyRunInTest> properties = new ArrayList<>();
        for (TestResult test : tests) {
            test.properties().forEach(property -> properties.add(new PropertyRunInTest(test, property)));
        }
        return properties;
    }

    /** @return how many tests did not pass */
    public long failedTestCount() {
        return tests.stream().filter(test -> test.status() != TestResult.Status.PASSED).count();
    }

    /**
     * A property run with its test.
     *
     * @param test     the test
     * @param property the run
     */
    public record PropertyRunInTest(TestResult test, PropertyOutcome property) {
    }

    /** An invariant outcome with its test. */
    private record TestOutcome(TestResult test, InvariantOutcome outcome) {
    }

    /**
     * One invariant across the tests it ran in.
     *
     * @param invariant      the invariant
     * @param moduleVersions the modules (id and version) that declared it
     * @param passedTests    the number of tests it held in
     * @param failedTests    the number of tests it was violated in
     * @param erroredTests   the number of tests its check threw in
     * @param tests          every test it ran in, with the module version that guarded it
     * @param failures       the tests it was violated or errored in, with the masked violations or error
     */
    public record InvariantSummary(InvariantInfo invariant, Set<String> moduleVersions, int passedTests, int failedTests,
                                   int erroredTests, List<TestRun> tests, List<TestFailure> failures) {

        /** Copies the collections. */
        public InvariantSummary {
            moduleVersions = Set.copyOf(moduleVersions);
            tests = List.copyOf(tests);
            failures = List.copyOf(failures);
        }

        static InvariantSummary of(List<TestOutcome> outcomes) {
            Set<String> modules = new LinkedHashSet<>();
            int passed = 0;
            int failed = 0;
            int errored = 0;
            List<TestRun> tests = new ArrayList<>();
            List<TestFailure> failures = new ArrayList<>();
            for (TestOutcome pair : outcomes) {
                InvariantOutcome outcome = pair.outcome();
                String module = outcome.moduleId() + " " + outcome.moduleVersion();
                modules.add(module);
                tests.add(new TestRun(pair.test().testClass(), pair.test().name(), module, outcome.status()));
                switch (outcome.status()) {
                    case HELD -> passed++;
                    case VIOLATED -> failed++;
                    case ERRORED -> errored++;
                }
                if (!outcome.passed()) {
                    failures.add(new TestFailure(pair.test().testClass(), pair.test().name(), outcome.violations(),
                            outcome.error()));
                }
            }
            return new InvariantSummary(outcomes.get(outcomes.size() - 1).outcome().invariant(), modules, passed, failed,
                    errored, tests, failures);
        }

        /** @return true when the invariant ran at least once and never failed or errored */
        public boolean passed() {
            return failedTests == 0 && erroredTests == 0 && passedTests > 0;
        }

        /** @return "passed", "failed" or "errored", as the report shows it */
        public String result() {
            return erroredTests > 0 ? "errored" : failedTests > 0 ? "failed" : "passed";
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
     * @param status    how the invariant's check ended
     */
    public record TestRun(String testClass, String testName, String module, InvariantResult.Status status) {

        /** @return whether the invariant held */
        public boolean passed() {
            return status == InvariantResult.Status.HELD;
        }
    }

    /**
     * A test in which an invariant was violated or its check errored.
     *
     * @param testClass  the test class
     * @param testName   the test's display name
     * @param violations the masked violations
     * @param error      the masked error of a check that threw
     */
    public record TestFailure(String testClass, String testName, List<InvariantOutcome.ViolationText> violations,
                              Optional<String> error) {

        /** Copies the violations. */
        public TestFailure {
            violations = List.copyOf(violations);
        }
    }

    /** Whether a zone is guarded by invariants that ran and passed. */
    public enum ZoneStatus {
        /** At least one guarding invariant ran, and none failed. */
        GUARDED,
        /** A guarding invariant failed or errored. */
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

        /**
         * The guards whose own tier is higher than the zone's: a zone declared {@code FINANCIAL} that regulatory
         * invariants guard escapes the gate's rule for regulatory zones, so the report names them.
         *
         * @return those guards, in the order of {@link #guards()}
         */
        public List<InvariantSummary> guardsAboveItsTier() {
            return guards.stream().filter(guard -> guard.invariant().tier().compareTo(zone.tier()) < 0).toList();
        }

        static ZoneSummary of(ZoneInput zone, List<InvariantSummary> invariants, Collection<ModuleDescription> modules) {
            Set<String> regulations = new LinkedHashSet<>();
            zone.regulations().forEach(regulation -> regulations.add(regulation.strip().toLowerCase(Locale.ROOT)));
            Set<String> named = new LinkedHashSet<>(zone.guardedBy());
            Set<String> missing = new LinkedHashSet<>(zone.guardedBy());
            List<InvariantSummary> guards = new ArrayList<>();
            Set<String> guardingModules = new LinkedHashSet<>();
            for (InvariantSummary summary : invariants) {
                InvariantInfo invariant = summary.invariant();
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
     * @param automation each linked invariant with its result: "passed", "failed", "errored" or "did not run"
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
                automation.put(id, summary == null ? "did not run" : summary.result());
            }
            boolean allPassed = !automation.isEmpty() && automation.values().stream().allMatch("passed"::equals);
            return new RubricItem(moduleId, question.question(), automation, !allPassed);
        }
    }

    /**
     * The gate a CI can enforce: it fails when a launch's results are missing, the liability map could not be built,
     * an invariant was violated or its check errored, a test under the harness failed for another reason, a property
     * failed, or a regulatory zone has no guarding invariant that ran and passed. Every failure line is masked where it
     * quotes test output, and keeps seeds, ids and counts readable.
     *
     * @param passed   whether every criterion holds
     * @param failures what failed, one line each
     */
    public record Gate(boolean passed, List<String> failures) {

        /** The criteria, as printed in the report. */
        public static final List<String> CRITERIA = List.of(
                "every test launch finished and its results were merged",
                "the liability map was built from valid @LiabilityZone declarations",
                "every invariant that ran held in every test, and no check errored",
                "every test that ran under the harness passed",
                "every generated property held",
                "every REGULATORY liability zone is guarded by at least one invariant that ran and held");

        /** Copies the failures. */
        public Gate {
            failures = List.copyOf(failures);
        }

        static Gate judge(ReportMerge.Merged merged, List<ZoneSummary> zones, List<InvariantSummary> invariants) {
            List<String> failures = new ArrayList<>();
            merged.problems().forEach(failures::add);
            for (String problem : merged.liabilityMapProblems()) {
                failures.add(Masking.mask("the liability map could not be built: " + problem));
            }
            for (InvariantSummary summary : invariants) {
                if (summary.failedTests() > 0) {
                    failures.add("invariant " + summary.invariant().id() + " was violated in " + count(summary.failedTests()));
                }
                if (summary.erroredTests() > 0) {
                    String error = summary.failures().stream().map(TestFailure::error).flatMap(Optional::stream).findFirst()
                            .orElse("its check threw");
                    failures.add("invariant " + summary.invariant().id() + " errored in " + count(summary.erroredTests())
                            + ": " + Masking.mask(error));
                }
            }
            for (TestResult test : merged.tests()) {
                if ((test.status() == TestResult.Status.FAILED || test.status() == TestResult.Status.UNFINISHED)
                        && !test.failedByAnInvariant() && !test.failedByAProperty()) {
                    failures.add(Masking.mask("test " + simpleName(test.testClass()) + " \u203a " + test.name()
                            + (test.status() == TestResult.Status.UNFINISHED ? " never finished"
                                    : " failed: " + test.failure().orElse("no message"))));
                }
                for (PropertyOutcome property : test.properties()) {
                    if (!property.passed()) {
                        failures.add("property " + Masking.mask(property.property()) + " failed (seed " + property.seed() + ")");
                    }
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

        private static String count(int tests) {
            return tests + (tests == 1 ? " test" : " tests");
        }

        /** @return the first failure, if any */
        public Optional<String> firstFailure() {
            return failures.stream().findFirst();
        }
    }

    static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
