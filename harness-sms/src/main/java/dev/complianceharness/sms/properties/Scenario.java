package dev.complianceharness.sms.properties;

import dev.complianceharness.mask.PiiKind;
import dev.complianceharness.mask.Redaction;
import dev.complianceharness.sms.MessageKind;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * One generated scenario: messages triggered for one recipient, in time order. Its {@link #toString()} masks the
 * number and shows each trigger in UTC and in the recipient's first candidate zone.
 *
 * @param phoneNumber the recipient
 * @param zones       the recipient's candidate zones, as the harness resolves them (empty if unknown)
 * @param triggers    the triggered messages, in time order
 */
public record Scenario(String phoneNumber, List<ZoneId> zones, List<Trigger> triggers) {

    /** Copies the lists. */
    public Scenario {
        Objects.requireNonNull(phoneNumber, "phoneNumber");
        zones = List.copyOf(zones);
        triggers = List.copyOf(triggers);
    }

    /**
     * A triggered message.
     *
     * @param at   when it was triggered
     * @param kind what kind of message
     */
    public record Trigger(Instant at, MessageKind kind) {

        /** Checks that nothing is missing. */
        public Trigger {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(kind, "kind");
        }
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Scenario[").append(Redaction.token(PiiKind.PHONE, phoneNumber))
                .append(zones.isEmpty() ? " (no known zone)" : " " + zones).append(", triggers:");
        for (Trigger trigger : triggers) {
            text.append(' ').append(trigger.kind()).append(" at ").append(trigger.at());
            if (!zones.isEmpty()) {
                text.append(" (").append(trigger.at().atZone(zones.get(0)).toLocalDateTime()).append(" local)");
            }
            text.append(';');
        }
        return text.append(']').toString();
    }
}
