package dev.complianceharness.mask.internal;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import dev.complianceharness.mask.PiiKind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The forms a personal value is searched in: the transformations the canary search knows — as given, case
 * changed, URL-encoded, Base64, a number with other separators or none (and its national and international
 * forms), an IBAN with spaces, an e-mail's local part, a name reordered or in parts.
 */
public final class ValueForms {

    /** Shorter text forms are not searched: they would redact ordinary words. */
    static final int MIN_TEXT_LENGTH = 4;
    /** Shorter numbers are not searched: they would redact counts and years. */
    static final int MIN_DIGITS = 6;
    /** Shorter e-mail local parts are not searched on their own. */
    private static final int MIN_LOCAL_PART = 6;
    /** Shorter name parts are not searched on their own. */
    private static final int MIN_NAME_PART = 5;

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private ValueForms() {
    }

    /** Where a form only counts. */
    enum Boundary {
        /** Anywhere, even inside a longer run of letters or digits. */
        ANYWHERE,
        /** Between word boundaries: not next to a letter or digit (names). */
        WORD,
        /** Not inside a longer e-mail address: not next to a letter, digit, {@code .}, {@code _}, {@code +} or {@code -}. */
        ADDRESS
    }

    /**
     * One form of a value: the view of a text it is searched in, what is searched (in that view's alphabet) and
     * where it counts. A class with its own {@code equals} and {@code hashCode} rather than a record: a record's
     * generated ones bootstrap {@code java.lang.runtime.ObjectMethods} on first use, milliseconds of method-handle
     * spinning in every fresh test JVM whose first decision names a phone number.
     */
    static final class Form {
        private final Projection.Kind projection;
        private final String pattern;
        private final Boundary boundary;

        Form(Projection.Kind projection, String pattern, Boundary boundary) {
            this.projection = projection;
            this.pattern = pattern;
            this.boundary = boundary;
        }

        Projection.Kind projection() {
            return projection;
        }

        String pattern() {
            return pattern;
        }

        Boundary boundary() {
            return boundary;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Form form && projection == form.projection && boundary == form.boundary
                    && pattern.equals(form.pattern);
        }

        @Override
        public int hashCode() {
            return (projection.hashCode() * 31 + pattern.hashCode()) * 31 + boundary.hashCode();
        }

        @Override
        public String toString() {
            return "Form[projection=" + projection + ", pattern=" + pattern + ", boundary=" + boundary + "]";
        }
    }

    /**
     * The forms of a value.
     *
     * @param kind  its kind
     * @param value the value
     * @return its forms, without duplicates; empty when the value is too short to search for safely
     */
    static List<Form> of(PiiKind kind, String value) {
        Set<Form> forms = new LinkedHashSet<>();
        String trimmed = value.strip();
        boolean numeric = kind == PiiKind.PHONE || kind == PiiKind.CARD || kind == PiiKind.SSN || kind == PiiKind.IBAN;
        if (numeric && digits(trimmed).length() < MIN_DIGITS) {
            // not a number of its kind (a generator's "STOP" or "+1"): searching its text would redact ordinary words
            return List.of();
        }
        Boundary boundary = kind == PiiKind.NAME ? Boundary.WORD : kind == PiiKind.EMAIL ? Boundary.ADDRESS : Boundary.ANYWHERE;
        if (trimmed.length() >= MIN_TEXT_LENGTH) {
            String lower = Projection.lowerCase(trimmed);
            forms.add(new Form(Projection.Kind.CASELESS, lower, boundary));
            String encoded = URLEncoder.encode(trimmed, StandardCharsets.UTF_8);
            if (!encoded.equals(trimmed)) {
                forms.add(new Form(Projection.Kind.CASELESS, Projection.lowerCase(encoded), boundary));
                forms.add(new Form(Projection.Kind.CASELESS, Projection.lowerCase(encoded.replace("+", "%20")), boundary));
            }
            addBase64(forms, trimmed);
        }
        switch (kind) {
            case EMAIL -> addEmailForms(forms, trimmed);
            case NAME -> addNameForms(forms, trimmed);
            case PHONE -> addNumbers(forms, phoneNumbers(trimmed));
            case CARD, SSN -> addNumbers(forms, List.of(digits(trimmed)));
            case IBAN -> {
                String compact = alphanumeric(trimmed);
                if (compact.length() >= MIN_DIGITS) {
                    forms.add(new Form(Projection.Kind.ALPHANUMERIC, compact, Boundary.ANYWHERE));
                }
            }
            default -> {
                // text kinds: the forms above
            }
        }
        return List.copyOf(forms);
    }

    /**
     * The value in one spelling, so that two spellings of one value (a number with or without separators,
     * an e-mail in another case) get the same token.
     *
     * @param kind  its kind
     * @param value the value
     * @return its canonical form
     */
    public static String canonical(PiiKind kind, String value) {
        String trimmed = value.strip();
        return switch (kind) {
            case PHONE -> {
                List<String> numbers = phoneNumbers(trimmed);
                yield numbers.isEmpty() ? digits(trimmed) : numbers.get(numbers.size() - 1);
            }
            case CARD, SSN -> digits(trimmed);
            case IBAN -> alphanumeric(trimmed);
            case SECRET -> trimmed;
            default -> WHITESPACE.matcher(Projection.lowerCase(trimmed)).replaceAll(" ");
        };
    }

    private static void addBase64(Set<Form> forms, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        forms.add(new Form(Projection.Kind.EXACT, Base64.getEncoder().withoutPadding().encodeToString(bytes), Boundary.ANYWHERE));
        forms.add(new Form(Projection.Kind.EXACT, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), Boundary.ANYWHERE));
    }

    private static void addEmailForms(Set<Form> forms, String email) {
        int at = email.indexOf('@');
        if (at >= MIN_LOCAL_PART) {
            forms.add(new Form(Projection.Kind.CASELESS, Projection.lowerCase(email.substring(0, at)), Boundary.ADDRESS));
        }
    }

    private static void addNameForms(Set<Form> forms, String name) {
        String[] parts = WHITESPACE.split(name);
        if (parts.length >= 2) {
            String first = parts[0];
            String last = parts[parts.length - 1];
            forms.add(new Form(Projection.Kind.CASELESS, Projection.lowerCase(last + ", " + first), Boundary.WORD));
            forms.add(new Form(Projection.Kind.CASELESS, Projection.lowerCase(last + " " + first), Boundary.WORD));
        }
        for (String part : parts) {
            if (part.length() >= MIN_NAME_PART) {
                // a part alone only as written (capitalised), so that a surname that is also a word stays readable
                forms.add(new Form(Projection.Kind.EXACT, part, Boundary.WORD));
            }
        }
    }

    private static void addNumbers(Set<Form> forms, List<String> numbers) {
        for (String number : numbers) {
            if (number.length() >= MIN_DIGITS) {
                forms.add(new Form(Projection.Kind.DIGITS, number, Boundary.ANYWHERE));
                forms.add(new Form(Projection.Kind.EXACT,
                        Base64.getEncoder().withoutPadding().encodeToString(number.getBytes(StandardCharsets.US_ASCII)),
                        Boundary.ANYWHERE));
            }
        }
    }

    /**
     * A phone number's digits as written nationally and internationally (without the {@code +}).
     *
     * @param value the number as given; without a {@code +} it is read as a US number
     * @return the national significant number and, last, the country code with it; the bare digits when
     *         libphonenumber cannot read it
     */
    static List<String> phoneNumbers(String value) {
        List<String> numbers = new ArrayList<>();
        try {
            PhoneNumberUtil util = PhoneNumberUtil.getInstance();
            Phonenumber.PhoneNumber parsed = util.parse(value, "US");
            String national = util.getNationalSignificantNumber(parsed);
            numbers.add(national);
            numbers.add(parsed.getCountryCode() + national);
        } catch (NumberParseException e) {
            numbers.add(digits(value));
        }
        return numbers;
    }

    /**
     * @param value any text
     * @return its digits (of any script) as ASCII digits
     */
    static String digits(String value) {
        StringBuilder digits = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isDigit(c)) {
                digits.append((char) ('0' + Character.digit(c, 10)));
            }
        }
        return digits.toString();
    }

    private static String alphanumeric(String value) {
        StringBuilder compact = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isDigit(c)) {
                compact.append((char) ('0' + Character.digit(c, 10)));
            } else if (Character.isLetter(c)) {
                compact.append(Character.toUpperCase(c));
            }
        }
        return compact.toString().toUpperCase(Locale.ROOT);
    }
}
