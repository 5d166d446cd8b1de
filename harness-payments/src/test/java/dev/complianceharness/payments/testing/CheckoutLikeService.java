package dev.complianceharness.payments.testing;

import dev.complianceharness.event.TestClock;
import dev.complianceharness.payments.event.LedgerEntry;
import dev.complianceharness.payments.event.OperationResult;
import dev.complianceharness.payments.money.Money;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A payment service written after Checkout.com's documentation, which chooses its own payment ids
 * ({@code pay_1}, ...): NonFinal captures lead to Partially Captured, or to Captured once nothing is left; Final
 * captures void the rest; refunds from Captured to Partially Refunded or Refunded; a key is cached only for a
 * successful request, so a failed one is attempted again; captures and refunds carry no currency; payments not
 * captured within seven days are voided.
 */
final class CheckoutLikeService extends ProviderFake {

    private record Cached(String fingerprint, OperationResult result) {
    }

    private final Map<String, Cached> keys = new HashMap<>();
    private int ids;

    CheckoutLikeService(TestClock clock) {
        super(clock);
    }

    private synchronized OperationResult idempotent(String key, String fingerprint, java.util.function.Supplier<OperationResult> work) {
        Cached cached = keys.get(key);
        if (cached != null) {
            return cached.fingerprint().equals(fingerprint) ? cached.result()
                    : OperationResult.rejected("422: idempotency key already used for another request");
        }
        OperationResult result = work.get();
        if (result.succeeded()) {
            keys.put(key, new Cached(fingerprint, result));
        }
        return result;
    }

    @Override
    public OperationResult authorize(String ignoredHarnessId, Money amount, String key) {
        return idempotent(key, "payments " + amount, () -> {
            try {
                endsInZeroWhenThreeDecimal(amount);
            } catch (Refused refused) {
                return OperationResult.rejected(refused.getMessage());
            }
            String id = "pay_" + ++ids;
            payments.put(id, new Payment("Authorized", amount, clock.instant()));
            return OperationResult.authorized(id);
        });
    }

    @Override
    public OperationResult capture(String paymentId, Money amount, boolean finalCapture, String key) {
        return idempotent(key, "captures " + paymentId + " " + amount.minorUnits() + (finalCapture ? " Final" : " NonFinal"),
                () -> attempt(() -> {
                    Payment payment = payment(paymentId);
                    if (!payment.status.equals("Authorized") && !payment.status.equals("PartiallyCaptured")) {
                        throw new Refused("403: capture not allowed in " + payment.status);
                    }
                    Money toCapture = new Money(amount.minorUnits(), payment.authorized.currency());
                    endsInZeroWhenThreeDecimal(toCapture);
                    if (toCapture.isGreaterThan(payment.capturable())) {
                        throw new Refused("422: amount exceeds the authorized balance");
                    }
                    payment.captured = payment.captured.plus(toCapture);
                    payment.status = finalCapture || payment.capturable().isZero() ? "Captured" : "PartiallyCaptured";
                    return post(payment, LedgerEntry.Purpose.CAPTURE, toCapture);
                }));
    }

    @Override
    public OperationResult refund(String paymentId, Money amount, String key) {
        return idempotent(key, "refunds " + paymentId + " " + amount.minorUnits(), () -> attempt(() -> {
            Payment payment = payment(paymentId);
            if (!payment.status.equals("Captured") && !payment.status.equals("PartiallyRefunded")) {
                throw new Refused("403: refund not allowed in " + payment.status);
            }
            Money toRefund = new Money(amount.minorUnits(), payment.authorized.currency());
            endsInZeroWhenThreeDecimal(toRefund);
            if (toRefund.isGreaterThan(payment.refundable())) {
                throw new Refused("422: amount exceeds the refundable balance");
            }
            payment.refunded = payment.refunded.plus(toRefund);
            payment.status = payment.refundable().isZero() ? "Refunded" : "PartiallyRefunded";
            return post(payment, LedgerEntry.Purpose.REFUND, toRefund);
        }));
    }

    @Override
    public OperationResult cancel(String paymentId, String key) {
        return idempotent(key, "voids " + paymentId, () -> attempt(() -> {
            Payment payment = payment(paymentId);
            if (!payment.status.equals("Authorized")) {
                throw new Refused("403: void not allowed in " + payment.status);
            }
            payment.status = "Voided";
            return nextReference("act");
        }));
    }

    @Override
    public synchronized void expireAuthorizations() {
        for (Payment payment : payments.values()) {
            if (!payment.createdAt.plus(Duration.ofDays(7)).isAfter(clock.instant())) {
                if (payment.status.equals("Authorized")) {
                    payment.status = "Voided";
                } else if (payment.status.equals("PartiallyCaptured")) {
                    payment.status = "Captured";
                }
            }
        }
    }
}
