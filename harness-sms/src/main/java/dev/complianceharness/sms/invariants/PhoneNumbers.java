package dev.complianceharness.sms.invariants;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/**
 * Compares numbers as the gateway would: parsed to E.164 with the policy's default region, so that {@code 3055550147},
 * {@code (305) 555-0147} and {@code +1 305-555-0147} are one recipient.
 */
final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /**
     * @param number        the number as written
     * @param defaultRegion the region of numbers written without a country code
     * @return the number in E.164 form; empty if libphonenumber cannot read it as a possible number
     */
    static Optional<String> e164(String number, String defaultRegion) {
        try {
            PhoneNumber parsed = UTIL.parse(number, defaultRegion);
            return UTIL.isPossibleNumber(parsed) ? Optional.of(UTIL.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /**
     * @param number        the number as written
     * @param defaultRegion the region of numbers written without a country code
     * @return its E.164 form, or for text that is no number its digits, marked so that it never equals an E.164 key
     */
    static String key(String number, String defaultRegion) {
        return e164(number, defaultRegion).orElseGet(() -> "unreadable:" + digits(number));
    }

    private static String digits(String number) {
        StringBuilder digits = new StringBuilder(number.length());
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.toString();
    }
}
