package dev.complianceharness.property.stateful.internal;

import dev.complianceharness.property.Choices;
import dev.complianceharness.property.internal.TestCase;

/**
 * Draws "another step?" the way the engine draws collection elements: a yes/no choice that shrinks to
 * no, with each step in a span of its own, so that the shrinker deletes whole steps and shortens the
 * sequence.
 */
public final class Steps {

    private Steps() {
    }

    /**
     * Opens the span of one step (when the choices record spans) and draws whether the step happens.
     *
     * @param choices the choices
     * @param index the step's index, from 0
     * @param min the fewest steps; below it the step always happens
     * @param max the most steps
     * @return whether there is another step; when true the caller must {@link #end(Choices)} it
     */
    public static boolean another(Choices choices, int index, int min, int max) {
        if (index >= max) {
            return false;
        }
        if (choices instanceof TestCase recorded) {
            recorded.startSpan(TestCase.LIST_ELEMENT);
        }
        boolean another = index < min || choices.weighted(continuation(min, max));
        if (!another) {
            end(choices);
        }
        return another;
    }

    /**
     * Closes the span of a step.
     *
     * @param choices the choices
     */
    public static void end(Choices choices) {
        if (choices instanceof TestCase recorded) {
            recorded.stopSpan();
        }
    }

    /** The probability of one more step that makes the average length about the middle of the bounds. */
    private static double continuation(int min, int max) {
        double extraSteps = (max - min) / 2.0;
        return extraSteps / (extraSteps + 1);
    }
}
