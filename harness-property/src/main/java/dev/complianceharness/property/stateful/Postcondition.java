package dev.complianceharness.property.stateful;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * What the model says about the result of one command: throws an {@link AssertionError} (for example
 * through AssertJ) when the system's result is wrong.
 *
 * @param <M> the model type
 * @param <A> the argument type
 * @param <R> the result type
 */
@FunctionalInterface
@API(status = EXPERIMENTAL, since = "0.1.0")
public interface Postcondition<M, A, R> {

    /**
     * Checks a result.
     *
     * @param modelBefore the model before the command
     * @param arguments the generated arguments
     * @param result what the system returned
     * @throws AssertionError when the result is wrong
     */
    void check(M modelBefore, A arguments, R result);

    /**
     * A postcondition that accepts every result.
     *
     * @param <M> the model type
     * @param <A> the argument type
     * @param <R> the result type
     * @return the postcondition
     */
    static <M, A, R> Postcondition<M, A, R> none() {
        return (model, arguments, result) -> { };
    }
}
