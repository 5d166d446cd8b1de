package dev.complianceharness.payments.lifecycle;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * A lifecycle declaration that cannot be used: it names unknown states or commands, has states no
 * command reaches, or leaves a terminal state. The message lists every problem at once, so the author
 * fixes the declaration in one go.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class InvalidLifecycleException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    InvalidLifecycleException(String lifecycle, List<String> problems) {
        super("Lifecycle '" + lifecycle + "' is invalid (" + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + "):\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /** @return each problem, in declaration order */
    public List<String> problems() {
        return problems;
    }
}
