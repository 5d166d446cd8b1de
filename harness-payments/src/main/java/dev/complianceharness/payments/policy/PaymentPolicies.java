package dev.complianceharness.payments.policy;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.invariant.PolicyChoice;
import dev.complianceharness.payments.event.PaymentOperation;
import dev.complianceharness.payments.lifecycle.Lifecycle;
import dev.complianceharness.payments.lifecycle.Transition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The policies a payment service follows where real providers differ, one choice each: the retry of a rejected
 * and of a performed request, the idempotency key's scope, refunds while partially captured, authorization
 * expiry and the currency of captures and refunds. The model of a correct service and the payment invariants
 * follow them; the compliance report shows each with the documentation it follows.
 *
 * <pre>{@code
 * PaymentHarness.forAdapter(clock -> new CheckoutAdapter(service, clock))
 *         .policies(PaymentPolicies.checkoutCom())            // a provider's set ...
 *         .policy(KeyScope.PER_PAYMENT)                       // ... and one choice changed, in one call
 *         .checkSequences();
 * }</pre>
 *
 * Instances are immutable.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class PaymentPolicies {

    private static final String STRIPE_IDEMPOTENCY = "https://docs.stripe.com/api/idempotent_requests";
    private static final String ADYEN_IDEMPOTENCY = "https://docs.adyen.com/development-resources/api-idempotency";
    private static final String CHECKOUT_IDEMPOTENCY = "https://www.checkout.com/docs/payments/manage-payments/idempotency";
    private static final String CHECKOUT_CAPTURE = "https://www.checkout.com/docs/payments/manage-payments/capture-a-payment";
    private static final String KILL_BILL_PROCESSOR = "https://github.com/killbill/killbill/blob/master/payment/src/main/"
            + "java/org/killbill/billing/payment/core/PaymentProcessor.java";
    private static final String KILL_BILL_STATES = "https://github.com/killbill/killbill/blob/master/payment/src/main/"
            + "resources/org/killbill/billing/payment/PaymentStates.xml";

    private static final PaymentPolicies DEFAULTS = new PaymentPolicies("harness defaults", List.of(), ordered(
            RejectedRetry.REPLAYED.toPolicyChoice(), SucceededRetry.REPLAYED.toPolicyChoice(),
            KeyScope.GLOBAL.toPolicyChoice(), RefundWhilePartiallyCaptured.ALLOWED.toPolicyChoice(),
            AuthorizationExpiry.after(Duration.ofDays(7)).toPolicyChoice(),
            RequestCurrency.GIVEN_AND_CHECKED.toPolicyChoice()),
            RejectedRetry.REPLAYED, SucceededRetry.REPLAYED, KeyScope.GLOBAL, RefundWhilePartiallyCaptured.ALLOWED,
            AuthorizationExpiry.after(Duration.ofDays(7)), RequestCurrency.GIVEN_AND_CHECKED);

    private final String base;
    private final List<String> changed;
    private final Map<String, PolicyChoice> shown;
    private final RejectedRetry rejectedRetry;
    private final SucceededRetry succeededRetry;
    private final KeyScope keyScope;
    private final RefundWhilePartiallyCaptured refundWhilePartiallyCaptured;
    private final AuthorizationExpiry authorizationExpiry;
    private final RequestCurrency requestCurrency;

    private PaymentPolicies(String base, List<String> changed, Map<String, PolicyChoice> shown,
                            RejectedRetry rejectedRetry, SucceededRetry succeededRetry, KeyScope keyScope,
                            RefundWhilePartiallyCaptured refundWhilePartiallyCaptured,
                            AuthorizationExpiry authorizationExpiry, RequestCurrency requestCurrency) {
        this.base = base;
        this.changed = List.copyOf(changed);
        this.shown = shown;
        this.rejectedRetry = rejectedRetry;
        this.succeededRetry = succeededRetry;
        this.keyScope = keyScope;
        this.refundWhilePartiallyCaptured = refundWhilePartiallyCaptured;
        this.authorizationExpiry = authorizationExpiry;
        this.requestCurrency = requestCurrency;
    }

    private static Map<String, PolicyChoice> ordered(PolicyChoice... choices) {
        Map<String, PolicyChoice> map = new LinkedHashMap<>();
        for (PolicyChoice choice : choices) {
            map.put(choice.policy(), choice);
        }
        return map;
    }

    /**
     * The harness's defaults, which the {@link dev.complianceharness.payments.lifecycle.ReferenceLifecycles#MANUAL_CAPTURE
     * manual-capture lifecycle} is tested with unless a team chooses otherwise: rejected and performed retries
     * replayed, one global key scope, refunds allowed while partially captured, authorizations expiring after 7
     * days, captures and refunds naming a currency that must match.
     *
     * @return the defaults
     */
    public static PaymentPolicies defaults() {
        return DEFAULTS;
    }

    /**
     * Stripe's documented behaviour, for {@link dev.complianceharness.payments.lifecycle.ReferenceLifecycles#STRIPE_PAYMENT_INTENT}.
     *
     * @return rejections and results replayed, a global key scope, refunds of captured parts while more is
     *         capturable (multicapture), expiry after 7 days, captures and refunds in the payment's currency
     */
    public static PaymentPolicies stripe() {
        return DEFAULTS.rebased("stripe")
                .with(RejectedRetry.REPLAYED)
                .with(SucceededRetry.REPLAYED, "Stripe returns the saved response of the first request for a key",
                        STRIPE_IDEMPOTENCY)
                .with(KeyScope.GLOBAL, "Stripe answers idempotency_error when a key is reused on another endpoint or"
                        + " with other parameters", STRIPE_IDEMPOTENCY)
                .with(RefundWhilePartiallyCaptured.ALLOWED, "with multicapture, captured parts can be refunded while the"
                        + " PaymentIntent stays in requires_capture (the harness's reading of the multicapture guide)",
                        "https://docs.stripe.com/payments/multicapture")
                .with(AuthorizationExpiry.after(Duration.ofDays(7)), "'Uncaptured PaymentIntents are cancelled a set"
                        + " number of days (7 by default) after their creation'",
                        "https://docs.stripe.com/api/payment_intents/capture")
                .with(RequestCurrency.PAYMENT_CURRENCY)
                .rebased("stripe");
    }

    /**
     * Adyen's documented behaviour, for {@link dev.complianceharness.payments.lifecycle.ReferenceLifecycles#ADYEN}.
     *
     * @return results replayed, keys unique per company account, refunds only of captured payments, expiry after
     *         10 days, captures and refunds naming a currency that must match
     */
    public static PaymentPolicies adyen() {
        return DEFAULTS.rebased("adyen")
                .with(RejectedRetry.REPLAYED, "Adyen returns the response to the first attempt for a key it processed",
                        ADYEN_IDEMPOTENCY)
                .with(SucceededRetry.REPLAYED)
                .with(KeyScope.GLOBAL, "'Keys are stored at a company account level. The system checks that the"
                        + " idempotency keys are unique to the company account'", ADYEN_IDEMPOTENCY)
                .with(RefundWhilePartiallyCaptured.REFUSED, "'You can only refund a payment after the authorization is"
                        + " captured'; a capture releases the rest, so nothing stays capturable beside captured money",
                        "https://docs.adyen.com/point-of-sale/host-to-host/refund/referenced-refund")
                .with(AuthorizationExpiry.after(Duration.ofDays(10)), "the validity of an authorisation depends on the"
                        + " card scheme; this set takes Visa's 10 days for customer-initiated card-not-present payments:"
                        + " choose yours with with(AuthorizationExpiry.after(...))",
                        "https://docs.adyen.com/issuing/payment-stages/authorisation-holds")
                .with(RequestCurrency.GIVEN_AND_CHECKED)
                .rebased("adyen");
    }

    /**
     * Checkout.com's documented behaviour, for
     * {@link dev.complianceharness.payments.lifecycle.ReferenceLifecycles#CHECKOUT_COM}.
     *
     * @return rejected requests executed again (only 2xx responses are cached), results replayed, a global key
     *         scope, refunds only from Captured, expiry after 7 days, captures and refunds in the payment's currency
     */
    public static PaymentPolicies checkoutCom() {
        return DEFAULTS.rebased("checkout.com")
                .with(RejectedRetry.EXECUTED_AGAIN)
                .with(SucceededRetry.REPLAYED, "'Subsequent requests with the same key will return the same HTTP status"
                        + " code and response body as the original request, providing that it was processed"
                        + " successfully'", CHECKOUT_IDEMPOTENCY)
                .with(KeyScope.GLOBAL, "Checkout.com documents no narrower scope than the key itself, so a key reused"
                        + " with other parameters is taken as a misuse", CHECKOUT_IDEMPOTENCY)
                .with(RefundWhilePartiallyCaptured.REFUSED, "refunds start from Captured, which Partially Refunded and"
                        + " Refunded follow (the harness's reading of Checkout.com's statuses; Tabby documents the same"
                        + " rule)", "https://www.checkout.com/docs/payments/manage-payments/refund-a-payment")
                .with(AuthorizationExpiry.after(Duration.ofDays(7)), "'If you don't capture it within seven days, the"
                        + " payment is voided'", CHECKOUT_CAPTURE)
                .with(RequestCurrency.PAYMENT_CURRENCY, "a capture request carries an amount and a capture_type, no"
                        + " currency", CHECKOUT_CAPTURE)
                .rebased("checkout.com");
    }

    /**
     * Kill Bill's behaviour, for {@link dev.complianceharness.payments.lifecycle.ReferenceLifecycles#KILL_BILL}.
     *
     * @return failed transactions retried under the same key, succeeded ones refused as duplicates, a key
     *         refused on another payment (global), refunds while further captures are possible, no expiry, a
     *         currency named on every transaction
     */
    public static PaymentPolicies killBill() {
        return DEFAULTS.rebased("kill bill")
                .with(RejectedRetry.EXECUTED_AGAIN, "Kill Bill refuses a transactionExternalKey only once a transaction"
                        + " under it succeeded, so a failed one is attempted again", KILL_BILL_PROCESSOR)
                .with(SucceededRetry.REFUSED_AS_DUPLICATE)
                .with(KeyScope.GLOBAL, "Kill Bill refuses a transactionExternalKey already used for another payment or"
                        + " account", KILL_BILL_PROCESSOR)
                .with(RefundWhilePartiallyCaptured.ALLOWED, "CAPTURE_SUCCESS leads to REFUND and to further captures",
                        KILL_BILL_STATES)
                .with(AuthorizationExpiry.none())
                .with(RequestCurrency.GIVEN_AND_CHECKED, "every payment transaction names its currency",
                        "https://killbill.github.io/slate/payment-transaction.html")
                .rebased("kill bill");
    }

    private PaymentPolicies rebased(String name) {
        return new PaymentPolicies(name, List.of(), shown, rejectedRetry, succeededRetry, keyScope,
                refundWhilePartiallyCaptured, authorizationExpiry, requestCurrency);
    }

    /**
     * These policies with one choice changed, shown with the documentation the choice names.
     *
     * @param choice for example {@link KeyScope#PER_PAYMENT} or {@code AuthorizationExpiry.none()}
     * @return new policies
     */
    public PaymentPolicies with(PaymentPolicy choice) {
        Objects.requireNonNull(choice, "choice");
        return with(choice, choice.reason(), choice.source());
    }

    /**
     * These policies with one choice changed, shown with the team's own reason and source.
     *
     * @param choice for example {@link RejectedRetry#EXECUTED_AGAIN}
     * @param reason whose documented behaviour it follows, for example {@code "our API guide, section 4.2"}
     * @param source a link to that documentation; empty when there is none
     * @return new policies
     * @throws IllegalArgumentException for a choice that is not one of this package's policies
     */
    public PaymentPolicies with(PaymentPolicy choice, String reason, String source) {
        Objects.requireNonNull(choice, "choice");
        PolicyChoice described = PolicyChoice.of(choice.policy(), choice.choice(), reason, source);
        Map<String, PolicyChoice> nextShown = new LinkedHashMap<>(shown);
        nextShown.put(described.policy(), described);
        List<String> nextChanged = new ArrayList<>(changed);
        nextChanged.removeIf(entry -> entry.startsWith(choice.policy() + " "));
        nextChanged.add(choice.policy() + " " + choice.choice());
        RejectedRetry nextRejected = rejectedRetry;
        SucceededRetry nextSucceeded = succeededRetry;
        KeyScope nextScope = keyScope;
        RefundWhilePartiallyCaptured nextRefund = refundWhilePartiallyCaptured;
        AuthorizationExpiry nextExpiry = authorizationExpiry;
        RequestCurrency nextCurrency = requestCurrency;
        if (choice instanceof RejectedRetry value) {
            nextRejected = value;
        } else if (choice instanceof SucceededRetry value) {
            nextSucceeded = value;
        } else if (choice instanceof KeyScope value) {
            nextScope = value;
        } else if (choice instanceof RefundWhilePartiallyCaptured value) {
            nextRefund = value;
        } else if (choice instanceof AuthorizationExpiry value) {
            nextExpiry = value;
        } else if (choice instanceof RequestCurrency value) {
            nextCurrency = value;
        } else {
            throw new IllegalArgumentException("Unknown payment policy " + choice.getClass().getName() + " ('"
                    + choice.policy() + "'): use RejectedRetry, SucceededRetry, KeyScope, RefundWhilePartiallyCaptured,"
                    + " AuthorizationExpiry or RequestCurrency");
        }
        return new PaymentPolicies(base, nextChanged, nextShown, nextRejected, nextSucceeded, nextScope, nextRefund,
                nextExpiry, nextCurrency);
    }

    /**
     * The lifecycle as these policies let it run: with {@link RefundWhilePartiallyCaptured#REFUSED}, without the
     * refunds out of the states a partial capture leads to.
     *
     * @param lifecycle the lifecycle the service's statuses are named in
     * @return the lifecycle itself, or its restricted variant (named after it)
     * @throws IllegalArgumentException if the policies contradict the lifecycle: refunds allowed while partially
     *                                  captured where the lifecycle has partial captures but no refund after one
     */
    public Lifecycle restrict(Lifecycle lifecycle) {
        Objects.requireNonNull(lifecycle, "lifecycle");
        Set<String> partial = partiallyCapturedStates(lifecycle);
        String refund = PaymentOperation.REFUND.lifecycleCommand();
        if (refundWhilePartiallyCaptured == RefundWhilePartiallyCaptured.REFUSED) {
            boolean refundsThere = lifecycle.transitions().stream()
                    .anyMatch(transition -> transition.command().equals(refund) && partial.contains(transition.from()));
            return refundsThere ? lifecycle.without("refunds refused while partially captured",
                    transition -> transition.command().equals(refund) && partial.contains(transition.from())) : lifecycle;
        }
        if (!partial.isEmpty() && lifecycle.transitions().stream()
                .noneMatch(transition -> transition.command().equals(refund) && partial.contains(transition.from()))) {
            throw new IllegalArgumentException("The policy 'refund while partially captured: allowed' contradicts lifecycle '"
                    + lifecycle.name() + "', which declares no refund from " + partial + ", the states a partial capture"
                    + " leads to: choose RefundWhilePartiallyCaptured.REFUSED, or declare the refund in the lifecycle");
        }
        return lifecycle;
    }

    /** The states a capture leads to from which a further capture is still allowed. */
    private static Set<String> partiallyCapturedStates(Lifecycle lifecycle) {
        Set<String> captureCommands = Set.of(PaymentOperation.CAPTURE.lifecycleCommand(),
                PaymentOperation.FINAL_CAPTURE.lifecycleCommand());
        Set<String> capturing = new LinkedHashSet<>();
        for (Transition transition : lifecycle.transitions()) {
            if (captureCommands.contains(transition.command())) {
                capturing.add(transition.from());
            }
        }
        Set<String> partial = new LinkedHashSet<>();
        for (Transition transition : lifecycle.transitions()) {
            if (captureCommands.contains(transition.command()) && capturing.contains(transition.to())) {
                partial.add(transition.to());
            }
        }
        return partial;
    }

    /** @return what a retry of a rejected request does */
    public RejectedRetry rejectedRetry() {
        return rejectedRetry;
    }

    /** @return what a retry of a performed request does */
    public SucceededRetry succeededRetry() {
        return succeededRetry;
    }

    /** @return where an idempotency key is unique */
    public KeyScope keyScope() {
        return keyScope;
    }

    /** @return whether refunds are allowed while the payment is partially captured */
    public RefundWhilePartiallyCaptured refundWhilePartiallyCaptured() {
        return refundWhilePartiallyCaptured;
    }

    /** @return whether and when uncaptured authorizations expire */
    public AuthorizationExpiry authorizationExpiry() {
        return authorizationExpiry;
    }

    /** @return whether captures and refunds name a currency */
    public RequestCurrency requestCurrency() {
        return requestCurrency;
    }

    /**
     * @return the set's name and what was changed on it, for example {@code "checkout.com"} or
     *         {@code "harness defaults, with idempotency key scope per payment"}
     */
    public String name() {
        return changed.isEmpty() ? base : base + ", with " + String.join(", ", changed);
    }

    /** @return each choice with its reason and source, as the compliance report shows them, in a stable order */
    public List<PolicyChoice> choices() {
        return List.copyOf(shown.values());
    }

    /** Equal when every choice is (names, reasons and sources aside). */
    @Override
    public boolean equals(Object other) {
        return other instanceof PaymentPolicies that && rejectedRetry == that.rejectedRetry
                && succeededRetry == that.succeededRetry && keyScope == that.keyScope
                && refundWhilePartiallyCaptured == that.refundWhilePartiallyCaptured
                && authorizationExpiry.equals(that.authorizationExpiry) && requestCurrency == that.requestCurrency;
    }

    @Override
    public int hashCode() {
        return Objects.hash(rejectedRetry, succeededRetry, keyScope, refundWhilePartiallyCaptured, authorizationExpiry,
                requestCurrency);
    }

    /** @return for example {@code "PaymentPolicies[checkout.com]"} */
    @Override
    public String toString() {
        return "PaymentPolicies[" + name() + "]";
    }
}
