package dev.complianceharness.report.internal;

import dev.complianceharness.invariant.PolicyChoice;
import dev.complianceharness.invariant.ReviewQuestion;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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

    private static final Map<String, ModuleDescription> CATALOG = new ConcurrentHashMap<>();

    /** Copies the lists. */
    public ModuleDescription {
        rubric = List.copyOf(rubric);
        overrides = List.copyOf(overrides);
        dataVersions = Map.copyOf(dataVersions);
        policies = List.copyOf(policies);
    }

    /**
     * Makes a module's description available to the report; the compliance extension registers every
     * module it activates.
     *
     * @param description the description
     */
    public static void register(ModuleDescription description) {
        CATALOG.merge(description.id() + " " + description.version(), description, ModuleDescription::withPoliciesOf);
    }

    /** This description with the other's policy choices added, each distinct choice once. */
    private ModuleDescription withPoliciesOf(ModuleDescription other) {
        List<PolicyChoice> merged = new ArrayList<>(policies);
        other.policies().stream().filter(choice -> !merged.contains(choice)).forEach(merged::add);
        return merged.size() == policies.size() ? this
                : new ModuleDescription(id, version, title, reviewedOn, rubric, overrides, dataVersions, merged);
    }

    /**
     * Looks a module up.
     *
     * @param id      the module id
     * @param version its version
     * @return the description, if the module was activated in this JVM
     */
    public static Optional<ModuleDescription> find(String id, String version) {
        return Optional.ofNullable(CATALOG.get(id + " " + version));
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
