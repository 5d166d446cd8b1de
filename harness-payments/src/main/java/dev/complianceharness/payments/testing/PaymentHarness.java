package dev.complianceharness.payments.testing;

import dev.complianceharness.event.TestClock;
import dev.complianceharness.invariant.Invariant;
import dev.complianceharness.payments.event.PaymentOperation;
import dev.complianceharness.payments.testing.internal.PaymentCommands;
import dev.complianceharness.payments.testing.internal.PaymentRun;
import dev.complianceharness.payments.invariants.PaymentInvariants;
import dev.complianceharness.payments.lifecycle.Lifecycle;
import dev.complianceharness.payments.lifecycle.ReferenceLifecycles;
import dev.complianceharness.payments.money.MinorUnitRules;
import dev.complianceharness.payments.money.Money;
import dev.complianceharness.property.Property;
import dev.complianceharness.property.PropertyCheck;
import dev.complianceharness.property.PropertyFailure;
import dev.complianceharness.property.stateful.StatefulProperty;
import dev.complianceharness.property.stateful.StatefulRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Generated command sequences against a team's payment service: authorizations, partial, multiple and
 * final captures, refunds, cancels, retries with the same key, duplicate deliveries, keys reused with
 * another amount and expiry through the test clock. Every payment invariant is checked after every
 * step; a failure is shrunk to a minimal sequence and printed with the seed that replays it.
 *
 * <pre>{@code
 * @Test
 * void paymentsStayCompliant() {
 *     PaymentHarness.forAdapter(clock -> new CheckoutAdapter(new CheckoutService(dataSource, clock)))
 *             .currencies("USD", "JPY")
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
 * {@link AutoCloseable} is closed after its run. Instances are immutable.
 */
public final class PaymentHarness {

    private final Function<TestClock, ? extends PaymentServiceAdapter> adapterFactory;
    private final List<Currency> currencies;
    private final MinorUnitRules rules;
    private final Lifecycle lifecycle;
    private final List<Invariant> extraInvariants;
    private final Integer tries;
    private final Long seed;
    private final int maxSteps;
    private final int repetitions;
    private final Instant clockStart;
    private final int maxPayments;
    private final String name;

    private PaymentHarness(Function<TestClock, ? extends PaymentServiceAdapter> adapterFactory, List<Currency> currencies,
                           MinorUnitRules rules, Lifecycle lifecycle, List<Invariant> extraInvariants, Integer tries,
                           Long seed, int maxSteps, int repetitions, Instant clockStart, int maxPayments, String name) {
        this.adapterFactory = adapterFactory;
        this.currencies = currencies;
        this.rules = rules;
        this.lifecycle = lifecycle;
        this.extraInvariants = extraInvariants;
        this.tries = tries;
        this.seed = seed;
        this.maxSteps = maxSteps;
        this.repetitions = repetitions;
        this.clockStart = clockStart;
        this.maxPayments = maxPayments;
        this.name = name;
    }

    /**
     * Starts a harness for a team's service. Defaults: USD, ISO 4217 minor units, the
     * {@link ReferenceLifecycles#MANUAL_CAPTURE manual-capture lifecycle}, one payment and up to 20 steps per sequence,
     * 5 repetitions per concurrent case, tries and seed from the property engine.
     *
     * @param adapterFactory a fresh adapter onto a service with no payments, reading the given clock
     * @return the harness
     */
    public static PaymentHarness forAdapter(Function<TestClock, ? extends PaymentServiceAdapter> adapterFactory) {
        return new PaymentHarness(Objects.requireNonNull(adapterFactory, "adapterFactory"),
                List.of(Currency.getInstance("USD")), MinorUnitRules.iso4217(), ReferenceLifecycles.MANUAL_CAPTURE,
                List.of(), null, null, 20, 5, TestClock.DEFAULT_START, 1, null);
    }

    /**
     * Sets the currencies payments are authorized in; shrinking prefers the first. With more than one,
     * some captures and refunds are sent in the wrong currency.
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
            if (rules.fractionDigits(currency).isEmpty()) {
                throw new IllegalArgumentException(code + " has no minor unit in " + rules.name()
                        + ", so no payment can be authorized in it; choose another currency");
            }
            chosen.add(currency);
        }
        return new PaymentHarness(adapterFactory, List.copyOf(chosen), rules, lifecycle, extraInvariants, tries, seed,
                maxSteps, repetitions, clockStart, maxPayments, name);
    }

    /**
     * Sets the provider's minor-unit rules: what amounts are generated and which the invariants accept.
     *
     * @param minorUnitRules for example {@link MinorUnitRules#stripe()}
     * @return a new harness
     */
    public PaymentHarness minorUnits(MinorUnitRules minorUnitRules) {
        return new PaymentHarness(adapterFactory, currencies, Objects.requireNonNull(minorUnitRules, "minorUnitRules"),
                lifecycle, extraInvariants, tries, seed, maxSteps, repetitions, clockStart, maxPayments, name);
    }

    /**
     * Sets the lifecycle the adapter's statuses are named in; it must have the commands {@code authorize},
     * {@code capture}, {@code final_capture}, {@code refund}, {@code cancel} and {@code expire}.
     *
     * @param paymentLifecycle the lifecycle
     * @return a new harness
     * @throws IllegalArgumentException naming the missing commands
     */
    public PaymentHarness lifecycle(Lifecycle paymentLifecycle) {
        Objects.requireNonNull(paymentLifecycle, "lifecycle");
        List<String> missing = new ArrayList<>();
        for (PaymentOperation operation : PaymentOperation.values()) {
            if (!paymentLifecycle.hasCommand(operation.lifecycleCommand())) {
                missing.add(operation.lifecycleCommand());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Lifecycle '" + paymentLifecycle.name() + "' lacks the commands " + missing
                    + " that the generated requests use; declare them, or use ReferenceLifecycles.MANUAL_CAPTURE");
        }
        return new PaymentHarness(adapterFactory, currencies, rules, paymentLifecycle, extraInvariants, tries, seed,
                maxSteps, repetitions, clockStart, maxPayments, name);
    }

    /**
     * Adds the team's own invariants, checked after every step with the payment invariants.
     *
     * @param invariants invariants over {@link dev.complianceharness.payments.event.OperationRecorded} events
     * @return a new harness
     */
    public PaymentHarness alsoCheck(Invariant... invariants) {
        List<Invariant> all = new ArrayList<>(extraInvariants);
        all.addAll(List.of(invariants));
        return new PaymentHarness(adapterFactory, currencies, rules, lifecycle, List.copyOf(all), tries, seed, maxSteps,
                repetitions, clockStart, maxPayments, name);
    }

    /**
     * @param count generated sequences (or concurrent cases), at least 1
     * @return a new harness
     */
    public PaymentHarness tries(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("tries(" + count + ") must be at least 1");
        }
        return new PaymentHarness(adapterFactory, currencies, rules, lifecycle, extraInvariants, count, seed, maxSteps,
                repetitions, clockStart, maxPayments, name);
    }

    /**
     * @param fixedSeed the seed a failure printed, to replay it exactly
     * @return a new harness
     */
    public PaymentHarness seed(long fixedSeed) {
        return new PaymentHarness(adapterFactory, currencies, rules, lifecycle, extraInvariants, tries, fixedSeed,
                maxSteps, repetitions, clockStart, maxPayments, name);
    }

    /**
     * @param steps the most requests per sequence, 1 to 200
     * @return a new harness
     */
    public PaymentHarness maxSteps(int steps) {
        if (steps < 1 || steps > 200) {
            throw new IllegalArgumentException("maxSteps(" + steps + ") must be 1 to 200");
        }
        return new PaymentHarness(adapterFactory, currencies, rules, lifecycle, extraInvariants, tries, seed, steps,
                repetitions, clockStart, maxPayments, name);
    }

    /**
     * @param count how often each concurrent case runs on fresh services before it counts as a pass, at least 1
     * @return a new harness
     */
    public PaymentHarness repetitions(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("repetitions(" + count + ") must be at least 1");
        }
        return new PaymentHarness(adapterFactory, currencies, rules, lifecycle, extraInvariants, tries, seed, maxSteps,
                count, clockStart, maxPayments, name);
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
        return new PaymentHarness(adapterFactory, currencies, rules, lifecycle, extraInvariants, tries, seed, maxSteps,
                repetitions, clockStart, count, name);
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
        return new PaymentHarness(adapterFactory, currencies, rules, lifecycle, extraInvariants, tries, seed, maxSteps,
                repetitions, clockStart, maxPayments, propertyName);
    }

    /**
     * @param start the instant each run's test clock starts at
     * @return a new harness
     */
    public PaymentHarness clockStart(Instant start) {
        return new PaymentHarness(adapterFactory, currencies, rules, lifecycle, extraInvariants, tries, seed, maxSteps,
                repetitions, Objects.requireNonNull(start, "start"), maxPayments, name);
    }

    /**
     * Runs generated sequences one request after the other, every invariant after every step.
     *
     * @throws PaymentPropertyFailure with the seed and the minimal failing sequence
     */
    public void checkSequences() {
        run(property(false), false);
    }

    /**
     * Runs generated concurrent cases and checks them for linearizability against the {@link PaymentModel}.
     *
     * @throws PaymentPropertyFailure with the seed and the minimal failing case
     */
    public void checkConcurrently() {
        StatefulProperty<PaymentModel, PaymentRun> property = property(true)
                .prefixSteps(0, 3).branches(2).branchSteps(1, 3).repetitions(repetitions);
        run(property, true);
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
        List<Invariant> invariants = new ArrayList<>(PaymentInvariants.all(lifecycle, rules));
        invariants.addAll(extraInvariants);
        StatefulProperty<PaymentModel, PaymentRun> property = StatefulProperty.of(() -> PaymentModel.empty(rules), () -> {
            TestClock clock = TestClock.at(clockStart);
            PaymentServiceAdapter adapter = adapterFactory.apply(clock);
            if (adapter == null) {
                throw new IllegalStateException("The adapter factory returned null; return a fresh adapter for every run");
            }
            return new PaymentRun(adapter, clock, invariants, concurrent);
        });
        return property.commands(new PaymentCommands(currencies, rules, concurrent, maxPayments).all())
                .invariant("the payment invariants hold", (model, run) -> run.assertInvariants())
                .steps(1, maxSteps);
    }

    private void run(StatefulProperty<PaymentModel, PaymentRun> property, boolean concurrent) {
        // the engine stores a failing example per property name and replays it first; one name per calling test
        String propertyName = (concurrent ? "concurrent payments" : "payment sequences") + " in "
                + (name == null ? caller() : name);
        PropertyCheck<? extends StatefulRun> check = concurrent
                ? Property.forAll(property.concurrentRuns()) : Property.forAll(property.sequences());
        check = check.named(propertyName);
        if (tries != null) {
            check = check.tries(tries);
        }
        if (seed != null) {
            check = check.seed(seed);
        }
        try {
            check.check(StatefulRun::assertPassed);
        } catch (PropertyFailure failure) {
            String shrunkRun = failure.shrunkValue() instanceof StatefulRun run ? run.report() : failure.shrunkExample();
            throw new PaymentPropertyFailure(failure.getMessage().lines().findFirst().orElse("") + System.lineSeparator()
                    + "Minimal failing " + (concurrent ? "case" : "sequence") + " (" + failure.shrinkSteps()
                    + " shrink steps):" + System.lineSeparator() + shrunkRun.stripTrailing() + System.lineSeparator()
                    + "Replay: run again with -Dcomplianceharness.seed=" + failure.seed() + " (or .seed(" + failure.seed()
                    + "L) on the harness)", failure);
        }
    }
}
