package dev.complianceharness.report.internal;

import dev.complianceharness.invariant.LiabilityTier;
import java.util.List;
import java.util.Objects;

/**
 * A liability zone as the report needs it: where code is exposed to which regulations, and who owns it.
 *
 * @param name        the zone's name (its package or class)
 * @param tier        the liability tier
 * @param owner       the owner; empty when nobody was named
 * @param regulations the regulations the zone is exposed to, as regulation ids or citations
 * @param classes     the classes in the zone
 */
public record ZoneInput(String name, LiabilityTier tier, String owner, List<String> regulations, List<String> classes) {

    /** Copies the lists. */
    public ZoneInput {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(owner, "owner");
        regulations = List.copyOf(regulations);
        classes = List.copyOf(classes);
    }
}
