package dev.complianceharness.property;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * The recorded sequence of random choices a generator draws from (the Hypothesis model).
 *
 * <p>While a property runs, every draw is random and recorded; while a failure shrinks, the engine replays
 * an edited copy of the recorded sequence. Shrinking moves every choice towards its {@code min}, so a
 * generator should map its simplest value to {@code min}: the empty list, zero, the first alternative.
 * Because generators see only choices, every generator built from them shrinks with no hand-written
 * shrinker — including {@code map}, {@code flatMap}, {@code filter} and state-dependent generators.
 *
 * <pre>{@code
 * Gen<Integer> dice = choices -> (int) choices.draw(1, 6);
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public interface Choices {

    /**
     * Draws a choice.
     *
     * @param min the smallest choice, and the one shrinking moves towards
     * @param max the largest choice (inclusive)
     * @return a choice in {@code [min, max]}
     * @throws IllegalArgumentException if {@code min > max}
     */
    long draw(long min, long max);

    /**
     * Draws a yes/no choice that is yes with the given probability while generating; shrinking moves it
     * towards no.
     *
     * @param probabilityOfTrue how likely {@code true} is in random generation, in {@code [0, 1]}
     * @return the choice
     */
    default boolean weighted(double probabilityOfTrue) {
        return draw(0, 1) == 1;
    }

    /**
     * Draws a choice in {@code [min, max]} that, in random generation, lands on one of the given edge
     * cases more often than chance would (how often is configured on the property run). Shrinking treats
     * it like {@link #draw(long, long)}.
     *
     * @param min       the smallest choice
     * @param max       the largest choice (inclusive)
     * @param edgeCases choices to favour; each must lie in {@code [min, max]}
     * @return a choice in {@code [min, max]}
     */
    default long drawFavouring(long min, long max, long... edgeCases) {
        return draw(min, max);
    }
}
