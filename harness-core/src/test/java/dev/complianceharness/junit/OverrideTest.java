package dev.complianceharness.junit;

import static dev.complianceharness.testkit.FixtureRuns.inParallel;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.complianceharness.event.EventTrace;
import dev.complianceharness.invariant.Finding;
import dev.complianceharness.invariant.Invariant;
import dev.complianceharness.invariant.InvariantModule;
import dev.complianceharness.invariant.InvariantOverride;
import dev.complianceharness.invariant.LiabilityTier;
import dev.complianceharness.invariant.Owner;
import dev.complianceharness.testing.ConsentModule;
import dev.complianceharness.testing.ConsentModule.MessageSent;
import dev.complianceharness.testing.ConsentModule.Outbox;
import dev.complianceharness.testkit.FixtureRuns;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Invariant overrides")
class OverrideTest {

    @Test
    @DisplayName("replace a shipped invariant with a stricter company rule")
    void replaceShippedInvariant() {
        inParallel(StricterPolicyTestCase.class).testEvents().assertThatEvents().haveExactly(1,
                event(test("threeMessages"), finishedWithFailure(instanceOf(ComplianceViolationError.class),
                        message(text -> text.startsWith("1 compliance violation in threeMessages(Outbox):\n\n"
                                + "acme.at-most-two-per-day: At most 2 marketing messages to one recipient in any 24 hours")
                                && text.endsWith("module:     acme.messaging-policy 1.0.0")))));
    }

    @Test
    @DisplayName("need a reason")
    void needReason() {
        inParallel(NoReasonTestCase.class).testEvents().assertThatEvents().haveExactly(1, event(test(),
                finishedWithFailure(instanceOf(ComplianceConfigurationException.class), message(
                        "Module 'acme.no-reason' overrides invariant 'test.at-most-three-per-day' without a reason: say why"
                                + " the shipped rule does not apply (a stricter company policy, a counsel's reading) in"
                                + " InvariantOverride.replace(..., reason)."))));
    }

    @Test
    @DisplayName("must name an invariant an active module declares")
    void needKnownTarget() {
        inParallel(UnknownTargetTestCase.class).testEvents().assertThatEvents().haveExactly(1, event(test(),
                finishedWithFailure(instanceOf(ComplianceConfigurationException.class), message(
                        "Module 'acme.messaging-policy' overrides invariant 'test.at-most-three-per-day', which no other"
                                + " active module declares (active invariants: none). Activate the"
                                + " module that ships it, or fix the id."))));
    }

    static final Invariant AT_MOST_TWO = Invariant.builder("acme.at-most-two-per-day")
            .description("At most 2 marketing messages to one recipient in any 24 hours")
            .regulation(ConsentModule.FLORIDA_CAP)
            .owner(Owner.of("acme-compliance"))
            .tier(LiabilityTier.REGULATORY)
            .overWholeTrace(OverrideTest::atMostTwo);

    private static List<Finding> atMostTwo(EventTrace trace) {
        List<MessageSent> sent = trace.events(MessageSent.class);
        return sent.size() > 2 ? List.of(Finding.of(sent.size() + " messages in one day", sent)) : List.of();
    }

    public static class StricterPolicyModule implements InvariantModule {
        @Override
        public String id() {
            return "acme.messaging-policy";
        }

        @Override
        public String version() {
            return "1.0.0";
        }

        @Override
        public List<Invariant> invariants() {
            return List.of();
        }

        @Override
        public List<InvariantOverride> overrides() {
            return List.of(InvariantOverride.replace("test.at-most-three-per-day", AT_MOST_TWO,
                    "Acme policy MP-7: two marketing messages a day at most, in every state"));
        }
    }

    public static final class NoReasonModule extends StricterPolicyModule {
        @Override
        public String id() {
            return "acme.no-reason";
        }

        @Override
        public List<InvariantOverride> overrides() {
            return List.of(InvariantOverride.replace("test.at-most-three-per-day", AT_MOST_TWO, ""));
        }
    }

    @ComplianceTest(modules = {ConsentModule.class, StricterPolicyModule.class})
    static class StricterPolicyTestCase {
        @Test
        void threeMessages(Outbox outbox) {
            outbox.consent("a@example.com");
            for (int i = 0; i < 3; i++) {
                outbox.send("a@example.com", "Hello");
            }
        }
    }

    @ComplianceTest(modules = {ConsentModule.class, NoReasonModule.class})
    static class NoReasonTestCase {
        @Test
        void body() {
        }
    }

    @ComplianceTest(modules = StricterPolicyModule.class)
    static class UnknownTargetTestCase {
        @Test
        void body() {
        }
    }
}
