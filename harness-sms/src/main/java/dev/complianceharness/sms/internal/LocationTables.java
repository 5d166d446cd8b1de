package dev.complianceharness.sms.internal;

import dev.complianceharness.invariant.Jurisdiction;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The two location tables shipped as resources: NANP area code to US state / Canadian province, and
 * subdivision to its time zones.
 */
public final class LocationTables {

    /** The area-code table, read when first asked for (validating a rule pack needs neither table). */
    private static final class AreaCodes {
        static final Map<Integer, List<Jurisdiction>> TABLE = loadAreaCodes();
    }

    /**
     * The subdivision table, read when first asked for. Zone ids become {@link ZoneId}s only for the subdivisions a
     * decision meets: {@code ZoneId.of} reads each zone's rules from the JDK's tzdb, which for all 70-odd subdivisions
     * cost a cold JVM tens of milliseconds (issue 19). {@code LocationTablesTest} checks that every id resolves.
     */
    private static final class SubdivisionZones {
        static final Map<Jurisdiction, List<String>> IDS = loadSubdivisionZones();
        static final Map<Jurisdiction, List<ZoneId>> ZONES = new ConcurrentHashMap<>();
    }

    private LocationTables() {
    }

    /**
     * @param areaCode a NANP area code (NPA)
     * @return the states or provinces it serves; empty for unknown and non-geographic codes
     */
    public static List<Jurisdiction> subdivisionsForAreaCode(int areaCode) {
        return AreaCodes.TABLE.getOrDefault(areaCode, List.of());
    }

    /** @return every area code in the table with its subdivisions */
    public static Map<Integer, List<Jurisdiction>> areaCodes() {
        return Collections.unmodifiableMap(AreaCodes.TABLE);
    }

    /**
     * @param subdivision a US state or Canadian province
     * @return every zone used in it; empty if the table does not know it
     */
    public static List<ZoneId> zonesOf(Jurisdiction subdivision) {
        List<String> ids = SubdivisionZones.IDS.get(subdivision);
        if (ids == null) {
            return List.of();
        }
        return SubdivisionZones.ZONES.computeIfAbsent(subdivision, known -> ids.stream().map(ZoneId::of).toList());
    }

    /**
     * The zones the numbers under a NANP prefix use, where libphonenumber names fewer for the prefix itself.
     *
     * @param prefix the digits of a prefix libphonenumber's time-zone mapper stores, country code first, such as
     *               {@code "1850"}
     * @return every zone numbers under the prefix use; empty if the prefix is not one whose numbers span more zones
     *         than libphonenumber names for it
     */
    public static List<ZoneId> zonesSpannedByPrefix(String prefix) {
        return PrefixZones.zones(prefix);
    }

    /**
     * @return the geocoder version the prefix table was generated from; when the version on the class path
     *         differs, the table may be stale and the resolver computes the spans from the data it has
     */
    public static String prefixTableGeocoderVersion() {
        return PrefixZones.VERSION;
    }

    /** @return every prefix of the prefix table with the zones its numbers use */
    public static Map<String, List<ZoneId>> prefixesSpanningMoreZones() {
        Map<String, List<ZoneId>> table = new HashMap<>();
        PrefixZones.IDS.keySet().forEach(prefix -> table.put(prefix, PrefixZones.zones(prefix)));
        return Collections.unmodifiableMap(table);
    }

    /**
     * @param country an upper-case ISO 3166-1 alpha-2 code
     * @return whether numbers can resolve to the country: libphonenumber has a numbering plan for it
     */
    public static boolean isLocatableCountry(String country) {
        return com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance().getSupportedRegions().contains(country);
    }

    /** @return the subdivisions the zone table knows (US states, DC and territories, Canadian provinces) */
    public static Set<Jurisdiction> knownSubdivisions() {
        return Collections.unmodifiableSet(SubdivisionZones.IDS.keySet());
    }

    private static Map<Integer, List<Jurisdiction>> loadAreaCodes() {
        Map<Integer, List<Jurisdiction>> table = new HashMap<>();
        for (String[] columns : rows("nanp-area-codes.tsv")) {
            List<Jurisdiction> subdivisions = new ArrayList<>();
            for (String code : columns[2].split(",")) {
                subdivisions.add(Jurisdiction.of(columns[1] + "-" + code));
            }
            table.put(Integer.parseInt(columns[0]), List.copyOf(subdivisions));
        }
        return table;
    }

    private static Map<Jurisdiction, List<String>> loadSubdivisionZones() {
        Map<Jurisdiction, List<String>> table = new LinkedHashMap<>();
        for (String[] columns : rows("subdivision-zones.tsv")) {
            table.put(Jurisdiction.of(columns[0]), List.of(columns[1].split(" ")));
        }
        return table;
    }

    /** The prefix table, loaded when first asked for; zone ids become {@link ZoneId}s per prefix asked for. */
    private static final class PrefixZones {
        static final String VERSION_LINE = "# geocoder-version: ";
        static final String VERSION = version();
        static final Map<String, List<String>> IDS = load();
        static final Map<String, List<ZoneId>> ZONES = new ConcurrentHashMap<>();

        private static Map<String, List<String>> load() {
            Map<String, List<String>> table = new HashMap<>();
            for (String[] columns : rows("nanp-prefix-zones.tsv")) {
                table.put(columns[0], List.of(columns[2].split(" ")));
            }
            return table;
        }

        static List<ZoneId> zones(String prefix) {
            List<String> ids = IDS.get(prefix);
            return ids == null ? List.of() : ZONES.computeIfAbsent(prefix, known -> ids.stream().map(ZoneId::of).toList());
        }

        private static String version() {
            try (InputStream in = LocationTables.class.getResourceAsStream("nanp-prefix-zones.tsv")) {
                if (in == null) {
                    throw new IllegalStateException("harness-sms resource nanp-prefix-zones.tsv is missing from the class path");
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.startsWith(VERSION_LINE)) {
                        return line.substring(VERSION_LINE.length()).strip();
                    }
                }
                return "unknown";
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read harness-sms resource nanp-prefix-zones.tsv", e);
            }
        }
    }

    private static List<String[]> rows(String resource) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = LocationTables.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("harness-sms resource " + resource + " is missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read harness-sms resource " + resource, e);
        }
        return rows;
    }

    /**
     * Parses the state or province at the end of a geocoder description such as {@code "Tallahassee, FL"}.
     *
     * @param country {@code "US"} or {@code "CA"}
     * @param description the geocoder's English description
     * @return the subdivision, if the description ends in the code of one the table knows
     */
    public static Optional<Jurisdiction> subdivisionInDescription(String country, String description) {
        int comma = description.lastIndexOf(", ");
        if (comma < 0) {
            return Optional.empty();
        }
        String code = description.substring(comma + 2).strip();
        if (code.length() != 2) {
            return Optional.empty();
        }
        Jurisdiction candidate = Jurisdiction.of(country + "-" + code);
        return SubdivisionZones.IDS.containsKey(candidate) ? Optional.of(candidate) : Optional.empty();
    }
}
