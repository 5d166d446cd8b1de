package dev.complianceharness.liability;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.invariant.LiabilityTier;
import dev.complianceharness.mask.Redaction;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One liability zone of a {@link LiabilityMap}: where it was declared, what it is exposed to, who owns
 * it, and the classes it covers.
 *
 * @param name        the zone's name: {@link LiabilityZone#name()}, or the annotated package or class
 * @param tier        the liability tier
 * @param owner       the owner; empty when nobody was named
 * @param regulations the regulation ids or citations, in declaration order
 * @param guardedBy   the invariant or module ids named as guards, in declaration order
 * @param declaredOn  the packages and classes that carry the annotation, sorted
 * @param classes     the fully qualified names of the classes in the zone, sorted
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record Zone(String name, LiabilityTier tier, String owner, List<String> regulations, List<String> guardedBy,
                   List<String> declaredOn, List<String> classes) {

    /** Checks for nulls and copies the lists. */
    public Zone {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(owner, "owner");
        Redaction.published(owner);
        regulations = List.copyOf(regulations);
        guardedBy = List.copyOf(guardedBy);
        declaredOn = List.copyOf(declaredOn);
        classes = List.copyOf(classes);
    }

    /** @return true when the zone names an owner */
    public boolean hasOwner() {
        return !owner.isBlank();
    }
}
