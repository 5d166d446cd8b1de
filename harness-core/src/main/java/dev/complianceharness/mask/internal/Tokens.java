package dev.complianceharness.mask.internal;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import dev.complianceharness.mask.PiiKind;
import dev.complianceharness.mask.RedactionPolicy;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Writes the token that stands for a redacted value: its kind, what the policy lets show, and a short hash
 * that tells two values apart and is the same for one value in every message of the run, such as
 * {@code <phone +1 305 …47 #3f2a>}.
 *
 * <p>The hash is an HMAC-SHA-256 under a key drawn at random for each JVM and never written anywhere: a
 * short plain hash of a phone number whose area code and last digits are shown could be reversed by trying
 * the few thousand numbers left, a keyed one cannot.
 */
public final class Tokens {

    /** Matches a token, so that text already redacted is left as it is. */
    public static final Pattern TOKEN = Pattern.compile(
            "<(?:phone|email|card|ssn|iban|name|address|secret|pii|number|date)(?: [^<>#\\n]{1,80})? #[0-9a-f]{4}>");
    /** Hidden digits a token keeps at least, whatever the policy. */
    private static final int MIN_HIDDEN_SUBSCRIBER = 4;
    private static final int MIN_HIDDEN_CARD = 6;
    private static final int MIN_HIDDEN_SSN = 5;
    private static final int MIN_HIDDEN_IBAN = 8;
    private static final int MIN_HIDDEN_NUMBER = 5;
    private static final byte[] KEY = new byte[32];
    private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(Tokens::newMac);
    /** Tokens of values seen lately: the same number is often written many times in one report. */
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 10_000;

    static {
        new SecureRandom().nextBytes(KEY);
    }

    private Tokens() {
    }

    private static Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM has no HmacSHA256, which every Java SE platform must provide", e);
        }
    }

    /**
     * The token for a known personal value.
     *
     * @param kind   its kind
     * @param value  the value
     * @param policy what may show
     * @return the token
     */
    public static String of(PiiKind kind, String value, RedactionPolicy policy) {
        String key = policy.hashCode() + "\u0000" + kind.ordinal() + "\u0000" + value;
        String cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        String token = compute(kind, value, policy);
        if (CACHE.size() > CACHE_LIMIT) {
            CACHE.clear();
        }
        CACHE.put(key, token);
        return token;
    }

    private static String compute(PiiKind kind, String value, RedactionPolicy policy) {
        String canonical = ValueForms.canonical(kind, value);
        return switch (kind) {
            case PHONE -> phone(value, canonical, policy.phoneDigits());
            case CARD -> format("card", canonical, trailing(canonical, policy.cardDigits(), MIN_HIDDEN_CARD));
            case SSN -> format("ssn", canonical, trailing(canonical, policy.ssnDigits(), MIN_HIDDEN_SSN));
            case IBAN -> format("iban", canonical, iban(canonical, policy.ibanDigits()));
            case EMAIL -> format("email", canonical, emailDomain(canonical));
            case NAME -> format("name", canonical, "");
            case ADDRESS -> format("address", canonical, "");
            case SECRET -> format("secret", canonical, "");
            case OTHER -> format("pii", canonical, "");
        };
    }

    /**
     * The token for a long number found in text whose kind is not known.
     *
     * @param digits its digits
     * @param policy what may show
     * @return the token, such as {@code <number …47 #0c1d>}
     */
    static String number(String digits, RedactionPolicy policy) {
        return format("number", digits, trailing(digits, policy.otherDigits(), MIN_HIDDEN_NUMBER));
    }

    /**
     * The token for a date found in text, which may be a date of birth.
     *
     * @param digits its digits
     * @return the token, such as {@code <date #77e0>}
     */
    static String date(String digits) {
        return format("date", digits, "");
    }

    /**
     * The token for a partial mask that shows more than a mask should.
     *
     * @param masked the mask as written
     * @return the token, such as {@code <number #9a0b>}
     */
    static String partialMask(String masked) {
        return format("number", masked, "");
    }

    private static String phone(String value, String canonical, int digits) {
        try {
            PhoneNumberUtil util = PhoneNumberUtil.getInstance();
            Phonenumber.PhoneNumber parsed = util.parse(value, "US");
            String national = util.getNationalSignificantNumber(parsed);
            // the geographic area code where there is one, else the destination code (a mobile network's prefix)
            int area = util.getLengthOfGeographicalAreaCode(parsed);
            if (area <= 0) {
                area = Math.max(0, util.getLengthOfNationalDestinationCode(parsed));
            }
            int shown = Math.max(0, Math.min(digits, national.length() - area - MIN_HIDDEN_SUBSCRIBER));
            if (national.length() - area - shown < MIN_HIDDEN_SUBSCRIBER) {
                area = 0;
                shown = Math.max(0, Math.min(digits, national.length() - MIN_HIDDEN_SUBSCRIBER));
            }
            StringBuilder visible = new StringBuilder("+").append(parsed.getCountryCode());
            if (area > 0) {
                visible.append(' ').append(national, 0, area);
            }
            visible.append(" \u2026").append(national.substring(national.length() - shown));
            return format("phone", canonical, visible.toString());
        } catch (NumberParseException e) {
            return format("phone", canonical, trailing(canonical, digits, MIN_HIDDEN_SUBSCRIBER));
        }
    }

    private static String trailing(String digits, int wanted, int minimumHidden) {
        int shown = Math.max(0, Math.min(wanted, digits.length() - minimumHidden));
        return shown == 0 ? "" : "\u2026" + digits.substring(digits.length() - shown);
    }

    private static String iban(String compact, int wanted) {
        if (compact.length() < 2 || !Character.isLetter(compact.charAt(0)) || !Character.isLetter(compact.charAt(1))) {
            return trailing(compact, wanted, MIN_HIDDEN_IBAN);
        }
        int shown = Math.max(0, Math.min(wanted, compact.length() - 2 - MIN_HIDDEN_IBAN));
        return compact.substring(0, 2) + " \u2026" + compact.substring(compact.length() - shown);
    }

    private static String emailDomain(String email) {
        int at = email.lastIndexOf('@');
        return at < 0 || at == email.length() - 1 ? "" : "\u2026" + email.substring(at);
    }

    private static String format(String label, String canonical, String visible) {
        StringBuilder token = new StringBuilder(label.length() + visible.length() + 9).append('<').append(label);
        if (!visible.isEmpty()) {
            token.append(' ').append(visible);
        }
        return token.append(" #").append(hash(label, canonical)).append('>').toString();
    }

    /**
     * @param label     the kind's label
     * @param canonical the value in its canonical form
     * @return four hex digits of the keyed hash
     */
    private static String hash(String label, String canonical) {
        Mac mac = MACS.get();
        mac.update(label.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        byte[] digest = mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8));
        return String.format("%02x%02x", digest[0] & 0xff, digest[1] & 0xff);
    }
}
