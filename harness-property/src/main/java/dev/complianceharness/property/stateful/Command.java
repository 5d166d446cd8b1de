package dev.complianceharness.property.stateful;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.property.Choices;
import dev.complianceharness.property.Gen;
import dev.complianceharness.property.stateful.internal.Rendering;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * One operation a stateful property may apply to the system under test: when it may be chosen (its
 * precondition on the model), how its arguments are generated from the model, how it runs against the
 * real system, what the model says about the result (its postcondition) and how the model changes.
 *
 * <p>Commands are immutable; every method returns a new command. Declare them once, for example as
 * constants, and hand them to {@link StatefulProperty#commands(Command[])}:
 *
 * <pre>{@code
 * Command<Account, Bank, Long, Boolean> withdraw = Command.<Account, Bank>named("withdraw")
 *         .precondition(account -> account.balance() > 0)
 *         .arguments(account -> Gens.longs(1, account.balance()))
 *         .run((bank, amount) -> bank.withdraw(amount))
 *         .expectResult((account, amount) -> amount <= account.balance())
 *         .nextModel((account, amount, withdrawn) -> withdrawn ? account.minus(amount) : account);
 * }</pre>
 *
 * <p>Arguments are drawn from the engine's recorded choices, so a failing sequence shrinks (fewer
 * commands, earlier commands, smaller arguments) with no shrinker of your own, and replays exactly from
 * the printed seed. Put the simplest command first: shrinking moves towards the first enabled command.
 *
 * @param <M> the model: an immutable value (a record, say) with {@code equals} and {@code hashCode},
 *            because the concurrent mode compares and memoises model states
 * @param <S> the system under test (or the adapter in front of it)
 * @param <A> the arguments of one call ({@link Void} for a command without arguments)
 * @param <R> the result the system returns ({@link Void} for a command without a result)
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class Command<M, S, A, R> {

    private final String name;
    private final Predicate<? super M> precondition;
    private final Function<? super M, ? extends Gen<? extends A>> arguments;
    private final BiFunction<? super S, ? super A, ? extends R> action;
    private final Postcondition<? super M, ? super A, ? super R> postcondition;
    private final ModelUpdate<M, ? super A, ? super R> nextModel;
    private final int weight;

    private Command(String name, Predicate<? super M> precondition,
            Function<? super M, ? extends Gen<? extends A>> arguments,
            BiFunction<? super S, ? super A, ? extends R> action,
            Postcondition<? super M, ? super A, ? super R> postcondition,
            ModelUpdate<M, ? super A, ? super R> nextModel) {
        this(name, precondition, arguments, action, postcondition, nextModel, 1);
    }

    private Command(String name, Predicate<? super M> precondition,
            Function<? super M, ? extends Gen<? extends A>> arguments,
            BiFunction<? super S, ? super A, ? extends R> action,
            Postcondition<? super M, ? super A, ? super R> postcondition,
            ModelUpdate<M, ? super A, ? super R> nextModel, int weight) {
        this.name = name;
        this.precondition = precondition;
        this.arguments = arguments;
        this.action = action;
        this.postcondition = postcondition;
        this.nextModel = nextModel;
        this.weight = weight;
    }

    /**
     * Starts a command; give the model and system types explicitly, for example
     * {@code Command.<Account, Bank>named("withdraw")}.
     *
     * @param <M> the model type
     * @param <S> the system type
     * @param name the name shown in reports, for example {@code "capture"}; not blank
     * @return the first stage: precondition, arguments or run
     * @throws IllegalArgumentException if the name is null or blank
     */
    public static <M, S> Definition<M, S> named(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Command name must not be blank; name it as the report should show it, "
                    + "for example Command.named(\"capture\")");
        }
        return new Definition<>(name, model -> true);
    }

    /**
     * Adds a precondition: the command is only chosen in a model state where every precondition holds.
     *
     * @param condition the condition on the model before the command
     * @return a new command with the condition added
     */
    public Command<M, S, A, R> precondition(Predicate<? super M> condition) {
        Objects.requireNonNull(condition, () -> "precondition of command '" + name + "' must not be null");
        Predicate<? super M> current = precondition;
        return new Command<>(name, model -> current.test(model) && condition.test(model), arguments, action,
                postcondition, nextModel, weight);
    }

    /**
     * Sets what the model says about a result; it throws an {@link AssertionError} (for example through
     * AssertJ) when the system's result is wrong. It replaces an earlier postcondition or
     * {@link #expectResult(BiFunction) expected result}.
     *
     * @param check the check on the model before the command, the arguments and the system's result
     * @return a new command with this postcondition
     */
    public Command<M, S, A, R> postcondition(Postcondition<? super M, ? super A, ? super R> check) {
        Objects.requireNonNull(check, () -> "postcondition of command '" + name + "' must not be null");
        return new Command<>(name, precondition, arguments, action, check, nextModel, weight);
    }

    /**
     * Sets the postcondition to "the system returns what the model predicts" (compared with
     * {@link Objects#equals(Object, Object)}); the cheapest form for the concurrent mode.
     *
     * @param expected the result the model predicts from its state before the command and the arguments
     * @return a new command with this postcondition
     */
    public Command<M, S, A, R> expectResult(BiFunction<? super M, ? super A, ?> expected) {
        Objects.requireNonNull(expected, () -> "expected result of command '" + name + "' must not be null");
        return postcondition((model, args, result) -> {
            Object predicted = expected.apply(model, args);
            if (!Objects.equals(predicted, result)) {
                throw new AssertionError("expected " + Rendering.value(predicted) + " (from the model) but the system returned "
                        + Rendering.value(result));
            }
        });
    }

    /**
     * Sets how the model changes after the command; without it the model stays as it was.
     *
     * @param update the next model from the model before, the arguments and the system's result
     * @return a new command with this update
     */
    public Command<M, S, A, R> nextModel(ModelUpdate<M, ? super A, ? super R> update) {
        Objects.requireNonNull(update, () -> "nextModel of command '" + name + "' must not be null");
        return new Command<>(name, precondition, arguments, action, postcondition, update, weight);
    }

    /**
     * Sets how often the command is picked relative to the other enabled ones (1 unless set): a weight of 3
     * makes it three times as likely as a command of weight 1. Shrinking still prefers commands listed earlier.
     *
     * <pre>{@code
     * Command.<Account, Bank>named("withdraw").arguments(...).run(...).weight(3)
     * }</pre>
     *
     * @param relativeWeight at least 1
     * @return a new command with this weight
     * @throws IllegalArgumentException if the weight is below 1
     */
    public Command<M, S, A, R> weight(int relativeWeight) {
        if (relativeWeight < 1) {
            throw new IllegalArgumentException("weight(" + relativeWeight + ") of command '" + name + "' must be at least 1");
        }
        return new Command<>(name, precondition, arguments, action, postcondition, nextModel, relativeWeight);
    }

    /**
     * How often the command is picked relative to the others.
     *
     * @return the weight, 1 unless set
     */
    public int weight() {
        return weight;
    }

    /**
     * Picks one of the enabled commands by weight; with all weights 1, an index drawn uniformly as before weights
     * existed, so that earlier seeds keep generating the same sequences.
     */
    static <M, S> Command<M, S, ?, ?> pick(List<Command<M, S, ?, ?>> enabled, Choices choices) {
        int total = 0;
        for (Command<M, S, ?, ?> command : enabled) {
            total += command.weight;
        }
        if (total == enabled.size()) {
            return enabled.get((int) choices.draw(0, enabled.size() - 1));
        }
        long pick = choices.draw(0, total - 1);
        for (Command<M, S, ?, ?> command : enabled) {
            pick -= command.weight;
            if (pick < 0) {
                return command;
            }
        }
        return enabled.get(enabled.size() - 1);
    }

    /**
     * The command's name, as reports show it.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    boolean isEnabled(M model) {
        return precondition.test(model);
    }

    A generateArguments(M model, Choices choices) {
        Gen<? extends A> gen = arguments.apply(model);
        if (gen == null) {
            throw new IllegalStateException("arguments of command '" + name + "' returned no generator for model "
                    + Rendering.value(model) + "; return a Gen (Gens.constant(...) for a fixed value)");
        }
        return gen.generate(choices);
    }

    R run(S system, A args) {
        return action.apply(system, args);
    }

    void checkPostcondition(M modelBefore, A args, R result) {
        postcondition.check(modelBefore, args, result);
    }

    M nextModel(M modelBefore, A args, R result) {
        M next = nextModel.next(modelBefore, args, result);
        if (next == null) {
            throw new IllegalStateException("nextModel of command '" + name + "' returned null; return the model "
                    + "unchanged when the command does not change it");
        }
        return next;
    }

    boolean hasArguments() {
        return (Object) arguments != NO_ARGUMENTS;
    }

    @Override
    public String toString() {
        return "Command[" + name + "]";
    }

    private static final Function<Object, Gen<Void>> NO_ARGUMENTS = model -> choices -> null;

    @SuppressWarnings("unchecked")
    private static <M> Function<? super M, ? extends Gen<? extends Void>> noArguments() {
        return (Function<? super M, ? extends Gen<? extends Void>>) (Function<?, ?>) NO_ARGUMENTS;
    }

    /**
     * The first stage of a command: its precondition, then either its arguments or, for a command
     * without arguments, how it runs.
     *
     * @param <M> the model type
     * @param <S> the system type
     */
    public static final class Definition<M, S> {
        private final String name;
        private final Predicate<? super M> precondition;

        private Definition(String name, Predicate<? super M> precondition) {
            this.name = name;
            this.precondition = precondition;
        }

        /**
         * Adds a precondition: the command is only chosen in a model state where it holds.
         *
         * @param condition the condition on the model before the command
         * @return this stage with the condition added
         */
        public Definition<M, S> precondition(Predicate<? super M> condition) {
            Objects.requireNonNull(condition, () -> "precondition of command '" + name + "' must not be null");
            Predicate<? super M> current = precondition;
            return new Definition<>(name, model -> current.test(model) && condition.test(model));
        }

        /**
         * Sets how the arguments are generated; the generator may depend on the model state (refund
         * at most what the model says was captured, for example).
         *
         * @param <A> the argument type
         * @param generator the generator of arguments for a model state
         * @return the next stage: how the command runs
         */
        public <A> WithArguments<M, S, A> arguments(Function<? super M, ? extends Gen<? extends A>> generator) {
            Objects.requireNonNull(generator, () -> "arguments of command '" + name + "' must not be null");
            return new WithArguments<>(name, precondition, generator);
        }

        /**
         * Sets how a command without arguments runs against the system.
         *
         * @param <R> the result type
         * @param action the call, returning what the system returned
         * @return the command
         */
        public <R> Command<M, S, Void, R> run(Function<? super S, ? extends R> action) {
            Objects.requireNonNull(action, () -> "run of command '" + name + "' must not be null");
            return new Command<>(name, precondition, noArguments(), (system, none) -> action.apply(system),
                    Postcondition.none(), ModelUpdate.unchanged());
        }

        /**
         * Sets how a command without arguments and without a result runs against the system.
         *
         * @param action the call
         * @return the command
         */
        public Command<M, S, Void, Void> runWithoutResult(Consumer<? super S> action) {
            Objects.requireNonNull(action, () -> "run of command '" + name + "' must not be null");
            return run(system -> {
                action.accept(system);
                return null;
            });
        }
    }

    /**
     * The stage of a command whose arguments are set: how it runs.
     *
     * @param <M> the model type
     * @param <S> the system type
     * @param <A> the argument type
     */
    public static final class WithArguments<M, S, A> {
        private final String name;
        private final Predicate<? super M> precondition;
        private final Function<? super M, ? extends Gen<? extends A>> arguments;

        private WithArguments(String name, Predicate<? super M> precondition,
                Function<? super M, ? extends Gen<? extends A>> arguments) {
            this.name = name;
            this.precondition = precondition;
            this.arguments = arguments;
        }

        /**
         * Sets how the command runs against the system. Return rejections (a declined capture, say) as
         * results: an exception thrown here fails the property at this step.
         *
         * @param <R> the result type
         * @param action the call with the generated arguments, returning what the system returned
         * @return the command
         */
        public <R> Command<M, S, A, R> run(BiFunction<? super S, ? super A, ? extends R> action) {
            Objects.requireNonNull(action, () -> "run of command '" + name + "' must not be null");
            return new Command<>(name, precondition, arguments, action, Postcondition.none(), ModelUpdate.unchanged());
        }

        /**
         * Sets how a command without a result runs against the system.
         *
         * @param action the call with the generated arguments
         * @return the command
         */
        public Command<M, S, A, Void> runWithoutResult(BiConsumer<? super S, ? super A> action) {
            Objects.requireNonNull(action, () -> "run of command '" + name + "' must not be null");
            return run((system, args) -> {
                action.accept(system, args);
                return null;
            });
        }
    }
}
