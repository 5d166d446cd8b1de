package dev.complianceharness.property.stateful;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * A generated command sequence that has been run against a fresh system and checked: a
 * {@link SequentialRun} or a {@link ConcurrentRun}. This is the value the property engine generates and
 * shrinks; its {@code toString()} lists its steps and {@link #report()} adds what failed.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public interface StatefulRun {

    /**
     * Whether every postcondition and invariant held (and, for a concurrent run, the observations were
     * linearizable in every repetition).
     *
     * @return true when the run passed
     */
    boolean passed();

    /**
     * The report: the steps with their results, and for a failure the check that failed and why.
     *
     * @return the report, with personal data masked
     */
    String report();

    /**
     * Throws a {@link StatefulFailure} carrying the report when the run failed; the check to hand to the
     * engine, as in {@code Property.forAll(property.sequences()).check(StatefulRun::assertPassed)}.
     *
     * @throws StatefulFailure when the run failed
     */
    void assertPassed();
}
