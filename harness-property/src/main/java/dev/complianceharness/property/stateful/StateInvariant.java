package dev.complianceharness.property.stateful;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * A property of the model and the real system that holds after every step (money is conserved, no
 * payment is captured twice); throws an {@link AssertionError} when it does not. In the concurrent mode
 * it is checked after every prefix step and after the branches, against the model of the interleaving.
 *
 * @param <M> the model type
 * @param <S> the system type
 */
@FunctionalInterface
@API(status = EXPERIMENTAL, since = "0.1.0")
public interface StateInvariant<M, S> {

    /**
     * Checks the invariant.
     *
     * @param model the model after the step
     * @param system the system after the step
     * @throws AssertionError when the invariant does not hold
     */
    void check(M model, S system);
}
