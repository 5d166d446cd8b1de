package dev.complianceharness.invariant;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.mask.Masking;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What verifying one invariant against a trace found: it held, it was violated, or its check threw and could not
 * decide. An errored check never counts as a pass: the compliance extension fails the test and the report's gate.
 *
 * @param invariant  the invariant
 * @param status     held, violated or errored
 * @param violations the masked violations; empty unless violated
 * @param error      for an errored check, what it threw and where, masked, on one line
 * @param cause      for an errored check, a stand-in for what it threw: same type name, masked message, same stack
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record InvariantResult(Invariant invariant, Status status, List<Violation> violations, Optional<String> error,
                              Optional<Throwable> cause) {

    /** How a check ended. */
    public enum Status {
        /** The trace complies. */
        HELD,
        /** The trace breaks the invariant. */
        VIOLATED,
        /** The check threw instead of deciding; the harness fails closed. */
        ERRORED
    }

    /** Copies the violations and checks that the fields agree with the status. */
    public InvariantResult {
        Objects.requireNonNull(invariant, "invariant");
        Objects.requireNonNull(status, "status");
        violations = List.copyOf(violations);
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(cause, "cause");
        if ((status == Status.VIOLATED) == violations.isEmpty() || (status == Status.ERRORED) == error.isEmpty()) {
            throw new IllegalArgumentException("A " + status + " result of " + invariant.id() + " needs "
                    + (status == Status.VIOLATED ? "violations" : status == Status.ERRORED ? "an error" : "neither violations nor an error"));
        }
    }

    static InvariantResult held(Invariant invariant) {
        return new InvariantResult(invariant, Status.HELD, List.of(), Optional.empty(), Optional.empty());
    }

    static InvariantResult violated(Invariant invariant, List<Violation> violations) {
        return violations.isEmpty() ? held(invariant)
                : new InvariantResult(invariant, Status.VIOLATED, violations, Optional.empty(), Optional.empty());
    }

    static InvariantResult errored(Invariant invariant, Throwable thrown) {
        return new InvariantResult(invariant, Status.ERRORED, List.of(), Optional.of(describe(thrown)),
                Optional.of(MaskedThrowable.of(thrown)));
    }

    /** What a check threw, on one line: type, masked message, and the first frame outside the JDK and test libraries. */
    static String describe(Throwable thrown) {
        StringBuilder text = new StringBuilder("the check threw ").append(thrown.getClass().getName());
        String message = MaskedThrowable.oneLine(thrown.getMessage());
        if (!message.isEmpty()) {
            text.append(": ").append(message);
        }
        for (StackTraceElement frame : thrown.getStackTrace()) {
            String type = frame.getClassName();
            if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")
                    && !type.startsWith("org.assertj.") && !type.startsWith("org.opentest4j.") && !type.startsWith("org.junit.")
                    && !type.equals(Invariant.class.getName()) && !type.startsWith(Invariant.class.getName() + "$")) {
                text.append(" (at ").append(frame.getFileName() == null ? type : frame.getFileName())
                        .append(frame.getLineNumber() > 0 ? ":" + frame.getLineNumber() : "").append(')');
                break;
            }
        }
        return Masking.mask(text.toString());
    }

    /** @return true when the invariant held */
    public boolean held() {
        return status == Status.HELD;
    }
}
