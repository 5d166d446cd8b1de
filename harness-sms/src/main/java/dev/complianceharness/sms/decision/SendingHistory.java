package dev.complianceharness.sms.decision;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.sms.MessageKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * What a recipient was already sent (or is already planned to be sent), by message kind, so that a decision can
 * count it against frequency caps: {@link QuietHours#decide(dev.complianceharness.sms.recipient.Recipient, Instant,
 * MessageKind, SendingHistory)}.
 *
 * <pre>{@code
 * SendingHistory history = SendingHistory.of(MessageKind.MARKETING, List.of(
 *         Instant.parse("2025-06-03T14:00:00Z"), Instant.parse("2025-06-03T14:10:00Z"),
 *         Instant.parse("2025-06-03T14:20:00Z")));
 * quietHours.decide(Recipient.of("+13055550147"), Instant.parse("2025-06-03T14:30:00Z"), MessageKind.MARKETING,
 *         history).nextPermitted();   // 2025-06-04T14:00:00Z: Florida's 3 per 24 h
 * }</pre>
 *
 * <p>A value: each {@code and(...)} returns a new history.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class SendingHistory {

    private static final SendingHistory EMPTY = new SendingHistory(new EnumMap<>(MessageKind.class));

    private final Map<MessageKind, List<Instant>> sent;

    private SendingHistory(Map<MessageKind, List<Instant>> sent) {
        this.sent = sent;
    }

    /** @return a history with nothing sent */
    public static SendingHistory empty() {
        return EMPTY;
    }

    /**
     * @param kind   the kind of the messages
     * @param sentAt when each was sent or is planned
     * @return a history of those messages
     */
    public static SendingHistory of(MessageKind kind, Collection<Instant> sentAt) {
        SendingHistory history = EMPTY;
        for (Instant at : Objects.requireNonNull(sentAt, "sentAt")) {
            history = history.and(kind, at);
        }
        return history;
    }

    /**
     * @param kind   the kind of a further message
     * @param sentAt when it was sent or is planned
     * @return a new history with it
     */
    public SendingHistory and(MessageKind kind, Instant sentAt) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sentAt, "sentAt");
        Map<MessageKind, List<Instant>> copy = new EnumMap<>(MessageKind.class);
        copy.putAll(sent);
        List<Instant> instants = new ArrayList<>(copy.getOrDefault(kind, List.of()));
        instants.add(sentAt);
        Collections.sort(instants);
        copy.put(kind, List.copyOf(instants));
        return new SendingHistory(copy);
    }

    /**
     * @param kinds the kinds to count
     * @return when messages of those kinds were sent, in time order
     */
    public List<Instant> sentAt(Set<MessageKind> kinds) {
        List<Instant> instants = new ArrayList<>();
        for (MessageKind kind : kinds) {
            instants.addAll(sent.getOrDefault(kind, List.of()));
        }
        Collections.sort(instants);
        return instants;
    }

    /** @return whether nothing was sent */
    public boolean isEmpty() {
        return sent.values().stream().allMatch(List::isEmpty);
    }

    @Override
    public String toString() {
        return "SendingHistory" + sent;
    }
}
