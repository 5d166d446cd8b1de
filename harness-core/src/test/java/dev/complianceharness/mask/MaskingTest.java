package dev.complianceharness.mask;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Masking")
class MaskingTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "call +1 305-555-0147 now|call +* ***-***-**47 now",
            "card 4111 1111 1111 1111 used|card **** **** **** **11 used",
            "mail jane.doe@example.com today|mail j***@example.com today",
            "ssn 123-45-6789|ssn ***-**-**89",
            "sent at 2025-06-02T21:30:00Z to 3055550147|sent at 2025-06-02T21:30:00Z to ********47",
            "on 2025-03-09 at 02:30, amount 1200|on 2025-03-09 at 02:30, amount 1200",
            "order 123456 of 2 items|order 123456 of 2 items"})
    @DisplayName("masks e-mail addresses and long digit runs, and leaves dates, times and short numbers")
    void masks(String text, String masked) {
        assertThat(Masking.mask(text)).isEqualTo(masked);
    }

    @Test
    @DisplayName("is idempotent")
    void idempotent() {
        String once = Masking.mask("a.b@example.org +44 20 7946 0958");
        assertThat(Masking.mask(once)).isEqualTo(once);
    }

    @Test
    @DisplayName("masks a known personal value except its last two characters")
    void masksValue() {
        assertThat(Masking.maskValue("+13055550147")).isEqualTo("+*********47");
        assertThat(Masking.maskValue("abc")).isEqualTo("***");
    }
}
