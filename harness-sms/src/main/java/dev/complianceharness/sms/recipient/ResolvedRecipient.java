package dev.complianceharness.sms.recipient;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.invariant.Jurisdiction;

import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A recipient resolved to every candidate location, or the reason it could not be located (then every
 * decision about it is "not permitted").
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class ResolvedRecipient {

    private final Recipient recipient;
    private final String regionCode;
    private final List<CandidateLocation> candidates;
    private final String failure;

    private ResolvedRecipient(Recipient recipient, String regionCode, List<CandidateLocation> candidates,
                              String failure) {
        this.recipient = recipient;
        this.regionCode = regionCode;
        this.candidates = candidates;
        this.failure = failure;
    }

    static ResolvedRecipient located(Recipient recipient, String regionCode, List<CandidateLocation> candidates) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("a located recipient needs at least one candidate");
        }
        return new ResolvedRecipient(recipient, regionCode, List.copyOf(candidates), null);
    }

    static ResolvedRecipient unlocatable(Recipient recipient, String regionCode, String failure) {
        return new ResolvedRecipient(recipient, regionCode, List.of(), Objects.requireNonNull(failure));
    }

    /** @return the recipient as given */
    public Recipient recipient() {
        return recipient;
    }

    /** @return the number's region (CLDR region code, for example {@code "US"}), if the number was valid */
    public Optional<String> regionCode() {
        return Optional.ofNullable(regionCode);
    }

    /** @return whether the recipient has at least one candidate location and nothing made it unknown */
    public boolean isLocated() {
        return failure == null;
    }

    /** @return why the recipient cannot be located, with the number masked; empty if located */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /** @return every candidate location; empty if not located */
    public List<CandidateLocation> candidates() {
        return candidates;
    }

    /** @return the distinct candidate jurisdictions, in order of first appearance */
    public Set<Jurisdiction> jurisdictions() {
        Set<Jurisdiction> jurisdictions = new LinkedHashSet<>();
        candidates.forEach(candidate -> jurisdictions.add(candidate.jurisdiction()));
        return jurisdictions;
    }

    /** @return the distinct candidate zones, in order of first appearance */
    public Set<ZoneId> zones() {
        Set<ZoneId> zones = new LinkedHashSet<>();
        candidates.forEach(candidate -> zones.add(candidate.zone()));
        return zones;
    }

    @Override
    public String toString() {
        return isLocated() ? "ResolvedRecipient[" + recipient.maskedNumber() + " -> " + candidates.size()
                + " candidates: " + jurisdictions() + " x " + zones() + "]"
                : "ResolvedRecipient[" + recipient.maskedNumber() + " not located: " + failure + "]";
    }
}
