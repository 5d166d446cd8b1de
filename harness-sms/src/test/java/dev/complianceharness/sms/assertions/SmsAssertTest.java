package dev.complianceharness.sms.assertions;

import static dev.complianceharness.sms.assertions.SmsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.complianceharness.mask.PiiKind;
import dev.complianceharness.mask.Redaction;
import dev.complianceharness.sms.MessageKind;
import dev.complianceharness.sms.decision.QuietHours;
import dev.complianceharness.sms.outbox.SmsSent;
import dev.complianceharness.sms.rules.RulePack;
import dev.complianceharness.sms.rules.RuleSet;
import dev.complianceharness.sms.rules.Strictness;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SmsAssert")
class SmsAssertTest {

    private static final Instant MONDAY_2030_IN_MIAMI = Instant.parse("2025-06-03T00:30:00Z");
    private static final SmsSent MIAMI_EVENING = new SmsSent(MONDAY_2030_IN_MIAMI, "+13055550147", "Sale", MessageKind.MARKETING);

    @Test
    @DisplayName("fails a text outside Florida's window with the local time, window, rule and citation, number masked")
    void outsideFloridaWindow() {
        assertThatThrownBy(() -> assertThat(MIAMI_EVENING).wasSentWithinPermittedHours())
                .isInstanceOf(AssertionError.class)
                .hasMessage("""

                        Expecting SMS:
                          SmsSent[MARKETING to %s at 2025-06-03T00:30:00Z]
                        to be sent within permitted hours, but it was not:
                          US-FL in America/New_York: local time 2025-06-02T20:30 (Monday), window 08:00-20:00
                            rule us-fl-501.616: MONDAY-SUNDAY 08:00-20:00, Fla. Stat. 501.616(6) [US-FL, high confidence]
                          next permitted: 2025-06-03T12:00:00Z""".formatted(Redaction.token(PiiKind.PHONE, "+13055550147")));
    }

    @Test
    @DisplayName("fails a text to a number no zone is known for, saying it fails closed")
    void unknownNumber() {
        SmsSent unknown = new SmsSent(MONDAY_2030_IN_MIAMI, "+19995550147", "Sale", MessageKind.MARKETING);

        assertThatThrownBy(() -> assertThat(unknown).wasSentWithinPermittedHours())
                .hasMessage("""

                        Expecting SMS:
                          SmsSent[MARKETING to %s at 2025-06-03T00:30:00Z]
                        to be sent within permitted hours, but it was not:
                          the recipient cannot be located: the number %s is not a valid number in any numbering plan (libphonenumber 9.0.23) (fail closed)
                          next permitted: none within about two years""".formatted(Redaction.token(PiiKind.PHONE, "+19995550147"), Redaction.token(PiiKind.PHONE, "+19995550147")));
    }

    @Test
    @DisplayName("passes a text inside every candidate's window, and fails the opposite assertion with the window that admitted it")
    void insideWindow() {
        SmsSent morning = new SmsSent(Instant.parse("2025-06-02T12:00:00Z"), "+13055550147", "Sale", MessageKind.MARKETING);

        assertThatCode(() -> assertThat(morning).isMarketing().wasSentWithinPermittedHours().wasSentTo("+13055550147"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> assertThat(morning).wasSentOutsidePermittedHours())
                .hasMessage("""

                        Expecting SMS:
                          SmsSent[MARKETING to %s at 2025-06-02T12:00:00Z]
                        to be sent outside permitted hours, but every candidate permitted it:
                          US-FL in America/New_York: local time 2025-06-02T08:00 (Monday), window 08:00-20:00
                            rule us-tcpa-64.1200-c-1: MONDAY-SUNDAY 08:00-21:00, 47 CFR 64.1200(c)(1) [US, high confidence]
                            rule us-fl-501.616: MONDAY-SUNDAY 08:00-20:00, Fla. Stat. 501.616(6) [US-FL, high confidence]""".formatted(Redaction.token(PiiKind.PHONE, "+13055550147")));
    }

    @Test
    @DisplayName("judges with the team's rules when given them")
    void usingTeamRules() {
        SmsSent texasSunday = new SmsSent(Instant.parse("2025-06-08T15:00:00Z"), "+12145550147", "Sale", MessageKind.MARKETING);
        QuietHours highConfidenceOnly = QuietHours.of(RuleSet.builder().pack(RulePack.standard())
                .strictness(Strictness.HIGH_CONFIDENCE_ONLY).build());

        assertThat(texasSunday).wasSentOutsidePermittedHours();
        assertThat(texasSunday).usingRules(highConfidenceOnly).wasSentWithinPermittedHours();
    }

    @Test
    @DisplayName("fails on the wrong kind or recipient, masking both numbers")
    void kindAndRecipient() {
        assertThatThrownBy(() -> assertThat(MIAMI_EVENING).isTransactional())
                .hasMessage("""

                        Expecting SMS:
                          SmsSent[MARKETING to %s at 2025-06-03T00:30:00Z]
                        to be TRANSACTIONAL, but it was MARKETING""".formatted(Redaction.token(PiiKind.PHONE, "+13055550147")));
        assertThatThrownBy(() -> assertThat(MIAMI_EVENING).wasSentTo("+13055550199"))
                .hasMessage("""

                        Expecting SMS:
                          SmsSent[MARKETING to %s at 2025-06-03T00:30:00Z]
                        to be sent to:
                          %s
                        but it was not""".formatted(Redaction.token(PiiKind.PHONE, "+13055550147"), Redaction.token(PiiKind.PHONE, "+13055550199")));
    }
}
