package dev.complianceharness.payments.testing;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

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
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.apiguardian.api.API;

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
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class PaymentModel {

    private final Lifecycle lifecycle;
    private final PaymentPolicies policies;
    private final MinorUnitRules rules;
    private final Payment[] payments;
    private final Bindings keys;
    private final History sent;
    private final History keyed;
    private final boolean expires;

    /** The payments as a list, made when first asked (preconditions and generation ask several times per step). */
    private List<Payment> paymentList;

    private PaymentModel(Lifecycle lifecycle, PaymentPolicies policies, MinorUnitRules rules, Payment[] payments,
                         Bindings keys, History sent, History keyed, boolean expires) {
        this.lifecycle = lifecycle;
        this.policies = policies;
        this.rules = rules;
        this.payments = payments;
        this.keys = keys;
        this.sent = sent;
        this.keyed = keyed;
        this.expires = expires;
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
        Lifecycle restricted = policies.restrict(Objects.requireNonNull(lifecycle, "lifecycle"));
        return new PaymentModel(restricted, policies, Objects.requireNonNull(rules, "rules"), new Payment[0],
                Bindings.EMPTY, History.empty(), History.empty(), policies.authorizationExpiry().expires()
                        && restricted.hasCommand(PaymentOperation.EXPIRE.lifecycleCommand()));
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

    /** The model's answer to a request and the model afterwards; the reason of a rejection is built when asked. */
    public static final class Step {
        private final Outcome outcome;
        private final Object reason;
        private final PaymentModel next;

        Step(Outcome outcome, Object reason, PaymentModel next) {
            this.outcome = outcome;
            this.reason = reason;
            this.next = next;
        }

        /** @return the outcome a correct service gives */
        public Outcome outcome() {
            return outcome;
        }

        /** @return why, for a rejection; empty for a success */
        public String reason() {
            return reason == null ? "" : reason instanceof Supplier<?> supplier ? String.valueOf(supplier.get()) : reason.toString();
        }

        /** @return the model after the request */
        public PaymentModel next() {
            return next;
        }

        /** @return for example {@code "REJECTED (amount exceeds the refundable rest 0 JPY minor)"} */
        public String describe() {
            String why = reason();
            return outcome + (why.isEmpty() ? "" : " (" + why + ")");
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    private record Stored(PaymentRequest request, Outcome outcome, Object reason) {
    }

    /** @return the payments, in the order they were authorized */
    public List<Payment> payments() {
        List<Payment> list = paymentList;
        if (list == null) {
            list = List.of(payments);
            paymentList = list;
        }
        return list;
    }

    /** @return how many payments were authorized */
    public int paymentCount() {
        return payments.length;
    }

    /**
     * @param paymentId a payment id
     * @return the payment, if it was authorized
     */
    public Optional<Payment> payment(String paymentId) {
        int index = indexOf(payments, paymentId);
        return index < 0 ? Optional.empty() : Optional.of(payments[index]);
    }

    private static int indexOf(Payment[] payments, String paymentId) {
        for (int i = 0; i < payments.length; i++) {
            if (payments[i].id().equals(paymentId)) {
                return i;
            }
        }
        return -1;
    }

    /** @return every request applied so far, in order: what a retry or a key reuse can pick from */
    public List<PaymentRequest> sentRequests() {
        return sent.list();
    }

    /** @return the requests applied so far that carry an idempotency key, in order */
    public List<PaymentRequest> keyedRequests() {
        return keyed.list();
    }

    /** @return how many requests with an idempotency key were applied so far */
    public int keyedCount() {
        return keyed.size();
    }

    /** @return how many requests were applied so far */
    public int sentCount() {
        return sent.size();
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
        return lifecycle.hasTransition(status, operation.lifecycleCommand());
    }

    /**
     * Applies a request.
     *
     * @param request the request
     * @return what a correct service answers, and the model afterwards
     */
    public Step apply(PaymentRequest request) {
        Objects.requireNonNull(request, "request");
        History nextSent = sent.append(request);
        History nextKeyed = request.idempotencyKey() == null ? keyed : keyed.append(request);
        String key = policies.keyScope().scopedKey(request).orElse(null);
        Stored stored = key == null ? null : keys.get(key);
        if (stored != null) {
            PaymentModel unchanged = new PaymentModel(lifecycle, policies, rules, payments, keys, nextSent, nextKeyed,
                    expires);
            if (!stored.request().equals(request)) {
                return new Step(Outcome.REJECTED, "idempotency key reused with other parameters", unchanged);
            }
            if (stored.outcome() == Outcome.SUCCEEDED && policies.succeededRetry() == SucceededRetry.REFUSED_AS_DUPLICATE) {
                return new Step(Outcome.REJECTED, "a request with this idempotency key was performed already", unchanged);
            }
            return new Step(stored.outcome(), stored.reason(), unchanged);
        }
        Payment[] nextPayments = payments.clone();
        Performed performed = perform(request, nextPayments);
        Object refusal = performed.refusal();
        if (performed.added() != null) {
            nextPayments = Arrays.copyOf(nextPayments, nextPayments.length + 1);
            nextPayments[nextPayments.length - 1] = performed.added();
        }
        Outcome outcome = refusal == null ? Outcome.SUCCEEDED : Outcome.REJECTED;
        Bindings nextKeys = keys;
        if (key != null && (outcome == Outcome.SUCCEEDED || policies.rejectedRetry() == RejectedRetry.REPLAYED)) {
            nextKeys = keys.with(key, new Stored(request, outcome, refusal));
        }
        return new Step(outcome, refusal,
                new PaymentModel(lifecycle, policies, rules, nextPayments, nextKeys, nextSent, nextKeyed, expires));
    }

    /** What performing a request did: refused it (with the reason), changed payments in place, or added one. */
    private record Performed(Object refusal, Payment added) {
        static final Performed DONE = new Performed(null, null);

        static Performed refused(Object reason) {
            return new Performed(reason, null);
        }
    }

    private Performed perform(PaymentRequest request, Payment[] next) {
        if (request.operation() != PaymentOperation.AUTHORIZE) {
            Object refusal = performInPlace(request, next);
            return refusal == null ? Performed.DONE : Performed.refused(refusal);
        }
        String command = request.operation().lifecycleCommand();
        if (!lifecycle.hasCommand(command)) {
            return Performed.refused("lifecycle '" + lifecycle.name() + "' has no " + command);
        }
        if (indexOf(next, request.paymentId()) >= 0) {
            return Performed.refused("payment already exists");
        }
        String invalid = invalidAmount(request.amount(), null);
        if (invalid != null) {
            return Performed.refused(invalid);
        }
        String status = lifecycle.firstTarget(lifecycle.initialState(), command, Amounts.beforeAuthorization(request.amount()));
        if (status == null) {
            return Performed.refused((Supplier<String>) () -> "lifecycle '" + lifecycle.name() + "' allows no authorize for "
                    + request.amount());
        }
        Money zero = Money.zero(request.amount().currency());
        return new Performed(null, new Payment(request.paymentId(), status, request.amount(), zero, zero));
    }

    private Object performInPlace(PaymentRequest request, Payment[] next) {
        int index = indexOf(next, request.paymentId());
        Payment payment = index < 0 ? null : next[index];
        if (request.operation() == PaymentOperation.EXPIRE) {
            return expire(payment, next);
        }
        String command = request.operation().lifecycleCommand();
        if (!lifecycle.hasCommand(command)) {
            return "lifecycle '" + lifecycle.name() + "' has no " + command;
        }
        if (payment == null) {
            return "no such payment";
        }
        String invalid = request.amount() == null ? null : invalidAmount(request.amount(), payment);
        if (invalid != null) {
            return invalid;
        }
        if (!lifecycle.hasTransition(payment.status(), command)) {
            return (Supplier<String>) () -> "payment is " + payment.status();
        }
        Amounts amounts = payment.amounts(request.amount());
        Money captured = payment.captured();
        Money refunded = payment.refunded();
        if (request.operation().isCapture()) {
            if (request.amount().minorUnits() > payment.authorized().minorUnits() - captured.minorUnits()) {
                return (Supplier<String>) () -> "amount exceeds the capturable rest " + amounts.capturable();
            }
            captured = captured.plus(request.amount());
        } else if (request.operation() == PaymentOperation.REFUND) {
            if (request.amount().minorUnits() > captured.minorUnits() - refunded.minorUnits()) {
                return (Supplier<String>) () -> "amount exceeds the refundable rest " + amounts.refundable();
            }
            refunded = refunded.plus(request.amount());
        }
        String status = lifecycle.firstTarget(payment.status(), command, amounts);
        if (status == null) {
            return (Supplier<String>) () -> "payment is " + payment.status() + " and lifecycle '" + lifecycle.name()
                    + "' allows no " + command + " there for " + amounts.describe();
        }
        next[index] = new Payment(payment.id(), status, payment.authorized(), captured, refunded);
        return null;
    }

    private String expire(Payment payment, Payment[] next) {
        String command = PaymentOperation.EXPIRE.lifecycleCommand();
        if (!expires) {
            return "authorizations do not expire (policy '" + policies.authorizationExpiry().policy() + ": "
                    + policies.authorizationExpiry().choice() + "')";
        }
        boolean expired = false;
        for (int i = 0; i < next.length; i++) {
            Payment open = next[i];
            String status = lifecycle.firstTarget(open.status(), command, open.amounts(null));
            if (status != null && !status.equals(open.status())) {
                next[i] = new Payment(open.id(), status, open.authorized(), open.captured(), open.refunded());
                expired = true;
            }
        }
        int index = payment == null ? -1 : indexOf(next, payment.id());
        return index >= 0 && !next[index].equals(payment) ? null
                : expired ? "nothing to expire on this payment" : "nothing to expire";
    }

    private String invalidAmount(Money amount, Payment payment) {
        if (payment != null && !payment.authorized().hasSameCurrencyAs(amount)) {
            return "payment is in " + payment.authorized().currencyCode();
        }
        return rules.violation(amount).orElse(null);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PaymentModel that && rules == that.rules && lifecycle == that.lifecycle
                && policies.equals(that.policies) && Arrays.equals(payments, that.payments)
                && keys.sameAs(that.keys) && sent.list().equals(that.sent.list());
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(payments) + sent.list().hashCode();
    }

    /** @return the payments, for example {@code "[pay-1 captured: 100 of 100 USD minor captured, 0 refunded]"} */
    @Override
    public String toString() {
        return Arrays.toString(payments);
    }

    /**
     * An append-only history shared by a chain of models: each model sees the first {@code size} requests of one
     * list, and appending to the newest model of a chain costs no copy; a second model appended to the same
     * model (the branches of a concurrent case) copies its prefix.
     */
    private static final class History {
        private final List<PaymentRequest> shared;
        private final int size;

        private History(List<PaymentRequest> shared, int size) {
            this.shared = shared;
            this.size = size;
        }

        static History empty() {
            return new History(new ArrayList<>(), 0);
        }

        History append(PaymentRequest request) {
            synchronized (shared) {
                if (shared.size() == size) {
                    shared.add(request);
                    return new History(shared, size + 1);
                }
                List<PaymentRequest> copy = new ArrayList<>(shared.subList(0, size));
                copy.add(request);
                return new History(copy, size + 1);
            }
        }

        int size() {
            return size;
        }

        List<PaymentRequest> list() {
            synchronized (shared) {
                return Collections.unmodifiableList(shared.subList(0, size));
            }
        }
    }

    /**
     * The idempotency keys bound so far, shared by a chain of models like {@link History}: a key is bound once in
     * a chain, so a model sees the bindings made before its own version.
     */
    private static final class Bindings {
        static final Bindings EMPTY = new Bindings(new LinkedHashMap<>(), 0);

        private final Map<String, Numbered> shared;
        private final int version;

        private record Numbered(int number, Stored stored) {
        }

        private Bindings(Map<String, Numbered> shared, int version) {
            this.shared = shared;
            this.version = version;
        }

        Stored get(String key) {
            synchronized (shared) {
                Numbered numbered = shared.get(key);
                return numbered == null || numbered.number() >= version ? null : numbered.stored();
            }
        }

        Bindings with(String key, Stored stored) {
            synchronized (shared) {
                if (shared.size() == version && this != EMPTY) {
                    shared.put(key, new Numbered(version, stored));
                    return new Bindings(shared, version + 1);
                }
                Map<String, Numbered> copy = new LinkedHashMap<>();
                for (Map.Entry<String, Numbered> entry : shared.entrySet()) {
                    if (entry.getValue().number() < version) {
                        copy.put(entry.getKey(), entry.getValue());
                    }
                }
                copy.put(key, new Numbered(version, stored));
                return new Bindings(copy, version + 1);
            }
        }

        boolean sameAs(Bindings other) {
            if (version != other.version) {
                return false;
            }
            synchronized (shared) {
                for (Map.Entry<String, Numbered> entry : shared.entrySet()) {
                    if (entry.getValue().number() < version
                            && !entry.getValue().stored().equals(other.get(entry.getKey()))) {
                        return false;
                    }
                }
            }
            return true;
        }
    }
}
