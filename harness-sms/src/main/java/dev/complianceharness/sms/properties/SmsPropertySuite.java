package dev.complianceharness.sms.properties;

import dev.complianceharness.event.EventTrace;
import dev.complianceharness.invariant.Invariant;
import dev.complianceharness.invariant.Violation;
import dev.complianceharness.property.Gen;
import dev.complianceharness.property.Gens;
import dev.complianceharness.property.Property;
import dev.complianceharness.property.PropertyCheck;
import dev.complianceharness.sms.MessageKind;
import dev.complianceharness.sms.generators.SmsGens;
import dev.complianceharness.sms.invariants.SmsContactRulesModule;
import dev.complianceharness.sms.outbox.SmsSent;
import dev.complianceharness.sms.recipient.Recipient;
import dev.complianceharness.sms.recipient.RecipientResolver;
import dev.complianceharness.sms.recipient.ResolvedRecipient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * A generated property suite for a team's SMS scheduler: for each jurisdiction, scenarios of triggered messages
 * to generated numbers of that jurisdiction, at instants biased to DST transitions, window edges, midnight,
 * holidays and Sundays; every message the scheduler plans must satisfy the SMS module's quiet-hours and
 * frequency-cap invariants. Each jurisdiction is its own dynamic test, with a printed seed and, on failure, a
 * shrunk scenario.
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
 * <p>Besides the jurisdictions, the suite always checks numbers in exchanges with several time zones and numbers
 * no zone can be known for. Set the seed with {@link #seed(long)} or the {@code complianceharness.seed}
 * configuration parameter to replay a printed failure.
 */
public final class SmsPropertySuite {

    /** The jurisdictions checked unless {@link #jurisdictions(String...)} names others. */
    public static final List<String> DEFAULT_JURISDICTIONS = List.of("US", "US-FL", "US-OK", "US-MD", "US-CT", "US-WA",
            "US-MA", "US-UT", "US-AL", "US-LA", "US-MS", "US-TX", "US-RI", "US-DC", "CA", "FR", "AU", "IN");

    private static final List<Duration> GAPS = List.of(Duration.ZERO, Duration.ofSeconds(1), Duration.ofMinutes(1),
            Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(3), Duration.ofHours(8), Duration.ofHours(12),
            Duration.ofHours(24).minusSeconds(1), Duration.ofHours(24), Duration.ofHours(25));
    private static final List<Duration> BURST_GAPS = List.of(Duration.ZERO, Duration.ofSeconds(1), Duration.ofMinutes(1),
            Duration.ofMinutes(10));
    private static final String MULTI_ZONE = "multi-zone exchanges";
    private static final String UNKNOWN_ZONE = "numbers without a known zone";

    private final Supplier<? extends SmsScheduler> schedulers;
    private List<String> jurisdictions = DEFAULT_JURISDICTIONS;
    private SmsContactRulesModule module = new SmsContactRulesModule();
    private String name = "SMS contact rules";
    private int tries = 200;
    private Long seed;
    private LocalDate from = LocalDate.of(2025, 1, 1);
    private LocalDate to = LocalDate.of(2027, 1, 1);

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
     * @param first the first day triggers may fall on; 2025-01-01 unless set
     * @param end   the day after the last; 2027-01-01 unless set
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
     * One dynamic test per jurisdiction, then one for multi-zone exchanges and one for numbers without a known
     * zone.
     *
     * @return the tests, for a {@code @TestFactory}
     */
    public Stream<DynamicTest> dynamicTests() {
        List<String> names = new ArrayList<>(jurisdictions);
        names.add(MULTI_ZONE);
        names.add(UNKNOWN_ZONE);
        return names.stream().map(name -> DynamicTest.dynamicTest(name + ": every planned text is permitted",
                () -> check(name)));
    }

    /**
     * Runs one jurisdiction's property.
     *
     * @param jurisdiction a jurisdiction code, {@code "multi-zone exchanges"} or {@code "numbers without a known zone"}
     * @throws dev.complianceharness.property.PropertyFailure with the seed and the shrunk scenario, if the scheduler
     *                                                        plans a text the rules forbid
     */
    public void check(String jurisdiction) {
        PropertyCheck<Scenario> property = Property.forAll(scenarios(jurisdiction))
                .named(name + ", " + jurisdiction)
                .tries(tries);
        if (seed != null) {
            property.seed(seed);
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
            Optional<Instant> planned = scheduler.plan(scenario.phoneNumber(), trigger.kind(), trigger.at());
            if (planned.isPresent()) {
                if (planned.get().isBefore(trigger.at())) {
                    throw new AssertionError("The scheduler planned message " + number + " for " + planned.get()
                            + ", before it was triggered at " + trigger.at());
                }
                trace.record(new SmsSent(planned.get(), scenario.phoneNumber(), "generated message " + number,
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
            case UNKNOWN_ZONE -> SmsGens.numbersWithoutKnownZone();
            default -> SmsGens.phoneNumbers(jurisdiction);
        };
        Optional<String> holidays = jurisdiction.equals(MULTI_ZONE) || jurisdiction.equals(UNKNOWN_ZONE)
                ? Optional.of("US") : Optional.of(jurisdiction);
        return numbers.flatMap(phoneNumber -> {
            List<ZoneId> zones = zonesOf(phoneNumber);
            List<ZoneId> biasZones = zones.isEmpty() ? List.of(ZoneId.of("America/New_York")) : zones;
            Gen<Instant> firsts = SmsGens.instantsNear(biasZones, from, to, holidays);
            Gen<List<Duration>> gaps = Gens.oneOf(Gens.lists(Gens.elements(GAPS), 0, 5),
                    Gens.lists(Gens.elements(BURST_GAPS), 3, 5));
            Gen<MessageKind> kinds = Gens.frequency(Gens.weighted(9, Gens.constant(MessageKind.MARKETING)),
                    Gens.weighted(1, Gens.constant(MessageKind.TRANSACTIONAL)));
            return firsts.flatMap(first -> gaps.flatMap(steps -> Gens.lists(kinds, steps.size() + 1, steps.size() + 1)
                    .map(kindList -> {
                        List<Scenario.Trigger> triggers = new ArrayList<>();
                        Instant at = first;
                        for (int i = 0; i < kindList.size(); i++) {
                            if (i > 0) {
                                at = at.plus(steps.get(i - 1));
                            }
                            triggers.add(new Scenario.Trigger(at, kindList.get(i)));
                        }
                        return new Scenario(phoneNumber, zones, triggers);
                    })));
        }).describedAs("SMS scenarios for " + jurisdiction);
    }

    private static List<ZoneId> zonesOf(String phoneNumber) {
        ResolvedRecipient resolved = RecipientResolver.standard().resolve(Recipient.of(phoneNumber));
        return resolved.isLocated() ? List.copyOf(resolved.zones()) : List.of();
    }
}
