package dev.complianceharness.mask;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.property.configuration.ConfigurationKey;
import dev.complianceharness.property.configuration.HarnessConfiguration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * How much of a redacted number the harness shows: the trailing digits of phone numbers, card numbers, US
 * SSNs, IBANs and other long numbers. Whatever the policy, at least four digits of a phone number's
 * subscriber part, six of a card, five of an SSN, eight of an IBAN and five of any other number stay hidden;
 * a phone number's country and area code, an IBAN's country and an e-mail address's domain are always shown.
 *
 * <p>Set for the whole run with {@code complianceharness.redaction.trailingDigits} (every kind) or
 * {@code complianceharness.redaction.trailingDigits.phone}, {@code .card}, {@code .ssn}, {@code .iban},
 * {@code .number}, as system properties or in {@code junit-platform.properties}:
 *
 * <pre>{@code
 * # junit-platform.properties: PCI-style last four of a card, nothing of an SSN
 * complianceharness.redaction.trailingDigits.card=4
 * complianceharness.redaction.trailingDigits.ssn=0
 * }</pre>
 *
 * A value that is not a whole number from 0 to 4 is not guessed at: that kind then shows no digits, and the
 * problem is listed in {@link #problems()} and printed once.
 *
 * @param phoneDigits trailing digits of a phone number (default 2)
 * @param cardDigits  trailing digits of a card number (default 4, as PCI DSS allows)
 * @param ssnDigits   trailing digits of a US SSN (default 0)
 * @param ibanDigits  trailing digits of an IBAN (default 2)
 * @param otherDigits trailing digits of any other long number found in text (default 2)
 * @param source      where the policy came from, for the report
 * @param problems    configuration values that could not be used, each with its fix
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record RedactionPolicy(int phoneDigits, int cardDigits, int ssnDigits, int ibanDigits, int otherDigits,
                              String source, List<String> problems) {

    /** The configuration key setting the trailing digits of every kind. */
    public static final String TRAILING_DIGITS = "complianceharness.redaction.trailingDigits";
    private static final int MAX_DIGITS = 4;
    private static final String[] KINDS = {"phone", "card", "ssn", "iban", "number"};

    /** Checks the numbers and copies the problems. */
    public RedactionPolicy {
        for (int digits : new int[] {phoneDigits, cardDigits, ssnDigits, ibanDigits, otherDigits}) {
            if (digits < 0 || digits > MAX_DIGITS) {
                throw new IllegalArgumentException("A redaction policy shows 0 to " + MAX_DIGITS + " trailing digits, not "
                        + digits);
            }
        }
        Objects.requireNonNull(source, "source");
        problems = List.copyOf(problems);
    }

    /** @return the defaults: phone 2, card 4, SSN 0, IBAN 2, other numbers 2 */
    public static RedactionPolicy defaults() {
        return new RedactionPolicy(2, 4, 0, 2, 2, "defaults", List.of());
    }

    /**
     * Reads the policy as every {@code complianceharness.*} key is read outside a launcher: system properties, then
     * {@code junit-platform.properties} on the class path. The boundary is one for the whole JVM, so it reads its
     * policy once, before any launcher's own parameters are known.
     *
     * @return the configured policy, or the defaults
     */
    public static RedactionPolicy fromConfiguration() {
        HarnessConfiguration configuration = HarnessConfiguration.withoutLauncher();
        Map<String, String> sources = HarnessConfiguration.keysSetOutsideTheLauncher();
        return from(key -> configuration.get(key).map(value -> new String[] {value, sources.getOrDefault(key, "configuration")
                .equals("system property") ? "system property " + key : sources.getOrDefault(key, "configuration")}));
    }

    /**
     * The configuration keys of the policy, for the harness's key registry and {@code docs/configuration.md}.
     *
     * @return the keys: every kind at once, then one per kind
     */
    public static List<ConfigurationKey> configurationKeys() {
        return List.of(
                new ConfigurationKey(TRAILING_DIGITS, "per kind, as below", "4",
                        "how many trailing digits a redacted number shows, for every kind at once (0 to 4)"),
                new ConfigurationKey(TRAILING_DIGITS + ".phone", "2", "0",
                        "trailing digits a redacted phone number shows after its country and area code"),
                new ConfigurationKey(TRAILING_DIGITS + ".card", "4", "0", "trailing digits a redacted card number shows"),
                new ConfigurationKey(TRAILING_DIGITS + ".ssn", "0", "4", "trailing digits a redacted US SSN shows"),
                new ConfigurationKey(TRAILING_DIGITS + ".iban", "2", "4", "trailing digits a redacted IBAN shows after its country"),
                new ConfigurationKey(TRAILING_DIGITS + ".number", "2", "0",
                        "trailing digits any other long number found in text shows when redacted"));
    }

    /**
     * Reads the policy from configuration parameters.
     *
     * @param configuration looks a key up: its value and where it was set, or empty
     * @return the configured policy, or the defaults
     */
    static RedactionPolicy from(Function<String, Optional<String[]>> configuration) {
        RedactionPolicy defaults = defaults();
        int[] digits = {defaults.phoneDigits, defaults.cardDigits, defaults.ssnDigits, defaults.ibanDigits, defaults.otherDigits};
        List<String> sources = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Optional<String[]> all = configuration.apply(TRAILING_DIGITS);
        if (all.isPresent()) {
            int value = parse(TRAILING_DIGITS, all.get()[0], problems);
            java.util.Arrays.fill(digits, value);
            sources.add(all.get()[1]);
        }
        for (int i = 0; i < KINDS.length; i++) {
            String key = TRAILING_DIGITS + "." + KINDS[i];
            Optional<String[]> one = configuration.apply(key);
            if (one.isPresent()) {
                digits[i] = parse(key, one.get()[0], problems);
                if (!sources.contains(one.get()[1])) {
                    sources.add(one.get()[1]);
                }
            }
        }
        String source = sources.isEmpty() ? "defaults" : String.join(", ", sources);
        return new RedactionPolicy(digits[0], digits[1], digits[2], digits[3], digits[4], source, problems);
    }

    private static int parse(String key, String value, List<String> problems) {
        try {
            int digits = Integer.parseInt(value.trim());
            if (digits >= 0 && digits <= MAX_DIGITS) {
                return digits;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(key + " = '" + value + "' is not a number of trailing digits from 0 to " + MAX_DIGITS
                + "; no digits are shown until it is fixed");
        return 0;
    }

    /**
     * @param kind a kind of personal data
     * @return how many trailing digits its tokens show
     */
    public int trailingDigits(PiiKind kind) {
        return switch (kind) {
            case PHONE -> phoneDigits;
            case CARD -> cardDigits;
            case SSN -> ssnDigits;
            case IBAN -> ibanDigits;
            default -> 0;
        };
    }

    /** @return the policy in one line, as the report shows it */
    public String describe() {
        return String.format(Locale.ROOT, "trailing digits shown: phone %d, card %d, SSN %d, IBAN %d, other numbers %d;"
                        + " country and area codes and e-mail domains shown (%s)", phoneDigits, cardDigits, ssnDigits,
                ibanDigits, otherDigits, source);
    }
}
