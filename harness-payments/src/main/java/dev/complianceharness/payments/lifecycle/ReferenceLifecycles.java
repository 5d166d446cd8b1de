package dev.complianceharness.payments.lifecycle;

import org.apiguardian.api.API;

import static dev.complianceharness.payments.lifecycle.AmountCondition.CAPTURES_PART;
import static dev.complianceharness.payments.lifecycle.AmountCondition.CAPTURES_REST;
import static dev.complianceharness.payments.lifecycle.AmountCondition.NOTHING_CAPTURED;
import static dev.complianceharness.payments.lifecycle.AmountCondition.REFUNDS_PART;
import static dev.complianceharness.payments.lifecycle.AmountCondition.REFUNDS_REST;
import static dev.complianceharness.payments.lifecycle.AmountCondition.SOMETHING_CAPTURED;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * Lifecycles of real payment providers, declared with the {@link Lifecycle} DSL, and the card-payment
 * lifecycles the generated payment tests drive by default.
 *
 * <p>Commands carry the harness's names, so that the generated requests and {@code PaymentRequest} reach
 * them: {@code authorize}, {@code capture} (a partial capture that keeps the rest capturable; Stripe's
 * {@code final_capture=false}, Checkout.com's {@code capture_type=NonFinal}), {@code final_capture} (a capture
 * that releases the rest), {@code refund}, {@code cancel} (Kill Bill's VOID, Checkout.com's void) and
 * {@code expire} (the authorization's validity runs out); a lifecycle without one of them tells the
 * generated tests not to send it. States carry the provider's names. Where a provider's answer depends on the
 * amounts, the transition says so with an {@link AmountCondition}.
 *
 * <p>They are simplified where a provider's own documentation is richer (no disputes beyond a chargeback, no
 * asynchronous payment methods beyond a {@code processing} step), and they keep what compliance depends on:
 * where a capture, a cancel and a refund are allowed, what a full or a partial amount leads to, and which
 * states are final.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class ReferenceLifecycles {

    /**
     * The card payment with manual capture that the harness's generated command sequences drive by default.
     *
     * <ul>
     *   <li>{@code authorize}: {@code new → authorized}</li>
     *   <li>{@code capture} (not final, multicapture): {@code authorized | partially_captured → partially_captured},
     *       whatever the amount: only a final capture completes the payment</li>
     *   <li>{@code final_capture}: {@code authorized | partially_captured → captured}; the uncaptured rest is released</li>
     *   <li>{@code refund}: keeps {@code partially_captured} or {@code captured}</li>
     *   <li>{@code cancel}: {@code authorized → canceled}; there is no cancel after a capture (refund instead)</li>
     *   <li>{@code expire}: {@code authorized → expired}; {@code partially_captured → captured}</li>
     * </ul>
     *
     * Terminal: {@code captured}, {@code canceled}, {@code expired}.
     */
    public static final Lifecycle MANUAL_CAPTURE = Lifecycle.builder("manual-capture")
            .initial("new")
            .states("authorized", "partially_captured")
            .terminal("captured", "canceled", "expired")
            .allow("authorize").from("new").to("authorized")
            .allow("capture").from("authorized", "partially_captured").to("partially_captured")
            .allow("final_capture").from("authorized", "partially_captured").to("captured")
            .allow("refund").from("partially_captured").to("partially_captured")
            .allow("refund").from("captured").to("captured")
            .allow("cancel").from("authorized").to("canceled")
            .allow("expire").from("authorized").to("expired")
            .allow("expire").from("partially_captured").to("captured")
            .build();

    /**
     * {@link #MANUAL_CAPTURE} where a capture of all that is left of the authorization completes the payment
     * even when it is not marked final, as Tabby closes a payment captured in full ("Payment gets closed
     * automatically if you send the full amount", docs.tabby.ai, payment statuses) and Checkout.com moves it
     * from Partially Captured to Captured. Same state names, so one adapter serves both.
     *
     * <ul>
     *   <li>{@code capture}: {@code authorized | partially_captured → partially_captured} for part of what is
     *       left, {@code → captured} for all of it</li>
     *   <li>everything else as in {@link #MANUAL_CAPTURE}</li>
     * </ul>
     */
    public static final Lifecycle FULL_CAPTURE_COMPLETES = Lifecycle.builder("full-capture-completes")
            .initial("new")
            .states("authorized", "partially_captured")
            .terminal("captured", "canceled", "expired")
            .allow("authorize").from("new").to("authorized")
            .allow("capture").from("authorized", "partially_captured").when(CAPTURES_PART).to("partially_captured")
            .allow("capture").from("authorized", "partially_captured").when(CAPTURES_REST).to("captured")
            .allow("final_capture").from("authorized", "partially_captured").to("captured")
            .allow("refund").from("partially_captured").to("partially_captured")
            .allow("refund").from("captured").to("captured")
            .allow("cancel").from("authorized").to("canceled")
            .allow("expire").from("authorized").to("expired")
            .allow("expire").from("partially_captured").to("captured")
            .build();

    /**
     * A Stripe-like PaymentIntent with {@code capture_method=manual} and multicapture. {@code authorize} is the
     * create-and-confirm call for a card that needs no further action; the other confirmation steps are
     * declared for hand-written scenarios. A capture with {@code final_capture=false} keeps the intent in
     * {@code requires_capture} while something is left to capture and moves it to {@code succeeded} once
     * nothing is; a final capture always does. Captured parts can be refunded while the rest is still
     * capturable. Cancel is allowed before anything is captured (after a partial capture, a final capture
     * releases the rest); an uncaptured authorization expires after 7 days into {@code canceled}, a partially
     * captured one into {@code succeeded}; refunds keep {@code succeeded}. Sources: Stripe API reference, "The
     * PaymentIntent object" (status), "Capture a PaymentIntent" ("Uncaptured PaymentIntents are cancelled a
     * set number of days (7 by default) after their creation") and the multicapture guide
     * (https://docs.stripe.com/payments/multicapture).
     */
    public static final Lifecycle STRIPE_PAYMENT_INTENT = Lifecycle.builder("stripe-payment-intent")
            .initial("requires_payment_method")
            .states("requires_confirmation", "requires_action", "processing", "requires_capture")
            .terminal("succeeded", "canceled")
            .allow("authorize").from("requires_payment_method").to("requires_capture")
            .allow("attach_payment_method").from("requires_payment_method").to("requires_confirmation")
            .allow("confirm").from("requires_confirmation")
                    .to("requires_capture", "requires_action", "processing", "requires_payment_method")
            .allow("complete_action").from("requires_action")
                    .to("requires_capture", "processing", "requires_payment_method")
            .allow("finish_processing").from("processing").to("requires_capture", "requires_payment_method")
            .allow("capture").from("requires_capture").when(CAPTURES_PART).to("requires_capture")
            .allow("capture").from("requires_capture").when(CAPTURES_REST).to("succeeded")
            .allow("final_capture").from("requires_capture").to("succeeded")
            .allow("refund").from("requires_capture").to("requires_capture")
            .allow("refund").from("succeeded").to("succeeded")
            .allow("cancel").from("requires_payment_method", "requires_confirmation", "requires_action", "processing")
                    .to("canceled")
            .allow("cancel").from("requires_capture").when(NOTHING_CAPTURED).to("canceled")
            .allow("expire").from("requires_capture").when(NOTHING_CAPTURED).to("canceled")
            .allow("expire").from("requires_capture").when(SOMETHING_CAPTURED).to("succeeded")
            .build();

    /**
     * An Adyen-like payment: {@code Received → Authorised → SentForSettle → Settled}, with
     * {@code SentForRefund → Refunded}; a capture takes what it names and cancels the rest of the
     * authorisation ("it's also possible to capture a smaller amount, which results in cancelling the
     * remaining authorisation balance"), so its one capture is a {@code final_capture}; no cancel once sent
     * for settlement (refund instead); refunds only of captured money, several partial ones up to the captured
     * amount; also {@code Refused}, {@code Cancelled}, {@code Expired}, {@code Error} and {@code Chargeback}.
     * Sources: Adyen documentation, "Payment lifecycle", "Capture" and "Refund a captured payment"
     * (https://docs.adyen.com/api-explorer/Checkout/latest/post/payments/_paymentPspReference_/refunds).
     */
    public static final Lifecycle ADYEN = Lifecycle.builder("adyen")
            .initial("Received")
            .states("Authorised", "SentForSettle", "Settled", "SentForRefund", "Refunded")
            .terminal("Refused", "Cancelled", "Expired", "Error", "Chargeback")
            .allow("authorize").from("Received").to("Authorised", "Refused", "Error")
            .allow("final_capture").from("Authorised").to("SentForSettle")
            .allow("cancel").from("Authorised").to("Cancelled")
            .allow("expire").from("Authorised").to("Expired")
            .allow("settle").from("SentForSettle").to("Settled")
            .allow("refund").from("SentForSettle", "Settled", "SentForRefund", "Refunded").to("SentForRefund")
            .allow("settle_refund").from("SentForRefund").to("Refunded")
            .allow("chargeback").from("Settled", "Refunded").to("Chargeback")
            .build();

    /**
     * A Checkout.com-like payment: {@code Pending → Authorized}; a capture with {@code capture_type=NonFinal}
     * leads to {@code PartiallyCaptured} for part of what is left and to {@code Captured} for all of it; the
     * default {@code capture_type=Final} voids the rest ("The default value is Final, which will make any
     * remaining amount on partial captures void"); refunds start from {@code Captured}, to
     * {@code PartiallyRefunded} for part of what is left and {@code Refunded} for all of it; a void before any
     * capture; an authorization not captured within seven days is voided, a partially captured one keeps its
     * captures. Sources: Checkout.com documentation, "Capture a payment"
     * (https://www.checkout.com/docs/payments/manage-payments/capture-a-payment) and "Refund a payment"; the
     * status names follow its payment statuses, written without spaces.
     */
    public static final Lifecycle CHECKOUT_COM = Lifecycle.builder("checkout-com")
            .initial("Pending")
            .states("Authorized", "PartiallyCaptured", "Captured", "PartiallyRefunded")
            .terminal("Refunded", "Voided", "Declined")
            .allow("authorize").from("Pending").to("Authorized", "Declined")
            .allow("capture").from("Authorized", "PartiallyCaptured").when(CAPTURES_PART).to("PartiallyCaptured")
            .allow("capture").from("Authorized", "PartiallyCaptured").when(CAPTURES_REST).to("Captured")
            .allow("final_capture").from("Authorized", "PartiallyCaptured").to("Captured")
            .allow("refund").from("Captured", "PartiallyRefunded").when(REFUNDS_PART).to("PartiallyRefunded")
            .allow("refund").from("Captured", "PartiallyRefunded").when(REFUNDS_REST).to("Refunded")
            .allow("cancel").from("Authorized").to("Voided")
            .allow("expire").from("Authorized").to("Voided")
            .allow("expire").from("PartiallyCaptured").to("Captured")
            .build();

    /**
     * A Kill Bill-like payment after its {@code PaymentStates.xml}: the sub-machines AUTHORIZE, CAPTURE,
     * PURCHASE, REFUND, VOID (here {@code cancel}) and CHARGEBACK with their SUCCESS, PENDING, FAILED and
     * ERRORED outcomes; {@code AUTH_SUCCESS} leads to CAPTURE or VOID; {@code CAPTURE_SUCCESS} to further
     * captures (multicapture; Kill Bill has no final capture, and leaves expiry of authorizations to the
     * gateway), REFUND or CHARGEBACK, so captured money can be refunded while more is still capturable;
     * {@code CHARGEBACK_FAILED} to REFUND. Standalone credits, which have no authorization, are left out.
     */
    public static final Lifecycle KILL_BILL = Lifecycle.builder("kill-bill")
            .initial("INIT")
            .states("AUTH_PENDING", "AUTH_SUCCESS", "CAPTURE_SUCCESS", "CAPTURE_FAILED", "PURCHASE_SUCCESS",
                    "VOID_FAILED", "REFUND_SUCCESS", "REFUND_FAILED", "CHARGEBACK_FAILED")
            .terminal("AUTH_FAILED", "AUTH_ERRORED", "PURCHASE_FAILED", "VOID_SUCCESS", "CHARGEBACK_SUCCESS")
            .allow("authorize").from("INIT").to("AUTH_SUCCESS", "AUTH_PENDING", "AUTH_FAILED", "AUTH_ERRORED")
            .allow("complete_authorization").from("AUTH_PENDING").to("AUTH_SUCCESS", "AUTH_FAILED")
            .allow("purchase").from("INIT").to("PURCHASE_SUCCESS", "PURCHASE_FAILED")
            .allow("capture").from("AUTH_SUCCESS", "CAPTURE_FAILED", "VOID_FAILED").to("CAPTURE_SUCCESS", "CAPTURE_FAILED")
            .allow("capture").from("CAPTURE_SUCCESS").to("CAPTURE_SUCCESS")
            .allow("cancel").from("AUTH_SUCCESS", "CAPTURE_FAILED", "VOID_FAILED").to("VOID_SUCCESS", "VOID_FAILED")
            .allow("refund").from("CAPTURE_SUCCESS", "PURCHASE_SUCCESS", "REFUND_SUCCESS", "REFUND_FAILED",
                    "CHARGEBACK_FAILED").to("REFUND_SUCCESS", "REFUND_FAILED")
            .allow("chargeback").from("CAPTURE_SUCCESS", "PURCHASE_SUCCESS", "REFUND_SUCCESS")
                    .to("CHARGEBACK_SUCCESS", "CHARGEBACK_FAILED")
            .build();

    private ReferenceLifecycles() {
    }
}
