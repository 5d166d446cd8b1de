package dev.complianceharness.sms.properties;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.sms.MessageKind;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * A sender that sends at once or not at all: the check a team puts in front of its SMS gateway. The suite turns
 * it into a {@link SmsScheduler} that sends at the trigger instant when the gate opens.
 */
@FunctionalInterface
@API(status = EXPERIMENTAL, since = "0.1.0")
public interface SendGate {

    /**
     * @param phoneNumber the recipient
     * @param kind        the kind of message
     * @param now         the instant of the send
     * @return whether the team's code sends the message now
     */
    boolean sendsNow(String phoneNumber, MessageKind kind, Instant now);
}
