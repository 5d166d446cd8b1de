package dev.complianceharness.pii.internal;

import java.util.Map;

/** Check-digit and range rules for card numbers, US SSNs and IBANs. */
public final class NumberChecks {

    /** Registered IBAN lengths by country (SWIFT IBAN registry). */
    private static final Map<String, Integer> IBAN_LENGTHS = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AE", 23), Map.entry("AL", 28), Map.entry("AT", 20), Map.entry("AZ", 28),
            Map.entry("BA", 20), Map.entry("BE", 16), Map.entry("BG", 22), Map.entry("BH", 22), Map.entry("BI", 27),
            Map.entry("BR", 29), Map.entry("BY", 28), Map.entry("CH", 21), Map.entry("CR", 22), Map.entry("CY", 28),
            Map.entry("CZ", 24), Map.entry("DE", 22), Map.entry("DJ", 27), Map.entry("DK", 18), Map.entry("DO", 28),
            Map.entry("EE", 20), Map.entry("EG", 29), Map.entry("ES", 24), Map.entry("FI", 18), Map.entry("FK", 18),
            Map.entry("FO", 18), Map.entry("FR", 27), Map.entry("GB", 22), Map.entry("GE", 22), Map.entry("GI", 23),
            Map.entry("GL", 18), Map.entry("GR", 27), Map.entry("GT", 28), Map.entry("HR", 21), Map.entry("HU", 28),
            Map.entry("IE", 22), Map.entry("IL", 23), Map.entry("IQ", 23), Map.entry("IS", 26), Map.entry("IT", 27),
            Map.entry("JO", 30), Map.entry("KW", 30), Map.entry("KZ", 20), Map.entry("LB", 28), Map.entry("LC", 32),
            Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20), Map.entry("LV", 21), Map.entry("LY", 25),
            Map.entry("MC", 27), Map.entry("MD", 24), Map.entry("ME", 22), Map.entry("MK", 19), Map.entry("MN", 20),
            Map.entry("MR", 27), Map.entry("MT", 31), Map.entry("MU", 30), Map.entry("NI", 28), Map.entry("NL", 18),
            Map.entry("NO", 15), Map.entry("OM", 23), Map.entry("PK", 24), Map.entry("PL", 28), Map.entry("PS", 29),
            Map.entry("PT", 25), Map.entry("QA", 29), Map.entry("RO", 24), Map.entry("RS", 22), Map.entry("RU", 33),
            Map.entry("SA", 24), Map.entry("SC", 31), Map.entry("SD", 18), Map.entry("SE", 24), Map.entry("SI", 19),
            Map.entry("SK", 24), Map.entry("SM", 27), Map.entry("SO", 23), Map.entry("ST", 25), Map.entry("SV", 28),
            Map.entry("TL", 23), Map.entry("TN", 24), Map.entry("TR", 26), Map.entry("UA", 29), Map.entry("VA", 22),
            Map.entry("VG", 24), Map.entry("XK", 20), Map.entry("YE", 30));

    private NumberChecks() {
    }

    /**
     * @param digits the digits, without separators
     * @param length how many
     * @return whether the last digit is the Luhn check digit of the others
     */
    public static boolean luhn(int[] digits, int length) {
        int sum = 0;
        boolean doubled = false;
        for (int i = length - 1; i >= 0; i--) {
            int d = digits[i];
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    /**
     * Whether the number starts with an issuer identification number of a major card network and has a
     * length that network issues: Visa, Mastercard (51-55, 2221-2720), American Express (34, 37),
     * Discover (6011, 644-649, 65), JCB (3528-3589), Diners Club (300-305, 36, 38, 39), UnionPay (62),
     * Maestro (50, 56-58, 6304, 6759, 676770, 676774).
     *
     * @param digits the digits
     * @param length how many
     * @return whether the issuer range and length are plausible
     */
    public static boolean knownIssuer(int[] digits, int length) {
        if (length < 12 || length > 19) {
            return false;
        }
        int two = digits[0] * 10 + digits[1];
        int three = two * 10 + digits[2];
        int four = three * 10 + digits[3];
        if (digits[0] == 4) {
            return length == 13 || length == 16 || length == 19;
        }
        if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) {
            return length == 16;
        }
        if (two == 34 || two == 37) {
            return length == 15;
        }
        if (four == 6011 || (three >= 644 && three <= 649) || two == 65) {
            return length >= 16;
        }
        if (four >= 3528 && four <= 3589) {
            return length >= 16;
        }
        if ((three >= 300 && three <= 305) || two == 36 || two == 38 || two == 39) {
            return length >= 14;
        }
        if (two == 62) {
            return length >= 16;
        }
        return two == 50 || (two >= 56 && two <= 58) || four == 6304 || four == 6759 || (two == 67 && length >= 12);
    }

    /**
     * Whether nine digits can be an issued US Social Security number: not area 000, 666 or 900-999,
     * not group 00, not serial 0000, not all the same digit, and not one of the published samples
     * (078-05-1120, 219-09-9999, 123-45-6789).
     *
     * @param digits the nine digits
     * @return whether the number is possible
     */
    public static boolean possibleSsn(int[] digits) {
        int area = digits[0] * 100 + digits[1] * 10 + digits[2];
        int group = digits[3] * 10 + digits[4];
        int serial = digits[5] * 1000 + digits[6] * 100 + digits[7] * 10 + digits[8];
        if (area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0) {
            return false;
        }
        boolean allSame = true;
        for (int i = 1; i < 9; i++) {
            allSame &= digits[i] == digits[0];
        }
        if (allSame) {
            return false;
        }
        return !(area == 78 && group == 5 && serial == 1120) && !(area == 219 && group == 9 && serial == 9999)
                && !(area == 123 && group == 45 && serial == 6789);
    }

    /**
     * Whether nine digits are a placeholder rather than anyone's number: all one digit, or a published sample
     * (078-05-1120, 219-09-9999, 123-45-6789).
     *
     * @param digits the nine digits
     * @return whether it is a placeholder
     */
    public static boolean placeholderSsn(int[] digits) {
        boolean allSame = true;
        for (int i = 1; i < 9; i++) {
            allSame &= digits[i] == digits[0];
        }
        int area = digits[0] * 100 + digits[1] * 10 + digits[2];
        int group = digits[3] * 10 + digits[4];
        int serial = digits[5] * 1000 + digits[6] * 100 + digits[7] * 10 + digits[8];
        return allSame || (area == 78 && group == 5 && serial == 1120) || (area == 219 && group == 9 && serial == 9999)
                || (area == 123 && group == 45 && serial == 6789);
    }

    /**
     * @param countryCode two upper-case letters
     * @return the registered IBAN length of the country, or 0 when it issues none
     */
    public static int ibanLength(String countryCode) {
        Integer length = IBAN_LENGTHS.get(countryCode);
        return length == null ? 0 : length;
    }

    /**
     * @param compact the IBAN without spaces, upper case
     * @return whether its ISO 7064 mod-97 checksum is 1
     */
    public static boolean ibanChecksum(CharSequence compact) {
        int length = compact.length();
        int remainder = 0;
        for (int i = 0; i < length; i++) {
            char c = compact.charAt((i + 4) % length);
            if (c >= '0' && c <= '9') {
                remainder = (remainder * 10 + (c - '0')) % 97;
            } else if (c >= 'A' && c <= 'Z') {
                remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
            } else {
                return false;
            }
        }
        return remainder == 1;
    }
}
