package dev.complianceharness.payments.lifecycle;

/**
 * Lifecycles of real payment providers, declared with the {@link Lifecycle} DSL, and the card-payment
 * lifecycle the generated payment tests drive.
 *
 * <p>They are simplified where a provider's own documentation is richer (no disputes beyond a
 * chargeback, no asynchronous payment methods beyond a {@code processing} step), and they keep what
 * compliance depends on: where a capture, a cancel and a refund are allowed, and which states are final.
 */
public final class ReferenceLifecycles {

    /**
     * The card payment with manual capture that the harness's generated command sequences drive, and
     * that a team's adapter reports its statuses in.
     *
     * <ul>
     *   <li>{@code authorize}: {@code new → authorized}</li>
     *   <li>{@code capture} (not final, multicapture): {@code authorized | partially_captured → partially_captured}</li>
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
     * A Stripe-like PaymentIntent with {@code capture_method=manual} and multicapture
     * ({@code final_capture=false} keeps the remainder capturable until a final capture or expiry).
     * Cancel is allowed before the payment succeeds; an uncaptured authorization expires into
     * {@code canceled}; refunds keep {@code succeeded}. Source: Stripe API reference, "The PaymentIntent
     * object" (status) and "Capture a PaymentIntent" / multicapture guide.
     */
    public static final Lifecycle STRIPE_PAYMENT_INTENT = Lifecycle.builder("stripe-payment-intent")
            .initial("requires_payment_method")
            .states("requires_confirmation", "requires_action", "processing", "requires_capture")
            .terminal("succeeded", "canceled")
            .allow("attach_payment_method").from("requires_payment_method").to("requires_confirmation")
            .allow("confirm").from("requires_confirmation")
                    .to("requires_action", "processing", "requires_capture", "requires_payment_method")
            .allow("complete_action").from("requires_action")
                    .to("processing", "requires_capture", "requires_payment_method")
            .allow("finish_processing").from("processing").to("requires_capture", "requires_payment_method")
            .allow("capture").from("requires_capture").to("succeeded")
            .allow("capture_non_final").from("requires_capture").to("requires_capture")
            .allow("refund").from("requires_capture").to("requires_capture")
            .allow("refund").from("succeeded").to("succeeded")
            .allow("cancel")
                    .from("requires_payment_method", "requires_confirmation", "requires_action", "processing",
                            "requires_capture")
                    .to("canceled")
            .allow("expire").from("requires_capture").to("canceled")
            .build();

    /**
     * An Adyen-like payment: {@code Received → Authorised → SentForSettle → Settled}, with
     * {@code SentForRefund → Refunded}; no cancel once sent for settlement (refund instead); also
     * {@code Refused}, {@code Cancelled}, {@code Expired}, {@code Error} and {@code Chargeback}. Source:
     * Adyen documentation, "Payment lifecycle".
     */
    public static final Lifecycle ADYEN = Lifecycle.builder("adyen")
            .initial("Received")
            .states("Authorised", "SentForSettle", "Settled", "SentForRefund", "Refunded")
            .terminal("Refused", "Cancelled", "Expired", "Error", "Chargeback")
            .allow("authorise").from("Received").to("Authorised", "Refused", "Error")
            .allow("capture").from("Authorised").to("SentForSettle")
            .allow("cancel").from("Authorised").to("Cancelled")
            .allow("expire").from("Authorised").to("Expired")
            .allow("settle").from("SentForSettle").to("Settled")
            .allow("refund").from("SentForSettle", "Settled", "Refunded").to("SentForRefund")
            .allow("settle_refund").from("SentForRefund").to("Refunded")
            .allow("chargeback").from("Settled", "Refunded").to("Chargeback")
            .build();

    /**
     * A Kill Bill-like payment after its {@code PaymentStates.xml}: the sub-machines AUTHORIZE, CAPTURE,
     * PURCHASE, REFUND, VOID and CHARGEBACK with their SUCCESS, PENDING, FAILED and ERRORED outcomes;
     * {@code AUTH_SUCCESS} leads to CAPTURE or VOID; {@code CAPTURE_SUCCESS} to further captures
     * (multicapture), REFUND or CHARGEBACK; {@code CHARGEBACK_FAILED} to REFUND. Standalone credits,
     * which have no authorization, are left out.
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
            .allow("void").from("AUTH_SUCCESS", "CAPTURE_FAILED", "VOID_FAILED").to("VOID_SUCCESS", "VOID_FAILED")
            .allow("refund").from("CAPTURE_SUCCESS", "PURCHASE_SUCCESS", "REFUND_SUCCESS", "REFUND_FAILED",
                    "CHARGEBACK_FAILED").to("REFUND_SUCCESS", "REFUND_FAILED")
            .allow("chargeback").from("CAPTURE_SUCCESS", "PURCHASE_SUCCESS", "REFUND_SUCCESS")
                    .to("CHARGEBACK_SUCCESS", "CHARGEBACK_FAILED")
            .build();

    private ReferenceLifecycles() {
    }
}
