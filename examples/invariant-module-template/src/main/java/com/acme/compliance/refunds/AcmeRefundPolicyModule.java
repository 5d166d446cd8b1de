package com.acme.compliance.refunds;

import dev.complianceharness.event.EventTrace;
import dev.complianceharness.event.RecordingPart;
import dev.complianceharness.invariant.Confidence;
import dev.complianceharness.invariant.Invariant;
import dev.complianceharness.invariant.InvariantModule;
import dev.complianceharness.invariant.LiabilityTier;
import dev.complianceharness.invariant.Owner;
import dev.complianceharness.invariant.Regulation;
import dev.complianceharness.invariant.ReviewQuestion;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Acme's refund policy RP-3, written once by the payments specialist and switched on by every team
 * with {@code @ComplianceTest(modules = AcmeRefundPolicyModule.class)}, or by id {@code "acme.refund-policy"}.
 */
public final class AcmeRefundPolicyModule implements InvariantModule {

    private static final Owner PAYMENTS_OPERATIONS = Owner.of("payments-operations", "payments-ops@acme.example");

    /** Section 2 of the policy: the refund window. */
    public static final Regulation RP3_WINDOW = Regulation.builder("acme-rp-3.2")
            .title("Acme refund policy: 60-day window")
            .citation("Acme Refund Policy RP-3 § 2")
            .jurisdiction("US")
            .source("https://policies.acme.example/rp-3#section-2")
            .effectiveFrom(LocalDate.of(2024, 1, 1))
            .confidence(Confidence.HIGH)
            .build();

    /** Section 4 of the policy: the four-eyes rule for large refunds. */
    public static final Regulation RP3_FOUR_EYES = Regulation.builder("acme-rp-3.4")
            .title("Acme refund policy: four eyes above $500")
            .citation("Acme Refund Policy RP-3 § 4")
            .jurisdiction("US")
            .source("https://policies.acme.example/rp-3#section-4")
            .effectiveFrom(LocalDate.of(2024, 1, 1))
            .confidence(Confidence.HIGH)
            .build();

    static final Duration REFUND_WINDOW = Duration.ofDays(60);
    static final long FOUR_EYES_THRESHOLD_CENTS = 50_000;

    /** Refunds only within 60 days of payment, and only for orders that were paid. */
    public static final Invariant REFUND_WITHIN_WINDOW = Invariant.builder("acme.refund.within-60-days")
            .description("A refund is issued only for a paid order, within 60 days of the payment")
            .regulation(RP3_WINDOW)
            .owner(PAYMENTS_OPERATIONS)
            .tier(LiabilityTier.FINANCIAL)
            .rationale("Refunds after 60 days are chargeback-exposed and bypass the returns inspection")
            .forEachEvent(RefundIssued.class, AcmeRefundPolicyModule::withinWindow);

    /** Refunds above $500 need two different approvers. */
    public static final Invariant FOUR_EYES = Invariant.builder("acme.refund.four-eyes-above-500")
            .description("A refund above $500 is approved by two different people")
            .regulation(RP3_FOUR_EYES)
            .owner(PAYMENTS_OPERATIONS)
            .tier(LiabilityTier.FINANCIAL)
            .forEachEvent(RefundIssued.class, (refund, trace) ->
                    refund.amountCents() > FOUR_EYES_THRESHOLD_CENTS && refund.approvers().stream().distinct().count() < 2
                            ? Optional.of("refund of " + refund.amountCents() + " cents on order " + refund.orderId()
                                    + " has " + refund.approvers().stream().distinct().count() + " distinct approver(s); above "
                                    + FOUR_EYES_THRESHOLD_CENTS + " cents it needs 2")
                            : Optional.empty());

    @Override
    public String id() {
        return "acme.refund-policy";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public String title() {
        return "Acme refund policy RP-3";
    }

    @Override
    public Optional<LocalDate> rulesReviewedOn() {
        return Optional.of(LocalDate.of(2026, 11, 2));
    }

    @Override
    public List<Invariant> invariants() {
        return List.of(REFUND_WITHIN_WINDOW, FOUR_EYES);
    }

    @Override
    public List<RecordingPart<?>> recordingParts() {
        return List.of(RecordingPart.of(RecordingRefundGateway.class, RecordingRefundGateway::new));
    }

    @Override
    public List<ReviewQuestion> reviewRubric() {
        return List.of(
                ReviewQuestion.of("Is every refund path (support tool, API, batch job) going through RefundGateway?"),
                ReviewQuestion.of("Are refunds refused after 60 days, in every path?", REFUND_WITHIN_WINDOW.id()),
                ReviewQuestion.of("Do large refunds collect a second approval from a different person?", FOUR_EYES.id()));
    }

    private static Optional<String> withinWindow(RefundIssued refund, EventTrace trace) {
        Optional<OrderPaid> payment = trace.events(OrderPaid.class).stream()
                .filter(paid -> paid.orderId().equals(refund.orderId()) && !paid.instant().isAfter(refund.instant()))
                .findFirst();
        if (payment.isEmpty()) {
            return Optional.of("order " + refund.orderId() + " was refunded but no payment for it was recorded before");
        }
        Duration age = Duration.between(payment.get().instant(), refund.instant());
        return age.compareTo(REFUND_WINDOW) > 0
                ? Optional.of("order " + refund.orderId() + " was refunded " + age.toDays() + " days after payment; the window is "
                        + REFUND_WINDOW.toDays() + " days")
                : Optional.empty();
    }
}
