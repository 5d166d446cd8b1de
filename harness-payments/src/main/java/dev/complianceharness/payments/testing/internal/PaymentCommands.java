package dev.complianceharness.payments.testing.internal;

import dev.complianceharness.payments.event.OperationResult.Outcome;
import dev.complianceharness.payments.event.PaymentOperation;
import dev.complianceharness.payments.event.PaymentRequest;
import dev.complianceharness.payments.lifecycle.Lifecycle;
import dev.complianceharness.payments.money.MinorUnitRules;
import dev.complianceharness.payments.money.Money;
import dev.complianceharness.payments.policy.KeyScope;
import dev.complianceharness.payments.policy.PaymentPolicies;
import dev.complianceharness.payments.policy.RequestCurrency;
import dev.complianceharness.payments.testing.PaymentModel;
import dev.complianceharness.property.Gen;
import dev.complianceharness.property.Gens;
import dev.complianceharness.property.Weighted;
import dev.complianceharness.property.stateful.Command;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The generated payment commands: authorize, partial and final captures, refunds, cancel, retries with
 * the same key, duplicate deliveries, a key reused with other parameters, and expiry through the test
 * clock. Arguments come from the model (existing payments, what is left to capture or refund, earlier
 * requests), and reach past the limits often enough to test the refusals. Once a payment exists every command
 * stays enabled (a refund before any capture tests its refusal), so that deleting a step while shrinking keeps
 * the others' choices meaning the same command. Simplest commands first, because shrinking prefers them. A
 * command whose lifecycle command is missing (no {@code final_capture} at Kill Bill) or whose policy rules it
 * out (no expiry) is not generated.
 */
public final class PaymentCommands {

    private static final int MAX_UNITS = 10;
    private static final int KEY_VARIANTS = 9;

    private final List<Currency> currencies;
    private final MinorUnitRules rules;
    private final boolean concurrent;
    private final int maxPayments;
    private final Lifecycle lifecycle;
    private final PaymentPolicies policies;
    private final boolean idsChosenByService;

    /**
     * @param currencies  the currencies payments are authorized in, the simplest first
     * @param rules       the minor-unit rules that say what one unit of a currency is
     * @param concurrent  true for the concurrent mode: results are then checked against the model
     * @param maxPayments how many payments a sequence authorizes at most
     * @param lifecycle   the lifecycle, which says which commands the service has
     * @param policies    the policies, which say whether expiry and other currencies are generated
     * @param idsChosenByService true if the service chooses payment ids, so that concurrent branches must never
     *                           authorize one payment twice
     */
    public PaymentCommands(List<Currency> currencies, MinorUnitRules rules, boolean concurrent, int maxPayments,
                           Lifecycle lifecycle, PaymentPolicies policies, boolean idsChosenByService) {
        this.currencies = List.copyOf(currencies);
        this.rules = rules;
        this.concurrent = concurrent;
        this.maxPayments = maxPayments;
        this.lifecycle = lifecycle;
        this.policies = policies;
        this.idsChosenByService = idsChosenByService;
    }

    /**
     * @return the commands, simplest first: authorize, capture, final capture, refund, cancel, retry (the same
     *         request again, latest first: a client retry or a duplicate delivery), reuse key (an earlier key with
     *         another amount, on another endpoint or another payment) and, in the sequential mode only, expire
     *         (time jumps would race with the branches of a concurrent case)
     */
    public List<Command<PaymentModel, PaymentRun, ?, ?>> all() {
        Predicate<PaymentModel> anyPayment = model -> !model.payments().isEmpty();
        List<Command<PaymentModel, PaymentRun, ?, ?>> commands = new ArrayList<>();
        commands.add(command("authorize", model -> model.payments().size() < maxPayments, model -> Gens.elements(currencies)
                .flatMap(currency -> amount(currency, MAX_UNITS))
                .flatMap(amount -> key(model).map(key ->
                        PaymentRequest.authorize(newPaymentId(model, key), amount, key)))));
        if (has(PaymentOperation.CAPTURE)) {
            commands.add(command("capture", anyPayment,
                    model -> amountOnPayment(model, PaymentModel.Payment::authorized, PaymentOperation.CAPTURE)));
        }
        if (has(PaymentOperation.FINAL_CAPTURE)) {
            commands.add(command("final capture", anyPayment,
                    model -> amountOnPayment(model, PaymentModel.Payment::authorized, PaymentOperation.FINAL_CAPTURE)));
        }
        if (has(PaymentOperation.REFUND)) {
            commands.add(command("refund", anyPayment,
                    model -> amountOnPayment(model, PaymentModel.Payment::captured, PaymentOperation.REFUND)));
        }
        if (has(PaymentOperation.CANCEL)) {
            commands.add(command("cancel", anyPayment, model -> Gens.elements(model.payments())
                    .flatMap(payment -> key(model).map(key -> PaymentRequest.cancel(payment.id(), key)))));
        }
        commands.add(command("retry", model -> !keyed(model).isEmpty(), model -> Gens.elements(latestFirst(keyed(model)))));
        commands.add(command("reuse key", model -> !keyed(model).isEmpty(),
                model -> Gens.elements(latestFirst(keyed(model))).flatMap(earlier -> reuse(model, earlier))));
        if (!concurrent && has(PaymentOperation.EXPIRE) && policies.authorizationExpiry().expires()) {
            commands.add(command("expire", anyPayment, model -> Gens.constant(PaymentRequest.expire(model.payments().stream()
                    .filter(payment -> !lifecycle.outgoing(payment.status(), PaymentOperation.EXPIRE.lifecycleCommand()).isEmpty())
                    .findFirst().orElse(model.payments().get(0)).id()))));
        }
        return commands;
    }

    private boolean has(PaymentOperation operation) {
        return lifecycle.hasCommand(operation.lifecycleCommand());
    }

    private Command<PaymentModel, PaymentRun, PaymentCall, Outcome> command(String name,
            Predicate<PaymentModel> precondition, Function<PaymentModel, Gen<PaymentRequest>> arguments) {
        Command<PaymentModel, PaymentRun, PaymentCall, Outcome> command = Command.<PaymentModel, PaymentRun>named(name)
                .precondition(precondition)
                .arguments(model -> arguments.apply(model).map(request -> PaymentCall.of(model, request)))
                .run(PaymentRun::send)
                .nextModel((model, call, outcome) -> call.expectedFrom(model).next());
        return concurrent ? command.expectResult((model, call) -> call.expectedFrom(model).outcome()) : command;
    }

    private Gen<PaymentRequest> amountOnPayment(PaymentModel model, Function<PaymentModel.Payment, Money> upTo,
                                                PaymentOperation operation) {
        return Gens.elements(model.payments()).flatMap(payment -> {
            Currency currency = payment.authorized().currency();
            long units = Math.max(1, upTo.apply(payment).minorUnits() / unitOf(currency).minorUnits());
            return currencyOf(currency).flatMap(chosen -> amount(chosen, (int) Math.min(units, MAX_UNITS)))
                    .flatMap(amount -> key(model).map(key -> new PaymentRequest(payment.id(), operation, amount, key)));
        });
    }

    /** An earlier key with another amount, on another endpoint, or (with several payments) on another payment. */
    private Gen<PaymentRequest> reuse(PaymentModel model, PaymentRequest earlier) {
        List<Weighted<PaymentRequest>> variants = new ArrayList<>();
        if (earlier.amount() != null) {
            variants.add(Gens.weighted(3, Gens.constant(new PaymentRequest(earlier.paymentId(), earlier.operation(),
                    earlier.amount().plus(unitOf(earlier.amount().currency())), earlier.idempotencyKey()))));
        }
        Currency currency = model.payment(earlier.paymentId()).map(payment -> payment.authorized().currency())
                .orElse(earlier.optionalAmount().map(Money::currency).orElse(currencies.get(0)));
        for (PaymentOperation other : List.of(PaymentOperation.CAPTURE, PaymentOperation.REFUND, PaymentOperation.CANCEL,
                PaymentOperation.FINAL_CAPTURE)) {
            if (has(other) && !KeyScope.endpoint(other).equals(KeyScope.endpoint(earlier.operation()))) {
                variants.add(Gens.weighted(2, Gens.constant(new PaymentRequest(earlier.paymentId(), other,
                        other.carriesAmount() ? unitOf(currency) : null, earlier.idempotencyKey()))));
                break;
            }
        }
        model.payments().stream().filter(payment -> !payment.id().equals(earlier.paymentId())
                        && earlier.operation() != PaymentOperation.AUTHORIZE && earlier.amount() != null)
                .findFirst()
                .ifPresent(payment -> variants.add(Gens.weighted(1, Gens.constant(new PaymentRequest(payment.id(),
                        earlier.operation(), unitOf(payment.authorized().currency()), earlier.idempotencyKey())))));
        return frequency(variants);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Gen<PaymentRequest> frequency(List<Weighted<PaymentRequest>> variants) {
        return Gens.frequency(variants.toArray(new Weighted[0]));
    }

    private Gen<Currency> currencyOf(Currency paymentCurrency) {
        List<Currency> others = currencies.stream().filter(other -> !other.equals(paymentCurrency)).toList();
        return others.isEmpty() || policies.requestCurrency() == RequestCurrency.PAYMENT_CURRENCY
                ? Gens.constant(paymentCurrency)
                : Gens.frequency(Gens.weighted(9, Gens.constant(paymentCurrency)), Gens.weighted(1, Gens.elements(others)));
    }

    private Gen<Money> amount(Currency currency, int maxUnits) {
        Money unit = unitOf(currency);
        Gen<Money> whole = Gens.integers(1, maxUnits).map(units -> new Money(units * unit.minorUnits(), currency));
        if (unit.minorUnits() == 1) {
            return whole;
        }
        // amounts just off the unit grid test the provider's minor-unit rules (KWD ending in 5 at Stripe)
        return Gens.frequency(Gens.weighted(9, whole),
                Gens.weighted(1, whole.map(amount -> new Money(amount.minorUnits() + 1, currency))));
    }

    private Money unitOf(Currency currency) {
        int digits = rules.fractionDigits(currency).orElse(0);
        long unit = Math.max(rules.multipleOf(currency), (long) Math.pow(10, digits));
        return new Money(unit, currency);
    }

    /**
     * The next payment's id. Branches of a concurrent case are drawn from one model and may both authorize it:
     * a race for one order id that a service choosing its ids never sees, so for one the id carries the key's
     * variant.
     */
    private String newPaymentId(PaymentModel model, String key) {
        String id = "pay-" + (model.payments().size() + 1);
        return concurrent && idsChosenByService ? id + key.substring(key.indexOf('.')) : id;
    }

    private Gen<String> key(PaymentModel model) {
        String fresh = "k" + (model.sentRequests().size() + 1);
        // calls of concurrent branches are drawn from one model, so a variant keeps their keys apart
        return concurrent ? Gens.integers(1, KEY_VARIANTS).map(variant -> fresh + "." + variant) : Gens.constant(fresh);
    }

    private static List<PaymentRequest> latestFirst(List<PaymentRequest> requests) {
        List<PaymentRequest> reversed = new ArrayList<>(requests);
        Collections.reverse(reversed);
        return reversed;
    }

    private static List<PaymentRequest> keyed(PaymentModel model) {
        return model.sentRequests().stream().filter(request -> request.idempotencyKey() != null).toList();
    }
}
