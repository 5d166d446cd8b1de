package dev.complianceharness.sms.recipient;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.geocoding.PhoneNumberOfflineGeocoder;
import dev.complianceharness.invariant.Jurisdiction;
import dev.complianceharness.sms.internal.LocationTables;
import net.time4j.tz.Timezone;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The shipped location tables")
class LocationTablesTest {

    @Test
    @DisplayName("name every US state, DC and Canadian province, with zones java.time and time4j-tzdata both know")
    void subdivisionZones() {
        long states = LocationTables.knownSubdivisions().stream().filter(j -> j.country().equals("US")).count();
        long provinces = LocationTables.knownSubdivisions().stream().filter(j -> j.country().equals("CA")).count();

        assertThat(states).isEqualTo(51 + 5);
        assertThat(provinces).isEqualTo(13);
        for (Jurisdiction subdivision : LocationTables.knownSubdivisions()) {
            for (ZoneId zone : LocationTables.zonesOf(subdivision)) {
                assertThat(Timezone.of(zone.getId()).getID().canonical()).as("%s in time4j", zone).isNotEmpty();
                assertThat(zone.getRules()).as("%s in java.time", zone).isNotNull();
            }
        }
    }

    @Test
    @DisplayName("map every geographic US and Canadian area code to a state or province the zone table knows")
    void areaCodes() {
        assertThat(LocationTables.areaCodes()).hasSizeGreaterThan(400);
        LocationTables.areaCodes().forEach((areaCode, subdivisions) -> {
            assertThat(subdivisions).as("area code %d", areaCode).isNotEmpty();
            assertThat(LocationTables.knownSubdivisions()).as("area code %d", areaCode).containsAll(subdivisions);
        });
        assertThat(LocationTables.subdivisionsForAreaCode(850)).containsExactly(Jurisdiction.of("US-FL"));
        assertThat(LocationTables.subdivisionsForAreaCode(867)).hasToString("[CA-NT, CA-NU, CA-YT]");
        assertThat(LocationTables.subdivisionsForAreaCode(800)).isEmpty();
    }

    @Test
    @DisplayName("still agree with the libphonenumber geocoder's area-code descriptions (regenerate on upgrade if not)")
    void areaCodesAgreeWithGeocoder() throws Exception {
        PhoneNumberUtil numbers = PhoneNumberUtil.getInstance();
        PhoneNumberOfflineGeocoder geocoder = PhoneNumberOfflineGeocoder.getInstance();
        List<String> disagreements = new ArrayList<>();
        for (Map.Entry<Integer, String> row : recordedDescriptions().entrySet()) {
            Map<String, Integer> seen = new HashMap<>();
            for (int exchange = 200; exchange <= 999; exchange += 7) {
                PhoneNumber number = new PhoneNumber().setCountryCode(1)
                        .setNationalNumber(row.getKey() * 10_000_000L + exchange * 10_000L + 1234);
                if (numbers.isValidNumber(number)) {
                    String description = geocoder.getDescriptionForNumber(number, Locale.ENGLISH);
                    int comma = description.lastIndexOf(", ");
                    seen.merge(comma < 0 ? description : "(exchange descriptions) " + description.substring(comma + 2),
                            comma < 0 ? 1000 : 1, Integer::sum);
                }
            }
            String mostCommon = seen.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                    .orElse("(no valid number)");
            if (!mostCommon.equals(row.getValue())) {
                disagreements.add(row.getKey() + ": table says '" + row.getValue() + "', geocoder says '" + mostCommon + "'");
            }
        }
        assertThat(disagreements).isEmpty();
    }

    private static Map<Integer, String> recordedDescriptions() throws Exception {
        Map<Integer, String> rows = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(LocationTables.class
                .getResourceAsStream("nanp-area-codes.tsv"), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    String[] columns = line.split("\t");
                    rows.put(Integer.parseInt(columns[0]), columns[3]);
                }
            }
        }
        return rows;
    }
}
