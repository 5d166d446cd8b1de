package dev.complianceharness.pii.internal;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Draws a synthetic customer's values in the forms real input arrives in, and names each form as a coverage
 * label. Every choice comes from the given random source, so a seed replays the customer.
 */
public final class CanaryForms {

    private static final List<String> FIRST_NAMES = List.of("Adaeze", "Bartholomew", "Cosima", "Dagny", "Evander",
            "Fenella", "Gideon", "Halcyon", "Isolde", "Jolyon", "Kestrel", "Leontyne", "Marisol", "Nerys", "Orsolya",
            "Peregrine", "Quillon", "Rosalind", "Saoirse", "Thaddeus", "Ulrika", "Vesna", "Wilhelmina", "Xanthe",
            "Yevgenia", "Zebulon");
    private static final List<String> FIRST_NAMES_WITH_DIACRITICS = List.of("Zoë", "José", "Ségolène", "Łucja", "Søren",
            "Björk", "Ayşe", "Anaïs", "Dvořka", "Íñigo", "Małgorzata", "Thérèse");
    /** Surnames are built from syllables, about 2,000 of them, so that two canaries rarely share a name. */
    private static final List<String> SURNAME_STARTS = List.of("Al", "Bren", "Cas", "Dor", "El", "Fen", "Gar", "Hal",
            "Ist", "Jor", "Kel", "Lor", "Mar", "Nor", "Or", "Pel", "Quin", "Ros", "Sel", "Tor");
    private static final List<String> SURNAME_MIDDLES = List.of("a", "e", "i", "o", "u", "ae", "ia", "io");
    private static final List<String> SURNAME_MIDDLES_WITH_DIACRITICS = List.of("ö", "é", "å", "ü", "ñ", "ø");
    private static final List<String> SURNAME_ENDS = List.of("vski", "dottir", "wright", "ley", "more", "berg", "strand",
            "ton", "ez", "ov", "ani", "hardt");
    private static final List<String> APOSTROPHE_PREFIXES = List.of("O'", "D'", "L'", "Dall'");
    private static final int[] AREA_CODES = {212, 305, 312, 404, 415, 503, 602, 617, 702, 713, 808, 919};
    private static final String SUFFIX_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final List<String> EMAIL_DOMAINS = List.of("example.com", "example.org", "example.net");

    /** A card brand: an issuer prefix range and the number's length, as the detectors know them. */
    private record Brand(String name, int prefixFrom, int prefixTo, int length, int[] groups) {
    }

    private static final List<Brand> BRANDS = List.of(
            new Brand("visa", 4, 4, 16, new int[] {4, 4, 4, 4}),
            new Brand("visa", 4, 4, 13, new int[] {4, 4, 5}),
            new Brand("visa", 4, 4, 19, new int[] {4, 4, 4, 4, 3}),
            new Brand("mastercard", 51, 55, 16, new int[] {4, 4, 4, 4}),
            new Brand("mastercard", 2221, 2720, 16, new int[] {4, 4, 4, 4}),
            new Brand("amex", 34, 34, 15, new int[] {4, 6, 5}),
            new Brand("amex", 37, 37, 15, new int[] {4, 6, 5}),
            new Brand("discover", 6011, 6011, 16, new int[] {4, 4, 4, 4}),
            new Brand("discover", 65, 65, 19, new int[] {4, 4, 4, 4, 3}),
            new Brand("jcb", 3528, 3589, 16, new int[] {4, 4, 4, 4}),
            new Brand("diners", 36, 36, 14, new int[] {4, 6, 4}),
            new Brand("unionpay", 62, 62, 17, new int[] {4, 4, 4, 5}),
            new Brand("maestro", 6759, 6759, 18, new int[] {4, 4, 4, 6}));

    /** IBAN countries whose account part is all digits, with their registered lengths. */
    private static final List<String> IBAN_COUNTRIES = List.of("DE", "FR", "ES", "AT", "BE", "PL");

    private CanaryForms() {
    }

    /**
     * A drawn customer.
     *
     * @param firstName the first name
     * @param lastName  the surname, or two
     * @param email     the e-mail address
     * @param phone     the phone number
     * @param card      the card number
     * @param ssn       the SSN
     * @param iban      the IBAN
     * @param forms     the coverage labels of the forms drawn
     */
    public record Drawn(String firstName, String lastName, String email, String phone, String card, String ssn,
                        String iban, List<String> forms) {
    }

    /**
     * @param random the source of every choice
     * @return a customer
     */
    public static Drawn draw(SplittableRandom random) {
        List<String> forms = new ArrayList<>();
        String[] name = name(random, forms);
        String email = email(random, name[0], name[1], forms);
        String phone = phone(random, forms);
        String card = card(random, forms);
        String ssn = ssn(random, forms);
        String iban = iban(random, forms);
        return new Drawn(name[0], name[1], email, phone, card, ssn, iban, List.copyOf(forms));
    }

    private static String[] name(SplittableRandom random, List<String> forms) {
        int form = random.nextInt(4);
        String first = form == 1 ? pick(random, FIRST_NAMES_WITH_DIACRITICS) : pick(random, FIRST_NAMES);
        String last = surname(random, form == 1);
        switch (form) {
            case 0 -> forms.add("name: plain");
            case 1 -> forms.add("name: diacritics");
            case 2 -> {
                last = pick(random, APOSTROPHE_PREFIXES) + last;
                forms.add("name: apostrophe");
            }
            default -> {
                last = last + " " + surname(random, random.nextBoolean());
                forms.add("name: two surnames");
            }
        }
        return new String[] {first, last};
    }

    private static String surname(SplittableRandom random, boolean diacritics) {
        return pick(random, SURNAME_STARTS) + pick(random, diacritics ? SURNAME_MIDDLES_WITH_DIACRITICS : SURNAME_MIDDLES)
                + pick(random, SURNAME_ENDS);
    }

    private static String email(SplittableRandom random, String first, String last, List<String> forms) {
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            suffix.append(SUFFIX_ALPHABET.charAt(random.nextInt(SUFFIX_ALPHABET.length())));
        }
        String local = ascii(first) + "." + ascii(last).replace(" ", ".");
        String domain = pick(random, EMAIL_DOMAINS);
        switch (random.nextInt(4)) {
            case 0 -> {
                forms.add("email: plain");
                return lower(local + "." + suffix + "@" + domain);
            }
            case 1 -> {
                forms.add("email: mixed case");
                return local + "." + suffix.toString().toUpperCase(Locale.ROOT) + "@" + capitalised(domain);
            }
            case 2 -> {
                forms.add("email: plus tag");
                return lower(local + "+" + suffix + "@" + domain);
            }
            default -> {
                forms.add("email: subdomain");
                return lower(local + "." + suffix + "@" + pick(random, List.of("mail", "support", "eu")) + "." + domain);
            }
        }
    }

    /** Letters and digits only, without diacritics: what a mail system makes of a name. */
    private static String ascii(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace("ł", "l")
                .replace("Ł", "L").replace("ø", "o").replace("Ø", "O").replaceAll("[^A-Za-z0-9 ]", "");
    }

    private static String capitalised(String domain) {
        return Character.toUpperCase(domain.charAt(0)) + domain.substring(1);
    }

    private static String phone(SplittableRandom random, List<String> forms) {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int area = AREA_CODES[random.nextInt(AREA_CODES.length)];
            int exchange = 200 + random.nextInt(800);
            int line = random.nextInt(10_000);
            if (exchange % 100 == 11 || exchange == 555) {
                continue;
            }
            String e164 = "+1" + digits(area, 3) + digits(exchange, 3) + digits(line, 4);
            try {
                if (!util.isValidNumber(util.parse(e164, "US"))) {
                    continue;
                }
            } catch (NumberParseException e) {
                throw new IllegalStateException("libphonenumber rejected its own format", e);
            }
            switch (random.nextInt(3)) {
                case 0 -> {
                    forms.add("phone: E.164");
                    return e164;
                }
                case 1 -> {
                    forms.add("phone: national");
                    return "(" + digits(area, 3) + ") " + digits(exchange, 3) + "-" + digits(line, 4);
                }
                default -> {
                    forms.add("phone: digits only");
                    return digits(area, 3) + digits(exchange, 3) + digits(line, 4);
                }
            }
        }
        throw new IllegalStateException("No valid US phone number in 1000 attempts; libphonenumber's metadata changed");
    }

    private static String card(SplittableRandom random, List<String> forms) {
        Brand brand = BRANDS.get(random.nextInt(BRANDS.size()));
        int[] digits = new int[brand.length()];
        String prefix = Integer.toString(brand.prefixFrom() + random.nextInt(brand.prefixTo() - brand.prefixFrom() + 1));
        for (int i = 0; i < prefix.length(); i++) {
            digits[i] = prefix.charAt(i) - '0';
        }
        for (int i = prefix.length(); i < digits.length - 1; i++) {
            digits[i] = random.nextInt(10);
        }
        for (int check = 0; check < 10; check++) {
            digits[digits.length - 1] = check;
            if (NumberChecks.luhn(digits, digits.length)) {
                break;
            }
        }
        forms.add("card brand: " + brand.name());
        forms.add("card: " + brand.length() + " digits");
        int separator = random.nextInt(3);
        forms.add(separator == 0 ? "card: unspaced" : separator == 1 ? "card: spaced" : "card: dashed");
        StringBuilder number = new StringBuilder();
        int at = 0;
        for (int group : brand.groups()) {
            if (at > 0 && separator > 0) {
                number.append(separator == 1 ? ' ' : '-');
            }
            for (int i = 0; i < group; i++) {
                number.append(digits[at++]);
            }
        }
        return number.toString();
    }

    private static String ssn(SplittableRandom random, List<String> forms) {
        int[] digits = new int[9];
        int area;
        int group;
        int serial;
        int validity = random.nextInt(7);
        do {
            area = 1 + random.nextInt(899);
            group = 1 + random.nextInt(99);
            serial = 1 + random.nextInt(9999);
            switch (validity) {
                case 2 -> area = 0;
                case 3 -> area = 666;
                case 4 -> area = 900 + random.nextInt(100);
                case 5 -> group = 0;
                case 6 -> serial = 0;
                default -> {
                }
            }
            String text = digits(area, 3) + digits(group, 2) + digits(serial, 4);
            for (int i = 0; i < 9; i++) {
                digits[i] = text.charAt(i) - '0';
            }
        } while (validity < 2 && !NumberChecks.possibleSsn(digits));
        forms.add(switch (validity) {
            case 2 -> "ssn: invalid area 000";
            case 3 -> "ssn: invalid area 666";
            case 4 -> "ssn: invalid area 900-999";
            case 5 -> "ssn: invalid group 00";
            case 6 -> "ssn: invalid serial 0000";
            default -> "ssn: valid";
        });
        String text = digits(area, 3) + digits(group, 2) + digits(serial, 4);
        if (random.nextBoolean()) {
            forms.add("ssn: dashed");
            return text.substring(0, 3) + "-" + text.substring(3, 5) + "-" + text.substring(5);
        }
        forms.add("ssn: undashed");
        return text;
    }

    private static String iban(SplittableRandom random, List<String> forms) {
        String country = IBAN_COUNTRIES.get(random.nextInt(IBAN_COUNTRIES.size()));
        int length = NumberChecks.ibanLength(country);
        StringBuilder bban = new StringBuilder();
        for (int i = 0; i < length - 4; i++) {
            bban.append(random.nextInt(10));
        }
        String compact = null;
        for (int check = 2; check <= 98 && compact == null; check++) {
            String candidate = country + digits(check, 2) + bban;
            if (NumberChecks.ibanChecksum(candidate)) {
                compact = candidate;
            }
        }
        if (compact == null) {
            throw new IllegalStateException("No IBAN check digits for " + country + "; the mod-97 check is broken");
        }
        forms.add("iban country: " + country);
        if (random.nextBoolean()) {
            forms.add("iban: grouped");
            return compact.replaceAll("(.{4})(?!$)", "$1 ");
        }
        forms.add("iban: ungrouped");
        return compact;
    }

    private static String pick(SplittableRandom random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    /** A non-negative number with leading zeros, without {@code String.format}'s cold start (a formatter and regexes). */
    private static String digits(long value, int width) {
        String text = Long.toString(value);
        return text.length() >= width ? text : "0".repeat(width - text.length()) + text;
    }
}
