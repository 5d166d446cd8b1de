package dev.complianceharness.payments.event;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.payments.money.Money;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One posting of a double-entry ledger: every transaction debits some accounts and credits others by
 * the same total, per currency.
 *
 * @param transactionId the transaction the posting belongs to
 * @param purpose       what moved the money
 * @param account       the account, in the team's own chart of accounts
 * @param side          debit or credit
 * @param amount        a positive amount
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record LedgerEntry(String transactionId, Purpose purpose, String account, Side side, Money amount) {

    /** What a ledger transaction records. */
    public enum Purpose {
        /** Money captured from the customer. */
        CAPTURE,
        /** Money returned to the customer. */
        REFUND
    }

    /** The side of a posting. */
    public enum Side {
        /** A debit. */
        DEBIT,
        /** A credit. */
        CREDIT
    }

    /** Checks that nothing is missing. */
    public LedgerEntry {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(amount, "amount");
    }

    /** @return for example {@code "tx-3 CAPTURE DEBIT customer-receivable 500 USD minor"} */
    @Override
    public String toString() {
        return transactionId + " " + purpose + " " + side + " " + account + " " + amount;
    }
}
