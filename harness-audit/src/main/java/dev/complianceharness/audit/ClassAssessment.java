package dev.complianceharness.audit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.invariant.LiabilityTier;
import dev.complianceharness.liability.ZoneDeclaration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What the audit concluded about one class.
 *
 * @param className   the class's fully qualified name
 * @param tier        the liability tier the evidence points to; empty when nothing was found
 * @param score       the triage score: the sum of the evidence weights
 * @param evidence    the reasons, heaviest first
 * @param owner       the owner, from a {@code @LiabilityZone} or a CODEOWNERS file; empty when none is known
 * @param ownerSource where the owner came from ({@code "@LiabilityZone"} or {@code "CODEOWNERS"}); empty
 *                    when none is known
 * @param zone        the {@code @LiabilityZone} the class is declared in; its tier, when it names one, is the
 *                    class's tier
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record ClassAssessment(String className, Optional<LiabilityTier> tier, int score, List<Evidence> evidence,
                              Optional<String> owner, Optional<String> ownerSource, Optional<ZoneDeclaration> zone) {

    /** Checks for nulls and copies the evidence. */
    public ClassAssessment {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(tier, "tier");
        evidence = List.copyOf(evidence);
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(ownerSource, "ownerSource");
        Objects.requireNonNull(zone, "zone");
    }

    /** @return the tier's name, or {@code "NONE"} */
    public String tierName() {
        return tier.map(Enum::name).orElse("NONE");
    }
}
