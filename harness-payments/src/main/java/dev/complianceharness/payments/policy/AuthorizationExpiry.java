package dev.complianceharness.payments.policy;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Whether an uncaptured authorization expires, and after how long. With an expiry, the generated tests move
 * the test clock past it and let the adapter run the service's expiry; without one, they never do.
 *
 * <pre>{@code
 * AuthorizationExpiry.after(Duration.ofDays(7));   // Stripe, Checkout.com
 * AuthorizationExpiry.none();                      // the service never expires an authorization itself
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class AuthorizationExpiry implements PaymentPolicy {

    private static final AuthorizationExpiry NONE = new AuthorizationExpiry(null, "the service expires no"
            + " authorization itself: Kill Bill's payment state machine has no expiry state and leaves it to the gateway",
            "https://github.com/killbill/killbill/blob/master/payment/src/main/resources/org/killbill/billing/payment/PaymentStates.xml");

    private final Duration period;
    private final String reason;
    private final String source;

    private AuthorizationExpiry(Duration period, String reason, String source) {
        this.period = period;
        this.reason = reason;
        this.source = source;
    }

    /** @return no expiry: no expire step is generated */
    public static AuthorizationExpiry none() {
        return NONE;
    }

    /**
     * @param validity how long an uncaptured authorization stays valid, positive
     * @return an expiry after that period
     */
    public static AuthorizationExpiry after(Duration validity) {
        Objects.requireNonNull(validity, "validity");
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("AuthorizationExpiry.after(" + validity + "): the validity must be positive");
        }
        return new AuthorizationExpiry(validity, "Stripe cancels uncaptured PaymentIntents a set number of days (7 by"
                + " default) after their creation; Checkout.com voids a payment not captured within seven days",
                "https://docs.stripe.com/api/payment_intents/capture");
    }

    /** @return how long an uncaptured authorization stays valid; empty if it never expires */
    public Optional<Duration> validity() {
        return Optional.ofNullable(period);
    }

    /** @return true unless this is {@link #none()} */
    public boolean expires() {
        return period != null;
    }

    @Override
    public String policy() {
        return "authorization expiry";
    }

    @Override
    public String choice() {
        if (period == null) {
            return "none";
        }
        return "after " + (period.toSeconds() % 86_400 == 0 ? period.toDays() + " days" : period.toString());
    }

    @Override
    public String reason() {
        return reason;
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AuthorizationExpiry that && Objects.equals(period, that.period);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(period);
    }

    @Override
    public String toString() {
        return "AuthorizationExpiry[" + choice() + "]";
    }
}
