package dev.complianceharness.mask;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The redaction boundary")
class RedactionTest {

    private static final String HASH = " #[0-9a-f]{4}>";

    @Nested
    @DisplayName("redacts a known personal value")
    class KnownValues {

        @Test
        @DisplayName("in every form the canary search knows: case, URL-encoding, Base64, digits only, other grouping")
        void phoneInEveryForm() {
            String phone = "+13125550193";
            String token = Redaction.token(PiiKind.PHONE, phone);
            List<String> forms = List.of(phone, "3125550193", "(312) 555-0193", "312.555.0193", "1-312-555-0193",
                    "+1 312 555 0193", "312/555/0193", "312_555_0193", "\uff13\uff11\uff12\uff15\uff15\uff15\uff10\uff11\uff19\uff13",
                    URLEncoder.encode(phone, StandardCharsets.UTF_8),
                    Base64.getEncoder().withoutPadding().encodeToString(phone.getBytes(StandardCharsets.UTF_8)),
                    Base64.getEncoder().withoutPadding().encodeToString("3125550193".getBytes(StandardCharsets.US_ASCII)));
            for (String form : forms) {
                assertThat(Redaction.redact("called " + form + " twice")).as(form).isEqualTo("called " + token + " twice");
            }
        }

        @Test
        @DisplayName("e-mail addresses in any case, URL-encoded, in Base64, and by their local part")
        void email() {
            String email = "Ophelia.Quarrington@example.org";
            String token = Redaction.token(PiiKind.EMAIL, email);
            assertThat(token).matches("<email …@example\\.org" + HASH);
            for (String form : List.of(email, email.toUpperCase(), "ophelia.quarrington%40example.org",
                    Base64.getEncoder().withoutPadding().encodeToString(email.getBytes(StandardCharsets.UTF_8)))) {
                assertThat(Redaction.redact("to=" + form + ";")).as(form).isEqualTo("to=" + token + ";");
            }
            assertThat(Redaction.redact("user ophelia.quarrington logged in")).isEqualTo("user " + token + " logged in");
        }

        @Test
        @DisplayName("names in full, reordered, and by their parts as written, but never inside other words")
        void name() {
            String token = Redaction.token(PiiKind.NAME, "Wystan Brackenbury");
            assertThat(Redaction.redact("dear Wystan Brackenbury,")).isEqualTo("dear " + token + ",");
            assertThat(Redaction.redact("BRACKENBURY, WYSTAN signed")).isEqualTo(token + " signed");
            assertThat(Redaction.redact("Mr Brackenbury called")).isEqualTo("Mr " + token + " called");
            assertThat(Redaction.redact("Brackenburyshire and brackenbury stay")).isEqualTo("Brackenburyshire and brackenbury stay");
        }

        @Test
        @DisplayName("cards, SSNs and IBANs with any separators")
        void numbers() {
            String card = Redaction.token(PiiKind.CARD, "4000056655665556");
            String ssn = Redaction.token(PiiKind.SSN, "219-09-9999");
            String iban = Redaction.token(PiiKind.IBAN, "GB33BUKB20201555555555");
            assertThat(card).matches("<card …5556" + HASH);
            assertThat(ssn).matches("<ssn" + HASH);
            assertThat(iban).matches("<iban GB …55" + HASH);
            assertThat(Redaction.redact("paid with 4000 0566 5566 5556.")).isEqualTo("paid with " + card + ".");
            assertThat(Redaction.redact("paid with 4000-0566-5566-5556")).isEqualTo("paid with " + card);
            assertThat(Redaction.redact("ssn=219099999")).isEqualTo("ssn=" + ssn);
            assertThat(Redaction.redact("iban gb33 bukb 2020 1555 5555 55 ok")).isEqualTo("iban " + iban + " ok");
        }

        @Test
        @DisplayName("with one token per value, the same in every message and for every spelling")
        void stableTokens() {
            String first = Redaction.token(PiiKind.PHONE, "+1 415 555 0132");
            String again = Redaction.token(PiiKind.PHONE, "4155550132");
            String other = Redaction.token(PiiKind.PHONE, "+1 415 555 0177");
            assertThat(first).isEqualTo(again).matches("<phone \\+1 415 …32" + HASH);
            assertThat(other).isNotEqualTo(first).startsWith("<phone +1 415 …77 #");
        }

        @Test
        @DisplayName("from the fields annotated @Pii of an object and of the objects it holds")
        void personalFields() {
            record Address(String street, @Pii(PiiKind.ADDRESS) String line) {
            }
            record Customer(String id, @Pii(PiiKind.EMAIL) String email, List<Address> addresses) {
            }
            Redaction.registerPersonalFields(new Customer("c-17", "thaddeus.vell@example.net",
                    List.of(new Address("main", "17 Quillon Lane, Springfield"))));

            assertThat(Redaction.redact("c-17 thaddeus.vell@example.net at 17 Quillon Lane, Springfield"))
                    .isEqualTo("c-17 " + Redaction.token(PiiKind.EMAIL, "thaddeus.vell@example.net") + " at "
                            + Redaction.token(PiiKind.ADDRESS, "17 Quillon Lane, Springfield"));
        }
    }

    @Nested
    @DisplayName("masks what looks personal in text nobody declared")
    class Patterns {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "mail lorcan.fitch@example.com today|mail <email …@example.com #",
                "to=lorcan.fitch%40example.com&x=1|to=<email …@example.com #",
                "call +1 305-555-0147 now|call <phone +1 305 …47 #",
                "call (305) 555-0148 now|call <phone +1 305 …48 #",
                "ring +44 20 7946 0958|ring <phone +44 20 …58 #",
                "card 4111 1111 1111 1111 used|card <card …1111 #",
                "file charges_for_4242_4242_4242_4242.txt|file charges_for_<card …4242 #",
                "card \uff14\uff12\uff14\uff12\uff14\uff12\uff14\uff12\uff14\uff12\uff14\uff12\uff14\uff12\uff14\uff12|card <card …4242 #",
                "ssn 123-45-6789|ssn <ssn #",
                "born 12/04/1985 in|born <date #",
                "born 19850412 in|born <date #",
                "account 123456789012 closed|account <number …12 #",
                "iban DE89 3704 0044 0532 0130 00 used|iban <iban DE …00 #",
                "shown as 4111 11** **** 1111|shown as <number #"})
        @DisplayName("e-mails, phones, cards, SSNs, dates, IBANs, long numbers and partial masks that show too much")
        void masks(String text, String expectedStart) {
            assertThat(Redaction.redact(text)).startsWith(expectedStart).doesNotContainPattern("\\d{5}");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
                "property x failed (seed -4232342342342342342)",
                "run again with -Dcomplianceharness.seed=4111111111111111 (or .seed(4111111111111111L) on the check)",
                "capture 12000000 USD minor on pay-1",
                "authorized 12000000 EUR minor, captured 0 EUR minor",
                "amount 12000000 refused",
                "12,000,000 minor units",
                "sent at 2025-06-17T12:00:00Z, effective from 2004-01-01",
                "Fla. Stat. § 501.616(6)(a); 47 CFR 64.1200(c)(1); 15 U.S.C. § 7704(a)(4)(A)",
                "Regulation (EU) 2016/679, Art. 5(1)(f); Directive 2002/58/EC Art. 13(1); Regulation (EU) No 2019/1148",
                "rule sms.quiet-hours.us-fl-501-616 failed",
                "harness-sms-contact-windows 2026.11.1, tzdata 2025a",
                "pi is 3.14159265",
                "shrunk in 8800000 ns over 1000000 tries",
                "idempotency key key-12345678 reused",
                "events: 1234567 events",
                "a masked card **** **** **** 4242 and +*********47 are fine",
                "owner privacy-team"})
        @DisplayName("and leaves seeds, amounts, counts, timestamps, citations, rule ids and versions readable")
        void keeps(String text) {
            assertThat(Redaction.redact(text)).isEqualTo(text);
        }

        @Test
        @DisplayName("keys and tokens")
        void secrets() {
            String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
            assertThat(Redaction.redact("token " + jwt)).matches("token <secret" + HASH);
            assertThat(Redaction.redact("key AKIAIOSFODNN7EXAMPLE")).matches("key <secret" + HASH);
            assertThat(Redaction.redact("-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----"))
                    .matches("<secret" + HASH);
        }

        @Test
        @DisplayName("but leaves a published contact, such as an invariant's owner, readable")
        void publishedContacts() {
            Redaction.published("payments-compliance <payments-compliance@example.com>");
            assertThat(Redaction.redact("owner: payments-compliance <payments-compliance@example.com>"))
                    .isEqualTo("owner: payments-compliance <payments-compliance@example.com>");
        }

        @Test
        @DisplayName("the same token as a known value of the same kind, so that both can be correlated")
        void sameTokenAsKnown() {
            assertThat(Redaction.redact("+1 646-555-0181")).isEqualTo(Redaction.token(PiiKind.PHONE, "+16465550181"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a.b@example.org +44 20 7946 0958", "4111 1111 1111 1111 and 123-45-6789 on 12/04/1985",
            "token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abcdefgh and AKIAIOSFODNN7EXAMPLE"})
    @DisplayName("changes nothing when applied twice")
    void idempotent(String text) {
        String once = Redaction.redact(text);
        assertThat(Redaction.redact(once)).isEqualTo(once);
    }

    @Nested
    @DisplayName("renders values by their type")
    class Rendering {

        record Subscriber(String id, @Pii(PiiKind.PHONE) String phone, long balance) {
        }

        record Described(@Pii(PiiKind.EMAIL) String email) {
            @Override
            public String toString() {
                return "Described[" + email + "]";
            }
        }

        @Test
        @DisplayName("a record's @Pii components as tokens, numbers as numbers, strings quoted")
        void records() {
            String rendered = Redaction.render(new Subscriber("s-1", "+13055550166", 12_000_000L));
            assertThat(rendered).isEqualTo("Subscriber[id=\"s-1\", phone=" + Redaction.token(PiiKind.PHONE, "+13055550166")
                    + ", balance=12,000,000]");
            assertThat(Redaction.redact(rendered)).isEqualTo(rendered);
        }

        record Member(String memberNo, String fullName, String mobile, java.time.LocalDate birthDate, String plan,
                      String name) {
        }

        @Test
        @DisplayName("fields a team forgot to annotate, by their names: fullName, mobile, birthDate are personal; plan and name are not")
        void namedLikePersonalData() {
            Member member = new Member("LM-2024-00918273", "Ottoline Barnstaple", "+447700900461",
                    java.time.LocalDate.of(1984, 11, 2), "Gold", "Gold member");
            assertThat(Redaction.render(member)).isEqualTo("Member[memberNo=\"LM-2024-00918273\", fullName="
                    + Redaction.token(PiiKind.NAME, "Ottoline Barnstaple") + ", mobile="
                    + Redaction.token(PiiKind.PHONE, "+447700900461") + ", birthDate=" + Redaction.token(PiiKind.OTHER, "1984-11-02")
                    + ", plan=\"Gold\", name=\"Gold member\"]");
            assertThat(Redaction.redact("Ottoline Barnstaple, born 1984-11-02, on 07700 900461"))
                    .doesNotContain("Ottoline", "Barnstaple", "1984-11-02", "900461");
        }

        @Test
        @DisplayName("a hand-written toString() redacted with the @Pii values it holds")
        void handWritten() {
            assertThat(Redaction.render(new Described("philippa.oakes@example.net")))
                    .isEqualTo("Described[" + Redaction.token(PiiKind.EMAIL, "philippa.oakes@example.net") + "]");
        }

        @Test
        @DisplayName("containers element by element")
        void containers() {
            assertThat(Redaction.render(List.of("ab", 3, Optional.of(Map.of("k", 4_000_000_000L)))))
                    .isEqualTo("[\"ab\", 3, Optional[{\"k\"=4,000,000,000}]]");
            assertThat(Redaction.render(new int[] {1, 2})).isEqualTo("[1, 2]");
            assertThat(Redaction.render(null)).isEqualTo("null");
        }
    }

    @Test
    @DisplayName("keeps Masking working by delegating to it")
    void masking() {
        assertThat(Masking.mask("call +1 305-555-0199")).isEqualTo(Redaction.redact("call +1 305-555-0199"));
        assertThat(Masking.maskValue("+13055550199")).isEqualTo(Redaction.token(PiiKind.PHONE, "+13055550199"));
        assertThat(Masking.maskValue("kestrel.ivory@example.com")).isEqualTo(Redaction.token(PiiKind.EMAIL, "kestrel.ivory@example.com"));
    }
}
