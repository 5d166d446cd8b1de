package dev.complianceharness.payments.testing;

import dev.complianceharness.event.TestClock;
import dev.complianceharness.payments.event.LedgerEntry;
import dev.complianceharness.payments.event.OperationResult;
import dev.complianceharness.payments.event.PaymentState;
import dev.complianceharness.payments.money.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plumbing the in-memory provider fakes share: payments, their ledger and the state read back. The rules
 * (which status follows which request, what an idempotency key replays) are each fake's own, written from the
 * provider's documentation and not from the harness's model, so that a fake passing is evidence for the model.
 */
abstract class ProviderFake implements PaymentServiceAdapter {

    final TestClock clock;
    final Map<String, Payment> payments = new HashMap<>();
    private int references;

    ProviderFake(TestClock clock) {
        this.clock = clock;
    }

    static final class Payment {
        String status;
        final Money authorized;
        Money captured;
        Money refunded;
        final Instant createdAt;
        final List<LedgerEntry> ledger = new ArrayList<>();

        Payment(String status, Money authorized, Instant createdAt) {
            this.status = status;
            this.authorized = authorized;
            this.captured = Money.zero(authorized.currency());
            this.refunded = Money.zero(authorized.currency());
            this.createdAt = createdAt;
        }

        Money capturable() {
            return authorized.minus(captured);
        }

        Money refundable() {
            return captured.minus(refunded);
        }
    }

    /** A refusal inside an operation: the fake answers it as a rejection. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    interface Work {
        String run();
    }

    static OperationResult attempt(Work work) {
        try {
            return OperationResult.succeeded(work.run());
        } catch (Refused refused) {
            return OperationResult.rejected(refused.getMessage());
        }
    }

    Payment payment(String id) {
        Payment payment = payments.get(id);
        if (payment == null) {
            throw new Refused("no such payment");
        }
        return payment;
    }

    /** Three-decimal amounts must end in 0, as Stripe and Checkout.com document. */
    static void endsInZeroWhenThreeDecimal(Money amount) {
        if (amount.currency().getDefaultFractionDigits() == 3 && amount.minorUnits() % 10 != 0) {
            throw new Refused("amount_invalid: three-decimal amounts must end in 0");
        }
    }

    static void sameCurrency(Payment payment, Money amount) {
        if (!payment.authorized.hasSameCurrencyAs(amount)) {
            throw new Refused("currency must match the authorization's");
        }
    }

    String nextReference(String prefix) {
        return prefix + "-" + ++references;
    }

    String post(Payment payment, LedgerEntry.Purpose purpose, Money amount) {
        String reference = nextReference(purpose == LedgerEntry.Purpose.CAPTURE ? "cap" : "ref");
        String debit = purpose == LedgerEntry.Purpose.CAPTURE ? "customer" : "revenue";
        String credit = purpose == LedgerEntry.Purpose.CAPTURE ? "revenue" : "customer";
        payment.ledger.add(new LedgerEntry(reference, purpose, debit, LedgerEntry.Side.DEBIT, amount));
        payment.ledger.add(new LedgerEntry(reference, purpose, credit, LedgerEntry.Side.CREDIT, amount));
        return reference;
    }

    @Override
    public synchronized Optional<PaymentState> state(String paymentId) {
        Payment payment = payments.get(paymentId);
        return Optional.ofNullable(payment).map(p -> new PaymentState(paymentId, p.status, p.authorized, p.captured,
                p.refunded, p.ledger));
    }
}
