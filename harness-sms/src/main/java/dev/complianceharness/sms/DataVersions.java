package dev.complianceharness.sms;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.sms.internal.Versions;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The versions of the data an SMS decision depends on, for reports and reproducibility: the same
 * versions give the same decisions.
 *
 * <pre>{@code
 * DataVersions versions = DataVersions.current();
 * versions.describe(); // "libphonenumber 9.0.23, geocoder 3.23, tzdata 2025a (time4j-tzdata), ..."
 * }</pre>
 *
 * @param libphonenumber the libphonenumber version (number parsing, exchange-level time zones)
 * @param geocoder the libphonenumber geocoder version (region descriptions)
 * @param tzdata the IANA tz database version time4j-tzdata ships, which decisions use
 * @param jdkTzdata the tz database version of the running JDK, which {@code java.time} uses
 * @param jollyday the Jollyday version (public holidays)
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record DataVersions(String libphonenumber, String geocoder, String tzdata, String jdkTzdata, String jollyday) {

    /** Checks that every version is present. */
    public DataVersions {
        Objects.requireNonNull(libphonenumber, "libphonenumber");
        Objects.requireNonNull(geocoder, "geocoder");
        Objects.requireNonNull(tzdata, "tzdata");
        Objects.requireNonNull(jdkTzdata, "jdkTzdata");
        Objects.requireNonNull(jollyday, "jollyday");
    }

    /**
     * The versions on the class path now.
     *
     * @return the versions, read from the libraries' own metadata; {@code "unknown"} where a library does
     *         not say
     */
    public static DataVersions current() {
        return Versions.current();
    }

    /**
     * The versions as a map, for {@code InvariantModule.dataVersions()} and the report.
     *
     * @return an ordered map from data name to version
     */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("libphonenumber", libphonenumber);
        map.put("libphonenumber-geocoder", geocoder);
        map.put("tzdata (time4j-tzdata)", tzdata);
        map.put("tzdata (JDK)", jdkTzdata);
        map.put("jollyday", jollyday);
        return map;
    }

    /**
     * A one-line description.
     *
     * @return for example {@code "libphonenumber 9.0.23, geocoder 3.23, tzdata 2025a (time4j-tzdata), JDK tzdata
     *         2025a, jollyday 2.19.0"}
     */
    public String describe() {
        return "libphonenumber " + libphonenumber + ", geocoder " + geocoder + ", tzdata " + tzdata
                + " (time4j-tzdata), JDK tzdata " + jdkTzdata + ", jollyday " + jollyday;
    }
}
