package dev.complianceharness.pii;

import static org.assertj.core.api.Assertions.assertThat;

import dev.complianceharness.mask.Redaction;
import dev.complianceharness.pii.internal.CanarySearch;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The redaction boundary and the canary search must agree: every form in which the search finds a planted value
 * in a log line, the boundary removes from the harness's own output. For canary customers of several seeds, each
 * value is written in each form the search knows; the search finds it in the text, and finds nothing once the text
 * has passed the boundary.
 */
@DisplayName("The redaction boundary removes every form the canary search finds")
class RedactionCoversCanarySearchTest {

    @ParameterizedTest(name = "customer of seed {0}")
    @ValueSource(longs = {1, 2, 3, 17, 42, 1_000, 20_251_102, -9_000_000_000L})
    void everyFormIsRedacted(long seed) {
        CanaryCustomer customer = CanaryCustomer.generate(seed);
        List<Canary> canaries = customer.canaries("customer");
        CanarySearch search = new CanarySearch(canaries, MaskedForms.defaults());
        for (String form : forms(customer)) {
            String line = "2025-06-02 12:00:00 INFO app.desk - processed [" + form + "] for order 42";
            assertThat(search.find(line)).as("the canary search finds %s", form).isNotEmpty();
            String redacted = Redaction.redact(line);
            assertThat(search.find(redacted)).as("after redaction of %s: %s", form, redacted).isEmpty();
            assertThat(redacted).as("the rest of the line stays").startsWith("2025-06-02 12:00:00 INFO app.desk - processed [")
                    .endsWith("] for order 42");
        }
    }

    private static List<String> forms(CanaryCustomer customer) {
        List<String> forms = new ArrayList<>();
        for (String value : List.of(customer.name(), customer.email(), customer.phone(), customer.card(), customer.ssn(),
                customer.iban())) {
            forms.add(value);
            forms.add(value.toUpperCase(Locale.ROOT));
            forms.add(value.toLowerCase(Locale.ROOT));
            forms.add(Base64.getEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
            forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
        }
        forms.add(URLEncoder.encode(customer.email(), StandardCharsets.UTF_8));
        forms.add(customer.email().substring(0, customer.email().indexOf('@')));
        String digits = customer.phone().replaceAll("\\D", "");
        String phone = digits.substring(digits.length() - 10);
        forms.add(phone);
        forms.add("(" + phone.substring(0, 3) + ") " + phone.substring(3, 6) + "-" + phone.substring(6));
        forms.add(phone.substring(0, 3) + "." + phone.substring(3, 6) + "." + phone.substring(6));
        forms.add("1-" + phone.substring(0, 3) + "-" + phone.substring(3, 6) + "-" + phone.substring(6));
        String card = customer.card().replaceAll("\\D", "");
        forms.add(card);
        forms.add(card.substring(0, 4) + " " + card.substring(4, 8) + " " + card.substring(8, 12) + " " + card.substring(12));
        forms.add(card.substring(0, 4) + "-" + card.substring(4, 8) + "-" + card.substring(8, 12) + "-" + card.substring(12));
        forms.add(Base64.getEncoder().withoutPadding().encodeToString(card.getBytes(StandardCharsets.US_ASCII)));
        forms.add(card.substring(0, 6) + "******" + card.substring(12));
        String ssn = customer.ssn().replaceAll("\\D", "");
        forms.add(ssn);
        forms.add(ssn.substring(0, 3) + "-" + ssn.substring(3, 5) + "-" + ssn.substring(5));
        String iban = customer.iban().replaceAll("\\s", "");
        forms.add(iban);
        StringBuilder spaced = new StringBuilder();
        for (int i = 0; i < iban.length(); i += 4) {
            spaced.append(i == 0 ? "" : " ").append(iban, i, Math.min(iban.length(), i + 4));
        }
        forms.add(spaced.toString());
        String[] name = customer.name().split(" ");
        forms.add(name[name.length - 1] + ", " + name[0]);
        return forms;
    }
}
