package dev.complianceharness.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.complianceharness.mask.PiiKind;
import dev.complianceharness.mask.Redaction;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("PiiScanner")
class PiiScannerTest {

    private static final PiiScanner SCANNER = PiiScanner.defaults();

    private static List<Detector> detected(String text) {
        return SCANNER.scan(text).stream().map(PiiFinding::detector).toList();
    }

    @Nested
    @DisplayName("finds e-mail addresses")
    class Emails {
        @Test
        @DisplayName("whose top-level domain is delegated, and reports where they are")
        void withRealTld() {
            List<PiiFinding> findings = SCANNER.scan("reset link sent to Ada.Lovelace+test@mail.example.co.uk.");
            assertThat(findings).singleElement().satisfies(finding -> {
                assertThat(finding.detector()).isEqualTo(Detector.EMAIL);
                assertThat(finding.start()).isEqualTo(19);
                assertThat(finding.end()).isEqualTo(55);
                assertThat(finding.maskedValue()).isEqualTo(Redaction.token(PiiKind.EMAIL, "Ada.Lovelace+test@mail.example.co.uk"))
                        .startsWith("<email …@mail.example.co.uk #");
            });
        }

        @ParameterizedTest
        @ValueSource(strings = {"user@localhost", "object com.acme.Customer@1b6d3586", "name@domain.invalidtld",
            "mail me at @example.com", "a@b..com"})
        @DisplayName("but not look-alikes without a real top-level domain")
        void notLookAlikes(String text) {
            assertThat(detected(text)).doesNotContain(Detector.EMAIL);
        }

        @Test
        @DisplayName("and names the copy of the Public Suffix List it checks against")
        void tldVersion() {
            assertThat(PiiScanner.topLevelDomainListVersion())
                    .matches("Public Suffix List \\(ICANN section\\) of Guava 33\\.8\\.0-jre, built \\d{4}-\\d{2}-\\d{2}");
        }

        @Test
        @DisplayName("whose copy of the list is younger than a year: otherwise update Guava in the parent pom")
        void tldListIsFresh() {
            assertThat(dev.complianceharness.pii.internal.TopLevelDomains.shipped().built()).hasValueSatisfying(built ->
                    assertThat(built).isAfter(java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusYears(1)));
        }

        @ParameterizedTest
        @ValueSource(strings = {"ada@shop.co.za", "ada@mail.example.ck", "ada@example.xn--p1ai", "ada@example.app",
            "Ada@Example.COM"})
        @DisplayName("under top-level domains registered only below a second level, in punycode or new gTLDs")
        void everyRealDomain(String text) {
            assertThat(detected(text)).containsExactly(Detector.EMAIL);
        }
    }

    @Nested
    @DisplayName("finds payment card numbers")
    class Cards {
        @ParameterizedTest
        @ValueSource(strings = {"4111111111111111", "4111 1111 1111 1111", "4111-1111-1111-1111", "5500 0000 0000 0004",
            "3782 822463 10005", "6011111111111117", "2223003122003222"})
        @DisplayName("with a known issuer range and a valid Luhn digit, with or without separators")
        void valid(String number) {
            assertThat(detected("card " + number + " charged")).containsExactly(Detector.CARD);
        }

        @ParameterizedTest
        @ValueSource(strings = {"4111111111111112", "9111111111111111", "4111-1111 1111-1111", "************1111"})
        @DisplayName("but not numbers failing Luhn, of no issuer, with mixed separators, or masked")
        void invalid(String number) {
            assertThat(detected("card " + number + " charged")).doesNotContain(Detector.CARD);
        }

        @Test
        @DisplayName("masking all but the last two digits in the finding")
        void masked() {
            assertThat(SCANNER.scan("4111 1111 1111 1111").get(0).maskedValue()).isEqualTo(Redaction.token(PiiKind.CARD, "4111111111111111"));
        }
    }

    @Nested
    @DisplayName("finds US Social Security numbers")
    class Ssns {
        @Test
        @DisplayName("written with dashes or spaces")
        void delimited() {
            assertThat(detected("ssn 536-22-1234 on file")).containsExactly(Detector.SSN);
            assertThat(detected("applicant 536 22 1234")).containsExactly(Detector.SSN);
        }

        @Test
        @DisplayName("written without separators only next to a context word")
        void undelimited() {
            assertThat(detected("reference 536221234")).doesNotContain(Detector.SSN);
            assertThat(SCANNER.scan("SSN: 536221234")).singleElement()
                    .satisfies(finding -> assertThat(finding.confidence()).isEqualTo(0.7, org.assertj.core.data.Offset.offset(1e-9)));
        }

        @ParameterizedTest
        @ValueSource(strings = {"000-22-1234", "666-22-1234", "912-22-1234", "536-00-1234", "536-22-0000", "000221234"})
        @DisplayName("drops impossible numbers without a context word")
        void impossibleWithoutContext(String number) {
            assertThat(detected("reference " + number)).doesNotContain(Detector.SSN);
        }

        @ParameterizedTest
        @ValueSource(strings = {"ssn 000-22-1234", "SSN: 666-22-1234", "social security number 912-22-1234",
            "ssn=536-00-1234", "ssn 536-22-0000", "invalid SSN 000221234"})
        @DisplayName("but finds impossible numbers next to a context word: what a caller typed as theirs, on the validation-error path")
        void impossibleWithContext(String text) {
            assertThat(SCANNER.scan(text)).singleElement().satisfies(finding -> {
                assertThat(finding.detector()).isEqualTo(Detector.SSN);
                assertThat(finding.confidence()).isEqualTo(0.7, org.assertj.core.data.Offset.offset(1e-9));
            });
        }

        @ParameterizedTest
        @ValueSource(strings = {"078-05-1120", "123-45-6789", "111-11-1111", "536-22 1234"})
        @DisplayName("and never placeholders or mixed delimiters")
        void placeholders(String number) {
            assertThat(detected("ssn " + number)).doesNotContain(Detector.SSN);
        }
    }

    @Nested
    @DisplayName("finds IBANs")
    class Ibans {
        @ParameterizedTest
        @ValueSource(strings = {"DE89370400440532013000", "DE89 3704 0044 0532 0130 00", "GB82 WEST 1234 5698 7654 32",
            "FR1420041010050500013M02606"})
        @DisplayName("with a valid mod-97 checksum and the country's length, with or without spaces")
        void valid(String iban) {
            assertThat(detected("refund to " + iban + " today")).containsExactly(Detector.IBAN);
        }

        @ParameterizedTest
        @ValueSource(strings = {"DE88370400440532013000", "DE8937040044053201300", "QQ89370400440532013000"})
        @DisplayName("but not with a wrong checksum, length or country")
        void invalid(String iban) {
            assertThat(detected("refund to " + iban + " today")).doesNotContain(Detector.IBAN);
        }
    }

    @Nested
    @DisplayName("finds phone numbers")
    class Phones {
        @ParameterizedTest
        @ValueSource(strings = {"+1 212-736-5000", "(212) 736-5000", "212.736.5000", "2127365000", "+44 20 7946 0958",
            "+49 30 901820"})
        @DisplayName("libphonenumber judges valid, in any common format")
        void valid(String number) {
            assertThat(detected("call back on " + number + " please")).containsExactly(Detector.PHONE);
        }

        @Test
        @DisplayName("in the configured regions only, unless written with a country code")
        void regions() {
            PiiScanner british = PiiScanner.builder().phoneRegions("GB").build();
            assertThat(british.scan("call 020 7946 0958")).extracting(PiiFinding::detector).containsExactly(Detector.PHONE);
            assertThat(british.scan("call (212) 736-5000")).isEmpty();
            assertThat(british.scan("call +1 212-736-5000")).extracting(PiiFinding::detector).containsExactly(Detector.PHONE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"2025-06-02 12:00:00,123 INFO started", "order 12345 shipped", "took 1234567 ns",
            "version 1.2.3"})
        @DisplayName("but not timestamps, short ids or durations")
        void notTimestamps(String line) {
            assertThat(SCANNER.scan(line)).isEmpty();
        }

        @Test
        @DisplayName("rejecting unknown regions with the list of known ones")
        void unknownRegion() {
            assertThatThrownBy(() -> PiiScanner.builder().phoneRegions("XX"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("Unknown phone region 'XX': use a CLDR region code libphonenumber supports, one of [AC, AD,");
        }
    }

    @Nested
    @DisplayName("finds secrets")
    class Secrets {
        @Test
        @DisplayName("AWS access key ids")
        void aws() {
            assertThat(detected("using key AKIAIOSFODNN7EXAMPLE for s3")).containsExactly(Detector.AWS_ACCESS_KEY);
            assertThat(detected("using key AKIAIOSFODNN7EXAMPLEX")).isEmpty();
        }

        @Test
        @DisplayName("private key blocks")
        void privateKey() {
            String pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7\n-----END RSA PRIVATE KEY-----";
            List<PiiFinding> findings = SCANNER.scan("loaded " + pem);
            assertThat(findings).singleElement().satisfies(finding -> {
                assertThat(finding.detector()).isEqualTo(Detector.PRIVATE_KEY);
                assertThat(finding.end()).isEqualTo(("loaded " + pem).length());
            });
            assertThat(detected("-----BEGIN CERTIFICATE-----")).isEmpty();
        }

        @Test
        @DisplayName("JSON Web Tokens")
        void jwt() {
            assertThat(detected("Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0"
                    + ".dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U")).containsExactly(Detector.JWT);
        }

        @Test
        @DisplayName("high-entropy tokens assigned to a secret-like keyword, but not ids merely near one")
        void tokens() {
            assertThat(detected("api_key=sk9Xq2LmZ7pR4tW8vB3nC6yD")).containsExactly(Detector.SECRET_TOKEN);
            assertThat(detected("{\"clientSecret\": \"sk9Xq2LmZ7pR4tW8vB3nC6yD\"}")).containsExactly(Detector.SECRET_TOKEN);
            assertThat(detected("X-Auth-Token: sk9Xq2LmZ7pR4tW8vB3nC6yD")).containsExactly(Detector.SECRET_TOKEN);
            assertThat(detected("Authorization: Bearer sk9Xq2LmZ7pR4tW8vB3nC6yD")).containsExactly(Detector.SECRET_TOKEN);
            assertThat(detected("request id sk9Xq2LmZ7pR4tW8vB3nC6yD")).isEmpty();
            assertThat(detected("password reset sent to customer cust-92297f428ea0da7f")).isEmpty();
            assertThat(detected("password=aaaaaaaaaaaaaaaa1111")).isEmpty();
        }
    }

    @Nested
    @DisplayName("is configured")
    class Configuration {
        @Test
        @DisplayName("with an allow-list of values, matched whatever their separators or case")
        void allowList() {
            PiiScanner scanner = PiiScanner.builder().allow("4111111111111111", "Support@Acme.com").build();
            assertThat(scanner.scan("test card 4111 1111 1111 1111, mail support@acme.com")).isEmpty();
            assertThat(scanner.scan("card 5500 0000 0000 0004")).hasSize(1);
        }

        @Test
        @DisplayName("with allowed patterns")
        void allowPattern() {
            PiiScanner scanner = PiiScanner.builder().allowPattern(Pattern.compile(".*@acme\\.com")).build();
            assertThat(scanner.scan("from noreply@acme.com to ada@example.com"))
                    .extracting(PiiFinding::maskedValue).containsExactly(Redaction.token(PiiKind.EMAIL, "ada@example.com"));
        }

        @Test
        @DisplayName("with a subset of detectors and a minimum confidence")
        void subset() {
            PiiScanner cardsOnly = PiiScanner.builder().detectors(Detector.CARD).build();
            assertThat(cardsOnly.scan("ada@example.com 4111111111111111")).extracting(PiiFinding::detector)
                    .containsExactly(Detector.CARD);
            PiiScanner strict = PiiScanner.builder().minimumConfidence(0.95).build();
            assertThat(strict.scan("call (212) 736-5000, card 4111111111111111")).extracting(PiiFinding::detector)
                    .containsExactly(Detector.CARD);
            assertThatThrownBy(() -> PiiScanner.builder().minimumConfidence(1.5))
                    .hasMessage("minimumConfidence must be between 0 and 1, was 1.5");
            assertThatThrownBy(() -> PiiScanner.builder().detectors())
                    .hasMessageStartingWith("PiiScanner.builder().detectors(...) needs at least one detector");
        }
    }

    @Test
    @DisplayName("masks everything it finds, for printing")
    void masks() {
        assertThat(SCANNER.mask("user ada@example.com paid with 4111 1111 1111 1111 from DE89 3704 0044 0532 0130 00,"
                + " key AKIAIOSFODNN7EXAMPLE"))
                .isEqualTo("user " + Redaction.token(PiiKind.EMAIL, "ada@example.com") + " paid with "
                        + Redaction.token(PiiKind.CARD, "4111111111111111") + " from "
                        + Redaction.token(PiiKind.IBAN, "DE89370400440532013000") + ", key "
                        + Redaction.token(PiiKind.SECRET, "AKIAIOSFODNN7EXAMPLE"));
    }
}
