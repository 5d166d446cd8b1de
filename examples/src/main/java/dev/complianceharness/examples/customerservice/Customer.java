package dev.complianceharness.examples.customerservice;

import dev.complianceharness.mask.Masking;
import dev.complianceharness.mask.Pii;
import dev.complianceharness.mask.PiiKind;

/**
 * A customer of the support desk.
 *
 * @param id    the internal id, not personal data
 * @param name  the full name
 * @param email the e-mail address
 * @param phone the phone number, E.164
 * @param card  the payment card number
 * @param ssn   the US Social Security number
 * @param iban  the refund account
 */
public record Customer(String id, @Pii(PiiKind.NAME) String name, @Pii(PiiKind.EMAIL) String email,
                       @Pii(PiiKind.PHONE) String phone, @Pii(PiiKind.CARD) String card, @Pii(PiiKind.SSN) String ssn,
                       @Pii(PiiKind.IBAN) String iban) {

    /** @return the last four digits of the card, which receipts and logs may show, however the card was typed */
    public String cardLast4() {
        String digits = card.replaceAll("\\D", "");
        return digits.substring(digits.length() - 4);
    }

    /** @return the customer with only the internal id and masked contact data */
    @Override
    public String toString() {
        return "Customer[" + id + ", " + Masking.mask(email) + ", card ending " + cardLast4() + "]";
    }
}
