package dev.complianceharness.sms.properties;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.property.Gen;
import dev.complianceharness.property.Gens;
import dev.complianceharness.sms.MessageKind;
import dev.complianceharness.sms.generators.SmsGens;
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
import org.apiguardian.api.API;

/**
 * The scenario generators the suite uses, public so that a team can write its own multi-recipient property in a few
 * lines: sequences of (recipient, trigger) to drive one long-lived scheduler or campaign with, where recipients repeat
 * and share area codes or prefixes across zones, and triggers come out of time order.
 *
 * <pre>{@code
 * Property.forAll(SmsScenarios.sequences(SmsGens.phoneNumbers("US-FL"), LocalDate.of(2024, 1, 1),
 *                 LocalDate.of(2030, 1, 1), Optional.of("US-FL")))
 *         .check(scenario -> {
 *             CampaignScheduler scheduler = new CampaignScheduler(           // one instance per scenario
 *                     sms -> outbox.send(sms.to(), sms.text(), MessageKind.MARKETING), clock);
 *             for (Scenario.Trigger trigger : scenario.triggers()) {
 *                 clock.setInstant(trigger.at());
 *                 scheduler.trigger(trigger.phoneNumber(), "Your cart misses you");
 *             }
 *         });
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class SmsScenarios {

    private static final List<Duration> GAPS = List.of(Duration.ZERO, Duration.ofSeconds(1), Duration.ofMinutes(1),
            Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(3), Duration.ofHours(8), Duration.ofHours(12),
            Duration.ofHours(24).minusSeconds(1), Duration.ofHours(24), Duration.ofHours(25), Duration.ofDays(3));
    private static final int MAX_RECIPIENTS = 3;
    private static final int MAX_TRIGGERS = 7;

    private SmsScenarios() {
    }

    /**
     * Sequences of triggers for up to three recipients: the first drawn from {@code numbers}, the others the same
     * number again, another number of the same area code (often in another zone, where the area code spans several),
     * or another drawn number; up to seven triggers, each after the one before by a gap from a second to days, or
     * (one time in six) before it, out of time order. Instants start near what breaks schedulers in the first
     * recipient's zones (see {@link SmsGens#instantsNear(List, LocalDate, LocalDate, Optional, Instant)}). Shrinks
     * towards one recipient, one trigger, short gaps.
     *
     * @param numbers      where recipients come from
     * @param from         the first day triggers start on
     * @param to           the day after the last
     * @param jurisdiction whose public holidays to favour; empty for none
     * @return the generator
     */
    public static Gen<Scenario> sequences(Gen<String> numbers, LocalDate from, LocalDate to, Optional<String> jurisdiction) {
        return sequences(numbers, from, to, jurisdiction, null);
    }

    /**
     * Like {@link #sequences(Gen, LocalDate, LocalDate, Optional)}, with the instant the simplest scenario starts at
     * (the first try and the target of shrinking), so that the tests of a suite do not all begin at one instant.
     *
     * @param numbers      where recipients come from
     * @param from         the first day triggers start on
     * @param to           the day after the last
     * @param jurisdiction whose public holidays to favour; empty for none
     * @param firstTry     the instant the simplest scenario starts at; null for the start of the range
     * @return the generator
     */
    public static Gen<Scenario> sequences(Gen<String> numbers, LocalDate from, LocalDate to, Optional<String> jurisdiction,
                                          Instant firstTry) {
        Objects.requireNonNull(numbers, "numbers");
        Gen<MessageKind> kinds = Gens.frequency(Gens.weighted(9, Gens.constant(MessageKind.MARKETING)),
                Gens.weighted(1, Gens.constant(MessageKind.TRANSACTIONAL)));
        Gen<Duration> gaps = Gens.frequency(Gens.weighted(5, Gens.elements(GAPS)),
                Gens.weighted(1, Gens.elements(GAPS).map(Duration::negated)));
        return numbers.flatMap(first -> recipients(first, numbers).flatMap(pool -> {
            List<ZoneId> firstZones = zonesOf(first);
            Gen<Instant> starts = SmsGens.instantsNear(firstZones.isEmpty() ? List.of(ZoneId.of("America/New_York"))
                    : firstZones, from, to, jurisdiction, firstTry);
            Gen<List<Step>> steps = Gens.lists(Gens.combine(Gens.integers(0, pool.size() - 1), Gens.combine(gaps, kinds,
                    Step::partial), (who, step) -> step.to(who)), 0, MAX_TRIGGERS - 1);
            return starts.flatMap(start -> kinds.flatMap(firstKind -> steps.map(rest -> {
                List<Scenario.Trigger> triggers = new ArrayList<>();
                triggers.add(new Scenario.Trigger(pool.get(0), firstZones, start, firstKind));
                Instant at = start;
                for (Step step : rest) {
                    at = at.plus(step.gap());
                    String number = pool.get(step.recipient());
                    triggers.add(new Scenario.Trigger(number, zonesOf(number), at, step.kind()));
                }
                return new Scenario(triggers);
            })));
        })).describedAs("SMS trigger sequences");
    }

    /** A further trigger: to which recipient of the pool, how long after the one before, of what kind. */
    private record Step(int recipient, Duration gap, MessageKind kind) {
        static Step partial(Duration gap, MessageKind kind) {
            return new Step(0, gap, kind);
        }

        Step to(int who) {
            return new Step(who, gap, kind);
        }
    }

    private static Gen<List<String>> recipients(String first, Gen<String> numbers) {
        Gen<String> sameAreaCode = sameAreaCodeAs(first).orElse(numbers);
        Gen<String> another = Gens.frequency(Gens.weighted(2, Gens.constant(first)), Gens.weighted(3, sameAreaCode),
                Gens.weighted(2, numbers));
        return Gens.lists(another, 0, MAX_RECIPIENTS - 1).map(others -> {
            List<String> pool = new ArrayList<>();
            pool.add(first);
            pool.addAll(others);
            return pool;
        });
    }

    private static Optional<Gen<String>> sameAreaCodeAs(String number) {
        if (!number.startsWith("+1") || number.length() != 12 || zonesOf(number).isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(SmsGens.phoneNumbersInAreaCode(Integer.parseInt(number.substring(2, 5))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static List<ZoneId> zonesOf(String phoneNumber) {
        ResolvedRecipient resolved = RecipientResolver.standard().resolve(Recipient.of(phoneNumber));
        return resolved.isLocated() ? List.copyOf(resolved.zones()) : List.of();
    }
}
