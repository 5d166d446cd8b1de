package dev.complianceharness.sms.rules;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.invariant.Confidence;
import dev.complianceharness.invariant.Jurisdiction;
import dev.complianceharness.sms.MessageKind;

import dev.complianceharness.sms.internal.LocationTables;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * The rules a team enforces: one or more {@link RulePack}s, a {@link Strictness}, the jurisdictions its policy
 * covers, whether public holidays count, and the team's own additions and overrides (always enforced).
 *
 * <pre>{@code
 * RuleSet rules = RuleSet.builder()
 *         .pack(RulePack.standard())
 *         .strictness(Strictness.HIGH_CONFIDENCE_ONLY)
 *         .jurisdictions("US", "CA")                         // the policy covers North America only
 *         .publicHolidays(PublicHolidays.NOT_COUNTED)         // for every message kind
 *         .build();
 * }</pre>
 *
 * <p>A country is covered when some enforced rule (after strictness) is written for it or one of its
 * subdivisions and the country, or the subdivision, lies within the jurisdictions the policy covers. A recipient
 * who may be somewhere not covered is never permitted, since nobody has said what applies there:
 * {@link #whyNotCovered(Jurisdiction)} says why.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class RuleSet {

    private static final RuleSet STANDARD = builder().pack(RulePack.standard()).build();

    private final List<RulePack> packs;
    private final Strictness strictness;
    private final List<ContactWindowRule> enforced;
    private final List<FrequencyCapRule> caps;
    private final Map<MessageKind, List<ContactWindowRule>> enforcedByKind;
    private final List<String> teamChanges;
    private final Set<String> coveredCountries;
    private final Set<String> droppedCountries;
    private final List<Jurisdiction> scope;
    private final Map<MessageKind, PublicHolidays> holidays;

    private RuleSet(Builder builder, List<ContactWindowRule> enforced, List<FrequencyCapRule> caps,
                    List<String> teamChanges, Set<String> coveredCountries, Set<String> droppedCountries) {
        this.packs = List.copyOf(builder.packs);
        this.caps = List.copyOf(caps);
        this.strictness = builder.strictness;
        this.enforced = List.copyOf(enforced);
        this.teamChanges = List.copyOf(teamChanges);
        this.coveredCountries = Set.copyOf(coveredCountries);
        this.droppedCountries = Set.copyOf(droppedCountries);
        this.scope = builder.scope == null ? null : List.copyOf(builder.scope);
        Map<MessageKind, PublicHolidays> byKind = new EnumMap<>(MessageKind.class);
        Map<MessageKind, List<ContactWindowRule>> rulesByKind = new EnumMap<>(MessageKind.class);
        for (MessageKind kind : MessageKind.values()) {
            PublicHolidays counted = builder.holidays.getOrDefault(kind, PublicHolidays.COUNTED);
            byKind.put(kind, counted);
            List<ContactWindowRule> rules = new ArrayList<>();
            for (ContactWindowRule rule : enforced) {
                if (rule.covers(kind)) {
                    rules.add(counted == PublicHolidays.COUNTED ? rule : rule.withoutHolidays());
                }
            }
            rulesByKind.put(kind, List.copyOf(rules));
        }
        this.holidays = Collections.unmodifiableMap(byKind);
        this.enforcedByKind = Collections.unmodifiableMap(rulesByKind);
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

    /** @return every rule enforced, after strictness, scope, overrides and additions, as the packs state them */
    public List<ContactWindowRule> rules() {
        return enforced;
    }

    /** @return every frequency cap enforced, after strictness and scope */
    public List<FrequencyCapRule> caps() {
        return caps;
    }

    /**
     * The enforced caps that may claim a recipient in a candidate jurisdiction for a message kind.
     *
     * @param candidate a candidate jurisdiction
     * @param kind      the message kind
     * @return the caps, in order
     */
    public List<FrequencyCapRule> capsFor(Jurisdiction candidate, MessageKind kind) {
        List<FrequencyCapRule> applicable = new ArrayList<>();
        for (FrequencyCapRule cap : caps) {
            if (cap.kinds().contains(kind) && cap.appliesTo(candidate)) {
                applicable.add(cap);
            }
        }
        return applicable;
    }

    /**
     * @return the jurisdictions the policy covers, as given to {@link Builder#jurisdictions(String...)}; empty if
     *         the policy covers every jurisdiction its rules are written for
     */
    public List<Jurisdiction> jurisdictions() {
        return scope == null ? List.of() : scope;
    }

    /**
     * @param kind a message kind
     * @return whether public holidays close the windows for messages of that kind
     */
    public PublicHolidays publicHolidays(MessageKind kind) {
        return holidays.get(kind);
    }

    /**
     * The enforced rules that apply to a candidate jurisdiction for a message kind (on any date; the
     * rules' effective dates are checked per day), without their holiday closures where the policy does not
     * count holidays for that kind.
     *
     * @param candidate a candidate jurisdiction
     * @param kind the message kind
     * @return the rules, in order
     */
    public List<ContactWindowRule> rulesFor(Jurisdiction candidate, MessageKind kind) {
        List<ContactWindowRule> applicable = new ArrayList<>();
        for (ContactWindowRule rule : enforcedByKind.get(kind)) {
            if (rule.appliesTo(candidate)) {
                applicable.add(rule);
            }
        }
        return applicable;
    }

    /**
     * @param candidate a jurisdiction
     * @return whether the policy covers it and some enforced rule is written for its country, so that what
     *         applies there is known
     */
    public boolean covers(Jurisdiction candidate) {
        return whyNotCovered(candidate).isEmpty();
    }

    /**
     * Why a jurisdiction is not covered, if it is not.
     *
     * @param candidate a jurisdiction
     * @return for example {@code "IN is not covered: strictness HIGH_CONFIDENCE_ONLY dropped every rule written for
     *         it"}; empty if covered
     */
    public Optional<String> whyNotCovered(Jurisdiction candidate) {
        if (scope != null && scope.stream().noneMatch(covered -> covered.contains(candidate)
                || (!candidate.isSubdivision() && covered.country().equals(candidate.code())))) {
            return Optional.of(candidate + " is outside the jurisdictions the policy covers " + scope);
        }
        if (coveredCountries.contains(candidate.country())) {
            return Optional.empty();
        }
        if (droppedCountries.contains(candidate.country())) {
            return Optional.of("no enforced rule covers " + candidate.country() + ": strictness " + strictness
                    + " dropped every rule written for it");
        }
        return Optional.of("no rule covers " + candidate.country());
    }

    /** @return the countries covered, sorted */
    public Set<String> coveredCountries() {
        return new TreeSet<>(coveredCountries);
    }

    /**
     * A description for reports and decisions.
     *
     * @return for example {@code "harness-sms-contact-windows 2026.12.1, all rules, team: overrides us-fl-501.616"}
     */
    public String version() {
        StringBuilder text = new StringBuilder();
        for (RulePack pack : packs) {
            text.append(text.length() == 0 ? "" : " + ").append(pack.id()).append(' ').append(pack.version());
        }
        text.append(text.length() == 0 ? "" : ", ").append(strictness == Strictness.ALL_RULES ? "all rules"
                : "high-confidence rules only");
        if (scope != null) {
            text.append(", jurisdictions ").append(scope);
        }
        List<String> notCounted = new ArrayList<>();
        holidays.forEach((kind, counted) -> {
            if (counted == PublicHolidays.NOT_COUNTED) {
                notCounted.add(kind.name().toLowerCase(Locale.ROOT));
            }
        });
        if (!notCounted.isEmpty()) {
            text.append(", holidays not counted for ").append(notCounted.size() == MessageKind.values().length
                    ? "any message" : String.join(", ", notCounted));
        }
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
        private final Map<MessageKind, PublicHolidays> holidays = new EnumMap<>(MessageKind.class);
        private Strictness strictness = Strictness.ALL_RULES;
        private List<Jurisdiction> scope;

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
         * Limits the policy to some jurisdictions: rules written only for others are not enforced, and a recipient
         * who may be elsewhere is not covered (never permitted).
         *
         * @param codes ISO 3166 codes of countries or subdivisions, such as {@code "US"}, {@code "CA"} or
         *              {@code "US-FL"}; every jurisdiction of the packs unless set
         * @return this builder
         * @throws RuleDataException if no code is given or a code is not a country or subdivision a recipient can be
         *         located in
         */
        public Builder jurisdictions(String... codes) {
            if (codes.length == 0) {
                throw new RuleDataException("jurisdictions(...) needs at least one ISO 3166 code, such as \"US\"");
            }
            List<Jurisdiction> parsed = new ArrayList<>();
            for (String code : codes) {
                Jurisdiction jurisdiction;
                try {
                    jurisdiction = Jurisdiction.of(code);
                } catch (IllegalArgumentException e) {
                    throw new RuleDataException("jurisdictions(...): " + e.getMessage(), e);
                }
                if (!LocationTables.isLocatableCountry(jurisdiction.country())) {
                    throw new RuleDataException("jurisdictions(...): " + jurisdiction + " is no country with a"
                            + " telephone numbering plan, so no recipient can be located there; use ISO 3166 codes such"
                            + " as US, CA, FR or US-FL");
                }
                parsed.add(jurisdiction);
            }
            this.scope = parsed;
            return this;
        }

        /**
         * Whether public holidays close the windows, for every message kind.
         *
         * @param counted {@link PublicHolidays#COUNTED} unless set
         * @return this builder
         */
        public Builder publicHolidays(PublicHolidays counted) {
            Objects.requireNonNull(counted, "publicHolidays");
            for (MessageKind kind : MessageKind.values()) {
                holidays.put(kind, counted);
            }
            return this;
        }

        /**
         * Whether public holidays close the windows, for one message kind.
         *
         * @param kind the message kind
         * @param counted {@link PublicHolidays#COUNTED} unless set
         * @return this builder
         */
        public Builder publicHolidays(MessageKind kind, PublicHolidays counted) {
            holidays.put(Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(counted, "publicHolidays"));
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
            for (RulePack pack : packs) {
                for (ContactWindowRule rule : pack.rules()) {
                    String earlier = packOf.putIfAbsent(rule.id(), pack.id());
                    if (earlier != null) {
                        throw new RuleDataException("Rule '" + rule.id() + "' is in both pack '" + earlier + "' and pack '"
                                + pack.id() + "': use override(...) to replace a rule");
                    }
                    byId.put(rule.id(), rule);
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
            Set<String> dropped = new TreeSet<>();
            for (ContactWindowRule rule : byId.values()) {
                if (team.containsKey(rule.id())) {
                    enforced.add(team.remove(rule.id()));
                } else if (strictness == Strictness.ALL_RULES || rule.confidence() == Confidence.HIGH) {
                    enforced.add(rule);
                } else {
                    dropped.add(rule.jurisdiction().country());
                }
            }
            enforced.addAll(team.values());
            if (scope != null) {
                enforced.removeIf(rule -> scope.stream().noneMatch(covered -> covered.contains(rule.jurisdiction())
                        || rule.jurisdiction().contains(covered)));
            }
            List<FrequencyCapRule> caps = new ArrayList<>();
            for (RulePack pack : packs) {
                for (FrequencyCapRule cap : pack.caps()) {
                    boolean inScope = scope == null || scope.stream().anyMatch(covered -> covered.contains(cap.jurisdiction())
                            || cap.jurisdiction().contains(covered));
                    if (inScope && (strictness == Strictness.ALL_RULES || cap.regulation().confidence() == Confidence.HIGH)) {
                        caps.add(cap);
                    }
                }
            }
            Set<String> covered = new TreeSet<>();
            enforced.forEach(rule -> covered.add(rule.jurisdiction().country()));
            dropped.removeAll(covered);
            return new RuleSet(this, enforced, caps, changes, covered, dropped);
        }
    }
}
