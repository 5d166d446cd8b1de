package dev.complianceharness.sms.recipient;

import dev.complianceharness.invariant.Jurisdiction;
import dev.complianceharness.mask.PiiKind;
import dev.complianceharness.mask.Redaction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@DisplayName("RecipientResolver")
class RecipientResolverTest {

    private static final RecipientResolver RESOLVER = RecipientResolver.standard();

    private static ResolvedRecipient resolve(Recipient recipient) {
        return RESOLVER.resolve(recipient);
    }

    private static List<String> zones(ResolvedRecipient resolved) {
        return resolved.zones().stream().map(ZoneId::getId).toList();
    }

    @Nested
    @DisplayName("locates a number")
    class Numbers {

        @ParameterizedTest(name = "{0} in {1}, zones {2}")
        @CsvSource(delimiter = ';', value = {
                "+18505550123; [US-FL]; [America/New_York, America/Chicago]",
                "+13055550123; [US-FL]; [America/New_York]",
                "+18502001234; [US-FL]; [America/Chicago]",
                "+12085550100; [US-ID]; [America/Boise, America/Los_Angeles, America/Denver]",
                "+16055550100; [US-SD]; [America/Denver, America/North_Dakota/Center, America/Chicago]",
                "+17095550100; [CA-NL]; [America/Puerto_Rico, America/St_Johns, America/Halifax]",
                "+19025550100; [CA-NS, CA-PE]; [America/Halifax]",
                "+17875550123; [US-PR]; [America/Puerto_Rico]",
                "+12016311234; [US-NJ, US-NY]; [America/New_York]",
                "+33612345678; [FR]; [Europe/Paris]",
                "+919812345678; [IN]; [Asia/Calcutta]",
                "+442079460958; [GB]; [Europe/London]",
                "+447400123456; [GB]; [Europe/Guernsey, Europe/Isle_of_Man, Europe/Jersey, Europe/London]",
                "+447911123456; [GG]; [Europe/Guernsey, Europe/Isle_of_Man, Europe/Jersey, Europe/London]"})
        @DisplayName("to every jurisdiction and exchange-level zone")
        void jurisdictionsAndZones(String number, String jurisdictions, String zones) {
            ResolvedRecipient resolved = resolve(Recipient.of(number));

            assertThat(resolved.isLocated()).as(resolved.toString()).isTrue();
            assertThat(resolved.jurisdictions()).hasToString(jurisdictions);
            assertThat(resolved.zones()).hasToString(zones);
        }

        @Test
        @DisplayName("says where each candidate came from")
        void sources() {
            CandidateLocation candidate = resolve(Recipient.of("+13055550123")).candidates().get(0);

            assertThat(candidate.jurisdictionSources()).containsExactly(LocationSource.AREA_CODE);
            assertThat(candidate.zoneSources()).containsExactly(LocationSource.EXCHANGE);
            assertThat(candidate.describe())
                    .isEqualTo("US-FL in America/New_York (jurisdiction from area code, zone from exchange)");
        }
    }

    @Nested
    @DisplayName("adds the facts a team knows, all of which count")
    class Facts {

        @Test
        @DisplayName("an address adds its state and every zone of it, paired with every other candidate")
        void address() {
            ResolvedRecipient resolved = resolve(Recipient.of("+13055550123").withAddressIn("US-TX"));

            assertThat(resolved.jurisdictions()).hasToString("[US-FL, US-TX]");
            assertThat(zones(resolved)).containsExactly("America/New_York", "America/Chicago", "America/Denver");
            assertThat(resolved.candidates()).hasSize(6);
        }

        @Test
        @DisplayName("a profile zone adds a zone")
        void profileZone() {
            ResolvedRecipient resolved = resolve(Recipient.of("+13055550123").withProfileZone("America/Phoenix"));

            assertThat(zones(resolved)).containsExactly("America/New_York", "America/Phoenix");
            assertThat(resolved.candidates().get(1).zoneSources()).containsExactly(LocationSource.PROFILE_ZONE);
        }

        @Test
        @DisplayName("an address in a country without a zone table adds its jurisdiction to the known zones")
        void foreignAddress() {
            ResolvedRecipient resolved = resolve(Recipient.of("+13055550123").withAddressIn("FR"));

            assertThat(resolved.jurisdictions()).hasToString("[US-FL, FR]");
            assertThat(zones(resolved)).containsExactly("America/New_York");
        }
    }

    @Nested
    @DisplayName("fails closed, saying why and masking the number")
    class FailsClosed {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = ';', value = {
                "'3055550123'; is not in E.164 form",
                "'+1 850 555 0123'; is not in E.164 form",
                "'+15555550100'; is not a valid number in any numbering plan",
                "'+18005550100'; finer than the country-wide list of 42 zones for +1 (a non-geographic or unassigned NANP number",
                "'+61412345678'; finer than the country-wide list of 8 zones for +61; to accept the intersection"})
        @DisplayName("for a number that cannot be placed")
        void numbers(String number, String reason) {
            ResolvedRecipient resolved = resolve(Recipient.of(number));

            assertThat(resolved.isLocated()).isFalse();
            assertThat(resolved.candidates()).isEmpty();
            assertThat(resolved.failure()).hasValueSatisfying(failure -> assertThat(failure).contains(reason)
                    .doesNotContain(number.substring(Math.max(0, number.length() - 6), number.length() - 2)));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
                "Etc/Unknown; 'Etc/Unknown', which is not a place",
                "Mars/Olympus_Mons; 'Mars/Olympus_Mons', which is not an IANA time zone id",
                "UTC; 'UTC', which is not a region zone of the pinned tz database"})
        @DisplayName("for a profile zone that is not a place")
        void profileZones(String zone, String reason) {
            ResolvedRecipient resolved = resolve(Recipient.of("+13055550123").withProfileZone(zone));

            assertThat(resolved.failure()).hasValueSatisfying(failure -> assertThat(failure)
                    .startsWith("the profile time zone is ").contains(reason));
        }

        @Test
        @DisplayName("for an address in a US subdivision that does not exist")
        void unknownState() {
            ResolvedRecipient resolved = resolve(Recipient.of("+13055550123").withAddressIn("US-ZZ"));

            assertThat(resolved.failure()).hasValueSatisfying(failure -> assertThat(failure)
                    .contains("US-ZZ is not a US state or Canadian province"));
        }

        @Test
        @DisplayName("and rejects an address code that is no jurisdiction at all when it is given")
        void malformedAddress() {
            assertThatIllegalArgumentException().isThrownBy(() -> Recipient.of("+13055550123").withAddressIn("XX-1"))
                    .withMessageContaining("Unknown jurisdiction code 'XX-1'");
        }

        @Test
        @DisplayName("unless the team accepts every zone of a country with several")
        void countryWidePolicy() {
            ResolvedRecipient resolved = RecipientResolver.withCountryWideZones(CountryWideZones.ALL_ZONES_OF_THE_COUNTRY)
                    .resolve(Recipient.of("+61412345678"));

            assertThat(resolved.jurisdictions()).containsExactly(Jurisdiction.of("AU"));
            assertThat(resolved.zones()).hasSize(8);
            assertThat(resolved.candidates().get(0).zoneSources()).containsExactly(LocationSource.COUNTRY);
            assertThat(RecipientResolver.withCountryWideZones(CountryWideZones.ALL_ZONES_OF_THE_COUNTRY)
                    .resolve(Recipient.of("+18005550100")).isLocated()).isFalse();
        }
    }

    @Test
    @DisplayName("prints recipients with the number masked")
    void masked() {
        Recipient recipient = Recipient.of("+13055550123").withAddressIn("US-GA");

        assertThat(recipient).hasToString("Recipient[" + Redaction.token(PiiKind.PHONE, "+13055550123") + ", address US-GA]");
        assertThat(resolve(recipient).toString()).doesNotContain("5550123");
        assertThat(recipient).isEqualTo(Recipient.of("+13055550123").withAddressIn("us-ga"));
    }
}
