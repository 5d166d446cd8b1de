package dev.complianceharness.payments.testing;

import dev.complianceharness.payments.event.OperationResult.Outcome;
import dev.complianceharness.payments.event.PaymentOperation;
import dev.complianceharness.payments.event.PaymentRequest;
import dev.complianceharness.payments.lifecycle.Amounts;
import dev.complianceharness.payments.lifecycle.Lifecycle;
import dev.complianceharness.payments.lifecycle.ReferenceLifecycles;
import dev.complianceharness.payments.money.MinorUnitRules;
import dev.complianceharness.payments.money.Money;
import dev.complianceharness.payments.policy.PaymentPolicies;
import dev.complianceharness.payments.policy.RejectedRetry;
import dev.complianceharness.payments.policy.SucceededRetry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a correct payment service does, as an immutable model: the harness generates requests from it
 * (which payments exist, what is still capturable, which requests can be retried) and checks that the
 * service answers each request as the model does (in the concurrent mode, that the answers match some
 * sequential order of the requests). Statuses are the states of its lifecycle; what providers do differently
 * follows its {@link PaymentPolicies}.
 *
 * <ul>
 *   <li>An idempotency key seen before (in the policies' key scope) with the same request answers as the
 *       policies say: a performed request replayed (or refused as a duplicate), a rejected one replayed or
 *       executed again; with another request it is rejected. A key is bound by its first request, or where
 *       rejected requests are executed again, by its first performed one.</li>
 *   <li>A command is performed where the lifecycle allows it from the payment's status for the request's
 *       amounts, and the payment moves to the first declared target; captures stay within what is left of the
 *       authorization, refunds within what is left of the captures; expiry moves every payment along its
 *       {@code expire} transition.</li>
 *   <li>Amounts must be valid under the minor-unit rules and in the payment's currency.</li>
 * </ul>
 */
public final class PaymentModel {

    private final Lifecycle lifecycle;
    private final PaymentPolicies policies;
    private final MinorUnitRules rules;
    private final Map<String, Payment> payments;
    private final Map<String, Stored> keys;
    private final List<PaymentRequest> sent;

    private PaymentModel(Lifecycle lifecycle, PaymentPolicies policies, MinorUnitRules rules, Map<String, Payment> payments,
                         Map<String, Stored> keys, List<PaymentRequest> sent) {
        this.lifecycle = lifecycle;
        this.policies = policies;
        this.rules = rules;
        this.payments = payments;
        this.keys = keys;
        this.sent = sent;
    }

    /**
     * A model with no payments, of the {@link ReferenceLifecycles#MANUAL_CAPTURE manual-capture lifecycle} under
     * the {@link PaymentPolicies#defaults() default policies}.
     *
     * @param rules the minor-unit rules amounts are checked against
     * @return the empty model
     */
    public static PaymentModel empty(MinorUnitRules rules) {
        return empty(ReferenceLifecycles.MANUAL_CAPTURE, PaymentPolicies.defaults(), rules);
    }

    /**
     * A model with no payments.
     *
     * @param lifecycle the lifecycle the service's statuses are named in
     * @param policies  the policies the service follows
     * @param rules     the minor-unit rules amounts are checked against
     * @return the empty model
     * @throws IllegalArgumentException if the policies contradict the lifecycle
     */
    public static PaymentModel empty(Lifecycle lifecycle, PaymentPolicies policies, MinorUnitRules rules) {
        Objects.requireNonNull(policies, "policies");
        return new PaymentModel(policies.restrict(Objects.requireNonNull(lifecycle, "lifecycle")), policies,
                Objects.requireNonNull(rules, "rules"), Map.of(), Map.of(), List.of());
    }

    /**
     * One payment as the model holds it.
     *
     * @param id         the payment id
     * @param status     a state of the model's lifecycle
     * @param authorized the amount authorized
     * @param captured   the total captured
     * @param refunded   the total refunded
     */
    public record Payment(String id, String status, Money authorized, Money captured, Money refunded) {

        /** @return what can still be refunded */
        public Money refundable() {
            return captured.minus(refunded);
        }

        /** @return the amounts a condition on a request with this amount looks at */
        Amounts amounts(Money requested) {
            return new Amounts(requested, authorized, captured, refunded);
        }

        /** @return for example {@code "pay-1 captured: 100 of 100 USD minor captured, 0 refunded"} */
        @Override
        public String toString() {
            return id + " " + status + ": " + captured.minorUnits() + " of " + authorized + " captured, "
                    + refunded.minorUnits() + " refunded";
        }
    }

    /**
     * The model's answer to a request and the model afterwards.
     *
     * @param outcome the outcome a correct service gives
     * @param reason  why, for a rejection
     * @param next    the model after the request
     */
    public record Step(Outcome outcome, String reason, PaymentModel next) {

        /** @return for example {@code "REJECTED (amount exceeds the refundable rest 0 JPY minor)"} */
        public String describe() {
            return outcome + (reason.isEmpty() ? "" : " (" + reason + ")");
        }
    }

    private record Stored(PaymentRequest request, Outcome outcome, String reason) {
    }

    /** @return the payments, in the order they were authorized */
    public List<Payment> payments() {
        return List.copyOf(payments.values());
    }

    /**
     * @param paymentId a payment id
     * @return the payment, if it was authorized
     */
    public Optional<Payment> payment(String paymentId) {
        return Optional.ofNullable(payments.get(paymentId));
    }

    /** @return every request applied so far, in order: what a retry or a key reuse can pick from */
    public List<PaymentRequest> sentRequests() {
        return sent;
    }

    /** @return the minor-unit rules */
    public MinorUnitRules rules() {
        return rules;
    }

    /** @return the lifecycle, as the policies let it run */
    public Lifecycle lifecycle() {
        return lifecycle;
    }

    /** @return the policies the model follows */
    public PaymentPolicies policies() {
        return policies;
    }

    /**
     * @param payment a payment of this model
     * @return true if its status allows a capture (final or not)
     */
    public boolean isCapturable(Payment payment) {
        return allows(payment.status(), PaymentOperation.CAPTURE) || allows(payment.status(), PaymentOperation.FINAL_CAPTURE);
    }

    /**
     * @param payment a payment of this model
     * @return what can still be captured: nothing unless the status allows a capture
     */
    public Money capturable(Payment payment) {
        return isCapturable(payment) ? payment.amounts(null).capturable() : Money.zero(payment.authorized().currency());
    }

    private boolean allows(String status, PaymentOperation operation) {
        String command = operation.lifecycleCommand();
        return lifecycle.hasCommand(command) && !lifecycle.outgoing(status, command).isEmpty();
    }

    /**
     * Applies a request.
     *
     * @param request the request
     * @return what a correct service answers, and the model afterwards
     */
    public Step apply(PaymentRequest request) {
        Objects.requireNonNull(request, "request");
        List<PaymentRequest> nextSent = append(sent, request);
        String key = policies.keyScope().scopedKey(request).orElse(null);
        Stored stored = key == null ? null : keys.get(key);
        if (stored != null) {
            PaymentModel unchanged = new PaymentModel(lifecycle, policies, rules, payments, keys, nextSent);
            if (!stored.request().equals(request)) {
                return new Step(Outcome.REJECTED, "idempotency key reused with other parameters", unchanged);
            }
            if (stored.outcome() == Outcome.SUCCEEDED && policies.succeededRetry() == SucceededRetry.REFUSED_AS_DUPLICATE) {
                return new Step(Outcome.REJECTED, "a request with this idempotency key was performed already", unchanged);
            }
            return new Step(stored.outcome(), stored.reason(), unchanged);
        }
        Map<String, Payment> nextPayments = new LinkedHashMap<>(payments);
        String refusal = perform(request, nextPayments);
        Outcome outcome = refusal == null ? Outcome.SUCCEEDED : Outcome.REJECTED;
        Map<String, Stored> nextKeys = keys;
        if (key != null && (outcome == Outcome.SUCCEEDED || policies.rejectedRetry() == RejectedRetry.REPLAYED)) {
            nextKeys = new LinkedHashMap<>(keys);
            nextKeys.put(key, new Stored(request, outcome, refusal == null ? "" : refusal));
            nextKeys = Collections.unmodifiableMap(nextKeys);
        }
        return new Step(outcome, refusal == null ? "" : refusal,
                new PaymentModel(lifecycle, policies, rules, Collections.unmodifiableMap(nextPayments), nextKeys, nextSent));
    }

    private String perform(PaymentRequest request, Map<String, Payment> next) {
        Payment payment = next.get(request.paymentId());
        if (request.operation() == PaymentOperation.EXPIRE) {
            return expire(payment, next);
        }
        String command = request.operation().lifecycleCommand();
        if (!lifecycle.hasCommand(command)) {
            return "lifecycle '" + lifecycle.name() + "' has no " + command;
        }
        if (request.operation() == PaymentOperation.AUTHORIZE) {
            if (payment != null) {
                return "payment already exists";
            }
            String invalid = invalidAmount(request.amount(), null);
            if (invalid != null) {
                return invalid;
            }
            Money zero = Money.zero(request.amount().currency());
            Optional<String> status = lifecycle.expectedTarget(lifecycle.initialState(), command,
                    Amounts.beforeAuthorization(request.amount()));
            if (status.isEmpty()) {
                return "lifecycle '" + lifecycle.name() + "' allows no authorize for " + request.amount();
            }
            next.put(request.paymentId(), new Payment(request.paymentId(), status.get(), request.amount(), zero, zero));
            return null;
        }
        if (payment == null) {
            return "no such payment";
        }
        String invalid = request.amount() == null ? null : invalidAmount(request.amount(), payment);
        if (invalid != null) {
            return invalid;
        }
        if (lifecycle.outgoing(payment.status(), command).isEmpty()) {
            return "payment is " + payment.status();
        }
        Amounts amounts = payment.amounts(request.amount());
        Money captured = payment.captured();
        Money refunded = payment.refunded();
        if (request.operation().isCapture()) {
            if (request.amount().isGreaterThan(amounts.capturable())) {
                return "amount exceeds the capturable rest " + amounts.capturable();
            }
            captured = captured.plus(request.amount());
        } else if (request.operation() == PaymentOperation.REFUND) {
            if (request.amount().isGreaterThan(amounts.refundable())) {
                return "amount exceeds the refundable rest " + amounts.refundable();
            }
            refunded = refunded.plus(request.amount());
        }
        Optional<String> status = lifecycle.expectedTarget(payment.status(), command, amounts);
        if (status.isEmpty()) {
            return "payment is " + payment.status() + " and lifecycle '" + lifecycle.name() + "' allows no " + command
                    + " there for " + amounts.describe();
        }
        next.put(payment.id(), new Payment(payment.id(), status.get(), payment.authorized(), captured, refunded));
        return null;
    }

    private String expire(Payment payment, Map<String, Payment> next) {
        String command = PaymentOperation.EXPIRE.lifecycleCommand();
        if (!policies.authorizationExpiry().expires() || !lifecycle.hasCommand(command)) {
            return "authorizations do not expire (policy '" + policies.authorizationExpiry().policy() + ": "
                    + policies.authorizationExpiry().choice() + "')";
        }
        boolean expired = false;
        for (Payment open : List.copyOf(next.values())) {
            Optional<String> status = lifecycle.expectedTarget(open.status(), command, open.amounts(null));
            if (status.isPresent() && !status.get().equals(open.status())) {
                next.put(open.id(), new Payment(open.id(), status.get(), open.authorized(), open.captured(), open.refunded()));
                expired = true;
            }
        }
        return payment != null && !next.get(payment.id()).equals(payment) ? null
                : expired ? "nothing to expire on this payment" : "nothing to expire";
    }

    private String invalidAmount(Money amount, Payment payment) {
        if (payment != null && !payment.authorized().hasSameCurrencyAs(amount)) {
            return "payment is in " + payment.authorized().currencyCode();
        }
        return rules.violation(amount).orElse(null);
    }

    private static List<PaymentRequest> append(List<PaymentRequest> list, PaymentRequest request) {
        List<PaymentRequest> copy = new ArrayList<>(list.size() + 1);
        copy.addAll(list);
        copy.add(request);
        return Collections.unmodifiableList(copy);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PaymentModel that && rules == that.rules && lifecycle == that.lifecycle
                && policies.equals(that.policies) && payments.equals(that.payments) && keys.equals(that.keys)
                && sent.equals(that.sent);
    }

    @Override
    public int hashCode() {
        return Objects.hash(payments, keys, sent);
    }

    /** @return the payments, for example {@code "[pay-1 captured: 100 of 100 USD minor captured, 0 refunded]"} */
    @Override
    public String toString() {
        return payments.values().toString();
    }
}
