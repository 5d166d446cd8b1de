package dev.complianceharness.audit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What one governance rule found in the audited code, when the audit was asked to check them
 * ({@link CodebaseAudit#withGovernanceRules()}).
 *
 * @param rule       the rule's name, for example {@code NO_CLASSES_SHOULD_USE_WEAK_MESSAGE_DIGESTS}
 * @param weaknesses the CWE identifiers the rule guards against, for example {@code CWE-327}; empty for the
 *                   ownership and adapter rules
 * @param violations one line per violation, naming the class, the member and the source line
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record GovernanceResult(String rule, List<String> weaknesses, List<String> violations) {

    /** Checks that nothing is missing. */
    public GovernanceResult {
        Objects.requireNonNull(rule, "rule");
        weaknesses = List.copyOf(weaknesses);
        violations = List.copyOf(violations);
    }
}
