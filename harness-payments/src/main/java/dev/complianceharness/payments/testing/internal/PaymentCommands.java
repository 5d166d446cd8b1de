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
import dev.complianceharness.property.Choices;
import dev.complianceharness.property.Gen;
import dev.complianceharness.property.stateful.Command;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
    /**
     * The choices every step's arguments draw, whatever its command: a capture or refund draws the most (payment,
     * currency twice, kind, amount twice, and a key variant in the concurrent mode); the others are padded to it.
     */
    private static final int DRAWS_PER_STEP = 7;

    private final List<Currency> currencies;
    private final MinorUnitRules rules;
    private final boolean concurrent;
    private final int maxPayments;
    private final Lifecycle lifecycle;
    private final PaymentPolicies policies;
    private final boolean idsChosenByService;
    private final Map<Currency, Money> units = new ConcurrentHashMap<>();

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
        Predicate<PaymentModel> anyPayment = model -> model.paymentCount() > 0;
        Predicate<PaymentModel> anyKey = model -> model.keyedCount() > 0;
        List<Command<PaymentModel, PaymentRun, ?, ?>> commands = new ArrayList<>();
        commands.add(command("authorize", 1, model -> model.paymentCount() < maxPayments, model -> choices -> {
            Currency currency = currencies.get(index(choices, currencies.size()));
            Money amount = amount(choices, currency, MAX_UNITS);
            String key = key(choices, model);
            return PaymentRequest.authorize(newPaymentId(model, key), amount, key);
        }));
        if (has(PaymentOperation.CAPTURE)) {
            commands.add(command("capture", 5, anyPayment, model -> amountOnPayment(model, PaymentOperation.CAPTURE)));
        }
        if (has(PaymentOperation.FINAL_CAPTURE)) {
            commands.add(command("final capture", 3, anyPayment, model -> amountOnPayment(model, PaymentOperation.FINAL_CAPTURE)));
        }
        if (has(PaymentOperation.REFUND)) {
            commands.add(command("refund", 3, anyPayment, model -> amountOnPayment(model, PaymentOperation.REFUND)));
        }
        commands.add(command("retry", 2, anyKey, model -> choices -> latest(model, choices)));
        commands.add(command("reuse key", 2, anyKey, model -> choices -> reuse(model, latest(model, choices), choices)));
        if (!concurrent && has(PaymentOperation.EXPIRE) && policies.authorizationExpiry().expires()) {
            commands.add(command("expire", 1, anyPayment, model -> choices -> PaymentRequest.expire(model.payments().stream()
                    .filter(payment -> !lifecycle.outgoing(payment.status(), PaymentOperation.EXPIRE.lifecycleCommand()).isEmpty())
                    .findFirst().orElse(model.payments().get(0)).id())));
        }
        if (has(PaymentOperation.CANCEL)) {
            // one of the two is enabled at a time, last, so that their different weights shift no other command's draw
            commands.add(command("cancel", 1, model -> model.paymentCount() > 0 && !anyCaptured(model), model -> choices -> {
                PaymentModel.Payment payment = model.payments().get(index(choices, model.paymentCount()));
                return PaymentRequest.cancel(payment.id(), key(choices, model));
            }));
            commands.add(command("cancel after capture", 4, PaymentCommands::anyCaptured, model -> choices -> {
                List<PaymentModel.Payment> captured = model.payments().stream()
                        .filter(payment -> payment.captured().isPositive()).toList();
                PaymentModel.Payment payment = captured.get(index(choices, captured.size()));
                return PaymentRequest.cancel(payment.id(), key(choices, model));
            }));
        }
        return commands;
    }

    private static boolean anyCaptured(PaymentModel model) {
        for (PaymentModel.Payment payment : model.payments()) {
            if (payment.captured().isPositive()) {
                return true;
            }
        }
        return false;
    }

    private boolean has(PaymentOperation operation) {
        return lifecycle.hasCommand(operation.lifecycleCommand());
    }

    private Command<PaymentModel, PaymentRun, PaymentCall, Outcome> command(String name, int weight,
            Predicate<PaymentModel> precondition, Function<PaymentModel, Gen<PaymentRequest>> arguments) {
        Command<PaymentModel, PaymentRun, PaymentCall, Outcome> command = Command.<PaymentModel, PaymentRun>named(name)
                .precondition(precondition)
                .arguments(model -> {
                    Gen<PaymentRequest> requests = arguments.apply(model);
                    return choices -> PaymentCall.of(model, padded(requests, choices, name));
                })
                .run(PaymentRun::send)
                .nextModel((model, call, outcome) -> call.expectedFrom(model).next())
                .weight(weight);
        return concurrent ? command.expectResult((model, call) -> call.expectedFrom(model).outcome()) : command;
    }

    /**
     * Generates a request and pads its draws to {@link #DRAWS_PER_STEP}. As every step then draws as many choices
     * whatever its command, shrinking can turn a step into a simpler command (a cancel refused because of an earlier
     * step into a capture refused for its amount, drawn from the same zeroed choices) without shifting the later
     * steps' choices, and then delete the step that made the first one fail: the sequence reaches the shortest shape
     * of the failure, not only the shortest of its own shape.
     */
    private static PaymentRequest padded(Gen<PaymentRequest> requests, Choices choices, String command) {
        CountedChoices counted = new CountedChoices(choices);
        PaymentRequest request = requests.generate(counted);
        if (counted.draws > DRAWS_PER_STEP) {
            throw new IllegalStateException("command '" + command + "' drew " + counted.draws + " choices, more than the "
                    + DRAWS_PER_STEP + " every step is padded to");
        }
        for (int i = counted.draws; i < DRAWS_PER_STEP; i++) {
            choices.draw(0, 0);
        }
        return request;
    }

    /** Counts the choices a command's arguments draw. */
    private static final class CountedChoices implements Choices {
        private final Choices choices;
        private int draws;

        CountedChoices(Choices choices) {
            this.choices = choices;
        }

        @Override
        public long draw(long min, long max) {
            draws++;
            return choices.draw(min, max);
        }

        @Override
        public boolean weighted(double probabilityOfTrue) {
            draws++;
            return choices.weighted(probabilityOfTrue);
        }

        @Override
        public long drawFavouring(long min, long max, long... edgeCases) {
            draws++;
            return choices.drawFavouring(min, max, edgeCases);
        }
    }

    /**
     * An element's index: shrinks towards the first, as {@code Gens.elements} does. Drawn even from one element,
     * like every choice here, so that the number of choices a step draws never depends on what earlier steps did
     * and deleting a step while shrinking leaves the later steps' choices meaning the same.
     */
    private static int index(Choices choices, int size) {
        return (int) choices.draw(0, size - 1);
    }

    /** An earlier request with a key, the latest first. */
    private static PaymentRequest latest(PaymentModel model, Choices choices) {
        List<PaymentRequest> keyed = model.keyedRequests();
        return keyed.get(keyed.size() - 1 - index(choices, keyed.size()));
    }

    /**
     * A capture or refund on one of the payments. What its amount is, relative to what is left (of the
     * authorization for a capture, of the captures for a refund), is drawn first and keeps its meaning when
     * shrinking deletes earlier steps: one unit beyond what is left (refused), within it, exactly what is left, or
     * again within. So a request refused for its amount stays refused, and one within the limit stays within;
     * shrinking turns a request refused for any reason into the first kind, which stays refused when the steps
     * that made it so are deleted.
     */
    private Gen<PaymentRequest> amountOnPayment(PaymentModel model, PaymentOperation operation) {
        return choices -> {
            PaymentModel.Payment payment = model.payments().get(index(choices, model.paymentCount()));
            Currency currency = payment.authorized().currency();
            Currency chosen = currencyOf(choices, currency);
            Money unit = unitOf(chosen);
            long left = operation == PaymentOperation.REFUND ? payment.refundable().minorUnits()
                    : payment.authorized().minorUnits() - payment.captured().minorUnits();
            long leftUnits = Math.min(MAX_UNITS, Math.max(0, left / unit.minorUnits()));
            int kind = (int) choices.draw(0, 3);
            Money within = amount(choices, chosen, (int) Math.max(1, leftUnits));
            long offGrid = within.minorUnits() % unit.minorUnits();
            Money amount = switch (kind) {
                case 0 -> new Money((leftUnits + 1) * unit.minorUnits() + offGrid, chosen);
                case 2 -> new Money(Math.max(1, leftUnits) * unit.minorUnits() + offGrid, chosen);
                default -> within;
            };
            return new PaymentRequest(payment.id(), operation, amount, key(choices, model));
        };
    }

    /** An earlier key with another amount, on another endpoint, or (with several payments) on another payment. */
    private PaymentRequest reuse(PaymentModel model, PaymentRequest earlier, Choices choices) {
        List<PaymentRequest> variants = new ArrayList<>(3);
        List<Integer> weights = new ArrayList<>(3);
        if (earlier.amount() != null) {
            variants.add(new PaymentRequest(earlier.paymentId(), earlier.operation(),
                    earlier.amount().plus(unitOf(earlier.amount().currency())), earlier.idempotencyKey()));
            weights.add(3);
        }
        // on the payment's own endpoints only once it exists, so that no amount is sent in a currency it is not in
        PaymentModel.Payment target = model.payment(earlier.paymentId()).orElse(null);
        if (target != null) {
            for (PaymentOperation other : List.of(PaymentOperation.CAPTURE, PaymentOperation.REFUND, PaymentOperation.CANCEL,
                    PaymentOperation.FINAL_CAPTURE)) {
                if (has(other) && !KeyScope.endpoint(other).equals(KeyScope.endpoint(earlier.operation()))) {
                    variants.add(new PaymentRequest(earlier.paymentId(), other,
                            other.carriesAmount() ? unitOf(target.authorized().currency()) : null, earlier.idempotencyKey()));
                    weights.add(2);
                    break;
                }
            }
        }
        if (earlier.operation() != PaymentOperation.AUTHORIZE && earlier.amount() != null) {
            for (PaymentModel.Payment payment : model.payments()) {
                if (!payment.id().equals(earlier.paymentId())) {
                    variants.add(new PaymentRequest(payment.id(), earlier.operation(),
                            unitOf(payment.authorized().currency()), earlier.idempotencyKey()));
                    weights.add(1);
                    break;
                }
            }
        }
        return variants.get(weightedIndex(choices, weights));
    }

    /** A weighted pick that shrinks towards the first, as {@code Gens.frequency} does. */
    private static int weightedIndex(Choices choices, List<Integer> weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        long pick = choices.draw(0, total - 1);
        for (int i = 0; i < weights.size(); i++) {
            pick -= weights.get(i);
            if (pick < 0) {
                return i;
            }
        }
        return weights.size() - 1;
    }

    /** The payment's currency, or another one in a tenth of the draws where requests may name a currency. */
    private Currency currencyOf(Choices choices, Currency paymentCurrency) {
        boolean other = choices.draw(0, 9) == 9;
        int index = index(choices, Math.max(1, currencies.size() - 1));
        if (!other || currencies.size() == 1 || policies.requestCurrency() == RequestCurrency.PAYMENT_CURRENCY) {
            return paymentCurrency;
        }
        List<Currency> others = currencies.stream().filter(candidate -> !candidate.equals(paymentCurrency)).toList();
        return others.get(Math.min(index, others.size() - 1));
    }

    /** 1 to maxUnits units (bounds favoured, as {@code Gens.integers}), a tenth of them just off the unit grid. */
    private Money amount(Choices choices, Currency currency, int maxUnits) {
        Money unit = unitOf(currency);
        // amounts just off the unit grid test the provider's minor-unit rules (KWD ending in 5 at Stripe)
        boolean offGrid = choices.draw(0, 9) == 9 && unit.minorUnits() > 1;
        long units = choices.drawFavouring(1, maxUnits, 1, maxUnits, Math.min(2, maxUnits), Math.max(1, maxUnits - 1));
        return new Money(units * unit.minorUnits() + (offGrid ? 1 : 0), currency);
    }

    private Money unitOf(Currency currency) {
        return units.computeIfAbsent(currency, code -> {
            int digits = rules.fractionDigits(currency).orElse(0);
            long unit = Math.max(rules.multipleOf(currency), (long) Math.pow(10, digits));
            return new Money(unit, currency);
        });
    }

    /**
     * The next payment's id. Branches of a concurrent case are drawn from one model and may both authorize it:
     * a race for one order id that a service choosing its ids never sees, so for one the id carries the key's
     * variant.
     */
    private String newPaymentId(PaymentModel model, String key) {
        String id = "pay-" + (model.paymentCount() + 1);
        return concurrent && idsChosenByService ? id + key.substring(key.indexOf('.')) : id;
    }

    private String key(Choices choices, PaymentModel model) {
        String fresh = "k" + (model.sentCount() + 1);
        // calls of concurrent branches are drawn from one model, so a variant keeps their keys apart
        return concurrent ? fresh + "." + choices.drawFavouring(1, KEY_VARIANTS, 1, KEY_VARIANTS, 2, KEY_VARIANTS - 1)
                : fresh;
    }

}
