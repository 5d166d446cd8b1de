package dev.complianceharness.payments.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("A lifecycle")
class LifecycleTest {

    private static Lifecycle.Builder cardPayment() {
        return Lifecycle.builder("card")
                .initial("new")
                .states("authorized")
                .terminal("captured", "canceled")
                .allow("authorize").from("new").to("authorized")
                .allow("capture").from("authorized").to("captured")
                .allow("cancel").from("new", "authorized").to("canceled")
                .allow("refund").from("captured").to("captured");
    }

    @Nested
    @DisplayName("when valid")
    class Valid {

        @Test
        @DisplayName("answers which commands are allowed where")
        void answersAllowedTransitions() {
            Lifecycle lifecycle = cardPayment().build();

            assertThat(lifecycle.allows("authorized", "capture", "captured")).isTrue();
            assertThat(lifecycle.allows("canceled", "capture")).isFalse();
            assertThat(lifecycle.targets("new", "cancel")).containsExactly("canceled");
            assertThat(lifecycle.isTerminal("captured")).isTrue();
            assertThat(lifecycle.initialState()).isEqualTo("new");
            assertThat(lifecycle.states()).containsExactly("new", "authorized", "captured", "canceled");
        }

        @Test
        @DisplayName("lets a terminal state keep itself (a refund on a captured payment)")
        void terminalSelfLoop() {
            assertThat(cardPayment().build().allows("captured", "refund", "captured")).isTrue();
        }

        @Test
        @DisplayName("names the unknown state or command a question uses")
        void unknownNamesInQuestions() {
            Lifecycle lifecycle = cardPayment().build();

            assertThatThrownBy(() -> lifecycle.allows("settled", "capture"))
                    .hasMessage("Lifecycle 'card' has no state 'settled'; its states are [new, authorized, captured, canceled]");
            assertThatThrownBy(() -> lifecycle.allows("authorized", "void"))
                    .hasMessage("Lifecycle 'card' has no command 'void'; its commands are [authorize, capture, cancel, refund]");
        }
    }

    @Nested
    @DisplayName("is rejected with every problem listed")
    class Invalid {

        @Test
        @DisplayName("when a state cannot be reached")
        void unreachableState() {
            assertThatThrownBy(() -> cardPayment().states("disputed").allow("dispute").from("disputed").to("captured").build())
                    .isInstanceOf(InvalidLifecycleException.class)
                    .hasMessage("Lifecycle 'card' is invalid (1 problem):\n"
                            + "  - state 'disputed' cannot be reached from the initial state 'new': add a transition into it or remove it");
        }

        @Test
        @DisplayName("when a transition leaves a terminal state")
        void transitionOutOfTerminal() {
            assertThatThrownBy(() -> cardPayment().allow("reopen").from("canceled").to("authorized").build())
                    .hasMessage("Lifecycle 'card' is invalid (1 problem):\n"
                            + "  - transition canceled --reopen--> authorized leaves the terminal state 'canceled':"
                            + " remove it, or do not declare 'canceled' terminal");
        }

        @Test
        @DisplayName("when a transition names an unknown state")
        void unknownState() {
            InvalidLifecycleException error = org.junit.jupiter.api.Assertions.assertThrows(InvalidLifecycleException.class,
                    () -> cardPayment().allow("settle").from("authorized").to("setled").build());

            assertThat(error.problems()).containsExactly("transition authorized --settle--> setled names the unknown state"
                    + " 'setled': declare it with .states(...) or fix the name; known states are [new, authorized, captured, canceled]");
        }

        @Test
        @DisplayName("when a non-terminal state is a dead end, or there is no initial state")
        void deadEndAndNoInitial() {
            assertThatThrownBy(() -> Lifecycle.builder("x").states("a").build())
                    .hasMessageContaining("no initial state: add .initial(\"...\")");
            assertThatThrownBy(() -> Lifecycle.builder("x").initial("a").states("b").allow("go").from("a").to("b").build())
                    .hasMessage("Lifecycle 'x' is invalid (1 problem):\n"
                            + "  - state 'b' has no transition out but is not terminal: declare it with .terminal(\"b\")"
                            + " or add a transition out of it");
        }

        @Test
        @DisplayName("when a name is malformed or two initial states are declared")
        void malformedNames() {
            assertThatThrownBy(() -> cardPayment().initial("start").states("on hold").build())
                    .isInstanceOf(InvalidLifecycleException.class)
                    .hasMessageContaining("two initial states, 'new' and 'start': declare exactly one")
                    .hasMessageContaining("state name 'on hold' must start with a letter");
        }
    }

    @Nested
    @DisplayName("shipped with the harness")
    class References {

        @Test
        @DisplayName("models Stripe manual capture with multicapture, and cancel only before success")
        void stripe() {
            Lifecycle stripe = ReferenceLifecycles.STRIPE_PAYMENT_INTENT;

            assertThat(stripe.allows("requires_capture", "capture_non_final", "requires_capture")).isTrue();
            assertThat(stripe.allows("requires_capture", "expire", "canceled")).isTrue();
            assertThat(stripe.allows("succeeded", "cancel")).isFalse();
            assertThat(stripe.terminalStates()).containsExactly("succeeded", "canceled");
        }

        @Test
        @DisplayName("models Adyen without a cancel after SentForSettle")
        void adyen() {
            assertThat(ReferenceLifecycles.ADYEN.allows("SentForSettle", "cancel")).isFalse();
            assertThat(ReferenceLifecycles.ADYEN.allows("SentForSettle", "refund", "SentForRefund")).isTrue();
        }

        @Test
        @DisplayName("models Kill Bill multicapture and refund after a failed chargeback")
        void killBill() {
            assertThat(ReferenceLifecycles.KILL_BILL.allows("CAPTURE_SUCCESS", "capture", "CAPTURE_SUCCESS")).isTrue();
            assertThat(ReferenceLifecycles.KILL_BILL.allows("CHARGEBACK_FAILED", "refund", "REFUND_SUCCESS")).isTrue();
            assertThat(ReferenceLifecycles.KILL_BILL.allows("VOID_SUCCESS", "capture")).isFalse();
        }

        @Test
        @DisplayName("drives generated tests with a manual-capture card payment")
        void manualCapture() {
            Lifecycle lifecycle = ReferenceLifecycles.MANUAL_CAPTURE;

            assertThat(lifecycle.allows("partially_captured", "final_capture", "captured")).isTrue();
            assertThat(lifecycle.allows("captured", "cancel")).isFalse();
        }
    }
}
