package dev.complianceharness.examples.payments;

import java.util.List;

/**
 * A payment as the service stores it, amounts in minor units.
 *
 * @param id         the payment id
 * @param status     {@code authorized}, {@code partially_captured}, {@code captured}, {@code canceled} or {@code expired}
 * @param currency   the ISO 4217 code
 * @param authorized the amount authorized
 * @param captured   the total captured
 * @param refunded   the total refunded
 * @param postings   the ledger postings, in order
 */
public record PaymentRecord(String id, String status, String currency, long authorized, long captured, long refunded,
                            List<Posting> postings) {

    /** Copies the postings. */
    public PaymentRecord {
        postings = List.copyOf(postings);
    }

    /**
     * One ledger posting.
     *
     * @param transactionId the ledger transaction
     * @param purpose       {@code capture} or {@code refund}
     * @param account       the account
     * @param debit         true for a debit, false for a credit
     * @param amount        the amount in minor units
     */
    public record Posting(String transactionId, String purpose, String account, boolean debit, long amount) {
    }
}
