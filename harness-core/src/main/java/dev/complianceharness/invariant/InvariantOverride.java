package dev.complianceharness.invariant;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A module's replacement for an invariant another module ships: a company's stricter SMS window for one
 * state, its own refund policy. The reason is required and shown in the report, so that a reviewer can
 * see why the shipped rule does not apply.
 *
 * <pre>{@code
 * public List<InvariantOverride> overrides() {
 *     return List.of(InvariantOverride.replace("can-spam.opt-out-honoured", OPT_OUT_WITHIN_TWO_DAYS,
 *             "Acme policy AP-12: opt-outs are honoured within 2 business days, stricter than the law's 10"));
 * }
 * }</pre>
 *
 * @param replacedInvariantId the id of the shipped invariant this one replaces
 * @param replacement         the invariant that runs instead; it may keep the replaced id or take its own
 * @param reason              why the shipped invariant is replaced; never blank
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record InvariantOverride(String replacedInvariantId, Invariant replacement, String reason) {

    /** Checks that nothing is missing; a blank reason is reported when the module is activated. */
    public InvariantOverride {
        Objects.requireNonNull(replacedInvariantId, "replacedInvariantId");
        Objects.requireNonNull(replacement, "replacement");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * Replaces a shipped invariant.
     *
     * @param replacedInvariantId the id of the shipped invariant
     * @param replacement         the invariant that runs instead
     * @param reason              why; required
     * @return the override
     */
    public static InvariantOverride replace(String replacedInvariantId, Invariant replacement, String reason) {
        return new InvariantOverride(replacedInvariantId, replacement, reason);
    }
}
