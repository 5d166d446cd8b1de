package dev.complianceharness.sms.invariants;

/** Compares numbers as the gateway would: by their digits, whatever the separators. */
final class PhoneNumbers {

    private PhoneNumbers() {
    }

    static String digits(String number) {
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
