package dev.complianceharness.sms.outbox;

import static org.apiguardian.api.API.Status.STABLE;

import dev.complianceharness.event.RecordingContext;
import dev.complianceharness.event.TestClock;
import dev.complianceharness.sms.MessageKind;
import dev.complianceharness.sms.recipient.Recipient;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * An SMS gateway that records instead of sending. The SMS module hands one to each test; the team plugs its
 * own sender interface into it with a lambda, and every text is stamped with the test clock and judged by the
 * module's invariants after the test.
 *
 * <pre>{@code
 * @ComplianceTest(modules = SmsContactRulesModule.class)
 * class CampaignSchedulerTest {
 *     @Test
 *     void defersEveningCartReminders(SmsOutbox outbox, TestClock clock) {
 *         SmsSender sender = sms -> outbox.send(sms.to(), sms.text(), MessageKind.MARKETING);
 *         CampaignScheduler scheduler = new CampaignScheduler(sender, clock);
 *         clock.setInstant(Instant.parse("2025-06-03T00:30:00Z"));   // 20:30 in Miami
 *         scheduler.trigger("+13055550147", "Your cart misses you");
 *         clock.advance(Duration.ofHours(12));
 *         scheduler.dispatchDue();
 *     }
 * }
 * }</pre>
 *
 * <p>Thread-safe: the application may send from its own executors.
 */
@API(status = STABLE, since = "0.1.0")
public final class SmsOutbox {

    private final RecordingContext context;

    /**
     * An outbox recording into a test's trace; the compliance extension creates it.
     *
     * @param context the test's trace and clock
     */
    public SmsOutbox(RecordingContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    /**
     * Records a text handed to the gateway now.
     *
     * @param to   the recipient's number
     * @param body the text
     * @param kind what kind of message it is
     * @return the recorded event
     */
    public SmsSent send(String to, String body, MessageKind kind) {
        return send(Recipient.of(to), body, kind);
    }

    /**
     * Records a text handed to the gateway now, to a recipient whose location the application knows more about
     * (an address's state, a profile time zone); every fact adds candidate locations the rules must all permit.
     *
     * @param recipient the recipient, for example {@code Recipient.of("+18505550123").withAddressIn("US-GA")}
     * @param body      the text
     * @param kind      what kind of message it is
     * @return the recorded event
     */
    public SmsSent send(Recipient recipient, String body, MessageKind kind) {
        SmsSent sent = new SmsSent(context.clock().instant(), recipient, body, kind);
        context.trace().record(sent);
        return sent;
    }

    /**
     * Records the reply that confirms an opt-out: a text of kind {@link MessageKind#OPT_OUT_CONFIRMATION}.
     *
     * @param to   the number that opted out
     * @param body the confirmation text
     * @return the recorded event
     */
    public SmsSent sendOptOutConfirmation(String to, String body) {
        return send(to, body, MessageKind.OPT_OUT_CONFIRMATION);
    }

    /**
     * Plays a recipient replying STOP: records when the request was received, then hands the number to the
     * application's handler.
     *
     * @param from    the number that replies
     * @param handler the application's opt-out handler
     */
    public void receiveStop(String from, Consumer<String> handler) {
        receiveOptOut(from, "STOP", handler);
    }

    /**
     * Plays a recipient revoking consent with any keyword ({@code STOP}, {@code UNSUBSCRIBE}, {@code CANCEL}, ...).
     *
     * @param from    the number that replies
     * @param keyword what the recipient wrote
     * @param handler the application's opt-out handler
     */
    public void receiveOptOut(String from, String keyword, Consumer<String> handler) {
        Objects.requireNonNull(handler, "handler");
        context.trace().record(new OptOutReceived(context.clock().instant(), from, keyword));
        handler.accept(from);
    }

    /** @return every text sent so far in this test, in order */
    public List<SmsSent> sent() {
        return context.trace().events(SmsSent.class);
    }

    /** @return the test clock this outbox stamps texts with */
    public TestClock clock() {
        return context.clock();
    }
}
