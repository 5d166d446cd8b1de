package dev.complianceharness.sms.recipient;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.geocoding.PhoneNumberOfflineGeocoder;
import dev.complianceharness.invariant.Jurisdiction;
import dev.complianceharness.sms.DataVersions;
import dev.complianceharness.sms.internal.LocationTables;
import dev.complianceharness.sms.internal.ZoneTable;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Resolves a {@link Recipient} to every jurisdiction and time zone it may be in, with libphonenumber
 * (exchange-level NPA-NXX time zones, region) and the shipped NANP area-code table (US state, Canadian
 * province), plus the facts the team knows.
 *
 * <ul>
 *   <li>Jurisdictions: for US and Canadian numbers the area code's state or province (and another state
 *       the exchange's geocoder description names, if it differs); for US territories (+1 787, 671, ...)
 *       the territory as a US subdivision ({@code US-PR}); otherwise the country; plus the address.</li>
 *   <li>Zones: every zone libphonenumber maps the number's exchange to; where libphonenumber answers from a
 *       prefix shorter than the exchange ({@code +1 850 555} from area code 850), every zone the numbers under
 *       that prefix use (850: New York and Chicago), from the shipped prefix table; every zone of the address's
 *       state or province; and the profile zone.</li>
 *   <li>Candidates: every jurisdiction paired with every zone, since the law that may claim the message and
 *       the clock the recipient sees are independent unknowns.</li>
 * </ul>
 *
 * <p>Fail closed: a number that is not valid E.164, a number libphonenumber cannot place
 * ({@code Etc/Unknown}), a NANP area code without a state or province, a country-wide zone list (by
 * default, see {@link CountryWideZones}; a list whose zones are one clock under several names, as for
 * British mobiles, is not ambiguous) or an unknown profile zone leaves the recipient unlocated, and
 * every decision about it says why.
 *
 * <pre>{@code
 * ResolvedRecipient resolved = RecipientResolver.standard().resolve(Recipient.of("+12085550100"));
 * resolved.jurisdictions(); // [US-ID]
 * resolved.zones();         // [America/Boise, America/Los_Angeles]
 * }</pre>
 *
 * <p>Thread-safe; resolved numbers are cached.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class RecipientResolver {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
    private static final Map<String, String> US_TERRITORIES = Map.of(
            "PR", "US-PR", "GU", "US-GU", "VI", "US-VI", "AS", "US-AS", "MP", "US-MP");
    private static final int CACHE_LIMIT = 100_000;
    private static final RecipientResolver STANDARD = new RecipientResolver(CountryWideZones.FAIL_CLOSED);

    private final CountryWideZones countryWideZones;
    private final Map<Recipient, ResolvedRecipient> cache = new ConcurrentHashMap<>();
    private final Map<String, List<ZoneId>> liveSpans = new ConcurrentHashMap<>();
    private final PhoneNumberUtil numbers = PhoneNumberUtil.getInstance();
    private final PhoneNumberToTimeZonesMapper zoneMapper = PhoneNumberToTimeZonesMapper.getInstance();

    private RecipientResolver(CountryWideZones countryWideZones) {
        this.countryWideZones = countryWideZones;
    }

    /** @return the resolver that fails closed on country-wide zone lists */
    public static RecipientResolver standard() {
        return STANDARD;
    }

    /**
     * A resolver with another policy for country-wide zone lists.
     *
     * @param policy what to do when libphonenumber knows only the country's whole zone list
     * @return a resolver
     */
    public static RecipientResolver withCountryWideZones(CountryWideZones policy) {
        return new RecipientResolver(Objects.requireNonNull(policy, "country-wide zone policy"));
    }

    /** @return this resolver's policy for country-wide zone lists */
    public CountryWideZones countryWideZones() {
        return countryWideZones;
    }

    /** @return the versions of the number data this resolver uses */
    public DataVersions dataVersions() {
        return DataVersions.current();
    }

    /**
     * Resolves a recipient.
     *
     * @param recipient the recipient
     * @return every candidate location, or the reason there is none
     */
    public ResolvedRecipient resolve(Recipient recipient) {
        Objects.requireNonNull(recipient, "recipient");
        ResolvedRecipient cached = cache.get(recipient);
        if (cached != null) {
            return cached;
        }
        ResolvedRecipient resolved = resolveUncached(recipient);
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(recipient, resolved);
        return resolved;
    }

    private ResolvedRecipient resolveUncached(Recipient recipient) {
        String masked = recipient.maskedNumber();
        String number = recipient.number();
        if (!E164.matcher(number).matches()) {
            return ResolvedRecipient.unlocatable(recipient, null, "the number " + masked
                    + " is not in E.164 form (a '+', the country code and up to 15 digits, no spaces); normalise it"
                    + " before sending");
        }
        PhoneNumber parsed;
        try {
            parsed = numbers.parse(number, "ZZ");
        } catch (NumberParseException e) {
            return ResolvedRecipient.unlocatable(recipient, null, "libphonenumber cannot parse " + masked + ": "
                    + e.getErrorType());
        }
        if (!numbers.isValidNumber(parsed)) {
            return ResolvedRecipient.unlocatable(recipient, null, "the number " + masked
                    + " is not a valid number in any numbering plan (libphonenumber "
                    + DataVersions.current().libphonenumber() + ")");
        }
        String region = numbers.getRegionCodeForNumber(parsed);
        Map<Jurisdiction, Set<LocationSource>> jurisdictions = new LinkedHashMap<>();
        Map<ZoneId, Set<LocationSource>> zones = new LinkedHashMap<>();

        String failure = numberZones(parsed, masked, zones);
        if (failure == null) {
            failure = numberJurisdictions(parsed, region, masked, jurisdictions);
        }
        if (failure == null) {
            failure = addressFacts(recipient, jurisdictions, zones);
        }
        if (failure == null) {
            failure = profileZone(recipient, zones);
        }
        if (failure != null) {
            return ResolvedRecipient.unlocatable(recipient, region, failure);
        }
        List<CandidateLocation> candidates = new ArrayList<>();
        jurisdictions.forEach((jurisdiction, jurisdictionSources) -> zones.forEach((zone, zoneSources) ->
                candidates.add(new CandidateLocation(jurisdiction, zone, jurisdictionSources, zoneSources))));
        return ResolvedRecipient.located(recipient, region, candidates);
    }

    private String numberZones(PhoneNumber parsed, String masked, Map<ZoneId, Set<LocationSource>> zones) {
        List<String> ids = zoneMapper.getTimeZonesForNumber(parsed);
        if (ids.isEmpty() || ids.contains(PhoneNumberToTimeZonesMapper.getUnknownTimeZone())) {
            return "libphonenumber maps " + masked + " to no time zone (" + PhoneNumberToTimeZonesMapper.getUnknownTimeZone()
                    + ")";
        }
        List<String> countryWide = zoneMapper.getTimeZonesForGeographicalNumber(
                new PhoneNumber().setCountryCode(parsed.getCountryCode()).setNationalNumber(0));
        LocationSource source = LocationSource.EXCHANGE;
        if (ids.size() > 1 && ids.equals(countryWide)) {
            if (parsed.getCountryCode() != 1 && oneClock(ids)) {
                source = LocationSource.COUNTRY;
            } else if (countryWideZones == CountryWideZones.FAIL_CLOSED || parsed.getCountryCode() == 1) {
                return "libphonenumber knows no zone for " + masked + " finer than the country-wide list of "
                        + ids.size() + " zones for +" + parsed.getCountryCode() + (parsed.getCountryCode() == 1
                        ? " (a non-geographic or unassigned NANP number, whose state or province is unknown)"
                        : "; to accept the intersection over all of them, resolve with"
                        + " RecipientResolver.withCountryWideZones(CountryWideZones.ALL_ZONES_OF_THE_COUNTRY)");
            } else {
                source = LocationSource.COUNTRY;
            }
        }
        for (String id : ids) {
            String problem = addZone(id, source, zones);
            if (problem != null) {
                return "libphonenumber maps " + masked + " to " + problem;
            }
        }
        if (parsed.getCountryCode() == 1 && source == LocationSource.EXCHANGE) {
            for (ZoneId zone : zonesSpannedByMatchedPrefix(parsed, ids)) {
                add(zones, zone, LocationSource.AREA_CODE);
            }
        }
        return null;
    }

    /**
     * Every zone the numbers under the prefix libphonenumber matched use. The mapper stores zone lists for NANP
     * prefixes of 4 to 7 digits; a number whose exchange has no list of its own gets its area code's (or a shorter
     * prefix's), although other exchanges there are in other zones: {@code +1 850 555} is answered with New York
     * alone, while 172 exchanges of 850 are on Chicago time. Since the mapper keeps no list equal to its parent's,
     * the matched prefix is the shortest one whose answer is still the number's.
     */
    private List<ZoneId> zonesSpannedByMatchedPrefix(PhoneNumber parsed, List<String> ids) {
        String national = Long.toString(parsed.getNationalNumber());
        if (national.length() != 10) {
            return List.of();
        }
        int matched = 0;
        for (int length = 6; length >= 3 && zonesOfNanpPrefix(national.substring(0, length)).equals(ids); length--) {
            matched = length;
        }
        if (matched == 0) {
            return List.of();
        }
        String nationalPrefix = national.substring(0, matched);
        if (LocationTables.prefixTableGeocoderVersion().equals(DataVersions.current().geocoder())) {
            return LocationTables.zonesSpannedByPrefix("1" + nationalPrefix);
        }
        return liveSpans.computeIfAbsent(nationalPrefix, this::spannedLive);
    }

    /** The zones of every 6-digit NANP prefix (area code and exchange) under a prefix, from the mapper itself. */
    private List<ZoneId> spannedLive(String nationalPrefix) {
        Set<String> ids = new java.util.LinkedHashSet<>(zonesOfNanpPrefix(nationalPrefix));
        int free = 6 - nationalPrefix.length();
        long base = Long.parseLong(nationalPrefix);
        long count = (long) Math.pow(10, free);
        for (long rest = 0; rest < count; rest++) {
            ids.addAll(zonesOfNanpPrefix(Long.toString(base * count + rest)));
        }
        List<ZoneId> spanned = new ArrayList<>();
        for (String id : ids) {
            try {
                spanned.add(ZoneId.of(id));
            } catch (DateTimeException e) {
                // an unknown id among the other exchanges' zones is not this number's; its own were checked
            }
        }
        return List.copyOf(spanned);
    }

    private List<String> zonesOfNanpPrefix(String nationalDigits) {
        return zoneMapper.getTimeZonesForGeographicalNumber(new PhoneNumber().setCountryCode(1)
                .setNationalNumber(Long.parseLong(nationalDigits)));
    }

    /** Whether zones are one clock under other names (Europe/London, Jersey, Guernsey, Isle_of_Man). */
    private static boolean oneClock(List<String> ids) {
        try {
            java.time.zone.ZoneRules first = ZoneId.of(ids.get(0)).getRules();
            for (String id : ids) {
                if (!ZoneId.of(id).getRules().equals(first)) {
                    return false;
                }
            }
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private String numberJurisdictions(PhoneNumber parsed, String region, String masked,
                                       Map<Jurisdiction, Set<LocationSource>> jurisdictions) {
        if (region == null || region.length() != 2) {
            return "the number " + masked + " belongs to no country (region " + region + ")";
        }
        if (US_TERRITORIES.containsKey(region)) {
            add(jurisdictions, Jurisdiction.of(US_TERRITORIES.get(region)), LocationSource.COUNTRY);
            return null;
        }
        if (parsed.getCountryCode() == 1 && ("US".equals(region) || "CA".equals(region))) {
            int areaCode = (int) (parsed.getNationalNumber() / 10_000_000L);
            List<Jurisdiction> subdivisions = LocationTables.subdivisionsForAreaCode(areaCode);
            if (subdivisions.isEmpty()) {
                return "area code " + areaCode + " of " + masked + " is not assigned to a US state or Canadian"
                        + " province in the NANP table (non-geographic or new); the state's rules cannot be known";
            }
            subdivisions.forEach(subdivision -> add(jurisdictions, subdivision, LocationSource.AREA_CODE));
            LocationTables.subdivisionInDescription(region, Geocoder.INSTANCE.getDescriptionForNumber(parsed, Locale.ENGLISH))
                    .ifPresent(subdivision -> add(jurisdictions, subdivision, LocationSource.EXCHANGE));
            return null;
        }
        try {
            add(jurisdictions, Jurisdiction.of(region), LocationSource.COUNTRY);
        } catch (IllegalArgumentException e) {
            return "the number " + masked + " has region " + region + ", which is not an ISO 3166 country code";
        }
        return null;
    }

    private static String addressFacts(Recipient recipient, Map<Jurisdiction, Set<LocationSource>> jurisdictions,
                                       Map<ZoneId, Set<LocationSource>> zones) {
        if (recipient.address().isEmpty()) {
            return null;
        }
        Jurisdiction address = recipient.address().get();
        add(jurisdictions, address, LocationSource.ADDRESS);
        for (ZoneId zone : LocationTables.zonesOf(address)) {
            add(zones, zone, LocationSource.ADDRESS);
        }
        if (address.isSubdivision() && ("US".equals(address.country()) || "CA".equals(address.country()))
                && LocationTables.zonesOf(address).isEmpty()) {
            return "the address jurisdiction " + address + " is not a US state or Canadian province; use an ISO 3166-2"
                    + " code such as US-GA or CA-ON";
        }
        return null;
    }

    private static String profileZone(Recipient recipient, Map<ZoneId, Set<LocationSource>> zones) {
        if (recipient.profileZone().isEmpty()) {
            return null;
        }
        String problem = addZone(recipient.profileZone().get(), LocationSource.PROFILE_ZONE, zones);
        return problem == null ? null : "the profile time zone is " + problem;
    }

    /** Adds a zone known to both java.time and time4j-tzdata, or says why it cannot be used. */
    private static String addZone(String id, LocationSource source, Map<ZoneId, Set<LocationSource>> zones) {
        if (PhoneNumberToTimeZonesMapper.getUnknownTimeZone().equals(id)) {
            return "'" + id + "', which is not a place: the recipient's clock is unknown";
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(id);
        } catch (DateTimeException e) {
            return "'" + id + "', which is not an IANA time zone id (such as \"America/Chicago\")";
        }
        if (!id.contains("/") || !knownToTime4j(id)) {
            return "'" + id + "', which is not a region zone of the pinned tz database " + DataVersions.current().tzdata()
                    + "; use a region id such as \"America/Chicago\", not a fixed offset";
        }
        add(zones, zone, source);
        return null;
    }

    private static boolean knownToTime4j(String id) {
        return ZoneTable.isKnown(id);
    }

    private static <K> void add(Map<K, Set<LocationSource>> map, K key, LocationSource source) {
        map.computeIfAbsent(key, k -> EnumSet.noneOf(LocationSource.class)).add(source);
    }

    /** The geocoder, started by the first NANP number rather than with every resolver (issue 19). */
    private static final class Geocoder {
        static final PhoneNumberOfflineGeocoder INSTANCE = PhoneNumberOfflineGeocoder.getInstance();
    }
}
