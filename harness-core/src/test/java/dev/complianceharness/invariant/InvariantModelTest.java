package dev.complianceharness.invariant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.complianceharness.event.EventTrace;
import dev.complianceharness.mask.PiiKind;
import dev.complianceharness.mask.Redaction;
import dev.complianceharness.testing.ConsentModule;
import dev.complianceharness.testing.ConsentModule.ConsentGiven;
import dev.complianceharness.testing.ConsentModule.MessageSent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The invariant model")
class InvariantModelTest {

    private static final Instant T0 = Instant.parse("2025-06-02T12:00:00Z");

    @Nested
    @DisplayName("Jurisdiction")
    class JurisdictionTest {
        @Test
        @DisplayName("accepts ISO 3166-1 countries and ISO 3166-2 subdivisions in any case")
        void acceptsIsoCodes() {
            Jurisdiction florida = Jurisdiction.of("us-fl");

            assertThat(florida.code()).isEqualTo("US-FL");
            assertThat(florida.country()).isEqualTo("US");
            assertThat(florida.subdivision()).contains("FL");
            assertThat(Jurisdiction.of("US").contains(florida)).isTrue();
            assertThat(florida.contains(Jurisdiction.of("US"))).isFalse();
            assertThat(Jurisdiction.of("FR").isSubdivision()).isFalse();
        }

        @Test
        @DisplayName("rejects unknown countries and malformed subdivisions with the expected format")
        void rejectsUnknownCodes() {
            assertThatIllegalArgumentException().isThrownBy(() -> Jurisdiction.of("XX"))
                    .withMessage("Unknown jurisdiction code 'XX': expected an ISO 3166-1 alpha-2 country code such as"
                            + " \"US\" or an ISO 3166-2 subdivision code such as \"US-FL\"");
            assertThatIllegalArgumentException().isThrownBy(() -> Jurisdiction.of("US-FLORIDA"))
                    .withMessageStartingWith("Malformed subdivision in jurisdiction code 'US-FLORIDA'");
        }
    }

    @Nested
    @DisplayName("Regulation")
    class RegulationTest {
        @Test
        @DisplayName("rejects a rule without a citation, naming the fix")
        void requiresCitation() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> Regulation.builder("us-fl-501.616").jurisdiction("US-FL").build())
                    .withMessage("Regulation 'us-fl-501.616' has no citation: add .citation(...) with the statute or rule"
                            + " a counsel can look up");
        }

        @Test
        @DisplayName("rejects a missing jurisdiction, a bad id, a bad source and reversed dates")
        void validates() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> Regulation.builder("x").citation("c").build())
                    .withMessageContaining("has no jurisdiction");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> Regulation.builder("Bad Id").citation("c").jurisdiction("US").build())
                    .withMessageContaining("Regulation id 'Bad Id' must be lower-case");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> Regulation.builder("x").source("ftp://example.com/law"))
                    .withMessageContaining("expected an absolute http or https URL");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> Regulation.builder("x").citation("c").jurisdiction("US")
                            .effectiveFrom(LocalDate.of(2024, 1, 1)).effectiveTo(LocalDate.of(2023, 1, 1)).build())
                    .withMessage("Regulation 'x' ends (2023-01-01) before it starts (2024-01-01)");
        }

        @Test
        @DisplayName("is in effect between its dates, and always when they are unknown")
        void effectiveDates() {
            Regulation maryland = Regulation.builder("us-md-sb90").citation("Md. SB 90 (2023)").jurisdiction("US-MD")
                    .effectiveFrom(LocalDate.of(2024, 1, 1)).confidence(Confidence.HIGH).build();

            assertThat(maryland.isInEffectOn(LocalDate.of(2023, 12, 31))).isFalse();
            assertThat(maryland.isInEffectOn(LocalDate.of(2024, 1, 1))).isTrue();
            assertThat(ConsentModule.FLORIDA_CAP.isInEffectOn(LocalDate.of(1900, 1, 1))).isTrue();
            assertThat(maryland.describe()).isEqualTo("Md. SB 90 (2023) [US-MD, high confidence]");
        }
    }

    @Nested
    @DisplayName("Invariant")
    class InvariantTest {
        @Test
        @DisplayName("refuses to build without description, regulation, owner or tier")
        void requiresMetadata() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> Invariant.builder("x.y").regulation(ConsentModule.EPRIVACY).owner(Owner.of("a"))
                            .tier(LiabilityTier.FINANCIAL).overWholeTrace(trace -> java.util.List.of()))
                    .withMessage("Invariant 'x.y' has no a description: add .description(\"...\") saying what the"
                            + " invariant demands");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> Invariant.builder("x.y").description("d").regulation(ConsentModule.EPRIVACY)
                            .tier(LiabilityTier.FINANCIAL).overWholeTrace(trace -> java.util.List.of()))
                    .withMessageContaining("has no an owner");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> Owner.of(" "))
                    .withMessageContaining("An owner needs a name");
        }

        @Test
        @DisplayName("judges each event of its type in the per-event form")
        void perEvent() {
            Invariant invariant = ConsentModule.CONSENT_BEFORE_MARKETING;
            EventTrace trace = EventTrace.of(new ConsentGiven(T0, "a@example.com"),
                    new MessageSent(T0, "a@example.com", "hi"), new MessageSent(T0, "b@example.com", "hi"));

            assertThat(invariant.form()).isEqualTo(Invariant.Form.PER_EVENT);
            assertThat(invariant.eventType()).contains(MessageSent.class);
            assertThat(invariant.verify(trace)).singleElement().satisfies(violation -> {
                assertThat(violation.message()).isEqualTo("no consent from " + Redaction.token(PiiKind.EMAIL, "b@example.com")
                        + " was recorded before the message");
                assertThat(violation.evidence()).containsExactly("MessageSent[to " + Redaction.token(PiiKind.EMAIL, "b@example.com")
                        + " at 2025-06-02T12:00:00Z]");
            });
        }

        @Test
        @DisplayName("judges the trace as a whole in the whole-trace form")
        void wholeTrace() {
            EventTrace trace = EventTrace.of(new MessageSent(T0, "a@example.com", "1"),
                    new MessageSent(T0.plusSeconds(60), "a@example.com", "2"),
                    new MessageSent(T0.plusSeconds(120), "a@example.com", "3"));

            assertThat(ConsentModule.AT_MOST_THREE_PER_DAY.form()).isEqualTo(Invariant.Form.WHOLE_TRACE);
            assertThat(ConsentModule.AT_MOST_THREE_PER_DAY.verify(trace)).isEmpty();
            trace.record(new MessageSent(T0.plusSeconds(180), "a@example.com", "4"));
            assertThat(ConsentModule.AT_MOST_THREE_PER_DAY.verify(trace)).singleElement()
                    .satisfies(violation -> assertThat(violation.evidence()).hasSize(4));
        }

        @Test
        @DisplayName("fails closed when its check throws")
        void failsClosed() {
            Invariant broken = Invariant.builder("x.broken").description("d").regulation(ConsentModule.EPRIVACY)
                    .owner(Owner.of("a")).tier(LiabilityTier.REPUTATIONAL)
                    .forEachEvent(MessageSent.class, (event, trace) -> {
                        throw new IllegalStateException("no data");
                    });

            assertThat(broken.verify(EventTrace.of(new MessageSent(T0, "a", "b")))).singleElement()
                    .satisfies(violation -> assertThat(violation.message())
                            .isEqualTo("the check could not decide and fails closed: the check threw"
                                    + " java.lang.IllegalStateException: no data (at InvariantModelTest.java:151)"));
            assertThat(broken.verify(new EventTrace())).isEmpty();
            assertThat(Optional.of(broken.rationale())).contains(Optional.empty());
        }
    }
}
