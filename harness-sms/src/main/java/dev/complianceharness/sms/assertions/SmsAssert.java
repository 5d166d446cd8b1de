package dev.complianceharness.sms.assertions;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.sms.internal.DayNames;
import dev.complianceharness.sms.MessageKind;
import dev.complianceharness.sms.decision.CandidateDecision;
import dev.complianceharness.sms.decision.Decision;
import dev.complianceharness.sms.decision.QuietHours;
import dev.complianceharness.sms.invariants.internal.WindowText;
import dev.complianceharness.sms.outbox.SmsSent;
import dev.complianceharness.sms.recipient.Recipient;
import dev.complianceharness.sms.rules.ContactWindowRule;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a recorded text; start with {@link SmsAssertions#assertThat(SmsSent)}. Decisions use the shipped
 * rules unless {@link #usingRules(QuietHours)} names the team's. Messages mask the number and show, for each
 * candidate that blocked the text, the jurisdiction and zone, the local time, the window and the rule with its
 * citation.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class SmsAssert extends AbstractAssert<SmsAssert, SmsSent> {

    private QuietHours quietHours = QuietHours.standard();

    SmsAssert(SmsSent actual) {
        super(actual, SmsAssert.class);
    }

    /**
     * Judges the text with other rules: a team's rule set, strictness or resolver.
     *
     * @param rules the decisions to use
     * @return this assertion
     */
    public SmsAssert usingRules(QuietHours rules) {
        this.quietHours = Objects.requireNonNull(rules, "rules");
        return this;
    }

    /**
     * Verifies that every candidate jurisdiction and zone of the recipient permitted the text when it was sent.
     *
     * @return this assertion
     */
    public SmsAssert wasSentWithinPermittedHours() {
        isNotNull();
        Decision decision = decide();
        if (!decision.permitted()) {
            failWithMessage("%nExpecting SMS:%n  %s%nto be sent within permitted hours, but it was not:%n%s",
                    actual.describeMasked(), describeBlocking(decision));
        }
        return this;
    }

    /**
     * Verifies that some candidate jurisdiction or zone forbade the text when it was sent: for tests of what a
     * scheduler must not do.
     *
     * @return this assertion
     */
    public SmsAssert wasSentOutsidePermittedHours() {
        isNotNull();
        Decision decision = decide();
        if (decision.permitted()) {
            failWithMessage("%nExpecting SMS:%n  %s%nto be sent outside permitted hours, but every candidate permitted it:%n%s",
                    actual.describeMasked(), describeCandidates(decision.candidates()));
        }
        return this;
    }

    /**
     * Verifies the text's kind.
     *
     * @param expected the kind
     * @return this assertion
     */
    public SmsAssert isOfKind(MessageKind expected) {
        isNotNull();
        if (actual.kind() != expected) {
            failWithMessage("%nExpecting SMS:%n  %s%nto be %s, but it was %s", actual.describeMasked(), expected, actual.kind());
        }
        return this;
    }

    /** @return this assertion, after verifying the text is marketing */
    public SmsAssert isMarketing() {
        return isOfKind(MessageKind.MARKETING);
    }

    /** @return this assertion, after verifying the text is transactional */
    public SmsAssert isTransactional() {
        return isOfKind(MessageKind.TRANSACTIONAL);
    }

    /**
     * Verifies the recipient; the message masks both numbers.
     *
     * @param number the expected number
     * @return this assertion
     */
    public SmsAssert wasSentTo(String number) {
        isNotNull();
        if (!actual.to().equals(number)) {
            failWithMessage("%nExpecting SMS:%n  %s%nto be sent to:%n  %s%nbut it was not", actual.describeMasked(),
                    Recipient.maskedNumber(number));
        }
        return this;
    }

    private Decision decide() {
        return quietHours.decide(actual.recipient(), actual.instant(), actual.kind());
    }

    private static String describeBlocking(Decision decision) {
        StringBuilder text = new StringBuilder();
        if (decision.failure().isPresent()) {
            text.append("  ").append(decision.failure().get()).append(" (fail closed)");
        } else {
            List<CandidateDecision> blocking = decision.blockingCandidates();
            text.append(describeCandidates(blocking.isEmpty() ? decision.candidates() : blocking));
        }
        text.append(decision.nextPermitted().map(next -> "\n  next permitted: " + next).orElse(
                "\n  next permitted: none within about two years"));
        return text.toString();
    }

    private static String describeCandidates(List<CandidateDecision> candidates) {
        StringBuilder text = new StringBuilder();
        for (CandidateDecision candidate : candidates) {
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append("  ").append(candidate.location().jurisdiction()).append(" in ")
                    .append(candidate.location().zone().getId()).append(": local time ")
                    .append(candidate.localTime().withNano(0)).append(" (")
                    .append(DayNames.english(candidate.localTime().getDayOfWeek()))
                    .append("), window ").append(WindowText.of(candidate.windows(), "none (closed that day)"));
            List<ContactWindowRule> rules = candidate.permitted() ? candidate.rules() : candidate.blockingRules();
            for (ContactWindowRule rule : rules) {
                text.append("\n    rule ").append(rule.id()).append(": ").append(rule.describeWindows())
                        .append(", ").append(rule.regulation().describe());
            }
        }
        return text.toString();
    }
}
