package dev.complianceharness.property.internal;

import dev.complianceharness.property.Choices;
import dev.complianceharness.property.Gen;
import dev.complianceharness.property.InvalidGeneratorException;

/**
 * Draws the elements of a collection the Hypothesis way: before each element a yes/no choice "another
 * one?", both in one span, so that the shrinker shortens the collection by deleting spans or zeroing a
 * flag. Collections that must be unique skip duplicates (which the shrinker then deletes).
 */
public final class Elements {

    /** How many duplicates in a row a unique collection accepts before it gives up growing. */
    static final int DUPLICATES_IN_A_ROW = 50;

    private Elements() {
    }

    /**
     * Where drawn elements go.
     *
     * @param <T> the element type
     */
    public interface Sink<T> {
        /**
         * Adds an element.
         *
         * @param element the element
         * @return false if it was a duplicate and was not added
         */
        boolean add(T element);

        /**
         * The number of elements added.
         *
         * @return the size
         */
        int size();
    }

    /**
     * Fills a sink with between {@code minSize} and {@code maxSize} elements.
     *
     * @param choices the choices
     * @param name    the collection generator's name, for errors
     * @param element the element generator
     * @param minSize the smallest size
     * @param maxSize the largest size
     * @param sink    where the elements go
     * @param <T>     the element type
     */
    public static <T> void fill(Choices choices, String name, Gen<? extends T> element, int minSize, int maxSize,
                                Sink<T> sink) {
        double continuation = continuation(minSize, maxSize);
        TestCase testCase = choices instanceof TestCase recorded ? recorded : null;
        int duplicatesInARow = 0;
        while (sink.size() < maxSize) {
            if (testCase != null) {
                testCase.startSpan(TestCase.LIST_ELEMENT);
            }
            boolean forced = sink.size() < minSize;
            boolean another = choices.weighted(forced ? 1.0 : continuation) || forced;
            boolean added = another && sink.add(element.generate(choices));
            if (testCase != null) {
                testCase.stopSpan();
            }
            if (!another) {
                return;
            }
            duplicatesInARow = added ? 0 : duplicatesInARow + 1;
            if (duplicatesInARow >= DUPLICATES_IN_A_ROW) {
                if (sink.size() >= minSize) {
                    return;
                }
                if (testCase != null && !testCase.generating()) {
                    throw new Generators.Rejected(name);
                }
                throw new InvalidGeneratorException(name + ": found only " + sink.size() + " distinct elements, fewer"
                        + " than the minimum size " + minSize + ", after " + DUPLICATES_IN_A_ROW + " duplicates in a row;"
                        + " the element generator " + Generators.nameOf(element) + " has too few distinct values:"
                        + " lower the minimum size or widen the element generator");
            }
        }
    }

    /** The probability of another element that gives the Hypothesis average size for the bounds. */
    static double continuation(int minSize, int maxSize) {
        double average = Math.min(Math.max(minSize * 2.0, minSize + 5.0), 0.5 * ((double) minSize + maxSize));
        double extra = Math.max(average - minSize, 0);
        return extra / (extra + 1);
    }

    /**
     * Checks collection size bounds.
     *
     * @param name    the generator's name
     * @param minSize the smallest size
     * @param maxSize the largest size
     * @throws InvalidGeneratorException if they are negative or inverted
     */
    public static void checkSizes(String name, int minSize, int maxSize) {
        if (minSize < 0 || maxSize < 0) {
            throw new InvalidGeneratorException(name + ": sizes must not be negative; use a minimum size of 0 or more");
        }
        if (minSize > maxSize) {
            throw new InvalidGeneratorException(name + ": the minimum size " + minSize + " exceeds the maximum size "
                    + maxSize + "; swap them or raise the maximum");
        }
    }
}
