package dev.complianceharness.testkit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.invariant.Invariant;
import dev.complianceharness.invariant.Violation;
import dev.complianceharness.mask.Redaction;
import java.util.List;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/** Assertions on the violations an invariant found; returned by {@link InvariantAssert#flags}. */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class ViolationsAssert extends AbstractAssert<ViolationsAssert, List<Violation>> {

    private final Invariant invariant;

    ViolationsAssert(Invariant invariant, List<Violation> actual) {
        super(actual, ViolationsAssert.class);
        this.invariant = invariant;
    }

    /**
     * Verifies that some violation's message contains the text. Messages are masked, so write the
     * expected text as it is printed.
     *
     * @param text the expected part of the message
     * @return this assertion
     */
    public ViolationsAssert withMessageContaining(String text) {
        if (actual.stream().noneMatch(violation -> violation.message().contains(text))) {
            failRedacted("%nExpecting a violation of:%n  %s%nwith a message containing:%n  %s%nbut the messages were:%n  %s",
                    invariant.id(), text, messages());
        }
        return this;
    }

    /**
     * Verifies that some violation's message is exactly the text.
     *
     * @param message the expected message, as printed (masked)
     * @return this assertion
     */
    public ViolationsAssert withMessage(String message) {
        if (actual.stream().noneMatch(violation -> violation.message().equals(message))) {
            failRedacted("%nExpecting a violation of:%n  %s%nwith the message:%n  %s%nbut the messages were:%n  %s",
                    invariant.id(), message, messages());
        }
        return this;
    }

    /**
     * Verifies how many violations were found.
     *
     * @param count the expected number
     * @return this assertion
     */
    public ViolationsAssert times(int count) {
        if (actual.size() != count) {
            failRedacted("%nExpecting invariant:%n  %s%nto find %s violation(s)%nbut it found %s:%n  %s",
                    invariant.id(), count, actual.size(), messages());
        }
        return this;
    }

    /**
     * Verifies that some violation's evidence mentions the text (event descriptions are masked).
     *
     * @param text the expected part of an evidence line
     * @return this assertion
     */
    public ViolationsAssert withEvidenceContaining(String text) {
        if (actual.stream().flatMap(violation -> violation.evidence().stream()).noneMatch(line -> line.contains(text))) {
            failRedacted("%nExpecting a violation of:%n  %s%nwith evidence containing:%n  %s%nbut the evidence was:%n  %s",
                    invariant.id(), text, String.join("\n  ",
                            actual.stream().flatMap(violation -> violation.evidence().stream()).toList()));
        }
        return this;
    }

    private String messages() {
        return String.join("\n  ", actual.stream().map(Violation::message).toList());
    }

    /** Fails with the message passed through the redaction boundary, as everything the harness writes is. */
    private void failRedacted(String format, Object... arguments) {
        failWithMessage("%s", Redaction.redact(String.format(format, arguments)));
    }
}
