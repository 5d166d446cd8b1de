package dev.complianceharness.payments.testing;

import dev.complianceharness.event.TestClock;
import dev.complianceharness.payments.event.LedgerEntry;
import dev.complianceharness.payments.event.OperationResult;
import dev.complianceharness.payments.money.Money;
import java.util.HashMap;
import java.util.Map;

/**
 * A payment service written after Kill Bill's payment state machine and its transaction external keys: a key
 * with a successful transaction is refused (PAYMENT_ACTIVE_TRANSACTION_KEY_EXISTS), a key whose transactions all
 * failed is attempted again; multicapture from AUTH_SUCCESS and CAPTURE_SUCCESS, refunds from CAPTURE_SUCCESS and
 * REFUND_SUCCESS, VOID only before a capture; no final capture, no expiry.
 */
final class KillBillLikeService extends ProviderFake {

    private final Map<String, String> succeededKeys = new HashMap<>();

    KillBillLikeService(TestClock clock) {
        super(clock);
    }

    private synchronized OperationResult transaction(String externalKey, Work work) {
        if (succeededKeys.containsKey(externalKey)) {
            return OperationResult.rejected("PAYMENT_ACTIVE_TRANSACTION_KEY_EXISTS: " + externalKey);
        }
        OperationResult result = attempt(work);
        if (result.succeeded()) {
            succeededKeys.put(externalKey, result.reference());
        }
        return result;
    }

    @Override
    public OperationResult authorize(String paymentId, Money amount, String key) {
        return transaction(key, () -> {
            if (payments.containsKey(paymentId)) {
                throw new Refused("PAYMENT_ACTIVE_PAYMENT_KEY_EXISTS");
            }
            payments.put(paymentId, new Payment("AUTH_SUCCESS", amount, clock.instant()));
            return nextReference("auth");
        });
    }

    @Override
    public OperationResult capture(String paymentId, Money amount, boolean finalCapture, String key) {
        return transaction(key, () -> {
            if (finalCapture) {
                throw new Refused("PAYMENT_INVALID_PARAMETER: no final capture");
            }
            Payment payment = payment(paymentId);
            sameCurrency(payment, amount);
            if (!payment.status.equals("AUTH_SUCCESS") && !payment.status.equals("CAPTURE_SUCCESS")) {
                throw new Refused("PAYMENT_INVALID_OPERATION: CAPTURE in " + payment.status);
            }
            if (amount.isGreaterThan(payment.capturable())) {
                throw new Refused("PAYMENT_PLUGIN_EXCEPTION: amount exceeds the authorization");
            }
            payment.captured = payment.captured.plus(amount);
            payment.status = "CAPTURE_SUCCESS";
            return post(payment, LedgerEntry.Purpose.CAPTURE, amount);
        });
    }

    @Override
    public OperationResult refund(String paymentId, Money amount, String key) {
        return transaction(key, () -> {
            Payment payment = payment(paymentId);
            sameCurrency(payment, amount);
            if (!payment.status.equals("CAPTURE_SUCCESS") && !payment.status.equals("REFUND_SUCCESS")) {
                throw new Refused("PAYMENT_INVALID_OPERATION: REFUND in " + payment.status);
            }
            if (amount.isGreaterThan(payment.refundable())) {
                throw new Refused("PAYMENT_PLUGIN_EXCEPTION: refund exceeds the captured amount");
            }
            payment.refunded = payment.refunded.plus(amount);
            payment.status = "REFUND_SUCCESS";
            return post(payment, LedgerEntry.Purpose.REFUND, amount);
        });
    }

    @Override
    public OperationResult cancel(String paymentId, String key) {
        return transaction(key, () -> {
            Payment payment = payment(paymentId);
            if (!payment.status.equals("AUTH_SUCCESS")) {
                throw new Refused("PAYMENT_INVALID_OPERATION: VOID in " + payment.status);
            }
            payment.status = "VOID_SUCCESS";
            return nextReference("void");
        });
    }
}
