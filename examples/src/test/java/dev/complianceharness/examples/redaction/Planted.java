package dev.complianceharness.examples.redaction;

import dev.complianceharness.mask.PiiKind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A personal value the conformance test planted, and the forms in which finding it in output counts as a leak.
 * The forms are written here, independently of the harness's own search: as planted, upper- and lower-cased,
 * URL-encoded, Base64, digits only and regrouped for numbers, spaced and unspaced for IBANs, an e-mail's local
 * part, a name reordered.
 *
 * @param label what it is, for the failure table
 * @param kind  its kind
 * @param value the value as planted
 */
record Planted(String label, PiiKind kind, String value) {

    static final String NAME = "Marguerite Okonkwo-Ruiz";
    static final String EMAIL = "marguerite.okonkwo-ruiz@example.org";
    static final String PHONE = "+1 786-555-0163";
    static final String CARD = "4539 1488 0343 6467";
    static final String SSN = "536-22-8913";
    static final String IBAN = "GB82 WEST 1234 5698 7654 32";
    static final String ADDRESS = "42 Larkspur Crescent, Tulsa";
    static final String API_KEY = "AKIAZ7QWERTYUIOPASDF";
    static final String LOYALTY = "LOY-99-318-442-771";
    static final String BIRTH_DATE = "14/03/1987";
    static final String DETECTED_CARD = "5555 5555 5555 4444";
    static final String LOGGED_EMAIL = "ines.vasquez-laird@example.net";
    static final String UNANNOTATED_NAME = "Ottoline Barnstaple";
    static final String UNANNOTATED_MOBILE = "+44 7700 900461";
    static final String UNANNOTATED_BIRTH_DATE = "1979-04-30";

    /** @return the values written into the fixtures */
    static List<Planted> fixed() {
        return List.of(new Planted("name", PiiKind.NAME, NAME), new Planted("email", PiiKind.EMAIL, EMAIL),
                new Planted("phone", PiiKind.PHONE, PHONE), new Planted("card", PiiKind.CARD, CARD),
                new Planted("ssn", PiiKind.SSN, SSN), new Planted("iban", PiiKind.IBAN, IBAN),
                new Planted("address", PiiKind.ADDRESS, ADDRESS), new Planted("api key", PiiKind.SECRET, API_KEY),
                new Planted("loyalty number", PiiKind.OTHER, LOYALTY), new Planted("date of birth", PiiKind.OTHER, BIRTH_DATE),
                new Planted("card found by a detector", PiiKind.CARD, DETECTED_CARD),
                new Planted("canary e-mail", PiiKind.EMAIL, LOGGED_EMAIL),
                new Planted("name of a field not annotated", PiiKind.NAME, UNANNOTATED_NAME),
                new Planted("mobile of a field not annotated", PiiKind.PHONE, UNANNOTATED_MOBILE),
                new Planted("ISO date of birth of a field not annotated", PiiKind.OTHER, UNANNOTATED_BIRTH_DATE));
    }

    /** @return every form whose occurrence is a leak, the value itself first */
    List<String> forms() {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(value);
        forms.add(value.toLowerCase(Locale.ROOT));
        forms.add(value.toUpperCase(Locale.ROOT));
        String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
        forms.add(encoded);
        forms.add(encoded.replace("+", "%20"));
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        forms.add(Base64.getEncoder().withoutPadding().encodeToString(bytes));
        forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        String digits = value.replaceAll("\\D", "");
        switch (kind) {
            case EMAIL -> forms.add(value.substring(0, value.indexOf('@')));
            case NAME -> {
                String[] parts = value.split(" ");
                forms.add(parts[1] + ", " + parts[0]);
                forms.add(parts[1]);
                forms.add(parts[0]);
            }
            case PHONE -> {
                String national = digits.substring(digits.length() - 10);
                forms.addAll(List.of(digits, national, national.substring(0, 3) + "-" + national.substring(3, 6) + "-"
                        + national.substring(6), "(" + national.substring(0, 3) + ") " + national.substring(3, 6) + "-"
                        + national.substring(6), national.substring(0, 3) + "." + national.substring(3, 6) + "."
                        + national.substring(6), national.substring(0, 3) + " " + national.substring(3, 6) + " "
                        + national.substring(6)));
            }
            case CARD -> forms.addAll(List.of(digits, groups(digits, 4, " "), groups(digits, 4, "-"), groups(digits, 4, "_")));
            case SSN -> forms.addAll(List.of(digits, digits.substring(0, 3) + " " + digits.substring(3, 5) + " " + digits.substring(5)));
            case IBAN -> {
                String compact = value.replace(" ", "");
                forms.addAll(List.of(compact, compact.toLowerCase(Locale.ROOT), groups(compact, 4, " ").toLowerCase(Locale.ROOT)));
            }
            default -> {
                if (digits.length() >= 7) {
                    forms.add(digits);
                }
            }
        }
        if (kind == PiiKind.PHONE || kind == PiiKind.CARD || kind == PiiKind.SSN) {
            forms.add(Base64.getEncoder().withoutPadding().encodeToString(digits.getBytes(StandardCharsets.US_ASCII)));
        }
        return new ArrayList<>(forms);
    }

    /**
     * @param text a channel's text
     * @return how often the value occurs in it, in any of its forms (numbers also with their separators removed)
     */
    int occurrencesIn(String text) {
        int count = 0;
        for (String form : forms()) {
            count += count(text, form);
        }
        if (kind == PiiKind.PHONE || kind == PiiKind.CARD || kind == PiiKind.SSN) {
            String digits = value.replaceAll("\\D", "");
            String needle = kind == PiiKind.PHONE ? digits.substring(digits.length() - 10) : digits;
            count += count(numbersOf(text), needle);
        }
        return count;
    }

    private static int count(String text, String form) {
        if (form.length() < 4) {
            return 0;
        }
        int count = 0;
        for (int at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + form.length())) {
            count++;
        }
        return count;
    }

    /** The text's digits, joined across the separators numbers are written with, one number per line. */
    private static String numbersOf(String text) {
        StringBuilder numbers = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isDigit(c)) {
                numbers.append(Character.digit(c, 10));
            } else if (" -.()/_".indexOf(c) < 0) {
                numbers.append('\n');
            }
        }
        return numbers.toString();
    }

    private static String groups(String text, int size, String separator) {
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < text.length(); i += size) {
            if (i > 0) {
                grouped.append(separator);
            }
            grouped.append(text, i, Math.min(text.length(), i + size));
        }
        return grouped.toString();
    }
}
