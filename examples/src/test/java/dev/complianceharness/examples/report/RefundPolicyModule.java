package dev.complianceharness.examples.report;

import dev.complianceharness.invariant.Confidence;
import dev.complianceharness.invariant.Invariant;
import dev.complianceharness.invariant.InvariantModule;
import dev.complianceharness.invariant.LiabilityTier;
import dev.complianceharness.invariant.Owner;
import dev.complianceharness.invariant.Regulation;
import dev.complianceharness.payments.event.OperationRecorded;
import dev.complianceharness.payments.event.PaymentOperation;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A team's own payments rule, written with a bug in its check: it assumes every refund follows a recorded
 * authorization, so a refund of an unknown payment makes the check throw. The harness reports such a check as
 * errored, never as passed.
 */
public final class RefundPolicyModule implements InvariantModule {

    static final Invariant REFUND_WITHIN_180_DAYS = Invariant.builder("shop.refund-within-180-days")
            .description("A refund is issued within 180 days of the authorization it returns")
            .regulation(Regulation.builder("shop-refund-policy-4-2")
                    .citation("Shop refund policy § 4.2").jurisdiction("US")
                    .effectiveFrom(LocalDate.of(2025, 1, 1)).confidence(Confidence.HIGH).build())
            .owner(Owner.of("payments-engineering"))
            .tier(LiabilityTier.FINANCIAL)
            .forEachEvent(OperationRecorded.class, (recorded, trace) -> {
                if (recorded.request().operation() != PaymentOperation.REFUND) {
                    return Optional.empty();
                }
                OperationRecorded authorization = trace.events(OperationRecorded.class).stream()
                        .filter(event -> event.request().operation() == PaymentOperation.AUTHORIZE)
                        .filter(event -> event.request().paymentId().equals(recorded.request().paymentId()))
                        .findFirst().orElseThrow();
                return Duration.between(authorization.instant(), recorded.instant()).toDays() > 180
                        ? Optional.of("refund " + recorded.describeMasked() + " more than 180 days after its authorization")
                        : Optional.empty();
            });

    /** Created by the harness. */
    public RefundPolicyModule() {
    }

    @Override
    public String id() {
        return "shop.refund-policy";
    }

    @Override
    public String version() {
        return "1.2.0";
    }

    @Override
    public List<Invariant> invariants() {
        return List.of(REFUND_WITHIN_180_DAYS);
    }
}
