package dev.complianceharness.payments.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.complianceharness.payments.money.Money;

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
    @DisplayName("with conditions on amounts")
    class Conditions {

        private final Lifecycle lifecycle = ReferenceLifecycles.FULL_CAPTURE_COMPLETES;

        private Amounts of(long requested, long authorized, long captured, long refunded) {
            return new Amounts(requested == 0 ? null : Money.of(requested, "EUR"), Money.of(authorized, "EUR"),
                    Money.of(captured, "EUR"), Money.of(refunded, "EUR"));
        }

        @Test
        @DisplayName("completes a payment with a capture of all that is left, and keeps it open with a partial one")
        void fullCaptureCompletes() {
            assertThat(lifecycle.targets("partially_captured", "capture", of(400, 1000, 600, 0))).containsExactly("captured");
            assertThat(lifecycle.targets("authorized", "capture", of(400, 1000, 0, 0))).containsExactly("partially_captured");
            assertThat(lifecycle.expectedTarget("authorized", "capture", of(1000, 1000, 0, 0))).hasValue("captured");
        }

        @Test
        @DisplayName("allows no transition for an amount beyond what is left, or in another currency")
        void beyondTheRest() {
            assertThat(lifecycle.allows("partially_captured", "capture", of(500, 1000, 600, 0))).isFalse();
            assertThat(lifecycle.allows("authorized", "capture", new Amounts(Money.of(1, "USD"), Money.of(10, "EUR"),
                    Money.of(0, "EUR"), Money.of(0, "EUR")))).isFalse();
            assertThat(lifecycle.allows("partially_captured", "capture", "captured")).isTrue();
        }

        @Test
        @DisplayName("tells refunds of the rest from partial ones, and captures from nothing captured yet")
        void refundsAndCaptures() {
            assertThat(ReferenceLifecycles.CHECKOUT_COM.targets("Captured", "refund", of(600, 1000, 600, 0)))
                    .containsExactly("Refunded");
            assertThat(ReferenceLifecycles.CHECKOUT_COM.targets("PartiallyRefunded", "refund", of(100, 1000, 600, 200)))
                    .containsExactly("PartiallyRefunded");
            assertThat(ReferenceLifecycles.STRIPE_PAYMENT_INTENT.allows("requires_capture", "cancel", of(0, 1000, 0, 0)))
                    .isTrue();
            assertThat(ReferenceLifecycles.STRIPE_PAYMENT_INTENT.allows("requires_capture", "cancel", of(0, 1000, 1, 0)))
                    .isFalse();
            assertThat(ReferenceLifecycles.STRIPE_PAYMENT_INTENT.targets("requires_capture", "expire", of(0, 1000, 1, 0)))
                    .containsExactly("succeeded");
        }

        @Test
        @DisplayName("shows the condition in the transition and describes the amounts")
        void describes() {
            assertThat(lifecycle.outgoing("authorized", "capture")).extracting(Transition::toString).containsExactly(
                    "authorized --capture [capturing part of what is left of the authorization]--> partially_captured",
                    "authorized --capture [capturing all that is left of the authorization]--> captured");
            assertThat(of(400, 1000, 600, 100).describe()).isEqualTo("400 EUR minor requested, 600 of 1000 EUR minor"
                    + " captured, 100 refunded");
        }

        @Test
        @DisplayName("builds a variant without some transitions, checked like any lifecycle")
        void without() {
            Lifecycle noRefund = ReferenceLifecycles.MANUAL_CAPTURE.without("no refund while partially captured",
                    transition -> transition.command().equals("refund") && transition.from().equals("partially_captured"));

            assertThat(noRefund.name()).isEqualTo("manual-capture (no refund while partially captured)");
            assertThat(noRefund.allows("partially_captured", "refund")).isFalse();
            assertThat(noRefund.allows("captured", "refund")).isTrue();
            assertThatThrownBy(() -> ReferenceLifecycles.MANUAL_CAPTURE.without("no authorize",
                    transition -> transition.command().equals("authorize")))
                    .isInstanceOf(InvalidLifecycleException.class)
                    .hasMessageContaining("state 'authorized' cannot be reached from the initial state 'new'");
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
        @DisplayName("when one command from one state has transitions with and without an amount condition")
        void mixedConditions() {
            assertThatThrownBy(() -> cardPayment().allow("capture").from("authorized")
                    .when(AmountCondition.CAPTURES_PART).to("authorized").build())
                    .hasMessage("Lifecycle 'card' is invalid (1 problem):\n"
                            + "  - command 'capture' from 'authorized' has transitions with and without an amount"
                            + " condition: give each of them a condition with .when(...), so that which one applies does"
                            + " not depend on declaration order");
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

            assertThat(stripe.allows("requires_capture", "capture", "requires_capture")).isTrue();
            assertThat(stripe.allows("requires_capture", "final_capture", "succeeded")).isTrue();
            assertThat(stripe.allows("requires_payment_method", "authorize", "requires_capture")).isTrue();
            assertThat(stripe.allows("requires_capture", "expire", "canceled")).isTrue();
            assertThat(stripe.allows("succeeded", "cancel")).isFalse();
            assertThat(stripe.terminalStates()).containsExactly("succeeded", "canceled");
        }

        @Test
        @DisplayName("models Adyen without a cancel after SentForSettle")
        void adyen() {
            assertThat(ReferenceLifecycles.ADYEN.allows("SentForSettle", "cancel")).isFalse();
            assertThat(ReferenceLifecycles.ADYEN.hasCommand("capture")).isFalse();
            assertThat(ReferenceLifecycles.ADYEN.allows("Authorised", "final_capture", "SentForSettle")).isTrue();
            assertThat(ReferenceLifecycles.ADYEN.allows("SentForSettle", "refund", "SentForRefund")).isTrue();
        }

        @Test
        @DisplayName("models Kill Bill multicapture and refund after a failed chargeback")
        void killBill() {
            assertThat(ReferenceLifecycles.KILL_BILL.allows("CAPTURE_SUCCESS", "capture", "CAPTURE_SUCCESS")).isTrue();
            assertThat(ReferenceLifecycles.KILL_BILL.allows("CHARGEBACK_FAILED", "refund", "REFUND_SUCCESS")).isTrue();
            assertThat(ReferenceLifecycles.KILL_BILL.allows("VOID_SUCCESS", "capture")).isFalse();
            assertThat(ReferenceLifecycles.KILL_BILL.allows("AUTH_SUCCESS", "cancel", "VOID_SUCCESS")).isTrue();
            assertThat(ReferenceLifecycles.KILL_BILL.hasCommand("final_capture")).isFalse();
            assertThat(ReferenceLifecycles.KILL_BILL.hasCommand("expire")).isFalse();
        }

        @Test
        @DisplayName("drives generated tests with a manual-capture card payment")
        void manualCapture() {
            Lifecycle lifecycle = ReferenceLifecycles.MANUAL_CAPTURE;

            assertThat(lifecycle.allows("partially_captured", "final_capture", "captured")).isTrue();
            assertThat(lifecycle.allows("captured", "cancel")).isFalse();
        }

        @Test
        @DisplayName("models Checkout.com's partial and final captures, refunds from Captured and voids")
        void checkoutCom() {
            Lifecycle checkout = ReferenceLifecycles.CHECKOUT_COM;

            assertThat(checkout.allows("PartiallyCaptured", "final_capture", "Captured")).isTrue();
            assertThat(checkout.allows("PartiallyCaptured", "refund")).isFalse();
            assertThat(checkout.allows("Authorized", "expire", "Voided")).isTrue();
            assertThat(checkout.terminalStates()).containsExactly("Refunded", "Voided", "Declined");
        }
    }
}
