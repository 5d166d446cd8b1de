package dev.complianceharness.sms.properties;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.sms.MessageKind;
import dev.complianceharness.sms.recipient.Recipient;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One generated scenario: messages triggered for one or more recipients, in the order the scheduler is told of them,
 * which is not always time order. Recipients may repeat and may share an area code or prefix while living in other
 * zones. Its {@link #toString()} shows each number's country and area code (the rest masked) and each trigger in UTC
 * and in the recipient's first candidate zone.
 *
 * @param triggers the triggered messages, in the order the scheduler is told of them
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record Scenario(List<Trigger> triggers) {

    /** Copies the list. */
    public Scenario {
        triggers = List.copyOf(triggers);
    }

    /**
     * A triggered message.
     *
     * @param phoneNumber the recipient
     * @param zones       the recipient's candidate zones, as the harness resolves them (empty if unknown)
     * @param at          when it was triggered
     * @param kind        what kind of message
     */
    public record Trigger(String phoneNumber, List<ZoneId> zones, Instant at, MessageKind kind) {

        /** Checks that nothing is missing. */
        public Trigger {
            Objects.requireNonNull(phoneNumber, "phoneNumber");
            zones = List.copyOf(zones);
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(kind, "kind");
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder().append(kind).append(" to ")
                    .append(Recipient.of(phoneNumber).maskedNumber())
                    .append(zones.isEmpty() ? " (no known zone)" : " " + zones).append(" at ").append(at);
            if (!zones.isEmpty()) {
                text.append(" (").append(at.atZone(zones.get(0)).toLocalDateTime()).append(" local)");
            }
            return text.toString();
        }
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Scenario[");
        for (int i = 0; i < triggers.size(); i++) {
            text.append(i == 0 ? "" : "; ").append(i + 1).append(". ").append(triggers.get(i));
        }
        return text.append(']').toString();
    }
}
