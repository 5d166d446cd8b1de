package dev.complianceharness.mask.internal;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import dev.complianceharness.mask.PiiKind;
import dev.complianceharness.mask.RedactionPolicy;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Writes the token that stands for a redacted value: its kind, what the policy lets show, and a short hash
 * that tells two values apart and is the same for one value in every message of the run, such as
 * {@code <phone +1 305 …47 #3f2a>}.
 *
 * <p>The hash is SipHash-2-4, a keyed pseudo-random function made for short inputs, under a 128-bit key drawn
 * at random for each JVM (from {@code /dev/urandom}, or {@link SecureRandom} where there is none) and never
 * written anywhere: a short plain hash of a phone number whose area code and last digits are shown could be
 * reversed by trying the few thousand numbers left, a keyed one cannot. Not HMAC-SHA-256 through
 * {@code javax.crypto}: its first use loads every security provider and the crypto policy, some 20 ms in each
 * fresh test JVM, for a token that shows 16 bits of the result.
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
    private static final String HEX_DIGITS = "0123456789abcdef";
    private static final long KEY_0;
    private static final long KEY_1;
    /** Tokens of values seen lately: the same number is often written many times in one report. */
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 10_000;

    static {
        byte[] key = randomKey();
        KEY_0 = littleEndian(key, 0);
        KEY_1 = littleEndian(key, 8);
    }

    private Tokens() {
    }

    private static byte[] randomKey() {
        byte[] key = new byte[16];
        try (InputStream in = new FileInputStream("/dev/urandom")) {
            if (in.readNBytes(key, 0, key.length) == key.length) {
                return key;
            }
        } catch (IOException | SecurityException noDevice) {
            // not a Unix-like system: the JDK's generator below
        }
        new SecureRandom().nextBytes(key);
        return key;
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
        byte[] labelBytes = label.getBytes(StandardCharsets.UTF_8);
        byte[] valueBytes = canonical.getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[labelBytes.length + 1 + valueBytes.length];
        System.arraycopy(labelBytes, 0, input, 0, labelBytes.length);
        System.arraycopy(valueBytes, 0, input, labelBytes.length + 1, valueBytes.length);
        int top = (int) (sipHash24(KEY_0, KEY_1, input) >>> 48);
        char[] hex = new char[4];
        for (int i = 3; i >= 0; i--) {
            hex[i] = HEX_DIGITS.charAt(top & 0xf);
            top >>>= 4;
        }
        return new String(hex);
    }

    /**
     * SipHash-2-4 (Aumasson and Bernstein, 2012) of the input under the key {@code k0, k1}, each read little-endian.
     *
     * @param k0    the key's first eight bytes
     * @param k1    the key's last eight bytes
     * @param input the message
     * @return the 64-bit result
     */
    static long sipHash24(long k0, long k1, byte[] input) {
        long[] v = {0x736f6d6570736575L ^ k0, 0x646f72616e646f6dL ^ k1, 0x6c7967656e657261L ^ k0,
                0x7465646279746573L ^ k1};
        int whole = input.length - input.length % 8;
        for (int i = 0; i < whole; i += 8) {
            long m = littleEndian(input, i);
            v[3] ^= m;
            sipRounds(v, 2);
            v[0] ^= m;
        }
        long last = (long) input.length << 56;
        for (int i = whole; i < input.length; i++) {
            last |= (input[i] & 0xffL) << (8 * (i - whole));
        }
        v[3] ^= last;
        sipRounds(v, 2);
        v[0] ^= last;
        v[2] ^= 0xff;
        sipRounds(v, 4);
        return v[0] ^ v[1] ^ v[2] ^ v[3];
    }

    private static void sipRounds(long[] v, int rounds) {
        for (int round = 0; round < rounds; round++) {
            v[0] += v[1];
            v[1] = Long.rotateLeft(v[1], 13);
            v[1] ^= v[0];
            v[0] = Long.rotateLeft(v[0], 32);
            v[2] += v[3];
            v[3] = Long.rotateLeft(v[3], 16);
            v[3] ^= v[2];
            v[0] += v[3];
            v[3] = Long.rotateLeft(v[3], 21);
            v[3] ^= v[0];
            v[2] += v[1];
            v[1] = Long.rotateLeft(v[1], 17);
            v[1] ^= v[2];
            v[2] = Long.rotateLeft(v[2], 32);
        }
    }

    private static long littleEndian(byte[] bytes, int offset) {
        long value = 0;
        for (int i = 7; i >= 0; i--) {
            value = value << 8 | (bytes[offset + i] & 0xffL);
        }
        return value;
    }
}
