package dev.complianceharness.testkit;

import static dev.complianceharness.testkit.InvariantAssertions.assertThatInvariant;
import static dev.complianceharness.testkit.InvariantAssertions.assertThatModule;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.complianceharness.event.EventTrace;
import dev.complianceharness.invariant.Invariant;
import dev.complianceharness.invariant.InvariantModule;
import dev.complianceharness.invariant.InvariantOverride;
import dev.complianceharness.invariant.ReviewQuestion;
import dev.complianceharness.mask.PiiKind;
import dev.complianceharness.mask.Redaction;
import dev.complianceharness.testing.ConsentModule;
import dev.complianceharness.testing.ConsentModule.ConsentGiven;
import dev.complianceharness.testing.ConsentModule.MessageSent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The module authors' testkit")
class InvariantAssertionsTest {

    private static final Instant T0 = Instant.parse("2025-06-02T12:00:00Z");
    private static final String PHONE = Redaction.token(PiiKind.PHONE, "+13055550167");
    private static final EventTrace WITHOUT_CONSENT = EventTrace.of(new MessageSent(T0, "+13055550167", "hi"));
    private static final EventTrace WITH_CONSENT = EventTrace.of(new ConsentGiven(T0, "+13055550167"),
            new MessageSent(T0, "+13055550167", "hi"));

    @Nested
    @DisplayName("assertThatInvariant")
    class Invariants {

        @Test
        @DisplayName("passes when the invariant flags a bad trace with the expected (masked) message")
        void flags() {
            assertThatInvariant(ConsentModule.CONSENT_BEFORE_MARKETING)
                    .flags(WITHOUT_CONSENT)
                    .times(1)
                    .withMessage("no consent from " + PHONE + " was recorded before the message")
                    .withMessageContaining("no consent")
                    .withEvidenceContaining("MessageSent[to " + PHONE);
        }

        @Test
        @DisplayName("fails, showing the masked trace, when the invariant accepts a trace it should flag")
        void flagsFailsOnAcceptedTrace() {
            assertThatThrownBy(() -> assertThatInvariant(ConsentModule.CONSENT_BEFORE_MARKETING).flags(WITH_CONSENT))
                    .isInstanceOf(AssertionError.class)
                    .hasMessage(String.format("%nExpecting invariant:%n  test.consent-before-marketing%nto flag the trace:%n"
                            + "  ConsentGiven[" + PHONE + " at 2025-06-02T12:00:00Z]%n"
                            + "  MessageSent[to " + PHONE + " at 2025-06-02T12:00:00Z]%nbut it accepted it"));
        }

        @Test
        @DisplayName("fails when the message differs, listing the messages found")
        void messageMismatch() {
            assertThatThrownBy(() -> assertThatInvariant(ConsentModule.CONSENT_BEFORE_MARKETING)
                    .flags(WITHOUT_CONSENT).withMessageContaining("quiet hours"))
                    .hasMessageContaining("with a message containing:")
                    .hasMessageContaining("no consent from " + PHONE + " was recorded before the message");
            assertThatThrownBy(() -> assertThatInvariant(ConsentModule.CONSENT_BEFORE_MARKETING)
                    .flags(WITHOUT_CONSENT).times(2))
                    .hasMessageContaining("to find 2 violation(s)");
        }

        @Test
        @DisplayName("accepts a compliant trace, and fails with the violations on a bad one")
        void accepts() {
            assertThatInvariant(ConsentModule.CONSENT_BEFORE_MARKETING).accepts(WITH_CONSENT).accepts(new EventTrace());
            assertThatThrownBy(() -> assertThatInvariant(ConsentModule.CONSENT_BEFORE_MARKETING).accepts(WITHOUT_CONSENT))
                    .hasMessageEndingWith(String.format("but it found:%n  no consent from " + PHONE + " was recorded before the message"));
        }
    }

    @Nested
    @DisplayName("assertThatModule")
    class Modules {

        @Test
        @DisplayName("lists every metadata problem of a module at once")
        void listsProblems() {
            assertThatThrownBy(() -> assertThatModule(new SloppyModule()).isWellFormed())
                    .hasMessage(String.format("%nExpecting module:%n  test.sloppy%nto be well formed, but it:%n"
                            + "  - version 'latest' is not a semantic version such as 1.2.0%n"
                            + "  - declares no review date: return the day its rules were last checked from rulesReviewedOn()%n"
                            + "  - invariant 'test.at-most-three-per-day' cites 'Fla. Stat. 501.616(6)(b)' without a source URL a reviewer can open (a high-confidence regulation needs one)%n"
                            + "  - overrides 'test.consent-before-marketing' without a reason%n"
                            + "  - rubric question \"Is consent stored with its source?\" links to 'test.consent-stored', which the module does not declare"));
        }

        @Test
        @DisplayName("passes a complete module and pins its invariant ids and review date")
        void passesCompleteModule() {
            Clock today = Clock.fixed(Instant.parse("2026-01-15T00:00:00Z"), ZoneOffset.UTC);

            assertThatModule(new CompleteModule()).isWellFormed()
                    .hasInvariantIds("test.consent-before-marketing")
                    .wasReviewedWithin(Period.ofMonths(12), today);
            assertThatThrownBy(() -> assertThatModule(new CompleteModule()).hasInvariantIds("test.renamed"))
                    .hasMessageContaining("to declare exactly the invariant ids:");
            assertThatThrownBy(() -> assertThatModule(new CompleteModule())
                    .wasReviewedWithin(Period.ofMonths(1), today))
                    .hasMessageContaining("to have been reviewed on or after 2025-12-15");
        }
    }

    static final class SloppyModule implements InvariantModule {
        @Override
        public String id() {
            return "test.sloppy";
        }

        @Override
        public String version() {
            return "latest";
        }

        @Override
        public List<Invariant> invariants() {
            return List.of(ConsentModule.AT_MOST_THREE_PER_DAY);
        }

        @Override
        public List<InvariantOverride> overrides() {
            return List.of(InvariantOverride.replace("test.consent-before-marketing",
                    ConsentModule.CONSENT_BEFORE_MARKETING, " "));
        }

        @Override
        public List<ReviewQuestion> reviewRubric() {
            return List.of(ReviewQuestion.of("Is consent stored with its source?", "test.consent-stored"));
        }
    }

    static final class CompleteModule implements InvariantModule {
        @Override
        public String id() {
            return "test.complete";
        }

        @Override
        public String version() {
            return "1.0.0";
        }

        @Override
        public Optional<LocalDate> rulesReviewedOn() {
            return Optional.of(LocalDate.of(2025, 11, 1));
        }

        @Override
        public List<Invariant> invariants() {
            return List.of(ConsentModule.CONSENT_BEFORE_MARKETING);
        }

        @Override
        public List<ReviewQuestion> reviewRubric() {
            return List.of(ReviewQuestion.of("Is consent recorded before the first message?", "test.consent-before-marketing"),
                    ReviewQuestion.of("Can a customer withdraw consent as easily as they gave it?"));
        }
    }
}
