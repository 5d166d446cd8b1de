package dev.complianceharness.examples.newsletter.compliance;

import dev.complianceharness.event.EventTrace;
import dev.complianceharness.event.RecordingPart;
import dev.complianceharness.examples.newsletter.Email;
import dev.complianceharness.invariant.Confidence;
import dev.complianceharness.invariant.Finding;
import dev.complianceharness.invariant.Invariant;
import dev.complianceharness.invariant.InvariantModule;
import dev.complianceharness.invariant.LiabilityTier;
import dev.complianceharness.invariant.Owner;
import dev.complianceharness.invariant.Regulation;
import dev.complianceharness.invariant.ReviewQuestion;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The CAN-SPAM Act's opt-out rules for commercial e-mail, as a marketing-compliance expert would declare
 * them (15 U.S.C. § 7704(a)(3) and (a)(4)).
 */
public final class CanSpamModule implements InvariantModule {

    /** 15 U.S.C. § 7704: requirements for transmission of commercial e-mail. */
    public static final Regulation CAN_SPAM_OPT_OUT_MECHANISM = Regulation.builder("us-can-spam-7704-a3")
            .title("CAN-SPAM: functioning opt-out mechanism")
            .citation("15 U.S.C. § 7704(a)(3)")
            .jurisdiction("US")
            .source("https://www.law.cornell.edu/uscode/text/15/7704")
            .effectiveFrom(LocalDate.of(2004, 1, 1))
            .confidence(Confidence.HIGH)
            .build();

    /** 15 U.S.C. § 7704(a)(4): no commercial e-mail more than 10 business days after an opt-out request. */
    public static final Regulation CAN_SPAM_OPT_OUT_DEADLINE = Regulation.builder("us-can-spam-7704-a4")
            .title("CAN-SPAM: honour opt-out requests within 10 business days")
            .citation("15 U.S.C. § 7704(a)(4)(A)")
            .jurisdiction("US")
            .source("https://www.law.cornell.edu/uscode/text/15/7704")
            .effectiveFrom(LocalDate.of(2004, 1, 1))
            .confidence(Confidence.HIGH)
            .build();

    private static final Owner MARKETING_COMPLIANCE = Owner.of("marketing-compliance", "marketing-compliance@example.com");
    private static final int BUSINESS_DAYS_TO_HONOUR = 10;

    /** Every commercial e-mail carries an unsubscribe link. */
    public static final Invariant OPT_OUT_LINK = Invariant.builder("can-spam.opt-out-link")
            .description("Every commercial e-mail offers a functioning way to opt out")
            .regulation(CAN_SPAM_OPT_OUT_MECHANISM)
            .owner(MARKETING_COMPLIANCE)
            .tier(LiabilityTier.REGULATORY)
            .rationale("FTC penalties reach $53,088 per e-mail (16 CFR 1.98, 2025 adjustment)")
            .forEachEvent(EmailSent.class, (sent, trace) ->
                    sent.email().kind() == Email.Kind.COMMERCIAL && sent.email().unsubscribeLink().isEmpty()
                            ? Optional.of("the commercial e-mail \"" + sent.email().subject() + "\" has no unsubscribe link")
                            : Optional.empty());

    /** No commercial e-mail after the opt-out deadline. */
    public static final Invariant OPT_OUT_HONOURED = Invariant.builder("can-spam.opt-out-honoured")
            .description("No commercial e-mail reaches a recipient more than 10 business days after they opted out")
            .regulation(CAN_SPAM_OPT_OUT_DEADLINE)
            .owner(MARKETING_COMPLIANCE)
            .tier(LiabilityTier.REGULATORY)
            .rationale("Business days are counted Monday to Friday in UTC, without federal holidays: holidays only"
                    + " move the legal deadline later, so this deadline is never later than the law's")
            .overWholeTrace(CanSpamModule::optOutsHonoured);

    @Override
    public String id() {
        return "examples.can-spam";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public String title() {
        return "CAN-SPAM opt-out rules";
    }

    @Override
    public Optional<LocalDate> rulesReviewedOn() {
        return Optional.of(LocalDate.of(2026, 11, 20));
    }

    @Override
    public List<Invariant> invariants() {
        return List.of(OPT_OUT_LINK, OPT_OUT_HONOURED);
    }

    @Override
    public List<ReviewQuestion> reviewRubric() {
        return List.of(
                ReviewQuestion.of("Does every commercial template carry the unsubscribe footer?", OPT_OUT_LINK.id()),
                ReviewQuestion.of("Does an unsubscribe take effect in every system that sends mail, within 10 business days?",
                        OPT_OUT_HONOURED.id()),
                ReviewQuestion.of("Is the primary purpose of each new message type (commercial or transactional) classified"
                        + " correctly?"),
                ReviewQuestion.of("Does the message show a valid physical postal address of the sender (15 U.S.C."
                        + " § 7704(a)(5)(A)(iii))?"));
    }

    @Override
    public List<RecordingPart<?>> recordingParts() {
        return List.of(RecordingPart.of(EmailOutbox.class, EmailOutbox::new));
    }

    private static List<Finding> optOutsHonoured(EventTrace trace) {
        List<Finding> findings = new ArrayList<>();
        for (OptOutReceived optOut : trace.events(OptOutReceived.class)) {
            Instant deadline = deadline(optOut.instant());
            for (EmailSent sent : trace.events(EmailSent.class)) {
                if (sent.email().kind() == Email.Kind.COMMERCIAL
                        && sent.email().to().equalsIgnoreCase(optOut.recipient())
                        && sent.instant().isAfter(deadline)) {
                    findings.add(Finding.of("commercial e-mail \"" + sent.email().subject() + "\" sent " + sent.instant()
                            + ", after the opt-out deadline " + deadline, optOut, sent));
                }
            }
        }
        return findings;
    }

    /**
     * The end of the 10th business day after the day the request was received, in UTC.
     *
     * @param received when the opt-out request was received
     * @return the last instant a commercial e-mail may still be sent
     */
    public static Instant deadline(Instant received) {
        LocalDate day = received.atZone(ZoneOffset.UTC).toLocalDate();
        int businessDays = 0;
        while (businessDays < BUSINESS_DAYS_TO_HONOUR) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                businessDays++;
            }
        }
        return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1);
    }
}
