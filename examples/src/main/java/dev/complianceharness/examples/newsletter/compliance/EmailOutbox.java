package dev.complianceharness.examples.newsletter.compliance;

import dev.complianceharness.event.RecordingContext;
import dev.complianceharness.examples.newsletter.Email;
import dev.complianceharness.examples.newsletter.MailGateway;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A mail gateway that records instead of sending; the compliance extension hands one to each test.
 *
 * <pre>{@code
 * @Test
 * void unsubscribedReadersGetNoMoreMail(EmailOutbox outbox, TestClock clock) {
 *     Newsletter newsletter = new Newsletter(outbox);
 *     newsletter.subscribe("reader@example.com");
 *     outbox.receiveOptOut("reader@example.com", newsletter::unsubscribe);
 *     clock.advance(Duration.ofDays(30));
 *     newsletter.sendIssue(7);
 * }
 * }</pre>
 */
public final class EmailOutbox implements MailGateway {

    private final RecordingContext context;

    /**
     * @param context the test's trace and clock
     */
    public EmailOutbox(RecordingContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    public void send(Email email) {
        context.trace().record(new EmailSent(context.clock().instant(), email));
    }

    /**
     * Plays a recipient who clicks "unsubscribe": records when the request was received, then hands it to
     * the application.
     *
     * @param recipient the recipient's address
     * @param handler   the application's unsubscribe handler
     */
    public void receiveOptOut(String recipient, Consumer<String> handler) {
        context.trace().record(new OptOutReceived(context.clock().instant(), recipient));
        handler.accept(recipient);
    }
}
