package dev.complianceharness.property.stateful;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * How the model changes after one command. Models are immutable values: return a new model, or the same
 * one when nothing changed.
 *
 * @param <M> the model type
 * @param <A> the argument type
 * @param <R> the result type
 */
@FunctionalInterface
@API(status = EXPERIMENTAL, since = "0.1.0")
public interface ModelUpdate<M, A, R> {

    /**
     * Computes the next model.
     *
     * @param modelBefore the model before the command
     * @param arguments the generated arguments
     * @param result what the system returned (its postcondition has passed)
     * @return the model after the command; never null
     */
    M next(M modelBefore, A arguments, R result);

    /**
     * The update that leaves the model as it was.
     *
     * @param <M> the model type
     * @param <A> the argument type
     * @param <R> the result type
     * @return the update
     */
    static <M, A, R> ModelUpdate<M, A, R> unchanged() {
        return (model, arguments, result) -> model;
    }
}
