package dev.complianceharness.mask.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.complianceharness.mask.PiiKind;
import dev.complianceharness.mask.Redaction;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Remembered redactions")
class RedactedTextsTest {

    private final List<String> redacted = new ArrayList<>();
    private final UnaryOperator<String> counting = text -> {
        redacted.add(text);
        return "<" + text + ">";
    };

    @Test
    @DisplayName("answer a text redacted before in the same state without redacting it again")
    void remembersWithinOneState() {
        RedactedTexts texts = new RedactedTexts();
        assertThat(texts.redact("owner", 1L, counting)).isEqualTo("<owner>");
        assertThat(texts.redact("owner", 1L, counting)).isEqualTo("<owner>");
        assertThat(redacted).containsExactly("owner");
    }

    @Test
    @DisplayName("redact again once the state changed")
    void forgetsWhenTheStateChanges() {
        RedactedTexts texts = new RedactedTexts();
        texts.redact("owner", 1L, counting);
        texts.redact("owner", 2L, counting);
        assertThat(redacted).containsExactly("owner", "owner");
    }

    @Test
    @DisplayName("never remember a long text")
    void longTextsAreRedactedEveryTime() {
        RedactedTexts texts = new RedactedTexts();
        String long_ = "x".repeat(RedactedTexts.LONGEST_REMEMBERED + 1);
        texts.redact(long_, 1L, counting);
        texts.redact(long_, 1L, counting);
        assertThat(redacted).hasSize(2);
    }

    @Test
    @DisplayName("through the boundary: a value registered after a text was redacted is redacted in it the next time")
    void theBoundaryForgetsWhenAValueIsRegistered() {
        String text = "reviewed by Zyxwvut Qponmlk today";
        assertThat(Redaction.redact(text)).isEqualTo(text);
        Redaction.register(PiiKind.NAME, "Zyxwvut Qponmlk");
        assertThat(Redaction.redact(text)).doesNotContain("Zyxwvut").startsWith("reviewed by <name").endsWith("> today");
    }
}
