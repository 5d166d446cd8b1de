package dev.complianceharness.mask;

import static org.assertj.core.api.Assertions.assertThat;

import dev.complianceharness.mask.internal.Tokens;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The redaction policy")
class RedactionPolicyTest {

    private static RedactionPolicy configured(Map<String, String> keys) {
        return RedactionPolicy.from(key -> Optional.ofNullable(keys.get(key)).map(value -> new String[] {value, "test"}));
    }

    @Test
    @DisplayName("shows by default the last two digits of a phone, four of a card, none of an SSN")
    void defaults() {
        RedactionPolicy policy = RedactionPolicy.defaults();
        assertThat(Tokens.of(PiiKind.PHONE, "+13055550147", policy)).startsWith("<phone +1 305 \u202647 #");
        assertThat(Tokens.of(PiiKind.CARD, "4111111111111111", policy)).startsWith("<card \u20261111 #");
        assertThat(Tokens.of(PiiKind.SSN, "536-22-8913", policy)).matches("<ssn #[0-9a-f]{4}>");
        assertThat(policy.describe()).isEqualTo("trailing digits shown: phone 2, card 4, SSN 0, IBAN 2, other numbers 2;"
                + " country and area codes and e-mail domains shown (defaults)");
    }

    @Test
    @DisplayName("is configured per kind or for every kind, and names where it was set")
    void configuredKeys() {
        RedactionPolicy policy = configured(Map.of("complianceharness.redaction.trailingDigits", "0",
                "complianceharness.redaction.trailingDigits.card", "2"));
        assertThat(policy.trailingDigits(PiiKind.PHONE)).isZero();
        assertThat(policy.trailingDigits(PiiKind.CARD)).isEqualTo(2);
        assertThat(Tokens.of(PiiKind.PHONE, "+13055550147", policy)).startsWith("<phone +1 305 \u2026 #");
        assertThat(Tokens.of(PiiKind.CARD, "4111111111111111", policy)).startsWith("<card \u202611 #");
        assertThat(policy.source()).isEqualTo("test");
        assertThat(policy.problems()).isEmpty();
    }

    @Test
    @DisplayName("never shows so many digits that the number could be guessed")
    void keepsDigitsHidden() {
        RedactionPolicy generous = configured(Map.of("complianceharness.redaction.trailingDigits", "4"));
        assertThat(Tokens.of(PiiKind.PHONE, "+13055550147", generous)).startsWith("<phone +1 305 \u2026147 #");
        assertThat(Tokens.of(PiiKind.SSN, "536-22-8913", generous)).startsWith("<ssn \u20268913 #");
        assertThat(Tokens.of(PiiKind.PHONE, "+3312345678", generous)).doesNotContain("12345678", "2345678");
    }

    @Test
    @DisplayName("fails closed on a value it cannot use: that kind shows no digits, and the problem is named")
    void invalidValue() {
        RedactionPolicy policy = configured(Map.of("complianceharness.redaction.trailingDigits.card", "all"));
        assertThat(policy.trailingDigits(PiiKind.CARD)).isZero();
        assertThat(policy.problems()).containsExactly("complianceharness.redaction.trailingDigits.card = 'all' is not a number"
                + " of trailing digits from 0 to 4; no digits are shown until it is fixed");
    }
}
