package dev.complianceharness.payments.testing.internal;

import dev.complianceharness.payments.event.OperationResult.Outcome;
import dev.complianceharness.payments.event.PaymentOperation;
import dev.complianceharness.payments.event.PaymentRequest;
import dev.complianceharness.payments.money.MinorUnitRules;
import dev.complianceharness.payments.money.Money;
import dev.complianceharness.payments.testing.PaymentModel;
import dev.complianceharness.property.Gen;
import dev.complianceharness.property.Gens;
import dev.complianceharness.property.stateful.Command;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The generated payment commands: authorize, partial and final captures, refunds, cancel, retries with
 * the same key, duplicate deliveries, a key reused with another amount, and expiry through the test
 * clock. Arguments come from the model (existing payments, what is left to capture or refund, earlier
 * requests), and reach past the limits often enough to test the refusals. Simplest commands first,
 * because shrinking prefers them.
 */
public final class PaymentCommands {

    private static final int MAX_UNITS = 10;
    private static final int KEY_VARIANTS = 9;

    private final List<Currency> currencies;
    private final MinorUnitRules rules;
    private final boolean concurrent;
    private final int maxPayments;

    /**
     * @param currencies the currencies payments are authorized in, the simplest first
     * @param rules      the minor-unit rules that say what one unit of a currency is
     * @param concurrent  true for the concurrent mode: results are then checked against the model
     * @param maxPayments how many payments a sequence authorizes at most
     */
    public PaymentCommands(List<Currency> currencies, MinorUnitRules rules, boolean concurrent, int maxPayments) {
        this.maxPayments = maxPayments;
        this.currencies = List.copyOf(currencies);
        this.rules = rules;
        this.concurrent = concurrent;
    }

    /**
     * @return the commands, simplest first: authorize, capture (partial, or final), refund, cancel, retry
     *         (the same request again, latest first: a client retry or a duplicate delivery), reuse key (an
     *         earlier key with another amount) and, in the sequential mode only, expire (time jumps would
     *         race with the branches of a concurrent case)
     */
    public List<Command<PaymentModel, PaymentRun, ?, ?>> all() {
        List<Command<PaymentModel, PaymentRun, ?, ?>> commands = new ArrayList<>(List.of(
                command("authorize", model -> model.payments().size() < maxPayments, model -> Gens.elements(currencies)
                        .flatMap(currency -> amount(currency, MAX_UNITS))
                        .flatMap(amount -> key(model).map(key ->
                                PaymentRequest.authorize("pay-" + (model.payments().size() + 1), amount, key)))),
                command("capture", model -> !model.payments().isEmpty(), model -> Gens.booleans().flatMap(last ->
                        amountOnPayment(model, PaymentModel.Payment::authorized,
                                last ? PaymentOperation.FINAL_CAPTURE : PaymentOperation.CAPTURE))),
                command("refund", model -> model.payments().stream().anyMatch(payment -> payment.captured().isPositive()),
                        model -> amountOnPayment(model, PaymentModel.Payment::captured, PaymentOperation.REFUND)),
                command("cancel", model -> !model.payments().isEmpty(), model -> Gens.elements(model.payments())
                        .flatMap(payment -> key(model).map(key -> PaymentRequest.cancel(payment.id(), key)))),
                command("retry", model -> !keyed(model).isEmpty(), model -> Gens.elements(latestFirst(keyed(model)))),
                command("reuse key", model -> !withAmount(model).isEmpty(), model -> Gens.elements(latestFirst(withAmount(model)))
                        .map(earlier -> new PaymentRequest(earlier.paymentId(), earlier.operation(),
                                earlier.amount().plus(unitOf(earlier.amount().currency())), earlier.idempotencyKey())))));
        if (!concurrent) {
            commands.add(command("expire", model -> model.payments().stream().anyMatch(PaymentModel.Payment::isCapturable),
                    model -> Gens.constant(PaymentRequest.expire(model.payments().stream()
                            .filter(PaymentModel.Payment::isCapturable).findFirst().orElseThrow().id()))));
        }
        return commands;
    }

    private Command<PaymentModel, PaymentRun, PaymentRequest, Outcome> command(String name,
            Predicate<PaymentModel> precondition, Function<PaymentModel, Gen<PaymentRequest>> arguments) {
        Command<PaymentModel, PaymentRun, PaymentRequest, Outcome> command = Command.<PaymentModel, PaymentRun>named(name)
                .precondition(precondition)
                .arguments(arguments)
                .run(PaymentRun::send)
                .nextModel((model, request, outcome) -> model.apply(request).next());
        return concurrent ? command.expectResult((model, request) -> model.apply(request).outcome()) : command;
    }

    private Gen<PaymentRequest> amountOnPayment(PaymentModel model, Function<PaymentModel.Payment, Money> upTo,
                                                PaymentOperation operation) {
        List<PaymentModel.Payment> eligible = model.payments().stream().filter(payment -> upTo.apply(payment).isPositive())
                .toList();
        return Gens.elements(eligible).flatMap(payment -> {
            Currency currency = payment.authorized().currency();
            long units = Math.max(1, upTo.apply(payment).minorUnits() / unitOf(currency).minorUnits());
            return currencyOf(currency).flatMap(chosen -> amount(chosen, (int) Math.min(units, MAX_UNITS)))
                    .flatMap(amount -> key(model).map(key -> new PaymentRequest(payment.id(), operation, amount, key)));
        });
    }

    private Gen<Currency> currencyOf(Currency paymentCurrency) {
        List<Currency> others = currencies.stream().filter(other -> !other.equals(paymentCurrency)).toList();
        return others.isEmpty() ? Gens.constant(paymentCurrency)
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

    private static List<PaymentRequest> withAmount(PaymentModel model) {
        return model.sentRequests().stream().filter(request -> request.amount() != null).toList();
    }
}
