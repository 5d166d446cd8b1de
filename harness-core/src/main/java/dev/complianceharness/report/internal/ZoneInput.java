package dev.complianceharness.report.internal;

import dev.complianceharness.invariant.LiabilityTier;
import dev.complianceharness.liability.Zone;
import java.util.List;
import java.util.Objects;

/**
 * A liability zone as the report needs it: where code is exposed to which regulations, and who owns it.
 *
 * @param name        the zone's name (its package or class)
 * @param tier        the liability tier
 * @param owner       the owner; empty when nobody was named
 * @param regulations the regulations the zone is exposed to, as regulation ids or citations
 * @param guardedBy   invariant ids or module ids the zone names as its guards
 * @param classes     the classes in the zone
 */
public record ZoneInput(String name, LiabilityTier tier, String owner, List<String> regulations, List<String> guardedBy,
                        List<String> classes) {

    /** Copies the lists. */
    public ZoneInput {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(owner, "owner");
        regulations = List.copyOf(regulations);
        guardedBy = List.copyOf(guardedBy);
        classes = List.copyOf(classes);
    }

    /**
     * A zone guarded only through its regulations.
     *
     * @param name        the zone's name
     * @param tier        the liability tier
     * @param owner       the owner; empty when nobody was named
     * @param regulations the regulation ids or citations
     * @param classes     the classes in the zone
     */
    public ZoneInput(String name, LiabilityTier tier, String owner, List<String> regulations, List<String> classes) {
        this(name, tier, owner, regulations, List.of(), classes);
    }

    /**
     * The report's view of a zone of the liability map.
     *
     * @param zone the zone
     * @return its input to the report
     */
    public static ZoneInput of(Zone zone) {
        return new ZoneInput(zone.name(), zone.tier(), zone.owner(), zone.regulations(), zone.guardedBy(), zone.classes());
    }
}
