package dev.complianceharness.pii.internal;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.complianceharness.mask.Redaction;
import dev.complianceharness.pii.Detector;
import dev.complianceharness.pii.PiiFinding;
import dev.complianceharness.mask.PiiKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The fast scanner behind {@code PiiScanner}. One pass over the text classifies each character with a
 * table lookup; only a cheap trigger starts a detector: an {@code @} (e-mail), a run of 7 or more digits
 * with the separators numbers are written with (card, SSN, phone), two upper-case letters and two digits
 * (IBAN), {@code AKIA}/{@code ASIA} (AWS), {@code eyJ} (JWT), {@code -----BEGIN} (private key), or a
 * token of 16 or more characters assigned to a secret-like keyword (secret). The expensive checks — the TLD list, Luhn, mod-97,
 * libphonenumber's {@code findNumbers} — run on those candidates only, never on every line.
 */
public final class TextScanner {

    private static final byte DIGIT = 1;
    private static final byte UPPER = 2;
    private static final byte LOWER = 4;
    private static final byte TOKEN = 8;
    private static final byte LOCAL = 16;
    private static final byte DOMAIN = 32;
    private static final byte[] CLASSES = new byte[128];
    private static final int MIN_TOKEN = 16;
    private static final int MAX_TOKEN = 512;
    private static final int CONTEXT_WINDOW = 32;
    private static final String[] SECRET_KEYWORDS = {"password", "passwd", "pwd", "secret", "token", "api_key",
        "apikey", "api-key", "access_key", "accesskey", "auth", "credential", "credentials", "private_key", "key"};
    private static final String[] PHONE_CONTEXT = {"phone", "tel", "mobile", "cell", "call", "sms", "fax", "whatsapp"};
    private static final String[] CARD_CONTEXT = {"card", "visa", "mastercard", "amex", "maestro", "credit", "debit"};
    private static final double UNUSUAL_CARD_CONFIDENCE = 0.45;
    private static final String[] SSN_CONTEXT = {"ssn", "social security", "social sec", "taxpayer"};
    private static final double INVALID_SSN_WITH_CONTEXT_CONFIDENCE = 0.7;
    private static final String[] AWS_PREFIXES = {"AKIA", "ASIA", "ABIA", "ACCA"};
    private static final int[] IBAN_LENGTH_BY_COUNTRY = new int[26 * 26];

    static {
        for (char c = '0'; c <= '9'; c++) {
            CLASSES[c] = DIGIT | TOKEN | LOCAL | DOMAIN;
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            CLASSES[c] = UPPER | TOKEN | LOCAL | DOMAIN;
            CLASSES[c + 32] = LOWER | TOKEN | LOCAL | DOMAIN;
        }
        CLASSES['_'] = TOKEN | LOCAL;
        CLASSES['-'] = TOKEN | LOCAL | DOMAIN;
        CLASSES['+'] = TOKEN | LOCAL;
        CLASSES['/'] = TOKEN;
        CLASSES['.'] = LOCAL | DOMAIN;
        CLASSES['%'] = LOCAL;
        for (char a = 'A'; a <= 'Z'; a++) {
            for (char b = 'A'; b <= 'Z'; b++) {
                IBAN_LENGTH_BY_COUNTRY[(a - 'A') * 26 + (b - 'A')] = NumberChecks.ibanLength("" + a + b);
            }
        }
    }

    private final Set<Detector> detectors;
    private final List<String> phoneRegions;
    private final double minimumConfidence;
    private final Set<String> allowedValues;
    private final List<Pattern> allowedPatterns;
    private final boolean email;
    private final boolean phone;
    private final boolean card;
    private final boolean ssn;
    private final boolean iban;
    private final boolean aws;
    private final boolean jwt;
    private final boolean privateKey;
    private final boolean secretToken;

    /**
     * @param detectors         the detectors to run
     * @param phoneRegions      the CLDR regions phone numbers without a country code are parsed in
     * @param minimumConfidence findings below it are dropped
     * @param allowedValues     values never reported, normalised with {@link #normalise(PiiKind, CharSequence)}
     * @param allowedPatterns   patterns whose whole matches are never reported
     */
    public TextScanner(Set<Detector> detectors, List<String> phoneRegions, double minimumConfidence,
                       Set<String> allowedValues, List<Pattern> allowedPatterns) {
        this.detectors = detectors.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(detectors));
        this.phoneRegions = List.copyOf(phoneRegions);
        this.minimumConfidence = minimumConfidence;
        this.allowedValues = Set.copyOf(allowedValues);
        this.allowedPatterns = List.copyOf(allowedPatterns);
        this.email = detectors.contains(Detector.EMAIL);
        this.phone = detectors.contains(Detector.PHONE);
        this.card = detectors.contains(Detector.CARD);
        this.ssn = detectors.contains(Detector.SSN);
        this.iban = detectors.contains(Detector.IBAN);
        this.aws = detectors.contains(Detector.AWS_ACCESS_KEY);
        this.jwt = detectors.contains(Detector.JWT);
        this.privateKey = detectors.contains(Detector.PRIVATE_KEY);
        this.secretToken = detectors.contains(Detector.SECRET_TOKEN);
    }

    /** @return the detectors it runs */
    public Set<Detector> detectors() {
        return detectors;
    }

    /**
     * Normalises a value for the allow-list: digits and letters only, upper case, for numbers; lower
     * case for everything else.
     *
     * @param kind  the kind of the value
     * @param value the value
     * @return the normalised form
     */
    public static String normalise(PiiKind kind, CharSequence value) {
        if (kind == PiiKind.PHONE || kind == PiiKind.CARD || kind == PiiKind.SSN || kind == PiiKind.IBAN) {
            StringBuilder compact = new StringBuilder(value.length());
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (Character.isLetterOrDigit(c)) {
                    compact.append(Character.toUpperCase(c));
                }
            }
            return compact.toString();
        }
        return value.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * Scans a text.
     *
     * @param text the text
     * @return the findings, ordered by position
     */
    public List<PiiFinding> scan(CharSequence text) {
        Findings findings = new Findings(text);
        int n = text.length();
        int skipDigitsUntil = 0;
        int tokenStart = -1;
        boolean previousAlphanumeric = false;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            int classes = c < 128 ? CLASSES[c] : 0;
            if ((classes & TOKEN) != 0) {
                if (tokenStart < 0) {
                    tokenStart = i;
                }
            } else if (tokenStart >= 0) {
                if (secretToken && i - tokenStart >= MIN_TOKEN) {
                    secretToken(text, tokenStart, i, findings);
                }
                tokenStart = -1;
            }
            if ((classes & DIGIT) != 0 || c == '+' || c == '(') {
                if (i >= skipDigitsUntil && !previousAlphanumeric && (card || ssn || phone)) {
                    // digits inside what another detector already found (the groups of an IBAN) are not a new number
                    int covered = findings.endOfFindingAt(i);
                    skipDigitsUntil = covered > i ? covered : digitRun(text, i, findings);
                }
            } else if (c == '@') {
                if (email) {
                    email(text, i, findings);
                }
            } else if ((classes & UPPER) != 0) {
                if (!previousAlphanumeric) {
                    if (iban && i + 3 < n) {
                        iban(text, i, findings);
                    }
                    if (aws && c == 'A') {
                        awsKey(text, i, findings);
                    }
                }
            } else if (c == 'e') {
                if (jwt && !previousAlphanumeric && i + 2 < n && text.charAt(i + 1) == 'y' && text.charAt(i + 2) == 'J') {
                    jwt(text, i, findings);
                }
            } else if (c == '-' && privateKey && i + 10 < n && text.charAt(i + 1) == '-') {
                privateKey(text, i, findings);
            }
            previousAlphanumeric = (classes & (DIGIT | UPPER | LOWER)) != 0 || (c >= 128 && Character.isLetterOrDigit(c));
        }
        if (tokenStart >= 0 && secretToken && n - tokenStart >= MIN_TOKEN) {
            secretToken(text, tokenStart, n, findings);
        }
        return findings.sorted();
    }

    // ---- numbers: card, SSN, phone -------------------------------------------------------------

    private int digitRun(CharSequence text, int start, Findings findings) {
        int n = text.length();
        char first = text.charAt(start);
        int j = start;
        if (first == '+' || first == '(') {
            j++;
            if (j >= n || !isDigit(text.charAt(j))) {
                return start + 1;
            }
        } else if (isIsoDate(text, start)) {
            return start + 10;
        }
        int[] digits = findings.digits();
        int count = 0;
        int lastDigitEnd = j;
        char separator = 0;
        boolean mixedSeparators = false;
        boolean separated = false;
        int groups = 1;
        int longestGroup = 0;
        int groupDigits = 0;
        while (j < n) {
            char c = text.charAt(j);
            if (isDigit(c)) {
                if (count < digits.length) {
                    digits[count] = c - '0';
                }
                count++;
                groupDigits++;
                longestGroup = Math.max(longestGroup, groupDigits);
                j++;
                lastDigitEnd = j;
                continue;
            }
            int k = j;
            while (k < n && k - j < 2 && isNumberSeparator(text.charAt(k))) {
                k++;
            }
            if (k == j || k >= n || !isDigit(text.charAt(k))) {
                break;
            }
            for (int s = j; s < k; s++) {
                char sep = text.charAt(s);
                if (separator == 0) {
                    separator = sep;
                } else if (sep != separator) {
                    mixedSeparators = true;
                }
            }
            separated = true;
            groups++;
            groupDigits = 0;
            j = k;
        }
        int end = lastDigitEnd;
        if (count < 7 || (end < n && Character.isLetter(text.charAt(end)))) {
            return end;
        }
        if (first == '(' && end < n && text.charAt(end) == ')') {
            end++;
        }
        if (card && count >= 13 && count <= 19 && !mixedSeparators && NumberChecks.knownIssuer(digits, count)
                && NumberChecks.luhn(digits, count)) {
            // bare 13-, 14- and 17- to 19-digit numbers are mostly ids and offsets; current cards have 15 or 16 digits
            boolean usualLength = count == 15 || count == 16;
            double confidence = usualLength || separated ? Detector.CARD.confidence() : UNUSUAL_CARD_CONFIDENCE;
            findings.add(Detector.CARD, start, end, boost(confidence, text, start, CARD_CONTEXT));
            return end;
        }
        if (ssn && count == 9 && first != '+' && first != '(' && ssnShape(text, start, end, separated, mixedSeparators)) {
            if (NumberChecks.possibleSsn(digits)) {
                double confidence = separated ? Detector.SSN.confidence() : 0.4;
                findings.add(Detector.SSN, start, end, boost(confidence, text, start, SSN_CONTEXT));
                return end;
            }
            // an impossible SSN (area 000, 666, 900-999, group 00, serial 0000) is still what a person typed as theirs
            // when a context word says so: the validation-error path logs exactly that
            if (!NumberChecks.placeholderSsn(digits) && hasContext(text, start, SSN_CONTEXT)) {
                findings.add(Detector.SSN, start, end, INVALID_SSN_WITH_CONTEXT_CONFIDENCE);
                return end;
            }
        }
        boolean ipAddress = separator == '.' && !mixedSeparators && groups == 4 && longestGroup <= 3;
        boolean bare = !separated && first != '+' && first != '(';
        // a bare run of digits is an id, an offset or an amount far more often than a phone number: only
        // next to a context word is it worth asking libphonenumber (canaries find bare numbers regardless)
        // written without a country code, numbers of the default regions have at least 9 digits (trunk 0 included)
        boolean plausibleLength = first == '+' || count >= 9 || (bare && count >= 7);
        if (phone && count <= 15 && plausibleLength && !ipAddress && !insideToken(text, start, end)
                && (!bare || hasContext(text, start, PHONE_CONTEXT))) {
            phone(text, start, end, first == '+', findings);
        }
        return end;
    }

    /** Whether the digits continue a hyphenated or dotted token, such as the groups of a UUID. */
    private static boolean insideToken(CharSequence text, int start, int end) {
        if (start > 1 && isTokenJoiner(text.charAt(start - 1)) && isAlphanumeric(text.charAt(start - 2))) {
            return true;
        }
        return end + 1 < text.length() && isTokenJoiner(text.charAt(end)) && isAlphanumeric(text.charAt(end + 1));
    }

    private static boolean isTokenJoiner(char c) {
        return c == '-' || c == '_' || c == '.' || c == '/';
    }

    private static boolean ssnShape(CharSequence text, int start, int end, boolean separated, boolean mixed) {
        if (!separated) {
            return true;
        }
        if (mixed || end - start != 11) {
            return false;
        }
        char sep = text.charAt(start + 3);
        return (sep == '-' || sep == ' ') && text.charAt(start + 6) == sep;
    }

    private void phone(CharSequence text, int start, int end, boolean international, Findings findings) {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        CharSequence candidate = text.subSequence(start, end);
        for (String region : phoneRegions) {
            for (PhoneNumberMatch match : util.findNumbers(candidate, region, PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
                int matchStart = start + match.start();
                findings.add(Detector.PHONE, matchStart, start + match.end(),
                        boost(Detector.PHONE.confidence(), text, matchStart, PHONE_CONTEXT));
                return;
            }
            if (international) {
                return;
            }
        }
    }

    private static boolean isIsoDate(CharSequence text, int i) {
        if (i + 10 > text.length()) {
            return false;
        }
        for (int k = 0; k < 10; k++) {
            char c = text.charAt(i + k);
            boolean dash = k == 4 || k == 7;
            if (dash ? c != '-' : !isDigit(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNumberSeparator(char c) {
        return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')';
    }

    // ---- e-mail ---------------------------------------------------------------------------------

    private void email(CharSequence text, int at, Findings findings) {
        int n = text.length();
        int localStart = at;
        while (localStart > 0 && has(text.charAt(localStart - 1), LOCAL)) {
            localStart--;
        }
        while (localStart < at && text.charAt(localStart) == '.') {
            localStart++;
        }
        if (localStart == at) {
            return;
        }
        int domainEnd = at + 1;
        int lastDot = -1;
        while (domainEnd < n && has(text.charAt(domainEnd), DOMAIN)) {
            if (text.charAt(domainEnd) == '.') {
                if (domainEnd == at + 1 || text.charAt(domainEnd - 1) == '.') {
                    return;
                }
                lastDot = domainEnd;
            }
            domainEnd++;
        }
        while (domainEnd > at + 1 && (text.charAt(domainEnd - 1) == '.' || text.charAt(domainEnd - 1) == '-')) {
            domainEnd--;
        }
        if (lastDot >= domainEnd - 1) {
            lastDot = -1;
            for (int k = domainEnd - 1; k > at; k--) {
                if (text.charAt(k) == '.') {
                    lastDot = k;
                    break;
                }
            }
        }
        if (lastDot < 0 || !TopLevelDomains.shipped().isPublic(text, at + 1, lastDot + 1, domainEnd)) {
            return;
        }
        findings.add(Detector.EMAIL, localStart, domainEnd, Detector.EMAIL.confidence());
    }

    // ---- IBAN -----------------------------------------------------------------------------------

    private void iban(CharSequence text, int start, Findings findings) {
        char a = text.charAt(start);
        char b = text.charAt(start + 1);
        if (b < 'A' || b > 'Z' || !isDigit(text.charAt(start + 2)) || !isDigit(text.charAt(start + 3))) {
            return;
        }
        int length = IBAN_LENGTH_BY_COUNTRY[(a - 'A') * 26 + (b - 'A')];
        if (length == 0) {
            return;
        }
        int n = text.length();
        char[] compact = new char[length];
        int count = 0;
        int k = start;
        while (k < n && count < length) {
            char c = text.charAt(k);
            if (isDigit(c) || (c >= 'A' && c <= 'Z')) {
                compact[count++] = c;
                k++;
            } else if (c >= 'a' && c <= 'z') {
                compact[count++] = (char) (c - 32);
                k++;
            } else if (c == ' ' && k + 1 < n && isAlphanumeric(text.charAt(k + 1))) {
                k++;
            } else {
                break;
            }
        }
        if (count == length && (k >= n || !isAlphanumeric(text.charAt(k))) && NumberChecks.ibanChecksum(new String(compact))) {
            findings.add(Detector.IBAN, start, k, Detector.IBAN.confidence());
        }
    }

    // ---- secrets --------------------------------------------------------------------------------

    private void awsKey(CharSequence text, int start, Findings findings) {
        int n = text.length();
        if (start + 20 > n) {
            return;
        }
        boolean prefix = false;
        for (String candidate : AWS_PREFIXES) {
            prefix |= regionMatches(text, start, candidate);
        }
        if (!prefix) {
            return;
        }
        for (int k = start + 4; k < start + 20; k++) {
            char c = text.charAt(k);
            if (!isDigit(c) && (c < 'A' || c > 'Z')) {
                return;
            }
        }
        if (start + 20 < n && isAlphanumeric(text.charAt(start + 20))) {
            return;
        }
        findings.add(Detector.AWS_ACCESS_KEY, start, start + 20, Detector.AWS_ACCESS_KEY.confidence());
    }

    private void jwt(CharSequence text, int start, Findings findings) {
        int first = base64UrlRun(text, start);
        if (first - start < 10 || first >= text.length() || text.charAt(first) != '.') {
            return;
        }
        if (!regionMatches(text, first + 1, "eyJ")) {
            return;
        }
        int second = base64UrlRun(text, first + 1);
        if (second - first - 1 < 10 || second >= text.length() || text.charAt(second) != '.') {
            return;
        }
        int third = base64UrlRun(text, second + 1);
        findings.add(Detector.JWT, start, third, Detector.JWT.confidence());
    }

    private static int base64UrlRun(CharSequence text, int start) {
        int k = start;
        while (k < text.length()) {
            char c = text.charAt(k);
            if (!isAlphanumeric(c) && c != '-' && c != '_') {
                break;
            }
            k++;
        }
        return k;
    }

    private void privateKey(CharSequence text, int start, Findings findings) {
        if (!regionMatches(text, start, "-----BEGIN ")) {
            return;
        }
        int headerEnd = indexOf(text, "-----", start + 11, start + 80);
        if (headerEnd < 0 || indexOf(text, "PRIVATE KEY", start + 11, headerEnd) < 0) {
            return;
        }
        int end = headerEnd + 5;
        int footer = indexOf(text, "-----END ", end, Math.min(text.length(), end + 20_000));
        if (footer >= 0) {
            int footerEnd = indexOf(text, "-----", footer + 9, footer + 80);
            if (footerEnd >= 0) {
                end = footerEnd + 5;
            }
        }
        findings.add(Detector.PRIVATE_KEY, start, end, Detector.PRIVATE_KEY.confidence());
    }

    private void secretToken(CharSequence text, int start, int end, Findings findings) {
        while (end > start && (text.charAt(end - 1) == '-' || text.charAt(end - 1) == '/' || text.charAt(end - 1) == '+')) {
            end--;
        }
        if (end - start < MIN_TOKEN || end - start > MAX_TOKEN || findings.overlaps(start, end)) {
            return;
        }
        if (!keywordBefore(text, start)) {
            return;
        }
        boolean letter = false;
        boolean digit = false;
        int[] counts = new int[128];
        for (int k = start; k < end; k++) {
            char c = text.charAt(k);
            letter |= has(c, UPPER | LOWER);
            digit |= isDigit(c);
            counts[c]++;
        }
        if (!letter || !digit || shannonEntropy(counts, end - start) < 3.0) {
            return;
        }
        findings.add(Detector.SECRET_TOKEN, start, end, Detector.SECRET_TOKEN.confidence());
    }

    private static double shannonEntropy(int[] counts, int length) {
        double entropy = 0;
        for (int count : counts) {
            if (count > 0) {
                double p = (double) count / length;
                entropy -= p * (Math.log(p) / Math.log(2));
            }
        }
        return entropy;
    }

    /**
     * Whether the token is the value of a secret-like keyword: {@code password=...}, {@code "apiKey": "..."},
     * {@code X-Auth-Token: ...}, {@code client_secret => ...} or {@code Bearer ...}. A keyword merely
     * nearby (such as "password reset for customer 4f2a...") does not count.
     */
    private static boolean keywordBefore(CharSequence text, int start) {
        int k = skipBack(text, start, 5);
        boolean assignment = false;
        int operators = 0;
        while (k > 0 && operators < 2 && (text.charAt(k - 1) == '=' || text.charAt(k - 1) == ':' || text.charAt(k - 1) == '>')) {
            k--;
            operators++;
            assignment = true;
        }
        if (assignment) {
            k = skipBack(text, k, 3);
            for (String keyword : SECRET_KEYWORDS) {
                if (k >= keyword.length() && regionMatchesIgnoreCase(text, k - keyword.length(), keyword)) {
                    return true;
                }
            }
            return false;
        }
        return k < start && k >= 6 && regionMatchesIgnoreCase(text, k - 6, "bearer");
    }

    private static int skipBack(CharSequence text, int from, int limit) {
        int k = from;
        while (k > 0 && from - k < limit) {
            char c = text.charAt(k - 1);
            if (c != ' ' && c != '\t' && c != '"' && c != '\'' && c != '`') {
                break;
            }
            k--;
        }
        return k;
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static boolean hasContext(CharSequence text, int start, String[] contextWords) {
        return containsIgnoreCase(text, Math.max(0, start - CONTEXT_WINDOW), start, contextWords);
    }

    private static double boost(double confidence, CharSequence text, int start, String[] contextWords) {
        if (hasContext(text, start, contextWords)) {
            return Math.min(1.0, confidence + Detector.CONTEXT_BOOST);
        }
        return confidence;
    }

    private static boolean containsIgnoreCase(CharSequence text, int from, int to, String[] lowerCaseWords) {
        for (int i = from; i < to; i++) {
            char c = Character.toLowerCase(text.charAt(i));
            for (String word : lowerCaseWords) {
                if (word.charAt(0) == c && i + word.length() <= to && regionMatchesIgnoreCase(text, i, word)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean regionMatchesIgnoreCase(CharSequence text, int start, String lowerCase) {
        for (int k = 0; k < lowerCase.length(); k++) {
            if (Character.toLowerCase(text.charAt(start + k)) != lowerCase.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean regionMatches(CharSequence text, int start, String expected) {
        if (start + expected.length() > text.length()) {
            return false;
        }
        for (int k = 0; k < expected.length(); k++) {
            if (text.charAt(start + k) != expected.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(CharSequence text, String needle, int from, int to) {
        int limit = Math.min(to, text.length()) - needle.length();
        for (int i = from; i <= limit; i++) {
            if (regionMatches(text, i, needle)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean has(char c, int classes) {
        return c < 128 && (CLASSES[c] & classes) != 0;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAlphanumeric(char c) {
        return has(c, DIGIT | UPPER | LOWER);
    }

    /** The findings of one scan, with the allow-list and the confidence floor applied on the way in. */
    private final class Findings {
        private final CharSequence text;
        private List<PiiFinding> found = List.of();
        private int[] digits;

        Findings(CharSequence text) {
            this.text = text;
        }

        int[] digits() {
            if (digits == null) {
                digits = new int[19];
            }
            return digits;
        }

        void add(Detector detector, int start, int end, double confidence) {
            if (confidence < minimumConfidence || overlaps(start, end)) {
                return;
            }
            String value = text.subSequence(start, end).toString();
            if (!allowedValues.isEmpty() && allowedValues.contains(normalise(detector.kind(), value))) {
                return;
            }
            for (Pattern allowed : allowedPatterns) {
                if (allowed.matcher(value).matches()) {
                    return;
                }
            }
            if (found.isEmpty()) {
                found = new ArrayList<>(2);
            }
            found.add(new PiiFinding(detector, start, end, confidence, maskValue(detector, value)));
        }

        /** @return the end of the finding that covers the index, or -1 */
        int endOfFindingAt(int index) {
            for (PiiFinding finding : found) {
                if (finding.start() <= index && index < finding.end()) {
                    return finding.end();
                }
            }
            return -1;
        }

        boolean overlaps(int start, int end) {
            for (PiiFinding finding : found) {
                if (start < finding.end() && finding.start() < end) {
                    return true;
                }
            }
            return false;
        }

        List<PiiFinding> sorted() {
            if (found.isEmpty()) {
                return List.of();
            }
            if (found.size() > 1) {
                found.sort(Comparator.comparingInt(PiiFinding::start));
            }
            return List.copyOf(found);
        }
    }

    /**
     * Masks a value a detector found: its token at the redaction boundary, which also registers it, so that the
     * value is redacted wherever else the harness would print it.
     *
     * @param detector the detector
     * @param value    the value
     * @return the token, such as {@code <card …1111 #64d1>}
     */
    public static String maskValue(Detector detector, String value) {
        return Redaction.token(detector.kind(), value);
    }
}
