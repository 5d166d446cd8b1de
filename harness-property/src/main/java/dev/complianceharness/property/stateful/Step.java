package dev.complianceharness.property.stateful;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.property.stateful.internal.Rendering;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One command that was run against the system: what was called with which arguments, what the system
 * returned and, for a sequential step, the model after it.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class Step {

    private final String command;
    private final boolean hasArguments;
    private final Object arguments;
    private final Object result;
    private final Throwable thrown;
    private final Object modelAfter;

    Step(String command, boolean hasArguments, Object arguments, Object result, Throwable thrown, Object modelAfter) {
        this.command = command;
        this.hasArguments = hasArguments;
        this.arguments = arguments;
        this.result = result;
        this.thrown = thrown;
        this.modelAfter = modelAfter;
    }

    /**
     * The command's name.
     *
     * @return the name, for example {@code "capture"}
     */
    public String command() {
        return command;
    }

    /**
     * The generated arguments.
     *
     * @return the arguments; null for a command without arguments
     */
    public Object arguments() {
        return arguments;
    }

    /**
     * What the system returned.
     *
     * @return the result; null when the command has no result or threw
     */
    public Object result() {
        return result;
    }

    /**
     * What the system threw, if it threw.
     *
     * @return the exception, or empty
     */
    public Optional<Throwable> thrown() {
        return Optional.ofNullable(thrown);
    }

    /**
     * The model after this step, when the step was run sequentially and its postcondition passed.
     *
     * @return the model, or empty
     */
    public Optional<Object> modelAfter() {
        return Optional.ofNullable(modelAfter);
    }

    Step withModelAfter(Object model) {
        return new Step(command, hasArguments, arguments, result, thrown, model);
    }

    /**
     * The call without its outcome, masked.
     *
     * @return for example {@code withdraw(30)}
     */
    public String call() {
        return command + "(" + (hasArguments ? Rendering.value(arguments) : "") + ")";
    }

    /**
     * The call and its outcome, masked.
     *
     * @return for example {@code withdraw(30) -> true}
     */
    @Override
    public String toString() {
        return call() + (thrown != null ? " threw " + Rendering.thrown(thrown)
                : " -> " + Rendering.value(result));
    }
}
