package dev.complianceharness.sms.rules;

import dev.complianceharness.invariant.Confidence;
import dev.complianceharness.invariant.Jurisdiction;
import dev.complianceharness.sms.MessageKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules a team enforces: one or more {@link RulePack}s, a {@link Strictness}, and the team's own
 * additions and overrides (always enforced).
 *
 * <pre>{@code
 * RuleSet rules = RuleSet.builder()
 *         .pack(RulePack.standard())
 *         .strictness(Strictness.HIGH_CONFIDENCE_ONLY)
 *         .override(stricterFloridaRule)     // same id as the shipped rule
 *         .add(louisianaEmergencyBan)        // a new id
 *         .build();
 * }</pre>
 *
 * <p>A country is covered when some rule (of any confidence, before strictness is applied) is written
 * for it or one of its subdivisions; a recipient in a country no rule covers is never permitted, since
 * nobody has said what applies there.
 */
public final class RuleSet {

    private static final RuleSet STANDARD = builder().pack(RulePack.standard()).build();

    private final List<RulePack> packs;
    private final Strictness strictness;
    private final List<ContactWindowRule> enforced;
    private final List<String> teamChanges;
    private final Set<String> coveredCountries;

    private RuleSet(List<RulePack> packs, Strictness strictness, List<ContactWindowRule> enforced,
                    List<String> teamChanges, Set<String> coveredCountries) {
        this.packs = List.copyOf(packs);
        this.strictness = strictness;
        this.enforced = List.copyOf(enforced);
        this.teamChanges = List.copyOf(teamChanges);
        this.coveredCountries = Set.copyOf(coveredCountries);
    }

    /** @return the shipped pack, every rule enforced */
    public static RuleSet standard() {
        return STANDARD;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the strictness chosen */
    public Strictness strictness() {
        return strictness;
    }

    /** @return the packs, in the order given */
    public List<RulePack> packs() {
        return packs;
    }

    /** @return every rule enforced, after strictness, overrides and additions */
    public List<ContactWindowRule> rules() {
        return enforced;
    }

    /**
     * The enforced rules that apply to a candidate jurisdiction for a message kind (on any date; the
     * rules' effective dates are checked per day).
     *
     * @param candidate a candidate jurisdiction
     * @param kind the message kind
     * @return the rules, in order
     */
    public List<ContactWindowRule> rulesFor(Jurisdiction candidate, MessageKind kind) {
        List<ContactWindowRule> applicable = new ArrayList<>();
        for (ContactWindowRule rule : enforced) {
            if (rule.covers(kind) && rule.appliesTo(candidate)) {
                applicable.add(rule);
            }
        }
        return applicable;
    }

    /**
     * @param candidate a jurisdiction
     * @return whether any rule is written for its country, so that what applies there is known
     */
    public boolean covers(Jurisdiction candidate) {
        return coveredCountries.contains(candidate.country());
    }

    /** @return the countries covered, sorted */
    public Set<String> coveredCountries() {
        return new TreeSet<>(coveredCountries);
    }

    /**
     * A description for reports and decisions.
     *
     * @return for example {@code "harness-sms-contact-windows 2026.11.1, all rules, team: overrides us-fl-501.616"}
     */
    public String version() {
        StringBuilder text = new StringBuilder();
        for (RulePack pack : packs) {
            text.append(text.length() == 0 ? "" : " + ").append(pack.id()).append(' ').append(pack.version());
        }
        text.append(text.length() == 0 ? "" : ", ").append(strictness == Strictness.ALL_RULES ? "all rules"
                : "high-confidence rules only");
        if (!teamChanges.isEmpty()) {
            text.append(", team: ").append(String.join(", ", teamChanges));
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return "RuleSet[" + version() + "]";
    }

    /** Builds a {@link RuleSet}. */
    public static final class Builder {
        private final List<RulePack> packs = new ArrayList<>();
        private final List<ContactWindowRule> additions = new ArrayList<>();
        private final List<ContactWindowRule> overrides = new ArrayList<>();
        private Strictness strictness = Strictness.ALL_RULES;

        private Builder() {
        }

        /**
         * @param pack a pack whose rules to enforce; rule ids must be unique across packs
         * @return this builder
         */
        public Builder pack(RulePack pack) {
            packs.add(Objects.requireNonNull(pack, "pack"));
            return this;
        }

        /**
         * @param strictness which pack rules to enforce; {@link Strictness#ALL_RULES} unless set
         * @return this builder
         */
        public Builder strictness(Strictness strictness) {
            this.strictness = Objects.requireNonNull(strictness, "strictness");
            return this;
        }

        /**
         * Adds a team rule with a new id; always enforced.
         *
         * @param rule the rule
         * @return this builder
         */
        public Builder add(ContactWindowRule rule) {
            additions.add(Objects.requireNonNull(rule, "rule"));
            return this;
        }

        /**
         * Replaces a pack rule by a team rule with the same id; always enforced.
         *
         * @param rule the rule
         * @return this builder
         */
        public Builder override(ContactWindowRule rule) {
            overrides.add(Objects.requireNonNull(rule, "rule"));
            return this;
        }

        /**
         * Builds the rule set.
         *
         * @return the rule set
         * @throws RuleDataException if two packs share a rule id, an override names no pack rule, or an
         *         addition reuses an id
         */
        public RuleSet build() {
            Map<String, ContactWindowRule> byId = new LinkedHashMap<>();
            Map<String, String> packOf = new LinkedHashMap<>();
            Set<String> covered = new TreeSet<>();
            for (RulePack pack : packs) {
                for (ContactWindowRule rule : pack.rules()) {
                    String earlier = packOf.putIfAbsent(rule.id(), pack.id());
                    if (earlier != null) {
                        throw new RuleDataException("Rule '" + rule.id() + "' is in both pack '" + earlier + "' and pack '"
                                + pack.id() + "': use override(...) to replace a rule");
                    }
                    byId.put(rule.id(), rule);
                    covered.add(rule.jurisdiction().country());
                }
            }
            Map<String, ContactWindowRule> team = new LinkedHashMap<>();
            List<String> changes = new ArrayList<>();
            for (ContactWindowRule rule : overrides) {
                if (!byId.containsKey(rule.id())) {
                    throw new RuleDataException("override(...) names rule '" + rule.id() + "', which no pack has: use"
                            + " add(...) for a new rule, or check the id against " + byId.keySet());
                }
                if (team.put(rule.id(), rule) != null) {
                    throw new RuleDataException("Rule '" + rule.id() + "' is overridden twice: keep one override");
                }
                changes.add("overrides " + rule.id());
            }
            for (ContactWindowRule rule : additions) {
                if (byId.containsKey(rule.id()) || team.containsKey(rule.id())) {
                    throw new RuleDataException("add(...) reuses rule id '" + rule.id() + "': use override(...) to"
                            + " replace a pack rule, or give the new rule its own id");
                }
                team.put(rule.id(), rule);
                changes.add("adds " + rule.id());
            }
            List<ContactWindowRule> enforced = new ArrayList<>();
            for (ContactWindowRule rule : byId.values()) {
                if (team.containsKey(rule.id())) {
                    enforced.add(team.remove(rule.id()));
                } else if (strictness == Strictness.ALL_RULES || rule.confidence() == Confidence.HIGH) {
                    enforced.add(rule);
                }
            }
            enforced.addAll(team.values());
            enforced.forEach(rule -> covered.add(rule.jurisdiction().country()));
            return new RuleSet(packs, strictness, enforced, changes, covered);
        }
    }
}
