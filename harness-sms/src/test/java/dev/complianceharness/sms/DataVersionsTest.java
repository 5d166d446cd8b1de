package dev.complianceharness.sms;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("DataVersions")
class DataVersionsTest {

    @Test
    @DisplayName("names the pinned libphonenumber, geocoder, tz database and Jollyday versions on the class path")
    void current() {
        DataVersions versions = DataVersions.current();

        assertThat(versions.libphonenumber()).as("after an upgrade, regenerate nanp-area-codes.tsv (LocationTablesTest)")
                .isEqualTo("9.0.23");
        assertThat(versions.geocoder()).isEqualTo("3.23");
        assertThat(versions.tzdata()).isEqualTo("2025a");
        assertThat(versions.jdkTzdata()).matches("20[0-9]{2}[a-z]");
        assertThat(versions.jollyday()).isEqualTo("2.19.0");
        assertThat(versions.describe()).startsWith("libphonenumber 9.0.23, geocoder 3.23, tzdata 2025a (time4j-tzdata), JDK tzdata ");
        assertThat(versions.asMap()).containsEntry("tzdata (time4j-tzdata)", "2025a").hasSize(5);
    }
}
