package dev.complianceharness.payments.testing;

import dev.complianceharness.event.TestClock;
import dev.complianceharness.payments.event.LedgerEntry;
import dev.complianceharness.payments.event.OperationResult;
import dev.complianceharness.payments.money.Money;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A payment service written after Adyen's documentation: one capture that cancels the rest of the
 * authorisation, refunds only of captured money (several partial ones), keys unique per account with the first
 * response returned, amounts with a currency that must match, authorisations expiring after 10 days.
 */
final class AdyenLikeService extends ProviderFake {

    private record Stored(String fingerprint, OperationResult result) {
    }

    private final Map<String, Stored> keys = new HashMap<>();

    AdyenLikeService(TestClock clock) {
        super(clock);
    }

    private synchronized OperationResult idempotent(String key, String body, Work work) {
        Stored stored = keys.get(key);
        if (stored != null) {
            return stored.fingerprint().equals(body) ? stored.result()
                    : OperationResult.rejected("704: request already processed or in progress with other content");
        }
        OperationResult result = attempt(work);
        keys.put(key, new Stored(body, result));
        return result;
    }

    @Override
    public OperationResult authorize(String paymentId, Money amount, String key) {
        return idempotent(key, "/payments " + paymentId + " " + amount, () -> {
            if (payments.containsKey(paymentId)) {
                throw new Refused("duplicate merchant reference");
            }
            payments.put(paymentId, new Payment("Authorised", amount, clock.instant()));
            return nextReference("psp");
        });
    }

    @Override
    public OperationResult capture(String paymentId, Money amount, boolean finalCapture, String key) {
        return idempotent(key, "/captures " + paymentId + " " + amount + " " + finalCapture, () -> {
            if (!finalCapture) {
                throw new Refused("multiple partial captures are not enabled for this account");
            }
            Payment payment = payment(paymentId);
            sameCurrency(payment, amount);
            if (!payment.status.equals("Authorised")) {
                throw new Refused("167: original pspReference is not in a capturable state (" + payment.status + ")");
            }
            if (amount.isGreaterThan(payment.authorized)) {
                throw new Refused("capture amount exceeds the authorised amount");
            }
            payment.captured = amount;
            payment.status = "SentForSettle";
            return post(payment, LedgerEntry.Purpose.CAPTURE, amount);
        });
    }

    @Override
    public OperationResult refund(String paymentId, Money amount, String key) {
        return idempotent(key, "/refunds " + paymentId + " " + amount, () -> {
            Payment payment = payment(paymentId);
            sameCurrency(payment, amount);
            if (!payment.status.equals("SentForSettle") && !payment.status.equals("Settled")
                    && !payment.status.equals("SentForRefund") && !payment.status.equals("Refunded")) {
                throw new Refused("you can only refund a payment after it is captured");
            }
            if (amount.isGreaterThan(payment.refundable())) {
                throw new Refused("refunds exceed the captured amount");
            }
            payment.refunded = payment.refunded.plus(amount);
            payment.status = "SentForRefund";
            return post(payment, LedgerEntry.Purpose.REFUND, amount);
        });
    }

    @Override
    public OperationResult cancel(String paymentId, String key) {
        return idempotent(key, "/cancels " + paymentId, () -> {
            Payment payment = payment(paymentId);
            if (!payment.status.equals("Authorised")) {
                throw new Refused("cannot cancel a payment in " + payment.status + ": refund it instead");
            }
            payment.status = "Cancelled";
            return nextReference("cancel");
        });
    }

    @Override
    public synchronized void expireAuthorizations() {
        for (Payment payment : payments.values()) {
            if (payment.status.equals("Authorised") && !payment.createdAt.plus(Duration.ofDays(10)).isAfter(clock.instant())) {
                payment.status = "Expired";
            }
        }
    }
}
