package dev.complianceharness.sms.invariants;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.invariant.PolicyChoice;
import dev.complianceharness.sms.MessageKind;
import dev.complianceharness.sms.decision.QuietHours;
import dev.complianceharness.sms.recipient.CountryWideZones;
import dev.complianceharness.sms.recipient.RecipientResolver;
import dev.complianceharness.sms.rules.ContactWindowRule;
import dev.complianceharness.sms.rules.PublicHolidays;
import dev.complianceharness.sms.rules.RulePack;
import dev.complianceharness.sms.rules.RuleSet;
import dev.complianceharness.sms.rules.Strictness;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * The scope a team's SMS policy covers, chosen one call per question with the reason and its source, and shown in
 * the compliance report ({@link SmsContactRulesModule#policies()}): the jurisdictions it covers, whether public
 * holidays count (for every message kind or one), the strictness, where frequency caps are owned, how numbers
 * without a country code are read, and the team's own rules.
 *
 * <pre>{@code
 * public final class AcmeSmsRules extends SmsContactRulesModule {
 *     public AcmeSmsRules() {
 *         super(SmsPolicy.shipped()
 *                 .jurisdictions(List.of("US", "CA"), "Acme markets in North America only",
 *                         "https://wiki.acme.example/sms-scope")
 *                 .publicHolidays(PublicHolidays.NOT_COUNTED, "counsel reads the holiday bans as voice-only",
 *                         "memo LEGAL-212")
 *                 .frequencyCapOwner(CapOwner.SENDER, "the campaign outbox counts every text", "ADR-31"));
 *     }
 * }
 * }</pre>
 *
 * <p>A policy is a value: each call returns a new one. Unchosen questions keep the shipped answer, which the report
 * shows as the shipped default.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class SmsPolicy {

    private static final String SHIPPED = "shipped default";

    private final List<RulePack> packs;
    private final List<String> jurisdictions;
    private final Map<MessageKind, PublicHolidays> holidays;
    private final Strictness strictness;
    private final CapOwner capOwner;
    private final String defaultRegion;
    private final CountryWideZones countryWideZones;
    private final List<ContactWindowRule> overrides;
    private final List<ContactWindowRule> additions;
    private final Map<String, PolicyChoice> choices;

    private SmsPolicy(List<RulePack> packs, List<String> jurisdictions, Map<MessageKind, PublicHolidays> holidays,
                      Strictness strictness, CapOwner capOwner, String defaultRegion, CountryWideZones countryWideZones,
                      List<ContactWindowRule> overrides, List<ContactWindowRule> additions,
                      Map<String, PolicyChoice> choices) {
        this.packs = List.copyOf(packs);
        this.jurisdictions = jurisdictions == null ? null : List.copyOf(jurisdictions);
        this.holidays = new EnumMap<>(MessageKind.class);
        this.holidays.putAll(holidays);
        this.strictness = strictness;
        this.capOwner = capOwner;
        this.defaultRegion = defaultRegion;
        this.countryWideZones = countryWideZones;
        this.overrides = List.copyOf(overrides);
        this.additions = List.copyOf(additions);
        this.choices = new LinkedHashMap<>(choices);
    }

    /**
     * The shipped policy: every rule of the shipped pack in every jurisdiction it covers, public holidays counted,
     * every confidence enforced, caps owned by the scheduler, numbers without a country code read as US numbers,
     * country-wide zone lists failing closed.
     *
     * @return the policy
     */
    public static SmsPolicy shipped() {
        Map<String, PolicyChoice> choices = new LinkedHashMap<>();
        choices.put(JURISDICTIONS, PolicyChoice.of(JURISDICTIONS, "every jurisdiction of the rule packs", SHIPPED, ""));
        choices.put(HOLIDAYS, PolicyChoice.of(HOLIDAYS, "counted for every message kind", SHIPPED
                + ": the rules close on the holidays their texts name", ""));
        choices.put(STRICTNESS, PolicyChoice.of(STRICTNESS, Strictness.ALL_RULES.name(), SHIPPED
                + ": every rule, including medium-confidence and uncertain ones, the strictest choice", ""));
        choices.put(CAPS, PolicyChoice.of(CAPS, "owned by the scheduler", SHIPPED
                + ": the generated scheduler suite checks the caps", ""));
        choices.put(REGION, PolicyChoice.of(REGION, "US", SHIPPED + ": numbers written without a country code (an"
                + " opt-out from 3055550147) are read as US numbers", ""));
        choices.put(COUNTRY_WIDE, PolicyChoice.of(COUNTRY_WIDE, CountryWideZones.FAIL_CLOSED.name(), SHIPPED
                + ": a number known only by its country's whole zone list is never permitted", ""));
        return new SmsPolicy(List.of(RulePack.standard()), null, Map.of(), Strictness.ALL_RULES, CapOwner.SCHEDULER,
                "US", CountryWideZones.FAIL_CLOSED, List.of(), List.of(), choices);
    }

    static final String JURISDICTIONS = "SMS jurisdictions covered";
    static final String HOLIDAYS = "SMS public holidays";
    static final String STRICTNESS = "SMS rule strictness";
    static final String CAPS = "SMS frequency caps owned by";
    static final String REGION = "SMS default region for numbers";
    static final String COUNTRY_WIDE = "SMS country-wide zone lists";

    /**
     * Limits the policy to some jurisdictions: rules written only for others are not enforced, and a recipient who
     * may be elsewhere is never permitted; the generated suite checks only these jurisdictions.
     *
     * @param codes  ISO 3166 codes, such as {@code List.of("US", "CA")}
     * @param reason why, for a reviewer
     * @param source where the policy is written down; empty if nowhere
     * @return the new policy
     */
    public SmsPolicy jurisdictions(List<String> codes, String reason, String source) {
        Objects.requireNonNull(codes, "codes");
        RuleSet.builder().jurisdictions(codes.toArray(String[]::new));
        return copy(b -> b.jurisdictions = List.copyOf(codes), PolicyChoice.of(JURISDICTIONS, String.join(", ", codes),
                reason, source));
    }

    /**
     * Whether public holidays close the windows, for every message kind.
     *
     * @param counted {@link PublicHolidays#NOT_COUNTED} to treat holidays as ordinary days
     * @param reason  why, for a reviewer
     * @param source  where the policy is written down; empty if nowhere
     * @return the new policy
     */
    public SmsPolicy publicHolidays(PublicHolidays counted, String reason, String source) {
        Objects.requireNonNull(counted, "counted");
        return copy(b -> {
            for (MessageKind kind : MessageKind.values()) {
                b.holidays.put(kind, counted);
            }
        }, PolicyChoice.of(HOLIDAYS, (counted == PublicHolidays.COUNTED ? "counted" : "not counted")
                + " for every message kind", reason, source));
    }

    /**
     * Whether public holidays close the windows, for one message kind.
     *
     * @param kind    the message kind
     * @param counted whether they do
     * @param reason  why, for a reviewer
     * @param source  where the policy is written down; empty if nowhere
     * @return the new policy
     */
    public SmsPolicy publicHolidays(MessageKind kind, PublicHolidays counted, String reason, String source) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(counted, "counted");
        String name = HOLIDAYS + " (" + kind.name().toLowerCase(Locale.ROOT) + ")";
        return copy(b -> b.holidays.put(kind, counted), PolicyChoice.of(name, counted == PublicHolidays.COUNTED
                ? "counted" : "not counted", reason, source));
    }

    /**
     * Which shipped rules are enforced.
     *
     * @param chosen the strictness
     * @param reason why, for a reviewer
     * @param source where the policy is written down; empty if nowhere
     * @return the new policy
     */
    public SmsPolicy strictness(Strictness chosen, String reason, String source) {
        Objects.requireNonNull(chosen, "strictness");
        return copy(b -> b.strictness = chosen, PolicyChoice.of(STRICTNESS, chosen.name(), reason, source));
    }

    /**
     * Where the frequency caps are enforced: by the scheduler, or by the campaign or outbox that sends.
     *
     * @param owner  the owner
     * @param reason why, for a reviewer
     * @param source where the design is written down; empty if nowhere
     * @return the new policy
     */
    public SmsPolicy frequencyCapOwner(CapOwner owner, String reason, String source) {
        Objects.requireNonNull(owner, "owner");
        return copy(b -> b.capOwner = owner, PolicyChoice.of(CAPS, owner == CapOwner.SCHEDULER ? "the scheduler"
                : "the campaign or outbox that sends", reason, source));
    }

    /**
     * How numbers written without a country code are read when texts and opt-outs are compared.
     *
     * @param region an ISO 3166-1 region libphonenumber knows, such as {@code "US"} or {@code "CA"}
     * @param reason why, for a reviewer
     * @param source where the policy is written down; empty if nowhere
     * @return the new policy
     * @throws IllegalArgumentException if libphonenumber knows no such region
     */
    public SmsPolicy defaultRegion(String region, String reason, String source) {
        String upper = Objects.requireNonNull(region, "region").strip().toUpperCase(Locale.ROOT);
        if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(upper)) {
            throw new IllegalArgumentException("defaultRegion(\"" + region + "\"): libphonenumber knows no such region;"
                    + " use an ISO 3166-1 code such as US or CA");
        }
        return copy(b -> b.defaultRegion = upper, PolicyChoice.of(REGION, upper, reason, source));
    }

    /**
     * What to do with a number libphonenumber knows only by its country's whole zone list.
     *
     * @param policy the choice
     * @param reason why, for a reviewer
     * @param source where the policy is written down; empty if nowhere
     * @return the new policy
     */
    public SmsPolicy countryWideZones(CountryWideZones policy, String reason, String source) {
        Objects.requireNonNull(policy, "policy");
        return copy(b -> b.countryWideZones = policy, PolicyChoice.of(COUNTRY_WIDE, policy.name(), reason, source));
    }

    /**
     * Replaces a shipped rule by the team's (same id); always enforced.
     *
     * @param rule   the team's rule
     * @param reason why, for a reviewer
     * @return the new policy
     */
    public SmsPolicy override(ContactWindowRule rule, String reason) {
        Objects.requireNonNull(rule, "rule");
        return copy(b -> b.overrides.add(rule), PolicyChoice.of("SMS rule " + rule.id(), "overridden: "
                + rule.describeWindows(), reason, rule.regulation().source().map(Object::toString).orElse("")));
    }

    /**
     * Adds a team rule with a new id; always enforced.
     *
     * @param rule   the team's rule
     * @param reason why, for a reviewer
     * @return the new policy
     */
    public SmsPolicy add(ContactWindowRule rule, String reason) {
        Objects.requireNonNull(rule, "rule");
        return copy(b -> b.additions.add(rule), PolicyChoice.of("SMS rule " + rule.id(), "added: "
                + rule.describeWindows(), reason, rule.regulation().source().map(Object::toString).orElse("")));
    }

    /** @return the choices, for the report: every question, with the shipped default where none was made */
    public List<PolicyChoice> choices() {
        return List.copyOf(choices.values());
    }

    /** @return where the frequency caps are owned */
    public CapOwner capOwner() {
        return capOwner;
    }

    /** @return the region numbers without a country code are read in */
    public String defaultRegion() {
        return defaultRegion;
    }

    /**
     * @return the jurisdictions the policy covers, as given; empty if it covers every jurisdiction of its packs
     */
    public List<String> jurisdictions() {
        return jurisdictions == null ? List.of() : jurisdictions;
    }

    /**
     * The rules this policy enforces.
     *
     * @return the rule set
     * @throws dev.complianceharness.sms.rules.RuleDataException if the team's rules do not fit the packs
     */
    public RuleSet ruleSet() {
        RuleSet.Builder builder = RuleSet.builder().strictness(strictness);
        packs.forEach(builder::pack);
        if (jurisdictions != null) {
            builder.jurisdictions(jurisdictions.toArray(String[]::new));
        }
        holidays.forEach(builder::publicHolidays);
        overrides.forEach(builder::override);
        additions.forEach(builder::add);
        return builder.build();
    }

    /** @return decisions under this policy's rules, with its resolver */
    public QuietHours quietHours() {
        RecipientResolver resolver = countryWideZones == CountryWideZones.FAIL_CLOSED ? RecipientResolver.standard()
                : RecipientResolver.withCountryWideZones(countryWideZones);
        return QuietHours.of(ruleSet(), resolver);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("SmsPolicy[");
        choices.values().forEach(choice -> text.append(text.length() == 10 ? "" : "; ").append(choice.policy())
                .append(": ").append(choice.choice()));
        return text.append(']').toString();
    }

    private SmsPolicy copy(Consumer<Draft> change, PolicyChoice choice) {
        Draft draft = new Draft(this);
        change.accept(draft);
        Map<String, PolicyChoice> newChoices = new LinkedHashMap<>(choices);
        newChoices.put(choice.policy(), choice);
        return new SmsPolicy(draft.packs, draft.jurisdictions, draft.holidays, draft.strictness, draft.capOwner,
                draft.defaultRegion, draft.countryWideZones, draft.overrides, draft.additions, newChoices);
    }

    /** The mutable fields of a policy being changed. */
    private static final class Draft {
        final List<RulePack> packs;
        List<String> jurisdictions;
        final Map<MessageKind, PublicHolidays> holidays;
        Strictness strictness;
        CapOwner capOwner;
        String defaultRegion;
        CountryWideZones countryWideZones;
        final List<ContactWindowRule> overrides;
        final List<ContactWindowRule> additions;

        Draft(SmsPolicy policy) {
            this.packs = new ArrayList<>(policy.packs);
            this.jurisdictions = policy.jurisdictions;
            this.holidays = new EnumMap<>(MessageKind.class);
            this.holidays.putAll(policy.holidays);
            this.strictness = policy.strictness;
            this.capOwner = policy.capOwner;
            this.defaultRegion = policy.defaultRegion;
            this.countryWideZones = policy.countryWideZones;
            this.overrides = new ArrayList<>(policy.overrides);
            this.additions = new ArrayList<>(policy.additions);
        }
    }
}
