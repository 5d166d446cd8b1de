package dev.complianceharness.benchmarks.pii;

import com.google.common.net.InternetDomainName;
import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.complianceharness.pii.Detector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The approach a team writes by hand: one regular expression per detector, each run over every line, the
 * same validation (TLD, Luhn, SSN ranges, mod-97) on the matches, plus libphonenumber's
 * {@code findNumbers} on every line (region US only, which flatters it).
 */
final class NaivePiiScanner {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+\\.)+([A-Za-z]{2,})");
    private static final Pattern CARD = Pattern.compile("\\b(?:\\d[ -]?){12,18}\\d\\b");
    private static final Pattern SSN = Pattern.compile("\\b(\\d{3})-(\\d{2})-(\\d{4})\\b");
    private static final Pattern IBAN = Pattern.compile("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\\b");
    private static final Pattern AWS = Pattern.compile("\\b(?:AKIA|ASIA)[A-Z0-9]{16}\\b");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]*");
    private static final Pattern PRIVATE_KEY = Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----");
    private static final Pattern TOKEN = Pattern.compile(
            "(?i)(?:password|passwd|secret|token|api_?key)\\s*[:=]\\s*[\"']?([A-Za-z0-9_\\-+/]{16,})");

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();

    /** What a careful user checks an e-mail's domain with: Guava's copy of the Public Suffix List. */
    private static boolean publicDomain(String email) {
        String domain = email.substring(email.indexOf('@') + 1).toLowerCase(Locale.ROOT);
        return InternetDomainName.isValid(domain) && InternetDomainName.from(domain).hasPublicSuffix();
    }

    List<Detector> scan(String line) {
        List<Detector> found = new ArrayList<>(1);
        Matcher m = EMAIL.matcher(line);
        while (m.find()) {
            if (publicDomain(m.group())) {
                found.add(Detector.EMAIL);
            }
        }
        m = CARD.matcher(line);
        while (m.find()) {
            String digits = m.group().replaceAll("[ -]", "");
            if (luhn(digits)) {
                found.add(Detector.CARD);
            }
        }
        m = SSN.matcher(line);
        while (m.find()) {
            int area = Integer.parseInt(m.group(1));
            if (area != 0 && area != 666 && area < 900 && !m.group(2).equals("00") && !m.group(3).equals("0000")) {
                found.add(Detector.SSN);
            }
        }
        m = IBAN.matcher(line);
        while (m.find()) {
            if (mod97(m.group().replace(" ", ""))) {
                found.add(Detector.IBAN);
            }
        }
        if (AWS.matcher(line).find()) {
            found.add(Detector.AWS_ACCESS_KEY);
        }
        if (JWT.matcher(line).find()) {
            found.add(Detector.JWT);
        }
        if (PRIVATE_KEY.matcher(line).find()) {
            found.add(Detector.PRIVATE_KEY);
        }
        if (TOKEN.matcher(line).find()) {
            found.add(Detector.SECRET_TOKEN);
        }
        for (PhoneNumberMatch ignored : phones.findNumbers(line, "US", PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
            found.add(Detector.PHONE);
        }
        return found;
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
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
