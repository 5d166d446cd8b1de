package dev.complianceharness.testkit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.event.EventTrace;
import dev.complianceharness.invariant.Invariant;
import dev.complianceharness.invariant.Violation;
import dev.complianceharness.mask.Redaction;
import java.util.List;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/** Assertions on what an invariant makes of given traces; start with {@link InvariantAssertions#assertThatInvariant}. */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class InvariantAssert extends AbstractAssert<InvariantAssert, Invariant> {

    InvariantAssert(Invariant actual) {
        super(actual, InvariantAssert.class);
    }

    /**
     * Verifies that the invariant finds at least one violation in the trace.
     *
     * @param trace the events
     * @return assertions on the violations found
     */
    public ViolationsAssert flags(EventTrace trace) {
        isNotNull();
        List<Violation> violations = actual.verify(trace);
        if (violations.isEmpty()) {
            failRedacted("%nExpecting invariant:%n  %s%nto flag the trace:%n  %s%nbut it accepted it", actual.id(),
                    describe(trace));
        }
        return new ViolationsAssert(actual, violations);
    }

    /**
     * Verifies that the invariant finds no violation in the trace.
     *
     * @param trace the events
     * @return this assertion
     */
    public InvariantAssert accepts(EventTrace trace) {
        isNotNull();
        List<Violation> violations = actual.verify(trace);
        if (!violations.isEmpty()) {
            failRedacted("%nExpecting invariant:%n  %s%nto accept the trace:%n  %s%nbut it found:%n  %s", actual.id(),
                    describe(trace), String.join("\n  ", violations.stream().map(Violation::message).toList()));
        }
        return this;
    }

    static String describe(EventTrace trace) {
        return trace.events().isEmpty() ? "(no events)"
                : String.join("\n  ", trace.events().stream().map(event -> event.describeMasked()).toList());
    }

    /** Fails with the message passed through the redaction boundary, as everything the harness writes is. */
    private void failRedacted(String format, Object... arguments) {
        failWithMessage("%s", Redaction.redact(String.format(format, arguments)));
    }
}
