package dev.complianceharness.examples.customerservice.legacy;

import dev.complianceharness.mask.Pii;
import dev.complianceharness.mask.PiiKind;

/**
 * A legacy view of a customer. Deliberately without a {@code toString()} override: the record's generated
 * one prints the e-mail address and phone number, which is the leak the checks must catch.
 *
 * @param customerId the internal id
 * @param email      the e-mail address
 * @param phone      the phone number
 */
public record CustomerProfile(String customerId, @Pii(PiiKind.EMAIL) String email, @Pii(PiiKind.PHONE) String phone) {
}
