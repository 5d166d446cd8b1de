package dev.complianceharness.sms.recipient;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.prefixmapper.PrefixTimeZonesMap;
import dev.complianceharness.sms.DataVersions;
import dev.complianceharness.sms.MessageKind;
import dev.complianceharness.sms.decision.Decision;
import dev.complianceharness.sms.decision.QuietHours;
import dev.complianceharness.sms.internal.LocationTables;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The fail-open sweep: libphonenumber answers some NANP numbers from a prefix shorter than their exchange and names
 * fewer zones than that prefix's numbers use. This test reads the mapper's own prefix table (independently of the
 * resolver's probing) and proves that no number's candidate zones are fewer than the zones of its prefix.
 */
@DisplayName("NANP numbers answered from a prefix shorter than their exchange")
class NanpPrefixZonesTest {

    private static final Map<String, List<String>> MAPPER = mapperPrefixes();

    @Test
    @DisplayName("never have fewer candidate zones than the numbers under their matched prefix use (every area code, every exchange)")
    void sweepEveryAreaCodeAndExchange() {
        PhoneNumberUtil numbers = PhoneNumberUtil.getInstance();
        RecipientResolver resolver = RecipientResolver.withCountryWideZones(CountryWideZones.FAIL_CLOSED);
        List<String> tooFew = new ArrayList<>();
        Set<String> widened = new java.util.TreeSet<>();
        int swept = 0;
        for (int areaCode = 200; areaCode <= 999; areaCode++) {
            for (int exchange = 200; exchange <= 999; exchange++) {
                long national = areaCode * 10_000_000L + exchange * 10_000L + 4567;
                PhoneNumber number = new PhoneNumber().setCountryCode(1).setNationalNumber(national);
                if (!numbers.isValidNumber(number)) {
                    continue;
                }
                String key = "1" + national;
                String prefix = matchedPrefix(key);
                if (prefix.length() < 4) {
                    continue;
                }
                ResolvedRecipient resolved = resolver.resolve(Recipient.of("+" + key));
                if (!resolved.isLocated()) {
                    continue;
                }
                swept++;
                Set<String> candidates = resolved.zones().stream().map(ZoneId::getId).collect(Collectors.toSet());
                Set<String> spanned = spannedBy(prefix);
                if (!candidates.containsAll(spanned)) {
                    tooFew.add("+1 " + areaCode + " " + exchange + ": prefix " + prefix + " spans " + spanned
                            + ", candidates " + candidates);
                }
                if (spanned.size() > MAPPER.get(prefix).size()) {
                    widened.add(prefix.substring(1, 4));
                }
            }
        }
        assertThat(swept).as("located numbers swept").isGreaterThan(200_000);
        assertThat(tooFew).as("numbers with fewer candidate zones than their prefix spans").isEmpty();
        assertThat(widened).as("area codes with numbers answered from an ambiguous prefix").hasSize(23)
                .contains("850", "812", "270", "308", "906", "208");
    }

    @Test
    @DisplayName("come from a shipped prefix table that matches libphonenumber's data (regenerate on upgrade)")
    void shippedTableMatchesTheMapper() {
        Map<String, Set<String>> expected = new TreeMap<>();
        for (Map.Entry<String, List<String>> entry : MAPPER.entrySet()) {
            String prefix = entry.getKey();
            if (prefix.startsWith("1") && prefix.length() >= 4 && prefix.length() <= 6) {
                Set<String> spanned = spannedBy(prefix);
                if (spanned.size() > entry.getValue().size()) {
                    expected.put(prefix, spanned);
                }
            }
        }
        Map<String, Set<String>> shipped = new TreeMap<>();
        LocationTables.prefixesSpanningMoreZones().forEach((prefix, zones) ->
                shipped.put(prefix, zones.stream().map(ZoneId::getId).collect(Collectors.toSet())));

        assertThat(LocationTables.prefixTableGeocoderVersion()).isEqualTo(DataVersions.current().geocoder());
        assertThat(shipped).as("nanp-prefix-zones.tsv; expected rows:%n%s", expected.entrySet().stream()
                .map(row -> row.getKey() + "\t" + String.join(" ", MAPPER.get(row.getKey())) + "\t" + String.join(" ", row.getValue()))
                .collect(Collectors.joining("\n"))).isEqualTo(expected);
    }

    @Test
    @DisplayName("are judged in every zone: +1 850 555 at 12:30Z is 07:30 in Chicago, not permitted")
    void pensacolaExample() {
        Decision decision = QuietHours.standard().decide(Recipient.of("+18505550123"),
                Instant.parse("2025-06-03T12:30:00Z"), MessageKind.MARKETING);

        assertThat(decision.resolution().zones()).extracting(ZoneId::getId)
                .containsExactly("America/New_York", "America/Chicago");
        assertThat(decision.permitted()).isFalse();
        assertThat(decision.reason()).contains("US-FL in America/Chicago: local time 2025-06-03T07:30 (Tuesday)");
        assertThat(decision.nextPermitted()).contains(Instant.parse("2025-06-03T13:00:00Z"));
        assertThat(decision.candidates().get(1).location().zoneSources()).containsExactly(LocationSource.AREA_CODE);
    }

    @Test
    @DisplayName("keep the exact zone of an exchange libphonenumber knows: +1 850 200 is Chicago only")
    void exactExchangeStaysExact() {
        assertThat(RecipientResolver.standard().resolve(Recipient.of("+18502001234")).zones()).extracting(ZoneId::getId)
                .containsExactly("America/Chicago");
    }

    /** The longest prefix of the key the mapper stores, as its prefix map looks it up. */
    private static String matchedPrefix(String key) {
        for (int length = key.length(); length > 0; length--) {
            if (MAPPER.containsKey(key.substring(0, length))) {
                return key.substring(0, length);
            }
        }
        return "";
    }

    /** The prefix's own zones and those of every longer prefix under it. */
    private static Set<String> spannedBy(String prefix) {
        Set<String> zones = new LinkedHashSet<>(MAPPER.get(prefix));
        MAPPER.forEach((other, otherZones) -> {
            if (other.startsWith(prefix)) {
                zones.addAll(otherZones);
            }
        });
        return zones;
    }

    /** The mapper's data file as libphonenumber reads it, one line per prefix ("1850|America/New_York"). */
    private static Map<String, List<String>> mapperPrefixes() {
        try (InputStream in = PrefixTimeZonesMap.class.getResourceAsStream(
                "/com/google/i18n/phonenumbers/timezones/data/map_data")) {
            PrefixTimeZonesMap map = new PrefixTimeZonesMap();
            map.readExternal(new ObjectInputStream(in));
            Map<String, List<String>> prefixes = new TreeMap<>();
            for (String line : map.toString().split("\n")) {
                int bar = line.indexOf('|');
                if (bar > 0) {
                    prefixes.put(line.substring(0, bar), Arrays.asList(line.substring(bar + 1).split("&")));
                }
            }
            assertThat(prefixes).as("prefixes read from libphonenumber's time-zone data").hasSizeGreaterThan(2000);
            return prefixes;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read libphonenumber's time-zone data", e);
        }
    }
}
