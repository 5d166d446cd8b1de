package dev.complianceharness.pii;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.complianceharness.mask.Masking;
import dev.complianceharness.mask.PiiKind;
import dev.complianceharness.pii.internal.TextScanner;
import dev.complianceharness.pii.internal.TopLevelDomains;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Finds personal data in text with the built-in {@link Detector}s. Immutable and safe to share between
 * threads.
 *
 * <p>It is built to scan every captured log line of a test suite: one pass over the text with a
 * character-class table finds cheap triggers, and only those reach the expensive checks (TLD list, Luhn,
 * mod-97, libphonenumber). See the README section "No PII in logs" for the measured throughput.
 *
 * <pre>{@code
 * PiiScanner scanner = PiiScanner.builder()
 *         .phoneRegions("US", "GB")
 *         .allow("support@acme.example")          // the shop's own address is not personal data
 *         .build();
 * List<PiiFinding> findings = scanner.scan("call +44 20 7946 0958 or mail ada@example.com");
 * String safe = scanner.mask(line);               // for printing
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class PiiScanner {

    /** The default phone regions, those Microsoft Presidio uses: US, GB, DE, FR, IL, IN, CA, BR. */
    public static final List<String> DEFAULT_PHONE_REGIONS = List.of("US", "GB", "DE", "FR", "IL", "IN", "CA", "BR");
    /** The default minimum confidence of a reported finding. */
    public static final double DEFAULT_MINIMUM_CONFIDENCE = 0.5;
    private static final PiiScanner DEFAULTS = builder().build();

    private final TextScanner scanner;
    private final List<String> phoneRegions;
    private final double minimumConfidence;

    private PiiScanner(Builder builder) {
        this.phoneRegions = List.copyOf(builder.phoneRegions);
        this.minimumConfidence = builder.minimumConfidence;
        this.scanner = new TextScanner(builder.detectors, phoneRegions, minimumConfidence, builder.allowedValues,
                builder.allowedPatterns);
    }

    /** @return a scanner with every detector, the default phone regions and no allow-list */
    public static PiiScanner defaults() {
        return DEFAULTS;
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Finds personal data.
     *
     * @param text the text; null is treated as empty
     * @return the findings at or above the minimum confidence, ordered by position, never overlapping
     */
    public List<PiiFinding> scan(CharSequence text) {
        if (text == null || text.length() == 0) {
            return List.of();
        }
        return scanner.scan(text);
    }

    /**
     * @param text the text
     * @return whether {@link #scan(CharSequence)} finds anything
     */
    public boolean containsPii(CharSequence text) {
        return !scan(text).isEmpty();
    }

    /**
     * Masks what this scanner finds, then everything {@link Masking#mask(String)} masks, so the result can
     * be printed.
     *
     * @param text the text; null gives null
     * @return the masked text
     */
    public String mask(CharSequence text) {
        if (text == null) {
            return null;
        }
        return Masking.mask(maskFindings(text, scan(text)));
    }

    /**
     * Replaces the given findings in a text by their masked values.
     *
     * @param text     the text the findings came from
     * @param findings its findings
     * @return the text with each finding masked; the rest is unchanged
     */
    public static String maskFindings(CharSequence text, List<PiiFinding> findings) {
        StringBuilder masked = new StringBuilder(text.length());
        int position = 0;
        for (PiiFinding finding : findings) {
            if (finding.start() < position) {
                continue;
            }
            masked.append(text, position, finding.start()).append(finding.maskedValue());
            position = finding.end();
        }
        masked.append(text, position, text.length());
        return masked.toString();
    }

    /** @return the detectors this scanner runs */
    public Set<Detector> detectors() {
        return scanner.detectors();
    }

    /** @return the regions phone numbers without a country code are parsed in */
    public List<String> phoneRegions() {
        return phoneRegions;
    }

    /** @return the minimum confidence of a reported finding */
    public double minimumConfidence() {
        return minimumConfidence;
    }

    /** @return the version of the IANA top-level-domain list the e-mail detector uses */
    public static String topLevelDomainListVersion() {
        return TopLevelDomains.shipped().version();
    }

    @Override
    public String toString() {
        return "PiiScanner" + detectors() + " regions " + phoneRegions + " minimum confidence " + minimumConfidence;
    }

    /** Configures a {@link PiiScanner}. */
    public static final class Builder {
        private final Set<Detector> detectors = EnumSet.allOf(Detector.class);
        private final List<String> phoneRegions = new ArrayList<>(DEFAULT_PHONE_REGIONS);
        private double minimumConfidence = DEFAULT_MINIMUM_CONFIDENCE;
        private final Set<String> allowedValues = new HashSet<>();
        private final List<Pattern> allowedPatterns = new ArrayList<>();

        private Builder() {
        }

        /**
         * Runs only these detectors.
         *
         * @param only at least one detector
         * @return this builder
         * @throws IllegalArgumentException if none is given
         */
        public Builder detectors(Detector... only) {
            if (only.length == 0) {
                throw new IllegalArgumentException("PiiScanner.builder().detectors(...) needs at least one detector;"
                        + " to scan for nothing, do not scan");
            }
            detectors.clear();
            for (Detector detector : only) {
                detectors.add(Objects.requireNonNull(detector, "detector"));
            }
            return this;
        }

        /**
         * Parses phone numbers written without a country code in these regions, tried in order.
         *
         * @param regions CLDR region codes libphonenumber supports, such as {@code "US"} or {@code "GB"}
         * @return this builder
         * @throws IllegalArgumentException naming an unsupported region
         */
        public Builder phoneRegions(String... regions) {
            if (regions.length == 0) {
                throw new IllegalArgumentException("PiiScanner.builder().phoneRegions(...) needs at least one region,"
                        + " such as \"US\"; numbers written with a + and a country code are found in any region");
            }
            Set<String> supported = PhoneNumberUtil.getInstance().getSupportedRegions();
            List<String> checked = new ArrayList<>();
            for (String region : regions) {
                String upper = Objects.requireNonNull(region, "region").toUpperCase(Locale.ROOT);
                if (!supported.contains(upper)) {
                    throw new IllegalArgumentException("Unknown phone region '" + region + "': use a CLDR region code"
                            + " libphonenumber supports, one of " + new TreeSet<>(supported));
                }
                checked.add(upper);
            }
            phoneRegions.clear();
            phoneRegions.addAll(checked);
            return this;
        }

        /**
         * Drops findings below this confidence.
         *
         * @param minimum between 0 and 1
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder minimumConfidence(double minimum) {
            if (!(minimum >= 0 && minimum <= 1)) {
                throw new IllegalArgumentException("minimumConfidence must be between 0 and 1, was " + minimum);
            }
            this.minimumConfidence = minimum;
            return this;
        }

        /**
         * Never reports these values, such as a company's own support address or a documented test card.
         * Numbers match whatever separators they are written with, e-mails whatever their case.
         *
         * @param values the allowed values
         * @return this builder
         */
        public Builder allow(String... values) {
            for (String value : values) {
                Objects.requireNonNull(value, "allowed value");
                for (PiiKind kind : PiiKind.values()) {
                    allowedValues.add(TextScanner.normalise(kind, value));
                }
            }
            return this;
        }

        /**
         * Never reports a value this pattern matches completely, such as {@code .*@acme\.example}.
         *
         * @param pattern the pattern
         * @return this builder
         */
        public Builder allowPattern(Pattern pattern) {
            allowedPatterns.add(Objects.requireNonNull(pattern, "pattern"));
            return this;
        }

        /** @return the scanner */
        public PiiScanner build() {
            return new PiiScanner(this);
        }
    }
}
