package dev.complianceharness.benchmarks.pii;

import com.google.common.net.InternetDomainName;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.complianceharness.pii.Detector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The best scanner a competent user would write by hand: one compiled alternation of every detector's
 * pattern, run once over each line, with each match checked the way its kind is checked (Luhn for cards,
 * mod 97 for IBANs, the SSA's invalid ranges for SSNs, libphonenumber's {@code isValidNumber} for phone
 * numbers, on the match only, and an e-mail's domain against Guava's copy of the Public Suffix List). Like any
 * single alternation, it reports at most one kind per stretch of text.
 */
final class CompetentPiiScanner {

    private static final Pattern ANY = Pattern.compile(String.join("|",
            "(?<privateKey>-----BEGIN [A-Z ]*PRIVATE KEY-----)",
            "(?<jwt>\\beyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]*)",
            "(?<aws>\\b(?:AKIA|ASIA)[A-Z0-9]{16}\\b)",
            "(?<token>(?i:password|passwd|secret|token|api_?key)\\s*[:=]\\s*[\"']?[A-Za-z0-9_\\-+/]{16,})",
            "(?<email>\\b[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\\.)+[A-Za-z]{2,24}\\b)",
            "(?<iban>\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\\b)",
            "(?<ssn>\\b\\d{3}-\\d{2}-\\d{4}\\b)",
            "(?<card>\\b(?:\\d[ -]?){12,18}\\d\\b)",
            "(?<phone>(?:\\+\\d{1,3}[ .-]?)?(?:\\(\\d{3}\\)|\\b\\d{3})[ .-]?\\d{3}[ .-]?\\d{4}\\b)"));

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();

    List<Detector> scan(String line) {
        List<Detector> found = new ArrayList<>(1);
        Matcher match = ANY.matcher(line);
        while (match.find()) {
            if (match.group("privateKey") != null) {
                found.add(Detector.PRIVATE_KEY);
            } else if (match.group("jwt") != null) {
                found.add(Detector.JWT);
            } else if (match.group("aws") != null) {
                found.add(Detector.AWS_ACCESS_KEY);
            } else if (match.group("token") != null) {
                found.add(Detector.SECRET_TOKEN);
            } else if (match.group("email") != null) {
                if (publicDomain(match.group())) {
                    found.add(Detector.EMAIL);
                }
            } else if (match.group("iban") != null) {
                if (mod97(match.group().replace(" ", ""))) {
                    found.add(Detector.IBAN);
                }
            } else if (match.group("ssn") != null) {
                if (validSsn(match.group())) {
                    found.add(Detector.SSN);
                }
            } else if (match.group("card") != null) {
                if (luhn(match.group().replaceAll("[ -]", ""))) {
                    found.add(Detector.CARD);
                }
            } else if (validPhone(match.group())) {
                found.add(Detector.PHONE);
            }
        }
        return found;
    }

    private static boolean publicDomain(String email) {
        String domain = email.substring(email.indexOf('@') + 1).toLowerCase(Locale.ROOT);
        return InternetDomainName.isValid(domain) && InternetDomainName.from(domain).hasPublicSuffix();
    }

    private boolean validPhone(String text) {
        try {
            return phones.isValidNumber(phones.parse(text, "US"));
        } catch (NumberParseException notANumber) {
            return false;
        }
    }

    private static boolean validSsn(String ssn) {
        int area = Integer.parseInt(ssn.substring(0, 3));
        return area != 0 && area != 666 && area < 900 && !ssn.startsWith("00", 4) && !ssn.endsWith("0000");
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    private static boolean mod97(String iban) {
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        int remainder = 0;
        for (char c : rearranged.toCharArray()) {
            remainder = Character.isDigit(c) ? (remainder * 10 + (c - '0')) % 97 : (remainder * 100 + (c - 'A' + 10)) % 97;
        }
        return remainder == 1;
    }
}
