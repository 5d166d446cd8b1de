package dev.complianceharness.report.internal;

import dev.complianceharness.invariant.PolicyChoice;
import dev.complianceharness.invariant.ReviewQuestion;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the report shows of an active module: version, review date, rubric and the overrides it applied.
 *
 * @param id         the module id
 * @param version    its version
 * @param title      its title
 * @param reviewedOn when its rules were last reviewed
 * @param rubric     the questions a reviewer must answer
 * @param overrides  the shipped invariants it replaced
 * @param dataVersions the versions of the data its rules depend on
 * @param policies   the policy choices it ran with; when the same module version ran with different choices in
 *                   one run (two test classes configured it differently), every distinct choice is listed
 */
public record ModuleDescription(String id, String version, String title, Optional<LocalDate> reviewedOn,
                                List<ReviewQuestion> rubric, List<OverrideDescription> overrides,
                                Map<String, String> dataVersions, List<PolicyChoice> policies) {

    /** Copies the lists. */
    public ModuleDescription {
        rubric = List.copyOf(rubric);
        overrides = List.copyOf(overrides);
        dataVersions = Map.copyOf(dataVersions);
        policies = List.copyOf(policies);
    }

    /** @return the key modules are merged by: id and version */
    String key() {
        return id + " " + version;
    }

    /**
     * This description with the other's policy choices added, each distinct choice once.
     *
     * @param other a description of the same module version
     * @return the merged description
     */
    ModuleDescription withPoliciesOf(ModuleDescription other) {
        List<PolicyChoice> merged = new ArrayList<>(policies);
        other.policies().stream().filter(choice -> !merged.contains(choice)).forEach(merged::add);
        return merged.size() == policies.size() ? this
                : new ModuleDescription(id, version, title, reviewedOn, rubric, overrides, dataVersions, merged);
    }

    /**
     * An override a module applied.
     *
     * @param replacedInvariantId    the shipped invariant's id
     * @param replacedModuleId       the module that ships it
     * @param replacementInvariantId the id of the invariant that runs instead
     * @param reason                 why
     */
    public record OverrideDescription(String replacedInvariantId, String replacedModuleId, String replacementInvariantId,
                                      String reason) {
    }
}
