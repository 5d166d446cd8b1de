package dev.complianceharness.report.internal;

import dev.complianceharness.invariant.Invariant;
import dev.complianceharness.invariant.LiabilityTier;
import dev.complianceharness.invariant.Regulation;
import java.util.Objects;
import java.util.Optional;

/**
 * What the report shows of an invariant: its description, regulation, owner and tier, without its check, so that it
 * can be written into a partial result and read back by the merge.
 *
 * @param id           the invariant id
 * @param description  what it demands
 * @param form         {@code PER_EVENT} or {@code WHOLE_TRACE}
 * @param tier         its liability tier
 * @param ownerName    who answers for it
 * @param ownerContact how to reach them; empty when not given
 * @param regulation   the regulation it enforces
 * @param rationale    why the rule is stated this way, if said
 */
public record InvariantInfo(String id, String description, String form, LiabilityTier tier, String ownerName,
                            String ownerContact, RegulationInfo regulation, Optional<String> rationale) {

    /** Checks the fields. */
    public InvariantInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(ownerName, "ownerName");
        Objects.requireNonNull(ownerContact, "ownerContact");
        Objects.requireNonNull(regulation, "regulation");
        Objects.requireNonNull(rationale, "rationale");
    }

    /**
     * The report's view of an invariant.
     *
     * @param invariant the invariant
     * @return its description
     */
    public static InvariantInfo of(Invariant invariant) {
        Regulation regulation = invariant.regulation();
        return new InvariantInfo(invariant.id(), invariant.description(), invariant.form().name(), invariant.tier(),
                invariant.owner().name(), invariant.owner().contact(),
                new RegulationInfo(regulation.id(), regulation.title(), regulation.citation(), regulation.jurisdiction().code(),
                        regulation.source().map(Object::toString), regulation.effectiveFrom().map(Object::toString),
                        regulation.effectiveTo().map(Object::toString), regulation.confidence().name()),
                invariant.rationale());
    }

    /** @return the owner as messages show it: {@code name <contact>} */
    public String owner() {
        return ownerContact.isEmpty() ? ownerName : ownerName + " <" + ownerContact + ">";
    }

    /**
     * The regulation an invariant enforces.
     *
     * @param id            the regulation id
     * @param title         its title
     * @param citation      its citation
     * @param jurisdiction  the jurisdiction code
     * @param source        where it is published
     * @param effectiveFrom when it took effect, ISO date
     * @param effectiveTo   when it ceased, ISO date
     * @param confidence    how sure its author is of the reading
     */
    public record RegulationInfo(String id, String title, String citation, String jurisdiction, Optional<String> source,
                                 Optional<String> effectiveFrom, Optional<String> effectiveTo, String confidence) {
    }
}
