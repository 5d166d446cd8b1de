package dev.complianceharness.audit.internal;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import dev.complianceharness.audit.GovernanceResult;
import dev.complianceharness.governance.GovernanceRules;
import java.util.List;

/** Runs the seven governance rules on the audited classes. */
public final class GovernanceChecks {

    private record Check(String rule, List<String> weaknesses, ArchRule archRule) {
    }

    private static final List<Check> CHECKS = List.of(
            new Check("CLASSES_IN_LIABILITY_ZONES_SHOULD_HAVE_AN_OWNER", List.of(),
                    GovernanceRules.CLASSES_IN_LIABILITY_ZONES_SHOULD_HAVE_AN_OWNER),
            new Check("THIRD_PARTY_CLIENTS_SHOULD_ONLY_BE_USED_FROM_ADAPTER_PACKAGES", List.of("CWE-829"),
                    GovernanceRules.THIRD_PARTY_CLIENTS_SHOULD_ONLY_BE_USED_FROM_ADAPTER_PACKAGES),
            new Check("NO_CLASSES_SHOULD_USE_WEAK_MESSAGE_DIGESTS", List.of("CWE-327", "CWE-328"),
                    GovernanceRules.NO_CLASSES_SHOULD_USE_WEAK_MESSAGE_DIGESTS),
            new Check("NO_CLASSES_SHOULD_USE_JAVA_UTIL_RANDOM_IN_SECURITY_CODE", List.of("CWE-330", "CWE-338"),
                    GovernanceRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_RANDOM_IN_SECURITY_CODE),
            new Check("NO_CLASSES_SHOULD_TRUST_ALL_CERTIFICATES_OR_HOST_NAMES", List.of("CWE-295"),
                    GovernanceRules.NO_CLASSES_SHOULD_TRUST_ALL_CERTIFICATES_OR_HOST_NAMES),
            new Check("NO_CLASSES_SHOULD_DESERIALIZE_WITH_OBJECT_INPUT_STREAM", List.of("CWE-502"),
                    GovernanceRules.NO_CLASSES_SHOULD_DESERIALIZE_WITH_OBJECT_INPUT_STREAM),
            new Check("NO_CLASSES_SHOULD_EXECUTE_OPERATING_SYSTEM_COMMANDS", List.of("CWE-78"),
                    GovernanceRules.NO_CLASSES_SHOULD_EXECUTE_OPERATING_SYSTEM_COMMANDS));

    private GovernanceChecks() {
    }

    /**
     * @param classes the audited classes
     * @return one result per rule, in a fixed order
     */
    public static List<GovernanceResult> run(JavaClasses classes) {
        return CHECKS.stream().map(check -> new GovernanceResult(check.rule(), check.weaknesses(),
                check.archRule().evaluate(classes).getFailureReport().getDetails())).toList();
    }
}
