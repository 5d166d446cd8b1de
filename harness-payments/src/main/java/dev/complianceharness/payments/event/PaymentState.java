package dev.complianceharness.payments.event;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.payments.money.Money;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What a payment service holds about one payment, as the team's adapter reads it back: the status in
 * the lifecycle's names, the totals and the ledger postings.
 *
 * @param paymentId  the payment
 * @param status     the status, named as a state of the lifecycle the invariants check against
 * @param authorized the amount authorized
 * @param captured   the total captured
 * @param refunded   the total refunded
 * @param ledger     the ledger postings for this payment, in order
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record PaymentState(String paymentId, String status, Money authorized, Money captured, Money refunded,
                           List<LedgerEntry> ledger) {

    /** Copies the ledger and checks that nothing is missing. */
    public PaymentState {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(authorized, "authorized");
        Objects.requireNonNull(captured, "captured");
        Objects.requireNonNull(refunded, "refunded");
        ledger = List.copyOf(ledger);
    }

    /**
     * @param harnessId the id the harness calls the payment by
     * @return this state under that id, for a service that chose its own id for the payment
     */
    public PaymentState withPaymentId(String harnessId) {
        return harnessId.equals(paymentId) ? this
                : new PaymentState(harnessId, status, authorized, captured, refunded, ledger);
    }

    /** @return for example {@code "pay-1 captured: authorized 1000, captured 700, refunded 0 USD minor, 2 ledger postings"} */
    public String describe() {
        return paymentId + " " + status + ": authorized " + authorized + ", captured " + captured + ", refunded "
                + refunded + ", " + ledger.size() + " ledger postings";
    }
}
