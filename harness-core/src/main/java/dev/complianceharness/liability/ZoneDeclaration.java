package dev.complianceharness.liability;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.complianceharness.invariant.LiabilityTier;
import java.util.List;
import org.apiguardian.api.API;

/**
 * One {@code @LiabilityZone} annotation as read from a class file, before declarations that share a name
 * are merged into a zone.
 *
 * @param name        the zone's name (explicit, or the annotated element's name)
 * @param tier        the tier, or {@code null} when the class file names an unknown one
 * @param owner       the owner, stripped; empty when none was named
 * @param regulations the regulation ids or citations, stripped
 * @param guardedBy   the invariant or module ids, stripped
 * @param declaredOn  the annotated package or class
 * @param problems    what is wrong with the declaration, one sentence each; empty when it is valid
 */
@API(status = INTERNAL, since = "0.1.0")
public record ZoneDeclaration(String name, LiabilityTier tier, String owner, List<String> regulations,
                              List<String> guardedBy, String declaredOn, List<String> problems) {

    /** Copies the lists. */
    public ZoneDeclaration {
        regulations = List.copyOf(regulations);
        guardedBy = List.copyOf(guardedBy);
        problems = List.copyOf(problems);
    }

    /**
     * Whether another declaration of the same zone name says the same.
     *
     * @param other the other declaration
     * @return true when tier, owner, regulations and guards agree
     */
    public boolean agreesWith(ZoneDeclaration other) {
        return tier == other.tier && owner.equals(other.owner) && regulations.equals(other.regulations)
                && guardedBy.equals(other.guardedBy);
    }
}
