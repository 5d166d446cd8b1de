package com.acme.compliance.sms;

import dev.complianceharness.invariant.Confidence;
import dev.complianceharness.invariant.Invariant;
import dev.complianceharness.invariant.InvariantModule;
import dev.complianceharness.invariant.InvariantOverride;
import dev.complianceharness.invariant.Regulation;
import dev.complianceharness.invariant.ReviewQuestion;
import dev.complianceharness.sms.MessageKind;
import dev.complianceharness.sms.invariants.SmsContactRulesModule;
import dev.complianceharness.sms.rules.ContactWindowRule;
import dev.complianceharness.sms.rules.RulePack;
import dev.complianceharness.sms.rules.RuleSet;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Acme's SMS policy SMS-1: marketing texts to Florida numbers only between 09:00 and 19:00 local time,
 * an hour inside each end of the 08:00–20:00 that Fla. Stat. 501.616(6) allows. It overrides the one
 * shipped invariant it tightens and leaves every other rule of harness-sms as shipped; teams switch it on
 * next to the shipped module:
 *
 * <pre>{@code
 * @ComplianceTest(modules = {SmsContactRulesModule.class, AcmeSmsPolicyModule.class})
 * }</pre>
 */
public final class AcmeSmsPolicyModule implements InvariantModule {

    /** The shipped rule that SMS-1 tightens. */
    static final String FLORIDA_RULE = "us-fl-501.616";

    /** Acme's stricter Florida window: same rule id, so it replaces the shipped rule in the rule set. */
    static final ContactWindowRule FLORIDA_09_TO_19 = ContactWindowRule.builder(Regulation.builder(FLORIDA_RULE)
                    .title("Acme SMS policy SMS-1 § 3: Florida marketing texts 09:00-19:00")
                    .citation("Fla. Stat. 501.616(6), tightened by Acme SMS Policy SMS-1 § 3")
                    .jurisdiction("US-FL")
                    .source("https://policies.acme.example/sms-1#section-3")
                    .effectiveFrom(LocalDate.of(2025, 1, 1))
                    .confidence(Confidence.HIGH)
                    .build())
            .kinds(MessageKind.MARKETING)
            .window(DayOfWeek.MONDAY, DayOfWeek.SUNDAY, "09:00-19:00")
            .build();

    private static final SmsContactRulesModule WITH_ACME_FLORIDA = new SmsContactRulesModule(
            RuleSet.builder().pack(RulePack.standard()).override(FLORIDA_09_TO_19).build()) { };

    /** The shipped Florida quiet-hours invariant, decided under SMS-1's window instead of the statute's. */
    public static final Invariant FLORIDA_QUIET_HOURS = WITH_ACME_FLORIDA.quietHoursInvariant(FLORIDA_RULE);

    @Override
    public String id() {
        return "acme.sms-policy";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public String title() {
        return "Acme SMS policy SMS-1";
    }

    @Override
    public Optional<LocalDate> rulesReviewedOn() {
        return Optional.of(LocalDate.of(2026, 11, 2));
    }

    @Override
    public List<Invariant> invariants() {
        return List.of();
    }

    @Override
    public List<InvariantOverride> overrides() {
        return List.of(InvariantOverride.replace(FLORIDA_QUIET_HOURS.id(), FLORIDA_QUIET_HOURS,
                "Acme SMS-1 § 3: Florida marketing texts only 09:00-19:00, an hour inside each end of the statute's"
                        + " 08:00-20:00, because Acme's send queue can lag by up to 45 minutes"));
    }

    @Override
    public List<ReviewQuestion> reviewRubric() {
        return List.of(ReviewQuestion.of("Does every marketing send path ask the scheduler for the earliest permitted"
                + " time instead of sending at once?", FLORIDA_QUIET_HOURS.id()));
    }
}
