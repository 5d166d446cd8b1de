package dev.complianceharness.payments.event;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * The operations the harness applies to a payment; each names the command of the
 * {@link dev.complianceharness.payments.lifecycle.ReferenceLifecycles#MANUAL_CAPTURE manual-capture lifecycle}
 * it stands for.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public enum PaymentOperation {
    /** Reserve an amount on the customer's card. */
    AUTHORIZE("authorize", true),
    /** Capture part of the authorization and keep the rest capturable (multicapture, {@code final_capture=false}). */
    CAPTURE("capture", true),
    /** Capture an amount and release the uncaptured rest. */
    FINAL_CAPTURE("final_capture", true),
    /** Return captured money to the customer. */
    REFUND("refund", true),
    /** Release an authorization that nothing was captured from. */
    CANCEL("cancel", false),
    /** Let the authorization's validity pass on the test clock, so the service expires it. */
    EXPIRE("expire", false);

    private final String lifecycleCommand;
    private final boolean carriesAmount;

    PaymentOperation(String lifecycleCommand, boolean carriesAmount) {
        this.lifecycleCommand = lifecycleCommand;
        this.carriesAmount = carriesAmount;
    }

    /** @return the lifecycle command, for example {@code "final_capture"} */
    public String lifecycleCommand() {
        return lifecycleCommand;
    }

    /** @return true if a request for this operation carries an amount */
    public boolean carriesAmount() {
        return carriesAmount;
    }

    /** @return true for {@link #CAPTURE} and {@link #FINAL_CAPTURE} */
    public boolean isCapture() {
        return this == CAPTURE || this == FINAL_CAPTURE;
    }
}
