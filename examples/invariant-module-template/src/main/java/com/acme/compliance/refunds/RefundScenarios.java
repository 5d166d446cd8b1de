package com.acme.compliance.refunds;

import dev.complianceharness.event.EventTrace;
import dev.complianceharness.event.RecordedEvent;
import dev.complianceharness.property.Gen;
import dev.complianceharness.property.Gens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Generators that stress RP-3 where refund code usually breaks it: refunds a second either side of the
 * 60-day window, amounts a cent either side of the $500 four-eyes threshold, the same approver named
 * twice, and refunds of orders nobody paid for. Module authors ship them next to the invariants, so
 * that every team can drive its own refund code with them.
 *
 * <pre>{@code
 * Property.forAll(RefundScenarios.scenarios()).check(scenario -> {
 *     RefundDesk desk = new RefundDesk(gateway);
 *     desk.approve(scenario.orderId(), scenario.amountCents(), ...);
 * });
 * }</pre>
 */
public final class RefundScenarios {

    /** When generated payments happen; refunds follow at the generated age. */
    static final Instant PAID_AT = Instant.parse("2026-01-05T10:00:00Z");

    private static final List<String> STAFF = List.of("kim", "lee", "ana");

    private RefundScenarios() {
    }

    /**
     * One refund and the payment before it (or none).
     *
     * @param orderId     the order refunded
     * @param paid        whether a payment for the order was recorded before the refund
     * @param age         how long after the payment the refund was issued
     * @param amountCents the amount refunded, in cents
     * @param approvers   the staff ids that approved it, possibly repeated
     */
    public record Scenario(String orderId, boolean paid, Duration age, long amountCents, List<String> approvers) {

        /** Copies the approvers. */
        public Scenario {
            approvers = List.copyOf(approvers);
        }

        /**
         * The events this scenario records, on a clock that starts at the payment.
         *
         * @return the trace: the payment (if paid), then the refund
         */
        public EventTrace trace() {
            List<RecordedEvent> events = new ArrayList<>();
            if (paid) {
                events.add(new OrderPaid(PAID_AT, orderId, amountCents));
            }
            events.add(new RefundIssued(PAID_AT.plus(age), orderId, amountCents, approvers));
            return EventTrace.of(events.toArray(new RecordedEvent[0]));
        }
    }

    /**
     * Ages of refunds: anywhere in 0–120 days, with one in two within a second of the 60-day boundary.
     *
     * @return the generator
     */
    public static Gen<Duration> ages() {
        Gen<Duration> anyAge = Gens.longs(0, Duration.ofDays(120).toSeconds()).map(Duration::ofSeconds);
        Gen<Duration> atTheEdge = Gens.longs(-1, 1).map(AcmeRefundPolicyModule.REFUND_WINDOW::plusSeconds);
        return Gens.frequency(Gens.weighted(1, anyAge), Gens.weighted(1, atTheEdge)).describedAs("refund ages");
    }

    /**
     * Refund amounts: anywhere up to $2,000, with one in two within a cent of the $500 threshold.
     *
     * @return the generator, in cents
     */
    public static Gen<Long> amounts() {
        Gen<Long> anyAmount = Gens.longs(1, 200_000);
        Gen<Long> atTheEdge = Gens.longs(AcmeRefundPolicyModule.FOUR_EYES_THRESHOLD_CENTS - 1,
                AcmeRefundPolicyModule.FOUR_EYES_THRESHOLD_CENTS + 1);
        return Gens.frequency(Gens.weighted(1, anyAmount), Gens.weighted(1, atTheEdge)).describedAs("refund amounts");
    }

    /**
     * Approver lists of one to three staff ids, drawn with repetition so that "two approvals by the same
     * person" comes up often.
     *
     * @return the generator
     */
    public static Gen<List<String>> approvers() {
        return Gens.lists(Gens.elements(STAFF), 1, 3).describedAs("approvers");
    }

    /**
     * Whole scenarios; nine in ten refund an order that was paid.
     *
     * @return the generator
     */
    public static Gen<Scenario> scenarios() {
        Gen<Boolean> paid = Gens.frequency(Gens.weighted(9, Gens.constant(true)), Gens.weighted(1, Gens.constant(false)));
        return Gens.tuples(Gens.integers(1, 999).map(n -> "A-" + n), paid, ages())
                .flatMap(head -> Gens.tuples(amounts(), approvers())
                        .map(tail -> new Scenario(head.first(), head.second(), head.third(), tail.first(), tail.second())))
                .describedAs("refund scenarios");
    }
}
