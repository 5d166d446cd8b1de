package dev.complianceharness.invariant;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.event.RecordedEvent;
import dev.complianceharness.mask.Masking;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A breach of an invariant, ready to print: the message and evidence are masked, so a violation can go
 * to build logs and reports without leaking the personal data it is about.
 *
 * @param invariant the invariant that was broken
 * @param message   why, masked
 * @param evidence  masked descriptions of the offending events
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record Violation(Invariant invariant, String message, List<String> evidence) {

    /** Masks the message and evidence again, so that no constructor can carry personal data. */
    public Violation {
        Objects.requireNonNull(invariant, "invariant");
        message = Masking.mask(Objects.requireNonNull(message, "message"));
        List<String> masked = new ArrayList<>();
        for (String item : evidence) {
            masked.add(Masking.mask(item));
        }
        evidence = List.copyOf(masked);
    }

    /**
     * A violation from a reason and the events that show it.
     *
     * @param invariant the invariant that was broken
     * @param reason    why
     * @param events    the offending events
     * @return the violation, masked
     */
    public static Violation of(Invariant invariant, String reason, List<? extends RecordedEvent> events) {
        List<String> evidence = new ArrayList<>();
        for (RecordedEvent event : events) {
            evidence.add(event.describeMasked());
        }
        return new Violation(invariant, reason, evidence);
    }

    /**
     * The violation as a block of text for a failed test: the invariant, its citation, owner and tier,
     * why it was broken and the offending events.
     *
     * @return several lines, without a trailing newline
     */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append(invariant.id()).append(": ").append(invariant.description()).append('\n');
        text.append("  regulation: ").append(invariant.regulation().describe()).append('\n');
        text.append("  owner:      ").append(invariant.owner()).append('\n');
        text.append("  tier:       ").append(invariant.tier()).append('\n');
        text.append("  why:        ").append(message);
        for (String item : evidence) {
            text.append('\n').append("  evidence:   ").append(item);
        }
        return text.toString();
    }
}
