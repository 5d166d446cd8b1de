package dev.complianceharness.pii;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.complianceharness.mask.Pii;
import dev.complianceharness.mask.PiiKind;
import dev.complianceharness.mask.Redaction;
import dev.complianceharness.pii.internal.NumberChecks;
import dev.complianceharness.property.Gen;
import dev.complianceharness.property.Gens;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A synthetic customer whose personal data the test knows exactly: a name, an e-mail address at
 * {@code example.com}, a valid US phone number in E.164 form, a Luhn-valid Visa number, a possible US SSN
 * and a valid German IBAN. The same seed gives the same customer. Feed it to the system under test, then
 * let {@code @NoPiiInLogs} (or {@link PiiAssertions}) search the captured output for every value.
 *
 * <pre>{@code
 * CanaryCustomer ada = canaries.customer();          // registered for this test
 * desk.register(ada.name(), ada.email(), ada.phone());
 * }</pre>
 */
@Pii
public final class CanaryCustomer {

    private static final List<String> FIRST_NAMES = List.of("Adaeze", "Bartholomew", "Cosima", "Dagny", "Evander",
            "Fenella", "Gideon", "Halcyon", "Isolde", "Jolyon", "Kestrel", "Leontyne", "Marisol", "Nerys", "Orsolya",
            "Peregrine", "Quillon", "Rosalind", "Saoirse", "Thaddeus", "Ulrika", "Vesna", "Wilhelmina", "Xanthe",
            "Yevgenia", "Zebulon");
    /** Surnames are built from syllables, about 2,000 of them, so that two canaries rarely share a name. */
    private static final List<String> SURNAME_STARTS = List.of("Al", "Bren", "Cas", "Dor", "El", "Fen", "Gar", "Hal",
            "Ist", "Jor", "Kel", "Lor", "Mar", "Nor", "Or", "Pel", "Quin", "Ros", "Sel", "Tor");
    private static final List<String> SURNAME_MIDDLES = List.of("a", "e", "i", "o", "u", "ae", "ia", "io");
    private static final List<String> SURNAME_ENDS = List.of("vski", "dottir", "wright", "ley", "more", "berg", "strand",
            "ton", "ez", "ov", "ani", "hardt");
    private static final int[] AREA_CODES = {212, 305, 312, 404, 415, 503, 602, 617, 702, 713, 808, 919};
    private static final String SUFFIX_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    private final long seed;
    private final String firstName;
    private final String lastName;
    private final String email;
    private final String phone;
    private final String card;
    private final String ssn;
    private final String iban;

    private CanaryCustomer(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        this.seed = seed;
        this.firstName = FIRST_NAMES.get(random.nextInt(FIRST_NAMES.size()));
        this.lastName = SURNAME_STARTS.get(random.nextInt(SURNAME_STARTS.size()))
                + SURNAME_MIDDLES.get(random.nextInt(SURNAME_MIDDLES.size()))
                + SURNAME_ENDS.get(random.nextInt(SURNAME_ENDS.size()));
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            suffix.append(SUFFIX_ALPHABET.charAt(random.nextInt(SUFFIX_ALPHABET.length())));
        }
        this.email = firstName.toLowerCase(Locale.ROOT) + "." + lastName.toLowerCase(Locale.ROOT) + "." + suffix + "@example.com";
        this.phone = usPhone(random);
        this.card = visa(random);
        this.ssn = ssn(random);
        this.iban = germanIban(random);
        // every customer the generator draws is personal data, whether or not a test plants it as a canary
        Redaction.register(PiiKind.NAME, name());
        Redaction.register(PiiKind.EMAIL, email);
        Redaction.register(PiiKind.PHONE, phone);
        Redaction.register(PiiKind.CARD, card);
        Redaction.register(PiiKind.SSN, ssn);
        Redaction.register(PiiKind.IBAN, iban);
    }

    /**
     * @param seed any seed; print it, it replays the customer
     * @return the customer that seed gives
     */
    public static CanaryCustomer generate(long seed) {
        return new CanaryCustomer(seed);
    }

    /**
     * Canary customers for the property engine: each example is a customer generated from a drawn seed, so
     * a failing example replays and shrinks like any other. To have each generated customer searched for,
     * use {@link Canaries#customers()} instead.
     *
     * @return a generator of canary customers
     */
    public static Gen<CanaryCustomer> generator() {
        return Gens.longs(0, Long.MAX_VALUE).map(CanaryCustomer::generate).describedAs("canary customers");
    }

    /** @return the seed that generates this customer */
    public long seed() {
        return seed;
    }

    /** @return the full name, such as {@code Cosima Torevski} */
    public String name() {
        return firstName + " " + lastName;
    }

    /** @return the first name */
    public String firstName() {
        return firstName;
    }

    /** @return the last name */
    public String lastName() {
        return lastName;
    }

    /** @return an e-mail address unique to this customer, at {@code example.com} */
    public String email() {
        return email;
    }

    /** @return a valid US phone number in E.164 form, such as {@code +12125550123} */
    public String phone() {
        return phone;
    }

    /** @return a 16-digit, Luhn-valid Visa number without separators */
    public String card() {
        return card;
    }

    /** @return the last four digits of the card, the form receipts may show */
    public String cardLast4() {
        return card.substring(card.length() - 4);
    }

    /** @return a possible US SSN written {@code AAA-GG-SSSS} */
    public String ssn() {
        return ssn;
    }

    /** @return a valid German IBAN without spaces */
    public String iban() {
        return iban;
    }

    /**
     * @param owner what to call the customer in messages, such as {@code "customer #1"}
     * @return one canary per field: name, email, phone, card, ssn, iban
     */
    public List<Canary> canaries(String owner) {
        return List.of(new Canary(owner, "name", PiiKind.NAME, name()), new Canary(owner, "email", PiiKind.EMAIL, email),
                new Canary(owner, "phone", PiiKind.PHONE, phone), new Canary(owner, "card", PiiKind.CARD, card),
                new Canary(owner, "ssn", PiiKind.SSN, ssn), new Canary(owner, "iban", PiiKind.IBAN, iban));
    }

    /** @return the customer with its data masked */
    @Override
    public String toString() {
        return "CanaryCustomer[seed " + seed + ", " + firstName.charAt(0) + ". " + lastName.charAt(0) + "., "
                + Redaction.token(PiiKind.EMAIL, email) + ", " + Redaction.token(PiiKind.PHONE, phone) + ", card ending "
                + cardLast4() + "]";
    }

    private static String usPhone(SplittableRandom random) {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int area = AREA_CODES[random.nextInt(AREA_CODES.length)];
            int exchange = 200 + random.nextInt(800);
            int line = random.nextInt(10_000);
            if (exchange % 100 == 11 || exchange == 555) {
                continue;
            }
            String candidate = String.format(Locale.ROOT, "+1%03d%03d%04d", area, exchange, line);
            try {
                if (util.isValidNumber(util.parse(candidate, "US"))) {
                    return candidate;
                }
            } catch (NumberParseException e) {
                throw new IllegalStateException("libphonenumber rejected its own format for " + Redaction.token(PiiKind.PHONE, candidate), e);
            }
        }
        throw new IllegalStateException("No valid US phone number in 1000 attempts; libphonenumber's metadata changed");
    }

    private static String visa(SplittableRandom random) {
        int[] digits = new int[16];
        digits[0] = 4;
        for (int i = 1; i < 15; i++) {
            digits[i] = random.nextInt(10);
        }
        for (int check = 0; check < 10; check++) {
            digits[15] = check;
            if (NumberChecks.luhn(digits, 16)) {
                break;
            }
        }
        StringBuilder number = new StringBuilder();
        for (int digit : digits) {
            number.append(digit);
        }
        return number.toString();
    }

    private static String ssn(SplittableRandom random) {
        int[] digits = new int[9];
        while (true) {
            int area = 1 + random.nextInt(899);
            int group = 1 + random.nextInt(99);
            int serial = 1 + random.nextInt(9999);
            String text = String.format(Locale.ROOT, "%03d%02d%04d", area, group, serial);
            for (int i = 0; i < 9; i++) {
                digits[i] = text.charAt(i) - '0';
            }
            if (NumberChecks.possibleSsn(digits)) {
                return text.substring(0, 3) + "-" + text.substring(3, 5) + "-" + text.substring(5);
            }
        }
    }

    private static String germanIban(SplittableRandom random) {
        StringBuilder bban = new StringBuilder();
        for (int i = 0; i < 18; i++) {
            bban.append(random.nextInt(10));
        }
        for (int check = 2; check <= 98; check++) {
            String candidate = String.format(Locale.ROOT, "DE%02d%s", check, bban);
            if (NumberChecks.ibanChecksum(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No IBAN check digits for a German account; the mod-97 check is broken");
    }
}
