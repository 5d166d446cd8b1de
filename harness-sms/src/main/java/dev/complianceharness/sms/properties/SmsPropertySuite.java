package dev.complianceharness.sms.properties;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.event.EventTrace;
import dev.complianceharness.invariant.Invariant;
import dev.complianceharness.invariant.Jurisdiction;
import dev.complianceharness.invariant.PolicyChoice;
import dev.complianceharness.invariant.Violation;
import dev.complianceharness.property.Gen;
import dev.complianceharness.property.Property;
import dev.complianceharness.property.PropertyCheck;
import dev.complianceharness.sms.generators.SmsGens;
import dev.complianceharness.sms.invariants.SmsContactRulesModule;
import dev.complianceharness.sms.outbox.SmsSent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.DynamicTest;

/**
 * A generated property suite for a team's SMS scheduler: for each jurisdiction, sequences of triggered messages
 * to generated numbers of that jurisdiction (recipients repeated, sharing area codes across zones, triggers out of
 * time order), at instants biased to DST transitions, window edges, midnight, holidays and Sundays over six years;
 * one scheduler instance takes a whole sequence, so state it keeps between calls (caches, counters, windows
 * computed once) is exercised, and every message it plans must satisfy the SMS module's quiet-hours and
 * frequency-cap invariants. Each jurisdiction is its own dynamic test, with a printed seed and, on failure, a
 * shrunk sequence replayed on a fresh scheduler.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> sendsOnlyWhenEveryCandidateJurisdictionPermits() {
 *     return SmsPropertySuite.forScheduler(() -> {
 *                 TestClock clock = TestClock.atDefaultStart();
 *                 CampaignScheduler scheduler = new CampaignScheduler(message -> { }, clock);
 *                 return (number, kind, at) -> {
 *                     clock.setInstant(at);
 *                     return scheduler.trigger(number, "Your cart misses you");
 *                 };
 *             })
 *             .jurisdictions("US-FL", "US-OK", "US-CT", "US-UT", "US-NY", "CA")
 *             .dynamicTests();
 * }
 * }</pre>
 *
 * <p>Besides the jurisdictions, the suite always checks numbers in exchanges with several time zones, area codes
 * whose exchanges are in different zones, and numbers no zone can be known for. Set the seed with
 * {@link #seed(long)} or the {@code complianceharness.seed} configuration parameter to replay a printed failure;
 * each test derives its own random choices from that seed and its name, so one seed does not make every test fail
 * at the same try.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class SmsPropertySuite {

    /** The jurisdictions checked unless {@link #jurisdictions(String...)} names others. */
    public static final List<String> DEFAULT_JURISDICTIONS = List.of("US", "US-FL", "US-OK", "US-MD", "US-CT", "US-WA",
            "US-MA", "US-UT", "US-AL", "US-LA", "US-MS", "US-TX", "US-RI", "US-DC", "CA", "FR", "AU", "IN");

    /** The test of numbers in exchanges with several zones. */
    public static final String MULTI_ZONE = "multi-zone exchanges";
    /** The test of numbers of one area code whose exchanges are in different zones (850, 208, 605, ...). */
    public static final String SHARED_AREA_CODES = "area codes across zones";
    /** The test of numbers no zone can be known for. */
    public static final String UNKNOWN_ZONE = "numbers without a known zone";
    /** The first day triggers fall on unless {@link #between(LocalDate, LocalDate)} says otherwise. */
    public static final LocalDate DEFAULT_FROM = LocalDate.of(2024, 1, 1);
    /** The day after the last day triggers fall on unless {@link #between(LocalDate, LocalDate)} says otherwise. */
    public static final LocalDate DEFAULT_TO = LocalDate.of(2030, 1, 1);

    private final Supplier<? extends SmsScheduler> schedulers;
    private List<String> jurisdictions;
    private SmsContactRulesModule module = new SmsContactRulesModule();
    private String name = "SMS contact rules";
    private int tries = 200;
    private Long seed;
    private java.nio.file.Path failureDirectory;
    private LocalDate from = DEFAULT_FROM;
    private LocalDate to = DEFAULT_TO;

    private SmsPropertySuite(Supplier<? extends SmsScheduler> schedulers) {
        this.schedulers = schedulers;
    }

    /**
     * A suite for a scheduler that plans when each triggered message goes out.
     *
     * @param schedulers creates a fresh scheduler for each scenario
     * @return the suite
     */
    public static SmsPropertySuite forScheduler(Supplier<? extends SmsScheduler> schedulers) {
        return new SmsPropertySuite(Objects.requireNonNull(schedulers, "schedulers"));
    }

    /**
     * A suite for code that sends at once or not at all.
     *
     * @param gate the team's send check
     * @return the suite
     */
    public static SmsPropertySuite forSendGate(SendGate gate) {
        Objects.requireNonNull(gate, "gate");
        return forScheduler(() -> (number, kind, at) -> gate.sendsNow(number, kind, at) ? Optional.of(at) : Optional.empty());
    }

    /**
     * @param codes the jurisdictions to check, each its own test: ISO 3166-2 subdivisions of the US and Canada, or
     *              countries
     * @return this suite
     */
    public SmsPropertySuite jurisdictions(String... codes) {
        if (codes.length == 0) {
            throw new IllegalArgumentException("SmsPropertySuite.jurisdictions() needs at least one jurisdiction code,"
                    + " such as \"US-FL\"");
        }
        for (String code : codes) {
            SmsGens.phoneNumbers(code);
        }
        this.jurisdictions = List.of(codes);
        return this;
    }

    /**
     * @param rules the SMS module whose quiet-hours and frequency-cap invariants judge the scheduler (the team's
     *              own subclass, with its strictness and overrides); the shipped module unless set
     * @return this suite
     */
    public SmsPropertySuite module(SmsContactRulesModule rules) {
        this.module = Objects.requireNonNull(rules, "rules");
        return this;
    }

    /**
     * @param suiteName names the suite's properties ({@code "<name>, US-FL"}) in output, reports and the store of
     *                  failing examples; {@code "SMS contact rules"} unless set. Give each scheduler its own name.
     * @return this suite
     */
    public SmsPropertySuite named(String suiteName) {
        if (suiteName == null || suiteName.isBlank()) {
            throw new IllegalArgumentException("SmsPropertySuite.named(...) needs a non-blank name");
        }
        this.name = suiteName;
        return this;
    }

    /**
     * @param count scenarios per jurisdiction; 200 unless set
     * @return this suite
     */
    public SmsPropertySuite tries(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("SmsPropertySuite.tries(" + count + "): at least 1 try is needed");
        }
        this.tries = count;
        return this;
    }

    /**
     * @param fixedSeed the seed every jurisdiction's property starts from, to replay a printed failure
     * @return this suite
     */
    public SmsPropertySuite seed(long fixedSeed) {
        this.seed = fixedSeed;
        return this;
    }

    /**
     * @param directory where the properties store their failing examples, tried first on the next run; the
     *                  engine's configured directory unless set
     * @return this suite
     */
    public SmsPropertySuite storeFailuresIn(java.nio.file.Path directory) {
        this.failureDirectory = Objects.requireNonNull(directory, "directory");
        return this;
    }

    /**
     * @param first the first day triggers may fall on; 2024-01-01 unless set
     * @param end   the day after the last; 2030-01-01 unless set
     * @return this suite
     */
    public SmsPropertySuite between(LocalDate first, LocalDate end) {
        if (!first.isBefore(end)) {
            throw new IllegalArgumentException("SmsPropertySuite.between(" + first + ", " + end + "): the first day"
                    + " must come before the end");
        }
        this.from = first;
        this.to = end;
        return this;
    }

    /**
     * One dynamic test per jurisdiction, then one for multi-zone exchanges, one for area codes whose exchanges are in
     * different zones, and one for numbers without a known zone. Unless {@link #jurisdictions(String...)} names them,
     * the jurisdictions are the {@link #DEFAULT_JURISDICTIONS} the module's policy covers.
     *
     * @return the tests, for a {@code @TestFactory}
     */
    public Stream<DynamicTest> dynamicTests() {
        List<String> names = new ArrayList<>(jurisdictions != null ? jurisdictions : coveredDefaults());
        names.add(MULTI_ZONE);
        names.add(SHARED_AREA_CODES);
        names.add(UNKNOWN_ZONE);
        return names.stream().map(name -> DynamicTest.dynamicTest(name + ": every planned text is permitted",
                () -> check(name)));
    }

    private List<String> coveredDefaults() {
        List<Jurisdiction> scope = module.quietHours().ruleSet().jurisdictions();
        if (scope.isEmpty()) {
            return DEFAULT_JURISDICTIONS;
        }
        return DEFAULT_JURISDICTIONS.stream().filter(code -> scope.stream().anyMatch(covered ->
                covered.contains(Jurisdiction.of(code)))).toList();
    }

    /**
     * Runs one jurisdiction's property: each scenario drives one fresh scheduler with its whole sequence, and a
     * failing sequence is shrunk with every candidate replayed on a fresh scheduler, so the minimal one reproduces.
     * The property's random choices derive from the suite's seed and the test's name.
     *
     * @param jurisdiction a jurisdiction code, {@value #MULTI_ZONE}, {@value #SHARED_AREA_CODES} or
     *                     {@value #UNKNOWN_ZONE}
     * @throws dev.complianceharness.property.PropertyFailure with the seed and the shrunk scenario, if the scheduler
     *                                                        plans a text the rules forbid
     */
    public void check(String jurisdiction) {
        PropertyCheck<Scenario> property = Property.forAll(scenarios(jurisdiction))
                .named(name + ", " + jurisdiction)
                .tries(tries)
                .seedSalt(jurisdiction)
                .note("scheduler instances", "one per scenario, driven with its whole sequence; every shrink candidate"
                        + " replayed on a fresh one");
        for (PolicyChoice choice : module.policies()) {
            property.note(choice.policy(), choice.choice() + (choice.reason().isEmpty() ? "" : " (" + choice.reason()
                    + ")"));
        }
        if (seed != null) {
            property.seed(seed);
        }
        if (failureDirectory != null) {
            property.storeFailuresIn(failureDirectory);
        }
        List<Invariant> invariants = module.schedulingInvariants();
        property.check(scenario -> verify(scenario, invariants));
    }

    private void verify(Scenario scenario, List<Invariant> invariants) {
        SmsScheduler scheduler = schedulers.get();
        EventTrace trace = new EventTrace();
        int number = 0;
        for (Scenario.Trigger trigger : scenario.triggers()) {
            number++;
            Optional<Instant> planned = scheduler.plan(trigger.phoneNumber(), trigger.kind(), trigger.at());
            if (planned.isPresent()) {
                if (planned.get().isBefore(trigger.at())) {
                    throw new AssertionError("The scheduler planned message " + number + " for " + planned.get()
                            + ", before it was triggered at " + trigger.at());
                }
                trace.record(new SmsSent(planned.get(), trigger.phoneNumber(), "generated message " + number,
                        trigger.kind()));
            }
        }
        List<Violation> violations = new ArrayList<>();
        for (Invariant invariant : invariants) {
            violations.addAll(invariant.verify(trace));
        }
        if (!violations.isEmpty()) {
            Violation first = violations.get(0);
            StringBuilder message = new StringBuilder().append(first.invariant().id()).append(": ").append(first.message())
                    .append("\n\n").append(violations.size())
                    .append(violations.size() == 1 ? " compliance violation" : " compliance violations")
                    .append(" in the planned texts:");
            for (Violation violation : violations) {
                message.append("\n\n").append(violation.describe());
            }
            throw new AssertionError(message.toString());
        }
    }

    Gen<Scenario> scenarios(String jurisdiction) {
        Gen<String> numbers = switch (jurisdiction) {
            case MULTI_ZONE -> SmsGens.multiZoneNumbers();
            case SHARED_AREA_CODES -> SmsGens.numbersInAreaCodesAcrossZones();
            case UNKNOWN_ZONE -> SmsGens.numbersWithoutKnownZone();
            default -> SmsGens.phoneNumbers(jurisdiction);
        };
        Optional<String> holidays = jurisdiction.equals(MULTI_ZONE) || jurisdiction.equals(UNKNOWN_ZONE)
                || jurisdiction.equals(SHARED_AREA_CODES) ? Optional.of("US") : Optional.of(jurisdiction);
        return SmsScenarios.sequences(numbers, from, to, holidays, firstTry(jurisdiction))
                .describedAs("SMS scenarios for " + jurisdiction);
    }

    /** A weekday instant of the range, different for each test of a suite and each seed, for the simplest example. */
    private Instant firstTry(String jurisdiction) {
        long days = java.time.temporal.ChronoUnit.DAYS.between(from, to);
        long mix = (name + "|" + jurisdiction).hashCode() * 0x9E3779B97F4A7C15L ^ (seed == null ? 0 : seed);
        LocalDate day = from.plusDays(Math.floorMod(mix, days));
        return day.atTime(Math.floorMod(mix >> 20, 24), Math.floorMod(mix >> 30, 60)).toInstant(java.time.ZoneOffset.UTC);
    }

}
