package dev.complianceharness.payments.testing;

import dev.complianceharness.event.TestClock;
import dev.complianceharness.payments.event.LedgerEntry;
import dev.complianceharness.payments.event.OperationResult;
import dev.complianceharness.payments.money.Money;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A PaymentIntent service written after Stripe's documentation: manual capture with multicapture, the first
 * response stored for every key (errors included) and compared by endpoint and parameters, refunds of captured
 * parts while more is capturable, cancel only before a capture, uncaptured intents canceled after 7 days.
 */
final class StripeLikeService extends ProviderFake {

    private record Stored(String fingerprint, OperationResult result) {
    }

    private final Map<String, Stored> keys = new HashMap<>();

    StripeLikeService(TestClock clock) {
        super(clock);
    }

    private synchronized OperationResult idempotent(String key, String fingerprint, Work work) {
        Stored stored = keys.get(key);
        if (stored != null) {
            return stored.fingerprint().equals(fingerprint) ? stored.result()
                    : OperationResult.rejected("idempotency_error: keys are for retrying the same request");
        }
        OperationResult result = attempt(work);
        keys.put(key, new Stored(fingerprint, result));
        return result;
    }

    @Override
    public OperationResult authorize(String paymentId, Money amount, String key) {
        return idempotent(key, "create " + paymentId + " " + amount, () -> {
            if (payments.containsKey(paymentId)) {
                throw new Refused("resource_already_exists");
            }
            endsInZeroWhenThreeDecimal(amount);
            payments.put(paymentId, new Payment("requires_capture", amount, clock.instant()));
            return paymentId;
        });
    }

    @Override
    public OperationResult capture(String paymentId, Money amount, boolean finalCapture, String key) {
        // amount_to_capture carries no currency: it is always the intent's
        return idempotent(key, "capture " + paymentId + " " + amount.minorUnits() + " " + finalCapture, () -> {
            Payment intent = payment(paymentId);
            if (!intent.status.equals("requires_capture")) {
                throw new Refused("payment_intent_unexpected_state: " + intent.status);
            }
            Money toCapture = new Money(amount.minorUnits(), intent.authorized.currency());
            endsInZeroWhenThreeDecimal(toCapture);
            if (toCapture.isGreaterThan(intent.capturable())) {
                throw new Refused("amount_to_capture exceeds amount_capturable");
            }
            intent.captured = intent.captured.plus(toCapture);
            if (finalCapture || intent.capturable().isZero()) {
                intent.status = "succeeded";
            }
            return post(intent, LedgerEntry.Purpose.CAPTURE, toCapture);
        });
    }

    @Override
    public OperationResult refund(String paymentId, Money amount, String key) {
        return idempotent(key, "refund " + paymentId + " " + amount.minorUnits(), () -> {
            Payment intent = payment(paymentId);
            if (!intent.status.equals("requires_capture") && !intent.status.equals("succeeded")) {
                throw new Refused("charge_not_refundable");
            }
            Money toRefund = new Money(amount.minorUnits(), intent.authorized.currency());
            endsInZeroWhenThreeDecimal(toRefund);
            if (toRefund.isGreaterThan(intent.refundable())) {
                throw new Refused("amount exceeds amount_received minus amount_refunded");
            }
            intent.refunded = intent.refunded.plus(toRefund);
            return post(intent, LedgerEntry.Purpose.REFUND, toRefund);
        });
    }

    @Override
    public OperationResult cancel(String paymentId, String key) {
        return idempotent(key, "cancel " + paymentId, () -> {
            Payment intent = payment(paymentId);
            if (!intent.status.equals("requires_capture") || intent.captured.isPositive()) {
                throw new Refused("payment_intent_unexpected_state: " + intent.status);
            }
            intent.status = "canceled";
            return nextReference("cancel");
        });
    }

    @Override
    public synchronized void expireAuthorizations() {
        for (Payment intent : payments.values()) {
            if (intent.status.equals("requires_capture")
                    && !intent.createdAt.plus(Duration.ofDays(7)).isAfter(clock.instant())) {
                intent.status = intent.captured.isZero() ? "canceled" : "succeeded";
            }
        }
    }
}
