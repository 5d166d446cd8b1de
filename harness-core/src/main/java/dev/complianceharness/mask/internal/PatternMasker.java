package dev.complianceharness.mask.internal;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.complianceharness.mask.PiiKind;
import dev.complianceharness.mask.RedactionPolicy;
import java.math.BigInteger;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The second line of redaction, for text in which no known value was found: personal data recognised by its
 * shape. E-mail addresses (also URL-encoded), IBANs (mod-97), private keys, JWTs and AWS access keys, and
 * long numbers — digits of any script, joined by spaces, dashes, dots, slashes, underscores or parentheses —
 * become tokens; so do partial masks that show more than four digits.
 *
 * <p>It errs on the side of masking, but not blindly: what a reader needs stays readable. ISO dates and
 * times, citations ({@code 501.616(6)}, {@code 47 CFR 64.1200(c)(1)}), versions, decimals, numbers that are
 * part of an identifier ({@code us-fl-501-616}), numbers grouped by thousands ({@code 12,000,000}), and numbers
 * after {@code seed}, {@code amount}, {@code tries} and similar words or before a currency code or unit
 * ({@code 12000000 USD minor}) are left alone — unless they are valid card numbers, which are never left.
 * Tokens are left alone, so redacting twice changes nothing.
 */
public final class PatternMasker {

    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}_%+-][\\p{L}\\p{N}._%+-]*@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}");
    private static final Pattern URL_ENCODED_EMAIL = Pattern.compile(
            "(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}_+-][\\p{L}\\p{N}._+-]*(?:%[0-9A-Fa-f]{2}[\\p{L}\\p{N}._+-]*)*%40"
                    + "[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}", Pattern.CASE_INSENSITIVE);
    private static final Pattern PRIVATE_KEY = Pattern.compile(
            "-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)");
    private static final Pattern JWT = Pattern.compile("\\beyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}");
    private static final Pattern AWS_KEY = Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b");
    private static final Pattern IBAN = Pattern.compile("\\b[A-Z]{2}\\d{2}(?:[ -]?[A-Z0-9]){11,30}\\b");
    private static final Pattern ISO_DATE_TIME = Pattern.compile("(?<!\\d)(?<!\\d[-./_])\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])"
            + "(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,9})?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?(?!\\d)(?![-./_]\\d)");
    private static final Pattern DOTTED_CITATION = Pattern.compile("\\d+(?:\\.\\d+)+(?:\\([0-9A-Za-z]{1,5}\\))+");
    private static final Pattern SECTION_CITATION = Pattern.compile("\u00a7+\\s*\\d[\\d.:-]*(?:\\([0-9A-Za-z]{1,5}\\))*");
    private static final Pattern CODE_CITATION = Pattern.compile(
            "\\b\\d+\\s+(?:U\\.S\\.C\\.|C\\.F\\.R\\.|CFR|USC)\\s+\u00a7*\\s*\\d[\\d.-]*(?:\\([0-9A-Za-z]{1,5}\\))*");
    private static final Pattern EU_CITATION = Pattern.compile(
            "\\b(?:Regulation|Directive|Decision)\\s+(?:\\((?:EU|EC|EEC|Euratom)\\)\\s+)?(?:No\\.?\\s+)?\\d{2,4}/\\d{1,4}"
                    + "(?:/(?:EU|EC|EEC))?");
    private static final Pattern PARTIAL_MASK = Pattern.compile(
            "(?<![\\p{L}\\p{N}*\u2022\u25cf])[0-9*\u2022\u25cfX](?:[0-9*\u2022\u25cfX]|[ ./_-](?=[0-9*\u2022\u25cfX])){6,}");
    private static final int MIN_DIGITS = 7;
    private static final int MAX_REVEALED_OF_A_MASK = 4;
    private static final Set<String> WORDS_BEFORE_SAFE_NUMBERS = Set.of("seed", "seeds", "amount", "amounts", "total",
            "totals", "balance", "minor", "tries", "count", "size", "version", "limit", "bytes", "nanos", "millis", "ms",
            "ns", "index", "offset", "port");
    /** Names of fields that hold amounts, such as {@code balanceMinor} or {@code totalCents}. */
    private static final List<String> SUFFIXES_OF_SAFE_NAMES = List.of("minor", "cents", "amount", "balance", "total");
    private static final Set<String> WORDS_AFTER_SAFE_NUMBERS = Set.of("minor", "ms", "ns", "\u00b5s", "us", "bytes",
            "tries", "steps", "events", "examples", "sequences", "replays", "ops", "rows", "classes", "lines", "seconds",
            "units", "cents", "items", "records", "messages", "tests", "instants", "pairs");
    private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());

    private static final Map<String, Boolean> VALID_PHONES = new ConcurrentHashMap<>();

    private final RedactionPolicy policy;
    private final Predicate<String> published;

    /**
     * @param policy    what tokens show
     * @param published whether an e-mail address (lower-cased) is a published contact, such as an invariant's
     *                  owner, to be left readable
     */
    public PatternMasker(RedactionPolicy policy, Predicate<String> published) {
        this.policy = policy;
        this.published = published;
    }

    /** A part of the text that is replaced, or kept as it is when the replacement is null. */
    private record Claim(int start, int end, String replacement) {
    }

    /**
     * Masks what looks like personal data.
     *
     * @param text the text
     * @return the text with personal data replaced by tokens
     */
    public String mask(String text) {
        if (!worthScanning(text)) {
            return text;
        }
        Claims claims = new Claims();
        // each pattern runs only when the text holds the character it cannot match without
        if (text.indexOf('<') >= 0) {
            keep(claims, Tokens.TOKEN, text);
        }
        if (text.contains("PRIVATE KEY")) {
            replace(claims, PRIVATE_KEY, text, match -> Tokens.of(PiiKind.SECRET, match, policy));
        }
        if (text.indexOf('@') >= 0) {
            emails(claims, text);
        }
        if (containsIgnoreCase(text, "%40")) {
            replace(claims, URL_ENCODED_EMAIL, text, match -> {
                String decoded = URLDecoder.decode(match, StandardCharsets.UTF_8);
                return published.test(decoded.toLowerCase(Locale.ROOT)) ? null : Tokens.of(PiiKind.EMAIL, decoded, policy);
            });
        }
        if (hasIsoDate(text)) {
            keep(claims, ISO_DATE_TIME, text);
        }
        if (hasDigitBeforeParenthesis(text)) {
            keep(claims, DOTTED_CITATION, text);
        }
        if (text.indexOf('\u00a7') >= 0) {
            keep(claims, SECTION_CITATION, text);
        }
        if (text.contains("CFR") || text.contains("C.F.R.") || text.contains("U.S.C.") || text.contains("USC")) {
            keep(claims, CODE_CITATION, text);
        }
        if (text.contains("Regulation") || text.contains("Directive") || text.contains("Decision")) {
            keep(claims, EU_CITATION, text);
        }
        if (text.contains("eyJ")) {
            replace(claims, JWT, text, match -> Tokens.of(PiiKind.SECRET, match, policy));
        }
        if (text.contains("AKIA") || text.contains("ASIA")) {
            replace(claims, AWS_KEY, text, match -> Tokens.of(PiiKind.SECRET, match, policy));
        }
        if (mayHoldIban(text)) {
            replace(claims, IBAN, text, match -> ibanChecksum(match) ? Tokens.of(PiiKind.IBAN, match, policy) : null);
        }
        // a partial mask first: its visible digits alone may look like a number, and must go with the mask
        if (text.indexOf('*') >= 0 || text.indexOf('\u2022') >= 0 || text.indexOf('\u25cf') >= 0 || text.contains("XX")) {
            replace(claims, PARTIAL_MASK, text, this::revealingMask);
        }
        maskNumbers(claims, text);
        return apply(text, claims);
    }

    /** Four digits, a dash, two digits, a dash, two digits: how every ISO date starts. */
    private static boolean hasIsoDate(String text) {
        for (int i = text.indexOf('-'); i >= 4 && i + 5 < text.length(); i = text.indexOf('-', i + 1)) {
            if (isAsciiDigit(text.charAt(i - 1)) && isAsciiDigit(text.charAt(i - 4)) && isAsciiDigit(text.charAt(i + 1))
                    && isAsciiDigit(text.charAt(i + 2)) && text.charAt(i + 3) == '-' && isAsciiDigit(text.charAt(i + 4))) {
                return true;
            }
        }
        return false;
    }

    /** A citation's subsection follows a number: {@code 501.616(6)}. */
    private static boolean hasDigitBeforeParenthesis(String text) {
        for (int i = text.indexOf('('); i > 0; i = text.indexOf('(', i + 1)) {
            if (isAsciiDigit(text.charAt(i - 1))) {
                return true;
            }
        }
        return false;
    }

    /** Two capital letters and two digits: how every IBAN starts. */
    private static boolean mayHoldIban(String text) {
        for (int i = 0; i + 3 < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z' && isCapital(text.charAt(i + 1)) && isAsciiDigit(text.charAt(i + 2))
                    && isAsciiDigit(text.charAt(i + 3))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCapital(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean worthScanning(String text) {
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '@' || c == '%' || c == '-') {
                return true;
            }
            if (Character.isDigit(c) && ++digits >= MIN_DIGITS - 2) {
                return true;
            }
        }
        return text.contains("eyJ") || text.contains("AKIA") || text.contains("ASIA");
    }

    /** E-mail addresses, found from each {@code @} outwards: cheaper than a pattern tried at every position. */
    private void emails(Claims claims, String text) {
        for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
            int start = at;
            while (start > 0 && isLocalChar(text.charAt(start - 1))) {
                start--;
            }
            while (start < at && text.charAt(start) == '.') {
                start++;
            }
            int end = at + 1;
            while (end < text.length() && isDomainChar(text.charAt(end))) {
                end++;
            }
            while (end > at + 1 && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '-')) {
                end--;
            }
            String domain = text.substring(at + 1, end);
            int dot = domain.lastIndexOf('.');
            if (start == at || dot <= 0 || domain.length() - dot - 1 < 2
                    || !domain.substring(dot + 1).chars().allMatch(Character::isLetter) || claimed(claims, start, end)) {
                continue;
            }
            String email = text.substring(start, end);
            if (!published.test(email.toLowerCase(Locale.ROOT))) {
                claim(claims, start, end, Tokens.of(PiiKind.EMAIL, email, policy));
            }
        }
    }

    private static boolean isLocalChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }

    private static boolean isDomainChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '-';
    }

    private static boolean containsIgnoreCase(String text, String needle) {
        for (int i = 0; i + needle.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, needle, 0, needle.length())) {
                return true;
            }
        }
        return false;
    }

    private static void keep(Claims claims, Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            claim(claims, matcher.start(), matcher.end(), null);
        }
    }

    private static void replace(Claims claims, Pattern pattern, String text,
                                java.util.function.Function<String, String> replacement) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            if (!claimed(claims, matcher.start(), matcher.end())) {
                String token = replacement.apply(matcher.group());
                if (token != null) {
                    claim(claims, matcher.start(), matcher.end(), token);
                }
            }
        }
    }

    private static boolean claimed(Claims claims, int start, int end) {
        int covered = claims.covered.nextSetBit(start);
        return covered >= 0 && covered < end;
    }

    private static void claim(Claims claims, int start, int end, String replacement) {
        if (!claimed(claims, start, end)) {
            claims.list.add(new Claim(start, end, replacement));
            claims.covered.set(start, end);
        }
    }

    private static String apply(String text, Claims claims) {
        if (claims.list.stream().allMatch(claim -> claim.replacement() == null)) {
            return text;
        }
        claims.list.sort(Comparator.comparingInt(Claim::start));
        StringBuilder out = new StringBuilder(text.length());
        int position = 0;
        for (Claim claim : claims.list) {
            if (claim.replacement() == null) {
                continue;
            }
            out.append(text, position, claim.start()).append(claim.replacement());
            position = claim.end();
        }
        return out.append(text, position, text.length()).toString();
    }

    /** The parts of the text already replaced or kept. */
    private static final class Claims {
        final List<Claim> list = new ArrayList<>();
        final BitSet covered = new BitSet();
    }

    /** One number as written: its digits and how they were separated. */
    private record Run(int start, int end, String digits, List<Integer> parts, String separators, boolean plus) {
    }

    private void maskNumbers(Claims claims, String text) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!Character.isDigit(text.charAt(i)) || claimed(claims, i, i + 1)) {
                i++;
                continue;
            }
            Run run = run(claims, text, i);
            i = run.end();
            if (run.digits().length() >= MIN_DIGITS) {
                String token = classify(text, run);
                if (token != null) {
                    int start = run.start();
                    int end = run.end();
                    if (start > 0 && text.charAt(start - 1) == '(' && text.substring(start, end).contains(")")) {
                        start--;
                    }
                    if (start > 0 && (text.charAt(start - 1) == '+' || text.charAt(start - 1) == '\uff0b')) {
                        start--;
                    }
                    claim(claims, start, end, token);
                }
            }
        }
    }

    private static Run run(Claims claims, String text, int from) {
        int n = text.length();
        StringBuilder digits = new StringBuilder();
        StringBuilder separators = new StringBuilder();
        List<Integer> parts = new ArrayList<>();
        int part = 0;
        int i = from;
        int end = from;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isDigit(c) && !claimed(claims, i, i + 1)) {
                digits.append((char) ('0' + Character.digit(c, 10)));
                part++;
                i++;
                end = i;
                continue;
            }
            int k = i;
            while (k < n && k - i < 2 && isSeparator(text.charAt(k))) {
                k++;
            }
            if (k == i || k >= n || !Character.isDigit(text.charAt(k)) || claimed(claims, k, k + 1)) {
                break;
            }
            separators.append(text, i, k);
            parts.add(part);
            part = 0;
            i = k;
        }
        parts.add(part);
        boolean plus = from > 0 && (text.charAt(from - 1) == '+' || text.charAt(from - 1) == '\uff0b');
        return new Run(from, end, digits.toString(), parts, separators.toString(), plus);
    }

    private static boolean isSeparator(char c) {
        return c != ',' && Projection.isNumberSeparator(c);
    }

    /**
     * Decides in this order: a number after {@code seed} is kept; a valid card number is masked; a number in an
     * amount, count or unit context, a decimal or a version is kept; a valid phone number is masked; a number that
     * is part of an identifier is kept; any other long number is masked.
     *
     * @return the token for a number that may be personal, or null for one that is left readable
     */
    private String classify(String text, Run run) {
        String digits = run.digits();
        String before = wordBefore(text, run.plus() ? run.start() - 1 : run.start());
        if (before.endsWith("seed") || before.equals("seeds")) {
            return null;
        }
        if (digits.length() >= 13 && digits.length() <= 19 && luhn(digits)) {
            return Tokens.of(PiiKind.CARD, digits, policy);
        }
        if (WORDS_BEFORE_SAFE_NUMBERS.contains(before) || SUFFIXES_OF_SAFE_NAMES.stream().anyMatch(before::endsWith)
                || unitAfter(text, run.end()) || decimalOrVersion(run)) {
            return null;
        }
        if (dateShaped(run)) {
            return Tokens.date(digits);
        }
        if (run.parts().equals(List.of(3, 2, 4)) && run.separators().chars().allMatch(c -> c == '-' || c == ' ')) {
            return Tokens.of(PiiKind.SSN, digits, policy);
        }
        String number = (run.plus() ? "+" : "") + digits;
        if ((run.plus() || digits.length() == 10 || (digits.length() == 11 && digits.charAt(0) == '1')) && validPhone(number)) {
            return Tokens.of(PiiKind.PHONE, number, policy);
        }
        return partOfIdentifier(text, run) ? null : Tokens.number(digits, policy);
    }

    /** Whether libphonenumber accepts a number; remembered, as one report writes the same numbers many times. */
    private static boolean validPhone(String number) {
        Boolean known = VALID_PHONES.get(number);
        if (known != null) {
            return known;
        }
        boolean valid;
        try {
            PhoneNumberUtil util = PhoneNumberUtil.getInstance();
            valid = util.isValidNumber(util.parse(number, "US"));
        } catch (NumberParseException e) {
            valid = false;
        }
        if (VALID_PHONES.size() > 10_000) {
            VALID_PHONES.clear();
        }
        VALID_PHONES.put(number, valid);
        return valid;
    }

    private static boolean unitAfter(String text, int end) {
        String after = wordAfter(text, end);
        return CURRENCIES.contains(after) || WORDS_AFTER_SAFE_NUMBERS.contains(after.toLowerCase(Locale.ROOT));
    }

    private static boolean decimalOrVersion(Run run) {
        String separators = run.separators();
        if (separators.isEmpty() || !separators.chars().allMatch(c -> c == '.')) {
            return false;
        }
        return run.parts().size() == 2 || run.parts().subList(1, run.parts().size()).stream().allMatch(part -> part <= 2);
    }

    /** Digits written into a name, such as {@code us-fl-501-616}, {@code v1234567} or {@code 1234567L}. */
    private static boolean partOfIdentifier(String text, Run run) {
        int start = run.start();
        int end = run.end();
        boolean unseparated = run.separators().isEmpty();
        if (unseparated && end < text.length() && Character.isLetter(text.charAt(end))) {
            return true;
        }
        if (run.plus()) {
            return false;
        }
        if (unseparated && start > 0 && Character.isLetter(text.charAt(start - 1))) {
            return true;
        }
        return start > 1 && (text.charAt(start - 1) == '-' || text.charAt(start - 1) == '.' || text.charAt(start - 1) == '_')
                && Character.isLetter(text.charAt(start - 2)) && run.separators().chars().allMatch(c -> c == '-' || c == '.');
    }

    private static String wordBefore(String text, int start) {
        int i = start;
        int skipped = 0;
        while (i > 0 && skipped < 4 && " =:(\"'[-".indexOf(text.charAt(i - 1)) >= 0) {
            i--;
            skipped++;
        }
        int wordEnd = i;
        while (i > 0 && Character.isLetter(text.charAt(i - 1))) {
            i--;
        }
        return text.substring(i, wordEnd).toLowerCase(Locale.ROOT);
    }

    private static String wordAfter(String text, int end) {
        int i = end;
        int skipped = 0;
        while (i < text.length() && skipped < 2 && text.charAt(i) == ' ') {
            i++;
            skipped++;
        }
        int wordStart = i;
        while (i < text.length() && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '\u00b5')) {
            i++;
        }
        return text.substring(wordStart, i);
    }

    /** Dates other than ISO ones may be dates of birth: {@code 12/04/1985}, {@code 1985.04.12}, {@code 19850412}. */
    private static boolean dateShaped(Run run) {
        List<Integer> parts = run.parts();
        String digits = run.digits();
        if (parts.size() == 3 && run.separators().chars().distinct().count() == 1
                && "/.-".indexOf(run.separators().charAt(0)) >= 0) {
            if (parts.get(0) == 4 && parts.get(1) <= 2 && parts.get(2) <= 2) {
                return true;
            }
            return parts.get(0) <= 2 && parts.get(1) <= 2 && parts.get(2) == 4;
        }
        if (parts.size() == 1 && digits.length() == 8) {
            int year = Integer.parseInt(digits.substring(0, 4));
            int month = Integer.parseInt(digits.substring(4, 6));
            int day = Integer.parseInt(digits.substring(6, 8));
            return year >= 1900 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
        }
        return false;
    }

    private String revealingMask(String match) {
        int digits = 0;
        int masks = 0;
        for (int i = 0; i < match.length(); i++) {
            char c = match.charAt(i);
            if (Character.isDigit(c)) {
                digits++;
            } else if (c == '*' || c == '\u2022' || c == '\u25cf' || c == 'X') {
                masks++;
            }
        }
        return masks == 0 || digits <= MAX_REVEALED_OF_A_MASK ? null : Tokens.partialMask(match);
    }

    /**
     * Guesses the kind of a value that is known to be personal but was not typed.
     *
     * @param value the value
     * @return e-mail, card, SSN, IBAN or phone when it has that shape, otherwise {@link PiiKind#OTHER}
     */
    public static PiiKind guessKind(String value) {
        String trimmed = value.strip();
        if (EMAIL.matcher(trimmed).matches()) {
            return PiiKind.EMAIL;
        }
        String digits = ValueForms.digits(trimmed);
        if (digits.length() >= 13 && digits.length() <= 19 && luhn(digits) && trimmed.matches("[\\d\\s-]+")) {
            return PiiKind.CARD;
        }
        if (trimmed.matches("\\d{3}[- ]?\\d{2}[- ]?\\d{4}")) {
            return PiiKind.SSN;
        }
        if (IBAN.matcher(trimmed.toUpperCase(Locale.ROOT)).matches() && ibanChecksum(trimmed.toUpperCase(Locale.ROOT))) {
            return PiiKind.IBAN;
        }
        if (digits.length() >= MIN_DIGITS && trimmed.matches("\\+?[\\d\\s().-]+")) {
            try {
                PhoneNumberUtil util = PhoneNumberUtil.getInstance();
                if (util.isValidNumber(util.parse(trimmed, "US"))) {
                    return PiiKind.PHONE;
                }
            } catch (NumberParseException e) {
                // not a phone number
            }
        }
        return PiiKind.OTHER;
    }

    /**
     * @param digits a card number's digits
     * @return whether the Luhn check digit is right
     */
    static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    private static boolean ibanChecksum(String candidate) {
        String compact = candidate.replace(" ", "").replace("-", "");
        if (compact.length() < 15 || compact.length() > 34) {
            return false;
        }
        String rearranged = compact.substring(4) + compact.substring(0, 4);
        StringBuilder numeric = new StringBuilder();
        for (int i = 0; i < rearranged.length(); i++) {
            char c = rearranged.charAt(i);
            if (Character.isDigit(c)) {
                numeric.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                numeric.append(c - 'A' + 10);
            } else {
                return false;
            }
        }
        return new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }
}
