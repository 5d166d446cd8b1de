package dev.complianceharness.liability;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * Thrown when {@link LiabilityZone} declarations cannot form a map: a blank regulation, a regulatory zone
 * with nothing to guard it by, or two declarations of one zone name that disagree. The message lists
 * every problem found, each naming the package or class and what to change.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class InvalidLiabilityZoneException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The problems, one sentence each. */
    private final transient List<String> problems;

    /**
     * @param problems every problem found, one sentence each
     */
    public InvalidLiabilityZoneException(List<String> problems) {
        super(problems.size() == 1 ? "Invalid @LiabilityZone: " + problems.get(0)
                : "Invalid @LiabilityZone declarations (" + problems.size() + "):\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /** @return every problem found, one sentence each */
    public List<String> problems() {
        return problems;
    }
}
