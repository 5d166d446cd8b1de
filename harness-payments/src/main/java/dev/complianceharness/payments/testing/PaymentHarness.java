package dev.complianceharness.payments.testing;

import static org.apiguardian.api.API.Status.STABLE;

import dev.complianceharness.event.TestClock;
import dev.complianceharness.invariant.Invariant;
import dev.complianceharness.invariant.PolicyChoice;
import dev.complianceharness.payments.event.PaymentOperation;
import dev.complianceharness.payments.invariants.internal.PaymentCheck;
import dev.complianceharness.payments.invariants.internal.PaymentChecks;
import dev.complianceharness.payments.lifecycle.Lifecycle;
import dev.complianceharness.payments.lifecycle.ReferenceLifecycles;
import dev.complianceharness.payments.money.MinorUnitRules;
import dev.complianceharness.payments.money.Money;
import dev.complianceharness.payments.policy.PaymentPolicies;
import dev.complianceharness.payments.policy.PaymentPolicy;
import dev.complianceharness.payments.testing.internal.PaymentCall;
import dev.complianceharness.payments.testing.internal.PaymentCommands;
import dev.complianceharness.payments.testing.internal.PaymentRun;
import dev.complianceharness.property.Property;
import dev.complianceharness.property.PropertyCheck;
import dev.complianceharness.property.PropertyFailure;
import dev.complianceharness.property.PropertyResult;
import dev.complianceharness.property.stateful.SequentialRun;
import dev.complianceharness.property.stateful.StatefulProperty;
import dev.complianceharness.property.stateful.StatefulRun;
import dev.complianceharness.property.stateful.Step;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * Generated command sequences against a team's payment service: authorizations, partial, multiple and
 * final captures, refunds, cancels, retries with the same key, duplicate deliveries, keys reused with
 * other parameters and expiry through the test clock. After every step, every payment invariant is
 * checked and the service's answer is compared with the model of a correct service under the chosen
 * lifecycle and policies; a failure is shrunk to a minimal sequence and printed with the model's expectation
 * and the service's state side by side, and the seed that replays it.
 *
 * <pre>{@code
 * @Test
 * void paymentsStayCompliant() {
 *     PaymentHarness.forAdapter(clock -> new CheckoutAdapter(new CheckoutService(dataSource, clock)))
 *             .lifecycle(ReferenceLifecycles.CHECKOUT_COM)
 *             .policies(PaymentPolicies.checkoutCom())       // what the provider documents ...
 *             .policy(KeyScope.PER_PAYMENT)                  // ... and where the team's service differs
 *             .currencies("EUR")                             // a single-currency service
 *             .checkSequences();
 * }
 *
 * @Test
 * void concurrentCapturesAreLinearizable() {
 *     PaymentHarness.forAdapter(clock -> new CheckoutAdapter(new CheckoutService(dataSource, clock)))
 *             .checkConcurrently();
 * }
 * }</pre>
 *
 * <p>The concurrent mode runs a sequential prefix and then two branches of requests in parallel threads
 * against one service, and checks that the answers match some order of the requests that respects real
 * time and that the {@link PaymentModel} accepts (linearizability), with the state invariants checked
 * on the state the branches leave. Each case runs several times on fresh services to catch races.
 *
 * <p>The adapter factory is called once per run with a fresh {@link TestClock}; it must hand back an
 * adapter onto a service with no payments (a fresh instance, or emptied tables). An adapter that is
 * {@link AutoCloseable} is closed after its run. The lifecycle, minor units, currencies and each policy reach
 * the compliance report as notes of the run. Instances are immutable.
 */
@API(status = STABLE, since = "0.1.0")
public final class PaymentHarness {

    /** The label of a sequence with a refund. */
    public static final String REFUND = "refund";
    /** The label of a sequence with a final capture. */
    public static final String FINAL_CAPTURE = "final capture";
    /** The label of a sequence that retries a request with its key. */
    public static final String RETRY = "retry";
    /** The label of a sequence that reuses a key with other parameters. */
    public static final String KEY_REUSE = "key reuse";
    /** The label of a sequence that tries to cancel a payment something was captured from. */
    public static final String CANCEL_AFTER_CAPTURE = "cancel after capture";
    /** The label of a sequence that lets authorizations expire. */
    public static final String EXPIRY = "expiry";

    private final Settings settings;

    private record Settings(Function<TestClock, ? extends PaymentServiceAdapter> adapterFactory, List<Currency> currencies,
                            MinorUnitRules rules, Lifecycle lifecycle, PaymentPolicies policies,
                            List<Invariant> extraInvariants, Integer tries, Long seed, int maxSteps, int repetitions,
                            Instant clockStart, int maxPayments, String name, boolean idsChosenByService) {

        Settings currencies(List<Currency> value) {
            return new Settings(adapterFactory, value, rules, lifecycle, policies, extraInvariants, tries, seed, maxSteps,
                    repetitions, clockStart, maxPayments, name, idsChosenByService);
        }

        Settings rules(MinorUnitRules value) {
            return new Settings(adapterFactory, currencies, value, lifecycle, policies, extraInvariants, tries, seed,
                    maxSteps, repetitions, clockStart, maxPayments, name, idsChosenByService);
        }

        Settings lifecycle(Lifecycle value) {
            return new Settings(adapterFactory, currencies, rules, value, policies, extraInvariants, tries, seed, maxSteps,
                    repetitions, clockStart, maxPayments, name, idsChosenByService);
        }

        Settings policies(PaymentPolicies value) {
            return new Settings(adapterFactory, currencies, rules, lifecycle, value, extraInvariants, tries, seed, maxSteps,
                    repetitions, clockStart, maxPayments, name, idsChosenByService);
        }

        Settings extraInvariants(List<Invariant> value) {
            return new Settings(adapterFactory, currencies, rules, lifecycle, policies, value, tries, seed, maxSteps,
                    repetitions, clockStart, maxPayments, name, idsChosenByService);
        }

        Settings tries(Integer value) {
            return new Settings(adapterFactory, currencies, rules, lifecycle, policies, extraInvariants, value, seed,
                    maxSteps, repetitions, clockStart, maxPayments, name, idsChosenByService);
        }

        Settings seed(Long value) {
            return new Settings(adapterFactory, currencies, rules, lifecycle, policies, extraInvariants, tries, value,
                    maxSteps, repetitions, clockStart, maxPayments, name, idsChosenByService);
        }

        Settings maxSteps(int value) {
            return new Settings(adapterFactory, currencies, rules, lifecycle, policies, extraInvariants, tries, seed, value,
                    repetitions, clockStart, maxPayments, name, idsChosenByService);
        }

        Settings repetitions(int value) {
            return new Settings(adapterFactory, currencies, rules, lifecycle, policies, extraInvariants, tries, seed,
                    maxSteps, value, clockStart, maxPayments, name, idsChosenByService);
        }

        Settings clockStart(Instant value) {
            return new Settings(adapterFactory, currencies, rules, lifecycle, policies, extraInvariants, tries, seed,
                    maxSteps, repetitions, value, maxPayments, name, idsChosenByService);
        }

        Settings maxPayments(int value) {
            return new Settings(adapterFactory, currencies, rules, lifecycle, policies, extraInvariants, tries, seed,
                    maxSteps, repetitions, clockStart, value, name, idsChosenByService);
        }

        Settings name(String value) {
            return new Settings(adapterFactory, currencies, rules, lifecycle, policies, extraInvariants, tries, seed,
                    maxSteps, repetitions, clockStart, maxPayments, value, idsChosenByService);
        }

        Settings idsChosenByService(boolean value) {
            return new Settings(adapterFactory, currencies, rules, lifecycle, policies, extraInvariants, tries, seed,
                    maxSteps, repetitions, clockStart, maxPayments, name, value);
        }
    }

    private PaymentHarness(Settings settings) {
        this.settings = settings;
    }

    /**
     * Starts a harness for a team's service. Defaults: USD, JPY (no decimals) and KWD (three decimals), ISO 4217
     * minor units, the {@link ReferenceLifecycles#MANUAL_CAPTURE manual-capture lifecycle} under the
     * {@link PaymentPolicies#defaults() default policies}, one payment and up to 50 steps per sequence (about 20 on
     * average, so that most sequences hold a refund, a final capture, a retry, a reused key and a cancel after a
     * capture), 5
     * repetitions per concurrent case, tries and seed from the property engine.
     *
     * @param adapterFactory a fresh adapter onto a service with no payments, reading the given clock
     * @return the harness
     */
    public static PaymentHarness forAdapter(Function<TestClock, ? extends PaymentServiceAdapter> adapterFactory) {
        return new PaymentHarness(new Settings(Objects.requireNonNull(adapterFactory, "adapterFactory"),
                List.of(Currency.getInstance("USD"), Currency.getInstance("JPY"), Currency.getInstance("KWD")),
                MinorUnitRules.iso4217(), ReferenceLifecycles.MANUAL_CAPTURE, PaymentPolicies.defaults(), List.of(), null,
                null, 50, 5, TestClock.DEFAULT_START, 1, null, false));
    }

    /**
     * Sets the currencies payments are authorized in; shrinking prefers the first. With more than one, and a
     * policy that lets captures and refunds name a currency, some are sent in the wrong currency; with one (a
     * single-currency service), none are.
     *
     * @param codes ISO 4217 codes, for example {@code "USD", "JPY", "KWD"}
     * @return a new harness
     * @throws IllegalArgumentException naming an unknown code, or one without a minor unit under the rules
     */
    public PaymentHarness currencies(String... codes) {
        if (codes.length == 0) {
            throw new IllegalArgumentException("currencies(...) needs at least one ISO 4217 code, such as \"USD\"");
        }
        List<Currency> chosen = new ArrayList<>();
        for (String code : codes) {
            Currency currency = Money.currency(code);
            if (settings.rules().fractionDigits(currency).isEmpty()) {
                throw new IllegalArgumentException(code + " has no minor unit in " + settings.rules().name()
                        + ", so no payment can be authorized in it; choose another currency");
            }
            chosen.add(currency);
        }
        return new PaymentHarness(settings.currencies(List.copyOf(chosen)));
    }

    /**
     * Sets the provider's minor-unit rules: what amounts are generated and which the invariants accept.
     *
     * @param minorUnitRules for example {@link MinorUnitRules#stripe()}
     * @return a new harness
     */
    public PaymentHarness minorUnits(MinorUnitRules minorUnitRules) {
        return new PaymentHarness(settings.rules(Objects.requireNonNull(minorUnitRules, "minorUnitRules")));
    }

    /**
     * Sets the lifecycle the adapter's statuses are named in. It needs {@code authorize} and a capture
     * ({@code capture} or {@code final_capture}); of {@code capture}, {@code final_capture}, {@code refund},
     * {@code cancel} and {@code expire}, only those it declares are generated.
     *
     * @param paymentLifecycle for example {@link ReferenceLifecycles#CHECKOUT_COM}
     * @return a new harness
     * @throws IllegalArgumentException naming the missing commands
     */
    public PaymentHarness lifecycle(Lifecycle paymentLifecycle) {
        Objects.requireNonNull(paymentLifecycle, "lifecycle");
        boolean authorizes = paymentLifecycle.hasCommand(PaymentOperation.AUTHORIZE.lifecycleCommand());
        boolean captures = paymentLifecycle.hasCommand(PaymentOperation.CAPTURE.lifecycleCommand())
                || paymentLifecycle.hasCommand(PaymentOperation.FINAL_CAPTURE.lifecycleCommand());
        if (!authorizes || !captures) {
            throw new IllegalArgumentException("Lifecycle '" + paymentLifecycle.name() + "' lacks "
                    + (authorizes ? "" : "the command 'authorize'" + (captures ? "" : " and "))
                    + (captures ? "" : "a capture command ('capture' or 'final_capture')")
                    + ", which the generated requests need; declare it, or use a lifecycle of ReferenceLifecycles");
        }
        return new PaymentHarness(settings.lifecycle(paymentLifecycle));
    }

    /**
     * Sets the policies the service follows where providers differ, for example a provider's set.
     *
     * @param paymentPolicies for example {@link PaymentPolicies#checkoutCom()}
     * @return a new harness
     */
    public PaymentHarness policies(PaymentPolicies paymentPolicies) {
        return new PaymentHarness(settings.policies(Objects.requireNonNull(paymentPolicies, "policies")));
    }

    /**
     * Changes one policy, in one call: {@code .policy(RejectedRetry.EXECUTED_AGAIN)},
     * {@code .policy(KeyScope.PER_PAYMENT)}, {@code .policy(AuthorizationExpiry.none())}.
     *
     * @param choice the policy choice, shown in the report with the documentation it follows
     * @return a new harness
     */
    public PaymentHarness policy(PaymentPolicy choice) {
        return new PaymentHarness(settings.policies(settings.policies().with(choice)));
    }

    /**
     * Tells the harness that the service chooses the ids of new payments (and the adapter answers an authorization
     * with {@link dev.complianceharness.payments.event.OperationResult#authorized(String)}). Sequences map the ids
     * without it; the concurrent mode needs it, so that its branches never authorize one payment twice, a race for
     * one order id that only a service taking the client's ids can have.
     *
     * @return a new harness
     */
    public PaymentHarness paymentIdsChosenByService() {
        return new PaymentHarness(settings.idsChosenByService(true));
    }

    /**
     * Adds the team's own invariants, checked after every step with the payment invariants.
     *
     * @param invariants invariants over {@link dev.complianceharness.payments.event.OperationRecorded} events
     * @return a new harness
     */
    public PaymentHarness alsoCheck(Invariant... invariants) {
        List<Invariant> all = new ArrayList<>(settings.extraInvariants());
        all.addAll(List.of(invariants));
        return new PaymentHarness(settings.extraInvariants(List.copyOf(all)));
    }

    /**
     * @param count generated sequences (or concurrent cases), at least 1
     * @return a new harness
     */
    public PaymentHarness tries(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("tries(" + count + ") must be at least 1");
        }
        return new PaymentHarness(settings.tries(count));
    }

    /**
     * @param fixedSeed the seed a failure printed, to replay it exactly
     * @return a new harness
     */
    public PaymentHarness seed(long fixedSeed) {
        return new PaymentHarness(settings.seed(fixedSeed));
    }

    /**
     * @param steps the most requests per sequence, 1 to 200
     * @return a new harness
     */
    public PaymentHarness maxSteps(int steps) {
        if (steps < 1 || steps > 200) {
            throw new IllegalArgumentException("maxSteps(" + steps + ") must be 1 to 200");
        }
        return new PaymentHarness(settings.maxSteps(steps));
    }

    /**
     * @param count how often each concurrent case runs on fresh services before it counts as a pass, at least 1
     * @return a new harness
     */
    public PaymentHarness repetitions(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("repetitions(" + count + ") must be at least 1");
        }
        return new PaymentHarness(settings.repetitions(count));
    }

    /**
     * @param count how many payments one sequence authorizes at most, 1 to 5; 1 by default, so that every
     *              capture, refund and retry targets the same payment
     * @return a new harness
     */
    public PaymentHarness payments(int count) {
        if (count < 1 || count > 5) {
            throw new IllegalArgumentException("payments(" + count + ") must be 1 to 5");
        }
        return new PaymentHarness(settings.maxPayments(count));
    }

    /**
     * Names the property in messages and in the engine's store of failing examples, which replays a
     * stored failure first. Without a name it is the calling class and method; give one when a method
     * inherited by several fixtures runs the harness, so that each keeps its own stored failure.
     *
     * @param propertyName for example {@code "checkout payments"}
     * @return a new harness
     */
    public PaymentHarness named(String propertyName) {
        if (propertyName == null || propertyName.isBlank()) {
            throw new IllegalArgumentException("named(...) needs a name that is not blank");
        }
        return new PaymentHarness(settings.name(propertyName));
    }

    /**
     * @param start the instant each run's test clock starts at
     * @return a new harness
     */
    public PaymentHarness clockStart(Instant start) {
        return new PaymentHarness(settings.clockStart(Objects.requireNonNull(start, "start")));
    }

    /**
     * Runs generated sequences one request after the other, every invariant and the model's answer after every
     * step. Each sequence is labelled with the kinds of request it contains ({@value #REFUND},
     * {@value #FINAL_CAPTURE}, {@value #RETRY}, {@value #KEY_REUSE}, {@value #CANCEL_AFTER_CAPTURE},
     * {@value #EXPIRY}); the result counts them.
     *
     * @return the tries, the seed and how many sequences carried each label
     * @throws PaymentPropertyFailure with the seed, the tries and the minimal failing sequence
     * @throws IllegalArgumentException if the policies contradict the lifecycle
     */
    public PropertyResult checkSequences() {
        StatefulProperty<PaymentModel, PaymentRun> property = property(false);
        PropertyCheck<SequentialRun> check = configure(Property.forAll(property.sequences()), property, false);
        SequenceKinds kinds = new SequenceKinds();
        for (int kind = 0; kind < SequenceKinds.LABELS.size(); kind++) {
            int bit = 1 << kind;
            String label = SequenceKinds.LABELS.get(kind);
            check = check.label(run -> (kinds.of(run) & bit) != 0 ? label : null);
        }
        return run(check, false);
    }

    /**
     * The kinds of request a sequence holds, found in one pass over its steps and kept for the next labeller, which
     * asks about the same run.
     */
    private static final class SequenceKinds {
        static final List<String> LABELS = List.of(REFUND, FINAL_CAPTURE, RETRY, KEY_REUSE, CANCEL_AFTER_CAPTURE, EXPIRY);

        private record Found(SequentialRun run, int kinds) {
        }

        private volatile Found last;

        int of(SequentialRun run) {
            Found found = last;
            if (found == null || found.run() != run) {
                found = new Found(run, scan(run));
                last = found;
            }
            return found.kinds();
        }

        private static int scan(SequentialRun run) {
            int kinds = 0;
            for (Step step : run.steps()) {
                if (step.arguments() instanceof PaymentCall call) {
                    PaymentOperation operation = call.request().operation();
                    String command = step.command();
                    kinds |= (operation == PaymentOperation.REFUND ? 1 : 0)
                            | (operation == PaymentOperation.FINAL_CAPTURE ? 1 << 1 : 0)
                            | (command.equals("retry") ? 1 << 2 : 0)
                            | (command.equals("reuse key") ? 1 << 3 : 0)
                            | (command.equals("cancel after capture") ? 1 << 4 : 0)
                            | (operation == PaymentOperation.EXPIRE ? 1 << 5 : 0);
                }
            }
            return kinds;
        }
    }

    /**
     * Runs generated concurrent cases and checks them for linearizability against the {@link PaymentModel}.
     *
     * @return the tries and the seed
     * @throws PaymentPropertyFailure with the seed, the tries and the minimal failing case
     * @throws IllegalArgumentException if the policies contradict the lifecycle
     */
    public PropertyResult checkConcurrently() {
        StatefulProperty<PaymentModel, PaymentRun> property = property(true).prefixSteps(0, 3).branches(2)
                .branchSteps(1, 3).repetitions(settings.repetitions());
        return run(configure(Property.forAll(property.concurrentRuns()), property, true), true);
    }

    private <T extends StatefulRun> PropertyCheck<T> configure(PropertyCheck<T> check,
                                                               StatefulProperty<PaymentModel, PaymentRun> property,
                                                               boolean concurrent) {
        // the engine stores a failing example per property name and replays it first; one name per calling test
        PropertyCheck<T> configured = check.named((concurrent ? "concurrent payments" : "payment sequences") + " in "
                + (settings.name() == null ? caller() : settings.name()));
        if (settings.tries() != null) {
            configured = configured.tries(settings.tries());
        }
        if (settings.seed() != null) {
            configured = configured.seed(settings.seed());
        }
        for (Map.Entry<String, String> note : property.notes().entrySet()) {
            configured = configured.note(note.getKey(), note.getValue());
        }
        return configured;
    }

    private static String caller() {
        return StackWalker.getInstance().walk(frames -> frames
                .filter(frame -> !frame.getClassName().equals(PaymentHarness.class.getName()))
                .findFirst()
                .map(frame -> frame.getClassName().substring(frame.getClassName().lastIndexOf('.') + 1) + "."
                        + frame.getMethodName())
                .orElse("unknown caller"));
    }

    private StatefulProperty<PaymentModel, PaymentRun> property(boolean concurrent) {
        PaymentPolicies policies = settings.policies();
        Lifecycle lifecycle = settings.lifecycle();
        PaymentModel empty = PaymentModel.empty(lifecycle, policies, settings.rules());
        if (policies.authorizationExpiry().expires()
                && !lifecycle.hasCommand(PaymentOperation.EXPIRE.lifecycleCommand())) {
            throw new IllegalArgumentException("The policy 'authorization expiry: " + policies.authorizationExpiry().choice()
                    + "' contradicts lifecycle '" + lifecycle.name() + "', which has no 'expire' command: choose"
                    + " .policy(AuthorizationExpiry.none()), or declare where expiry leads in the lifecycle");
        }
        List<PaymentCheck> checks = PaymentChecks.all(lifecycle, settings.rules(), policies);
        String modelName = "lifecycle '" + empty.lifecycle().name() + "', policies '" + policies.name() + "'";
        StatefulProperty<PaymentModel, PaymentRun> property = StatefulProperty.of(() -> empty, () -> {
            TestClock clock = TestClock.at(settings.clockStart());
            PaymentServiceAdapter adapter = settings.adapterFactory().apply(clock);
            if (adapter == null) {
                throw new IllegalStateException("The adapter factory returned null; return a fresh adapter for every run");
            }
            return new PaymentRun(adapter, clock, policies.authorizationExpiry(), checks, settings.extraInvariants(),
                    concurrent, modelName, settings.idsChosenByService());
        });
        property = property.commands(new PaymentCommands(settings.currencies(), settings.rules(), concurrent,
                        settings.maxPayments(), empty.lifecycle(), policies, settings.idsChosenByService()).all())
                .invariant("the payment invariants hold", (model, run) -> run.assertInvariants(model))
                .steps(1, settings.maxSteps())
                .note("lifecycle", empty.lifecycle().name())
                .note("minor units", settings.rules().name())
                .note("currencies", String.join(", ", settings.currencies().stream().map(Currency::getCurrencyCode).toList()))
                .note("payments per sequence", "up to " + settings.maxPayments())
                .note("payment ids", settings.idsChosenByService() ? "chosen by the service" : "chosen by the client");
        for (PolicyChoice choice : policies.choices()) {
            property = property.note(choice.policy(), choice.choice() + " (" + choice.reason()
                    + (choice.source().isEmpty() ? "" : "; source: " + choice.source()) + ")");
        }
        return property;
    }

    private static PropertyResult run(PropertyCheck<? extends StatefulRun> check, boolean concurrent) {
        try {
            return check.check(StatefulRun::assertPassed);
        } catch (PropertyFailure failure) {
            throw PaymentPropertyFailure.of(failure, concurrent);
        }
    }
}
