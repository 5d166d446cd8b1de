package dev.complianceharness.pii;

import static dev.complianceharness.pii.PiiAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.complianceharness.mask.Pii;
import dev.complianceharness.mask.PiiKind;
import dev.complianceharness.mask.Redaction;
import dev.complianceharness.pii.internal.CanarySearch;
import dev.complianceharness.pii.logs.LogCapture;
import dev.complianceharness.property.Property;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.slf4j.LoggerFactory;

@DisplayName("Canaries")
class CanariesTest {

    /** A customer in the plainest forms (E.164 phone, unspaced 16-digit Visa, dashed valid SSN, compact German IBAN). */
    private static final CanaryCustomer ADA = CanaryCustomer.generate(53_616L);

    private static List<String> found(String text) {
        return new CanarySearch(ADA.canaries("ada"), MaskedForms.defaults()).find(text).stream()
                .map(match -> match.canary().field() + ": " + match.transformation()).toList();
    }

    @Nested
    @DisplayName("generate customers")
    class Customers {
        @Test
        @DisplayName("whose every value the detectors recognise as personal data, the same for the same seed")
        void valid() {
            Property.forAll(CanaryCustomer.generator()).tries(50).seed(7L).check(customer -> {
                PiiScanner scanner = PiiScanner.defaults();
                assertThat(scanner.scan(customer.email())).extracting(PiiFinding::detector).containsExactly(Detector.EMAIL);
                assertThat(scanner.scan("phone " + customer.phone())).extracting(PiiFinding::detector).containsExactly(Detector.PHONE);
                assertThat(scanner.scan("card " + customer.card())).extracting(PiiFinding::detector).containsExactly(Detector.CARD);
                assertThat(scanner.scan("ssn " + customer.ssn())).extracting(PiiFinding::detector).containsExactly(Detector.SSN);
                assertThat(scanner.scan(customer.iban())).extracting(PiiFinding::detector).containsExactly(Detector.IBAN);
                assertThat(CanaryCustomer.generate(customer.seed()).email()).isEqualTo(customer.email());
            });
        }

        @Test
        @DisplayName("that print masked")
        void masked() {
            assertThat(ADA.toString()).doesNotContain(ADA.email(), ADA.phone(), ADA.card(), ADA.ssn(), ADA.name())
                    .contains("seed 53616", "card ending " + ADA.cardLast4());
        }

        @Test
        @DisplayName("registered with the test's canaries, also when a property generates them")
        void registered() {
            Canaries canaries = Canaries.withSeed(5L);
            canaries.customer();
            Property.forAll(canaries.customers()).tries(3).seed(1L).check(customer -> assertThat(customer).isNotNull());
            assertThat(canaries.planted()).hasSizeGreaterThanOrEqualTo(4 * 6);
            assertThat(Canaries.withSeed(5L).customer().email()).isEqualTo(canaries.planted().get(1).value());
        }
    }

    @Nested
    @DisplayName("are found")
    class Found {
        @Test
        @DisplayName("as planted and with the case changed")
        void plainAndCase() {
            assertThat(found("mail " + ADA.email())).containsExactly("email: as planted");
            assertThat(found("mail " + ADA.email().toUpperCase(Locale.ROOT))).containsExactly("email: case changed");
            assertThat(found("dear " + ADA.name().toUpperCase(Locale.ROOT))).containsExactly("name: case changed");
            assertThat(found("dear " + ADA.lastName() + ", " + ADA.firstName())).containsExactly("name: name reordered");
        }

        @Test
        @DisplayName("URL- and Base64-encoded")
        void encoded() {
            assertThat(found("GET /u?e=" + URLEncoder.encode(ADA.email(), StandardCharsets.UTF_8)))
                    .containsExactly("email: url-encoded");
            assertThat(found("token " + Base64.getEncoder().encodeToString(ADA.email().getBytes(StandardCharsets.UTF_8))))
                    .containsExactly("email: base64-encoded");
            assertThat(found("blob " + Base64.getEncoder().encodeToString(ADA.card().getBytes(StandardCharsets.UTF_8))))
                    .containsExactly("card: base64-encoded");
        }

        @Test
        @DisplayName("with numbers written in other formats")
        void reformatted() {
            String national = ADA.phone().substring(2);
            assertThat(found("call " + national)).containsExactly("phone: written without separators");
            assertThat(found("call (" + national.substring(0, 3) + ") " + national.substring(3, 6) + "-" + national.substring(6)))
                    .containsExactly("phone: reformatted");
            String card = ADA.card();
            assertThat(found("card " + card.substring(0, 4) + " " + card.substring(4, 8) + " " + card.substring(8, 12) + " "
                    + card.substring(12))).containsExactly("card: reformatted");
            assertThat(found("ssn " + ADA.ssn().replace("-", ""))).containsExactly("ssn: written without separators");
            String iban = ADA.iban();
            assertThat(found("iban " + iban.substring(0, 4) + " " + iban.substring(4, 8) + " " + iban.substring(8)))
                    .containsExactly("iban: written with spaces");
            assertThat(found("local " + ADA.email().substring(0, ADA.email().indexOf('@')))).containsExactly(
                    "email: local part without the domain");
        }

        @Test
        @DisplayName("in partial masks that reveal more than allowed, but not in allowed ones")
        void partialMasks() {
            String card = ADA.card();
            assertThat(found("card " + card.substring(0, 6) + "******" + card.substring(12)))
                    .containsExactly("card: partial mask revealing 10 of 16 digits (allowed: the last 4)");
            assertThat(found("card ************" + card.substring(12))).isEmpty();
            assertThat(found("card **** **** **** " + card.substring(12))).isEmpty();
            assertThat(found("ssn " + ADA.ssn().substring(0, 3) + "-**-****"))
                    .containsExactly("ssn: partial mask revealing 3 of 9 digits (allowed: the last 4)");
            assertThat(found("ssn ***-**-" + ADA.ssn().substring(7))).isEmpty();
            String local = ADA.email().substring(0, ADA.email().indexOf('@'));
            String domain = ADA.email().substring(ADA.email().indexOf('@'));
            assertThat(found("to " + local.substring(0, 5) + "***" + domain))
                    .containsExactly("email: partial mask revealing 5 characters of the local part (allowed: 1)");
            assertThat(found("to " + local.charAt(0) + "***" + domain)).isEmpty();
            assertThat(found("card " + card.substring(0, 6) + "******" + card.substring(12) + "9"))
                    .as("a fixed-width mask longer than the number").isEmpty();
            CanaryCustomer amex = CanaryCustomer.of(new Object() {
                @Pii(PiiKind.CARD)
                private final String card = "378282246310005";
            });
            assertThat(new CanarySearch(amex.canaries("amex"), MaskedForms.defaults()).find("card 378282******0005"))
                    .extracting(CanarySearch.Match::transformation)
                    .containsExactly("partial mask revealing 10 of 15 digits (allowed: the last 4)");
            assertThat(new CanarySearch(ADA.canaries("ada"), MaskedForms.defaults().revealingLastDigits(PiiKind.CARD, 0))
                    .find("card ************" + card.substring(12))).hasSize(1);
        }

        @Test
        @DisplayName("anchoring a short mask at the end it shows: a last-four mask is not read as the start of an IBAN")
        void shortMasksAnchorAtTheirVisibleEnd() {
            String ibanDigits = ADA.iban().replace(" ", "").substring(2);
            String innerFour = ibanDigits.substring(12, 16);

            assertThat(found("card ************" + innerFour)).isEmpty();
            assertThat(found("iban " + ibanDigits.substring(0, 6) + "**********"))
                    .containsExactly("iban: partial mask revealing 6 of " + ibanDigits.length() + " digits (allowed: the last 4)");
        }

        @Test
        @DisplayName("but not other customers' data")
        void otherCustomers() {
            CanaryCustomer other = CanaryCustomer.generate(99L);
            assertThat(found(other.email() + " " + other.phone() + " " + other.card() + " " + other.iban())).isEmpty();
        }
    }

    @Nested
    @DisplayName("reject")
    class Rejects {
        @Test
        @DisplayName("blank values and masks for kinds without digits")
        void invalid() {
            assertThatThrownBy(() -> Canaries.withSeed(1).plant("loyalty", PiiKind.OTHER, " "))
                    .hasMessageStartingWith("Canary planted.loyalty has a blank value");
            assertThatThrownBy(() -> MaskedForms.defaults().revealingLastDigits(PiiKind.EMAIL, 2))
                    .hasMessage("revealingLastDigits applies to CARD, PHONE, SSN and IBAN, not EMAIL");
        }
    }

    /**
     * Isolated: the pinned message counts the capture's events, and events no test can be attributed to (another
     * test's deliberately unwrapped thread) reach every open capture.
     */
    @Nested
    @Isolated
    @DisplayName("are asserted on with AssertJ")
    class Assertions {
        @Test
        @DisplayName("failing with every leak named and masked")
        void message() {
            Canaries canaries = Canaries.withSeed(3L);
            String email = canaries.plant("email", PiiKind.EMAIL, "ada.quill@example.com");
            try (LogCapture capture = LogCapture.start("signup")) {
                LoggerFactory.getLogger("app.signup").info("welcome {}", URLEncoder.encode(email, StandardCharsets.UTF_8));
                assertThatThrownBy(() -> assertThat(capture.logs()).containsNoCanaries(canaries))
                        .isInstanceOf(AssertionError.class)
                        .hasMessage(String.format("%nExpecting captured logs of \"signup\" (1 events):%n"
                                + "  to contain none of the 1 canary values planted with seed 3%n"
                                + "but found 1 leak:%n"
                                + "  - planted.email, url-encoded, logged by app.signup (LOGBACK INFO, thread %s):"
                                + " \"welcome %s\"", Thread.currentThread().getName(), Redaction.token(PiiKind.EMAIL, email)));
            }
        }

        @Test
        @DisplayName("with detectors on, and passing on clean logs")
        void detectors() {
            try (LogCapture capture = LogCapture.start("payment")) {
                LoggerFactory.getLogger("app.pay").info("paid order 1234 with card ending 1111");
                assertThat(capture.logs()).containsNoPii().containsNoDataOf(ADA);
                LoggerFactory.getLogger("app.pay").info("card 4111111111111111");
                assertThatThrownBy(() -> assertThat(capture.logs()).containsNoPii())
                        .hasMessageContaining("to contain no personal data%nbut found 1 leak:%n  - detector card (confidence 1.00),"
                                .formatted() + " found by pattern, logged by app.pay (LOGBACK INFO")
                        .hasMessageContaining("\"card " + Redaction.token(PiiKind.CARD, "4111111111111111") + "\"");
            }
        }
    }
}
