package dev.complianceharness.property.stateful;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.complianceharness.mask.PiiKind;
import dev.complianceharness.mask.Redaction;
import dev.complianceharness.property.Gens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The property engine knows nothing of personal data; harness-core registers its masking as the engine's
 * {@link dev.complianceharness.property.spi.TextRedactor}, so stateful failures inside the harness are masked.
 */
@DisplayName("Stateful properties inside the harness")
class StatefulMaskingTest {

    @Test
    @DisplayName("masks personal data in arguments and results")
    void masksPersonalData() {
        Command<String, Object, String, String> send = Command.<String, Object>named("send")
                .arguments(model -> Gens.constant("+1 305-555-0147"))
                .run((system, number) -> "sent to jane.doe@example.com")
                .expectResult((model, number) -> "not sent");

        Throwable failure = catchThrowable(() -> StatefulProperty.of(() -> "model", Object::new).commands(send)
                .tries(10).seed(1L).checkSequential());

        assertThat(failure.getMessage()).contains("send(\"" + Redaction.token(PiiKind.PHONE, "+13055550147") + "\")",
                        Redaction.token(PiiKind.EMAIL, "jane.doe@example.com"))
                .doesNotContain("555-0147", "jane.doe");
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            assertThat(cause.getMessage()).doesNotContain("555-0147", "jane.doe");
        }
    }

    @Test
    @DisplayName("masks personal data in what the system threw, in the report and in the attached cause, keeping its stack trace")
    void masksThrownMessages() {
        Command<String, Object, Void, String> charge = Command.<String, Object>named("charge")
                .run(system -> {
                    throw new IllegalStateException("card 4111 1111 1111 1111 of jane.doe@example.com declined");
                });

        Throwable failure = catchThrowable(() -> StatefulProperty.of(() -> "model", Object::new).commands(charge)
                .tries(5).seed(1L).checkSequential());

        assertThat(failure.getMessage()).contains("IllegalStateException: card ").doesNotContain("1111 1111", "jane.doe");
        Throwable cause = failure.getCause().getCause();
        assertThat(cause.toString()).startsWith("java.lang.IllegalStateException: card ")
                .doesNotContain("1111 1111", "jane.doe");
        assertThat(cause.getMessage()).startsWith("card ").doesNotContain("1111 1111", "jane.doe");
        assertThat(cause.getStackTrace()).isNotEmpty();
    }
}
