package dev.complianceharness.report.internal;

import dev.complianceharness.invariant.ReviewQuestion;
import java.time.LocalDate;
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
 */
public record ModuleDescription(String id, String version, String title, Optional<LocalDate> reviewedOn,
                                List<ReviewQuestion> rubric, List<OverrideDescription> overrides,
                                Map<String, String> dataVersions) {

    private static final Map<String, ModuleDescription> CATALOG = new ConcurrentHashMap<>();

    /** Copies the lists. */
    public ModuleDescription {
        rubric = List.copyOf(rubric);
        overrides = List.copyOf(overrides);
        dataVersions = Map.copyOf(dataVersions);
    }

    /**
     * Makes a module's description available to the report; the compliance extension registers every
     * module it activates.
     *
     * @param description the description
     */
    public static void register(ModuleDescription description) {
        CATALOG.put(description.id() + " " + description.version(), description);
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
