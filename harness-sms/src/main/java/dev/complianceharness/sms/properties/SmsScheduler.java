package dev.complianceharness.sms.properties;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.sms.MessageKind;
import java.time.Instant;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The team's scheduler as the property suite drives it: told that a message was triggered, it says when it will
 * send it. Adapt the real scheduler with a lambda; the suite creates a fresh one for every generated scenario and
 * drives it with the scenario's whole sequence, so state it keeps between calls (caches, counters, windows computed
 * once) is exercised, and every shrink candidate starts from an empty one.
 *
 * <pre>{@code
 * SmsPropertySuite.forScheduler(() -> {
 *     TestClock clock = TestClock.atDefaultStart();
 *     CampaignScheduler scheduler = new CampaignScheduler(message -> { }, clock);
 *     return (number, kind, triggeredAt) -> {
 *         clock.setInstant(triggeredAt);
 *         return scheduler.trigger(number, "Your cart misses you");
 *     };
 * });
 * }</pre>
 */
@FunctionalInterface
@API(status = EXPERIMENTAL, since = "0.1.0")
public interface SmsScheduler {

    /**
     * Plans a message.
     *
     * @param phoneNumber the recipient, in E.164 form (or, in the unknown-zone scenarios, text that is not one)
     * @param kind        what kind of message was triggered
     * @param triggeredAt when it was triggered; calls come in the scenario's order, which is not always time order
     *                    (a trigger delivered late, a campaign queued ahead)
     * @return when the scheduler will send it; empty if it never will
     */
    Optional<Instant> plan(String phoneNumber, MessageKind kind, Instant triggeredAt);
}
