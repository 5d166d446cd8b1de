package dev.complianceharness.invariant;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * A place whose law applies: a country as an ISO 3166-1 alpha-2 code ({@code "US"}, {@code "FR"}) or a
 * subdivision as an ISO 3166-2 code ({@code "US-FL"}, {@code "CA-QC"}).
 *
 * <pre>{@code
 * Jurisdiction florida = Jurisdiction.of("US-FL");
 * florida.country();     // "US"
 * florida.subdivision(); // Optional[FL]
 * }</pre>
 *
 * @param code the ISO 3166-1 or 3166-2 code, upper case
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record Jurisdiction(String code) {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    /** Codes that are not ISO 3166-1 countries but that rules are commonly written for. */
    private static final Set<String> RESERVED_REGIONS = Set.of("EU");
    private static final Pattern SUBDIVISION = Pattern.compile("[A-Z0-9]{1,3}");

    /** Validates the code. */
    public Jurisdiction {
        Objects.requireNonNull(code, "jurisdiction code");
        code = code.strip().toUpperCase(Locale.ROOT);
        int dash = code.indexOf('-');
        String country = dash < 0 ? code : code.substring(0, dash);
        if (!COUNTRIES.contains(country) && !RESERVED_REGIONS.contains(country)) {
            throw new IllegalArgumentException("Unknown jurisdiction code '" + code
                    + "': expected an ISO 3166-1 alpha-2 country code such as \"US\" or an ISO 3166-2 subdivision"
                    + " code such as \"US-FL\"");
        }
        if (dash >= 0 && !SUBDIVISION.matcher(code.substring(dash + 1)).matches()) {
            throw new IllegalArgumentException("Malformed subdivision in jurisdiction code '" + code
                    + "': an ISO 3166-2 code is the country, a dash and 1 to 3 letters or digits, such as \"US-FL\"");
        }
    }

    /**
     * Parses a jurisdiction code.
     *
     * @param code an ISO 3166-1 alpha-2 or ISO 3166-2 code, in any case
     * @return the jurisdiction
     * @throws IllegalArgumentException if the code is not a known country or well-formed subdivision
     */
    public static Jurisdiction of(String code) {
        return new Jurisdiction(code);
    }

    /**
     * The country part of the code.
     *
     * @return the ISO 3166-1 alpha-2 code, for example {@code "US"}
     */
    public String country() {
        int dash = code.indexOf('-');
        return dash < 0 ? code : code.substring(0, dash);
    }

    /**
     * The subdivision part of the code, if this is a subdivision.
     *
     * @return for {@code "US-FL"}, {@code "FL"}; empty for a country
     */
    public Optional<String> subdivision() {
        int dash = code.indexOf('-');
        return dash < 0 ? Optional.empty() : Optional.of(code.substring(dash + 1));
    }

    /**
     * Whether this is a subdivision (a state, a province) rather than a whole country.
     *
     * @return true for {@code "US-FL"}, false for {@code "US"}
     */
    public boolean isSubdivision() {
        return code.indexOf('-') >= 0;
    }

    /**
     * Whether this jurisdiction's law reaches the given one: a country contains its subdivisions.
     *
     * @param other another jurisdiction
     * @return true if {@code other} is this jurisdiction or one of its subdivisions
     */
    public boolean contains(Jurisdiction other) {
        return code.equals(other.code) || (!isSubdivision() && code.equals(other.country()));
    }

    /**
     * Written out rather than generated: a record's generated {@code equals} and {@code hashCode} start the JDK's
     * method-handle machinery on first use, tens of milliseconds in a cold test JVM for a map key used everywhere.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Jurisdiction that && code.equals(that.code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }

    @Override
    public String toString() {
        return code;
    }
}
