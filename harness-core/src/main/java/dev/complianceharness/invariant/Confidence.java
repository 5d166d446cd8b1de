package dev.complianceharness.invariant;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * How sure the author of a rule is that it states the law correctly; teams can choose to run only
 * {@link #HIGH} rules, or all of them.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public enum Confidence {
    /** Taken from the primary source (statute, regulation, official standard) and read carefully. */
    HIGH,
    /** From a reliable secondary source, or the primary source leaves room for interpretation. */
    MEDIUM,
    /** Sources disagree or the primary source was not located; a counsel should review it. */
    UNCERTAIN
}
