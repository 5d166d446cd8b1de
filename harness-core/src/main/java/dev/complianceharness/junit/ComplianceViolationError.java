package dev.complianceharness.junit;

import dev.complianceharness.invariant.Violation;
import java.util.List;

/**
 * Fails a test whose recorded events broke an active invariant, or whose invariant check threw instead of deciding.
 * The message is masked; the violations are available for tools, and the cause of an errored check is a masked stand-in
 * for what it threw.
 */
public final class ComplianceViolationError extends AssertionError {

    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    /**
     * @param message    the masked message
     * @param violations the violations
     */
    public ComplianceViolationError(String message, List<Violation> violations) {
        super(message);
        this.violations = List.copyOf(violations);
    }

    /**
     * @param message    the masked message
     * @param violations the violations
     * @param cause      a masked stand-in for what an errored check threw, or null
     */
    public ComplianceViolationError(String message, List<Violation> violations, Throwable cause) {
        super(message, cause);
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
