package dev.complianceharness.examples.customerservice;

/** The deliberate bugs of the example desk, one leak each. */
public enum Leak {
    /** The password reset logs the e-mail address. */
    PLAIN_EMAIL,
    /** The call-back logs the phone number in national format, as an agent would type it. */
    REFORMATTED_PHONE,
    /** The receipt "masks" the card but keeps the first six and last four digits, against a last-four policy. */
    CARD_MASKED_WRONGLY,
    /** The identity check throws an exception whose message carries the SSN, and the desk logs it. */
    SSN_IN_EXCEPTION_MESSAGE,
    /** The profile lookup logs a legacy record through its generated toString(). */
    RECORD_TO_STRING,
    /** The refund logs the IBAN grouped in fours, as printed on statements. */
    IBAN_WITH_SPACES,
    /** The unsubscribe link is logged with the lower-cased e-mail address URL-encoded into it. */
    URL_ENCODED_EMAIL,
    /** The escalation, run on the desk's background executor, logs the e-mail address from that thread. */
    BACKGROUND_THREAD,
    /**
     * The receipt masks the card with a pattern that only handles numbers typed without spaces or dashes: a card
     * typed {@code 4111 1111 1111 1111} is logged in full. Only a customer who types it that way shows it.
     */
    CARD_MASK_FOR_UNSPACED_NUMBERS_ONLY,
    /**
     * Updating the tax id rejects an impossible SSN (area 000, 666 or 900-999, group 00, serial 0000) with an
     * exception whose message carries the SSN, and logs it. Only an invalid input reaches that path.
     */
    INVALID_SSN_IN_EXCEPTION_MESSAGE,
    /** The call-back logs the phone number at DEBUG, which the test configuration does not print. */
    DEBUG_LINE,
    /** The charge prints a receipt with the full card number to standard output, through the legacy till printer. */
    RECEIPT_PRINTED_TO_STDOUT
}
