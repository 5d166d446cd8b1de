package dev.complianceharness.payments.testing;

import dev.complianceharness.payments.event.OperationResult.Outcome;
import dev.complianceharness.payments.event.PaymentOperation;
import dev.complianceharness.payments.event.PaymentRequest;
import dev.complianceharness.payments.lifecycle.ReferenceLifecycles;
import dev.complianceharness.payments.money.MinorUnitRules;
import dev.complianceharness.payments.money.Money;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a correct payment service does, as an immutable model: the harness generates requests from it
 * (which payments exist, what is still capturable, which requests can be retried) and, in the concurrent
 * mode, checks that the service's answers match some sequential order of the requests. Statuses are the
 * states of {@link ReferenceLifecycles#MANUAL_CAPTURE}.
 *
 * <ul>
 *   <li>An idempotency key seen before with the same request replays the stored outcome and changes
 *       nothing; with another request it is rejected. The first outcome is stored even when it is a
 *       rejection, as Stripe does.</li>
 *   <li>Captures (partial, multiple, final) stay within the authorization; refunds within the captures;
 *       cancel only before any capture; expiry releases what was not captured.</li>
 *   <li>Amounts must be valid under the minor-unit rules and in the payment's currency.</li>
 * </ul>
 */
public final class PaymentModel {

    private final MinorUnitRules rules;
    private final Map<String, Payment> payments;
    private final Map<String, Stored> keys;
    private final List<PaymentRequest> sent;

    private PaymentModel(MinorUnitRules rules, Map<String, Payment> payments, Map<String, Stored> keys,
                         List<PaymentRequest> sent) {
        this.rules = rules;
        this.payments = payments;
        this.keys = keys;
        this.sent = sent;
    }

    /**
     * A model with no payments.
     *
     * @param rules the minor-unit rules amounts are checked against
     * @return the empty model
     */
    public static PaymentModel empty(MinorUnitRules rules) {
        return new PaymentModel(Objects.requireNonNull(rules, "rules"), Map.of(), Map.of(), List.of());
    }

    /**
     * One payment as the model holds it.
     *
     * @param id         the payment id
     * @param status     a state of the manual-capture lifecycle
     * @param authorized the amount authorized
     * @param captured   the total captured
     * @param refunded   the total refunded
     */
    public record Payment(String id, String status, Money authorized, Money captured, Money refunded) {

        /** @return what can still be captured: nothing unless the status allows a capture */
        public Money capturable() {
            return isCapturable() ? authorized.minus(captured) : Money.zero(authorized.currency());
        }

        /** @return what can still be refunded */
        public Money refundable() {
            return captured.minus(refunded);
        }

        /** @return for example {@code "pay-1 captured: 100 of 100 USD minor captured, 0 refunded"} */
        @Override
        public String toString() {
            return id + " " + status + ": " + captured.minorUnits() + " of " + authorized + " captured, "
                    + refunded.minorUnits() + " refunded";
        }

        /** @return true in {@code authorized} and {@code partially_captured} */
        public boolean isCapturable() {
            return status.equals("authorized") || status.equals("partially_captured");
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

    /**
     * Applies a request.
     *
     * @param request the request
     * @return what a correct service answers, and the model afterwards
     */
    public Step apply(PaymentRequest request) {
        Objects.requireNonNull(request, "request");
        List<PaymentRequest> nextSent = append(sent, request);
        String key = request.idempotencyKey();
        Stored stored = key == null ? null : keys.get(key);
        if (stored != null) {
            PaymentModel unchanged = new PaymentModel(rules, payments, keys, nextSent);
            return stored.request().equals(request)
                    ? new Step(stored.outcome(), stored.reason(), unchanged)
                    : new Step(Outcome.REJECTED, "idempotency key reused with other parameters", unchanged);
        }
        Map<String, Payment> nextPayments = new LinkedHashMap<>(payments);
        String refusal = perform(request, nextPayments);
        Outcome outcome = refusal == null ? Outcome.SUCCEEDED : Outcome.REJECTED;
        Map<String, Stored> nextKeys = keys;
        if (key != null) {
            nextKeys = new LinkedHashMap<>(keys);
            nextKeys.put(key, new Stored(request, outcome, refusal == null ? "" : refusal));
            nextKeys = Collections.unmodifiableMap(nextKeys);
        }
        return new Step(outcome, refusal == null ? "" : refusal,
                new PaymentModel(rules, Collections.unmodifiableMap(nextPayments), nextKeys, nextSent));
    }

    private String perform(PaymentRequest request, Map<String, Payment> next) {
        Payment payment = next.get(request.paymentId());
        if (request.operation() == PaymentOperation.EXPIRE) {
            boolean expired = false;
            for (Payment open : List.copyOf(next.values())) {
                if (open.status().equals("authorized")) {
                    next.put(open.id(), withStatus(open, "expired"));
                    expired = true;
                } else if (open.status().equals("partially_captured")) {
                    next.put(open.id(), withStatus(open, "captured"));
                    expired = true;
                }
            }
            return payment != null && !next.get(payment.id()).equals(payment) ? null
                    : expired ? "nothing to expire on this payment" : "nothing to expire";
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
            next.put(request.paymentId(), new Payment(request.paymentId(), "authorized", request.amount(), zero, zero));
            return null;
        }
        if (payment == null) {
            return "no such payment";
        }
        String invalid = request.amount() == null ? null : invalidAmount(request.amount(), payment);
        if (invalid != null) {
            return invalid;
        }
        switch (request.operation()) {
            case CAPTURE, FINAL_CAPTURE -> {
                if (!payment.isCapturable()) {
                    return "payment is " + payment.status();
                }
                if (request.amount().isGreaterThan(payment.capturable())) {
                    return "amount exceeds the capturable rest " + payment.capturable();
                }
                String status = request.operation() == PaymentOperation.FINAL_CAPTURE ? "captured" : "partially_captured";
                next.put(payment.id(), new Payment(payment.id(), status, payment.authorized(),
                        payment.captured().plus(request.amount()), payment.refunded()));
                return null;
            }
            case REFUND -> {
                if (!payment.status().equals("partially_captured") && !payment.status().equals("captured")) {
                    return "payment is " + payment.status();
                }
                if (request.amount().isGreaterThan(payment.refundable())) {
                    return "amount exceeds the refundable rest " + payment.refundable();
                }
                next.put(payment.id(), new Payment(payment.id(), payment.status(), payment.authorized(),
                        payment.captured(), payment.refunded().plus(request.amount())));
                return null;
            }
            case CANCEL -> {
                if (!payment.status().equals("authorized")) {
                    return "payment is " + payment.status();
                }
                next.put(payment.id(), withStatus(payment, "canceled"));
                return null;
            }
            default -> throw new IllegalStateException("unhandled operation " + request.operation());
        }
    }

    private String invalidAmount(Money amount, Payment payment) {
        if (payment != null && !payment.authorized().hasSameCurrencyAs(amount)) {
            return "payment is in " + payment.authorized().currencyCode();
        }
        return rules.violation(amount).orElse(null);
    }

    private static Payment withStatus(Payment payment, String status) {
        return new Payment(payment.id(), status, payment.authorized(), payment.captured(), payment.refunded());
    }

    private static List<PaymentRequest> append(List<PaymentRequest> list, PaymentRequest request) {
        List<PaymentRequest> copy = new ArrayList<>(list.size() + 1);
        copy.addAll(list);
        copy.add(request);
        return Collections.unmodifiableList(copy);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PaymentModel that && rules == that.rules && payments.equals(that.payments)
                && keys.equals(that.keys) && sent.equals(that.sent);
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
