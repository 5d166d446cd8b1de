package dev.complianceharness.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.invariant.Violation;
import dev.complianceharness.mask.Redaction;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Fails a test whose recorded events broke an active invariant, or whose invariant check threw instead of deciding.
 * The message passes the redaction boundary whoever builds it (the test's display name and every line in it); the
 * violations are available for tools, and the cause of an errored check is a masked stand-in for what it threw.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class ComplianceViolationError extends AssertionError {

    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    /**
     * @param message    the message; it is redacted
     * @param violations the violations
     */
    public ComplianceViolationError(String message, List<Violation> violations) {
        super(Redaction.redact(message));
        this.violations = List.copyOf(violations);
    }

    /**
     * @param message    the message; it is redacted
     * @param violations the violations
     * @param cause      a masked stand-in for what an errored check threw, or null
     */
    public ComplianceViolationError(String message, List<Violation> violations, Throwable cause) {
        super(Redaction.redact(message), cause);
        this.violations = List.copyOf(violations);
    }

    /**
     * The violations that failed the test.
     *
     * @return the violations, masked
     */
    public List<Violation> violations() {
        return violations;
    }
}
