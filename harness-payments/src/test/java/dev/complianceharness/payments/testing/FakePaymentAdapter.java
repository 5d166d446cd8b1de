package dev.complianceharness.payments.testing;

import dev.complianceharness.event.TestClock;
import dev.complianceharness.payments.event.LedgerEntry;
import dev.complianceharness.payments.event.OperationResult;
import dev.complianceharness.payments.event.PaymentState;
import dev.complianceharness.payments.money.MinorUnitRules;
import dev.complianceharness.payments.money.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A small payment service for the harness's own tests, correct unless given a flaw. */
class FakePaymentAdapter implements PaymentServiceAdapter {

    enum Flaw { NONE, CAPTURE_AFTER_CANCEL, RETRY_PERFORMS_TWICE }

    private final TestClock clock;
    private final Flaw flaw;
    private final Map<String, Payment> payments = new HashMap<>();
    private final Map<String, Object[]> keys = new HashMap<>();
    private int references;

    FakePaymentAdapter(TestClock clock, Flaw flaw) {
        this.clock = clock;
        this.flaw = flaw;
    }

    private static final class Payment {
        String status = "authorized";
        Money authorized;
        Money captured;
        Money refunded;
        Instant at;
        final List<LedgerEntry> ledger = new ArrayList<>();
    }

    private interface Work {
        String run();
    }

    private synchronized OperationResult idempotent(String key, String fingerprint, Work work) {
        Object[] stored = flaw == Flaw.RETRY_PERFORMS_TWICE ? null : keys.get(key);
        if (stored != null) {
            if (!stored[0].equals(fingerprint)) {
                return OperationResult.rejected("idempotency key reused with other parameters");
            }
            return (OperationResult) stored[1];
        }
        OperationResult result;
        try {
            result = OperationResult.succeeded(work.run());
        } catch (IllegalStateException refused) {
            result = OperationResult.rejected(refused.getMessage());
        }
        keys.put(key, new Object[] {fingerprint, result});
        return result;
    }

    private Payment payment(String id, Money amount) {
        Payment payment = payments.get(id);
        if (payment == null) {
            throw new IllegalStateException("no such payment");
        }
        if (amount != null && (!amount.hasSameCurrencyAs(payment.authorized)
                || MinorUnitRules.iso4217().violation(amount).isPresent())) {
            throw new IllegalStateException("invalid amount");
        }
        return payment;
    }

    @Override
    public OperationResult authorize(String paymentId, Money amount, String key) {
        return idempotent(key, "a" + paymentId + amount, () -> {
            if (payments.containsKey(paymentId) || MinorUnitRules.iso4217().violation(amount).isPresent()) {
                throw new IllegalStateException("refused");
            }
            Payment payment = new Payment();
            payment.authorized = amount;
            payment.captured = Money.zero(amount.currency());
            payment.refunded = Money.zero(amount.currency());
            payment.at = clock.instant();
            payments.put(paymentId, payment);
            return "auth-" + ++references;
        });
    }

    @Override
    public OperationResult capture(String paymentId, Money amount, boolean finalCapture, String key) {
        return idempotent(key, "c" + paymentId + amount + finalCapture, () -> {
            Payment payment = payment(paymentId, amount);
            boolean open = payment.status.equals("authorized") || payment.status.equals("partially_captured")
                    || (flaw == Flaw.CAPTURE_AFTER_CANCEL && payment.status.equals("canceled"));
            if (!open || amount.isGreaterThan(payment.authorized.minus(payment.captured))) {
                throw new IllegalStateException("refused");
            }
            payment.status = finalCapture ? "captured" : "partially_captured";
            payment.captured = payment.captured.plus(amount);
            return post(payment, LedgerEntry.Purpose.CAPTURE, amount);
        });
    }

    @Override
    public OperationResult refund(String paymentId, Money amount, String key) {
        return idempotent(key, "r" + paymentId + amount, () -> {
            Payment payment = payment(paymentId, amount);
            boolean captured = payment.status.equals("partially_captured") || payment.status.equals("captured");
            if (!captured || amount.isGreaterThan(payment.captured.minus(payment.refunded))) {
                throw new IllegalStateException("refused");
            }
            payment.refunded = payment.refunded.plus(amount);
            return post(payment, LedgerEntry.Purpose.REFUND, amount);
        });
    }

    @Override
    public OperationResult cancel(String paymentId, String key) {
        return idempotent(key, "x" + paymentId, () -> {
            Payment payment = payment(paymentId, null);
            if (!payment.status.equals("authorized")) {
                throw new IllegalStateException("refused");
            }
            payment.status = "canceled";
            return "void-" + ++references;
        });
    }

    @Override
    public synchronized void expireAuthorizations() {
        for (Payment payment : payments.values()) {
            if (!payment.at.plus(java.time.Duration.ofDays(7)).isAfter(clock.instant())) {
                payment.status = payment.status.equals("authorized") ? "expired"
                        : payment.status.equals("partially_captured") ? "captured" : payment.status;
            }
        }
    }

    @Override
    public synchronized Optional<PaymentState> state(String paymentId) {
        Payment payment = payments.get(paymentId);
        return Optional.ofNullable(payment).map(p -> new PaymentState(paymentId, p.status, p.authorized, p.captured,
                p.refunded, p.ledger));
    }

    private String post(Payment payment, LedgerEntry.Purpose purpose, Money amount) {
        String reference = (purpose == LedgerEntry.Purpose.CAPTURE ? "cap-" : "ref-") + ++references;
        payment.ledger.add(new LedgerEntry(reference, purpose, "a", LedgerEntry.Side.DEBIT, amount));
        payment.ledger.add(new LedgerEntry(reference, purpose, "b", LedgerEntry.Side.CREDIT, amount));
        return reference;
    }
}
