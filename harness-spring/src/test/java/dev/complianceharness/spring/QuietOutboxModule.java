package dev.complianceharness.spring;

import dev.complianceharness.event.RecordedEvent;
import dev.complianceharness.event.RecordingContext;
import dev.complianceharness.event.RecordingPart;
import dev.complianceharness.invariant.Confidence;
import dev.complianceharness.invariant.Invariant;
import dev.complianceharness.invariant.InvariantModule;
import dev.complianceharness.invariant.LiabilityTier;
import dev.complianceharness.invariant.Owner;
import dev.complianceharness.invariant.Regulation;
import dev.complianceharness.mask.Masking;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** A small module for these tests: greetings go out between 08:00 and 21:00 UTC only. */
public final class QuietOutboxModule implements InvariantModule {

    static final Invariant DAYTIME_ONLY = Invariant.builder("test.daytime-greetings")
            .description("Greetings are sent between 08:00 and 21:00 UTC")
            .regulation(Regulation.builder("test-quiet-hours").citation("House rule 1").jurisdiction("US")
                    .confidence(Confidence.HIGH).build())
            .owner(Owner.of("greetings-team"))
            .tier(LiabilityTier.REPUTATIONAL)
            .forEachEvent(GreetingSent.class, (sent, trace) -> {
                int hour = sent.instant().atZone(ZoneOffset.UTC).getHour();
                return hour >= 8 && hour < 21 ? Optional.empty() : Optional.of("a greeting was sent at " + sent.instant());
            });

    @Override
    public String id() {
        return "test.quiet-outbox";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public List<Invariant> invariants() {
        return List.of(DAYTIME_ONLY);
    }

    @Override
    public List<RecordingPart<?>> recordingParts() {
        return List.of(RecordingPart.of(Outbox.class, Outbox::new));
    }

    /** A greeting was handed to the gateway. */
    public record GreetingSent(Instant instant, String recipient, String thread) implements RecordedEvent {
        @Override
        public String describeMasked() {
            return "GreetingSent[to " + Masking.maskValue(recipient) + " at " + instant + "]";
        }
    }

    /** The recording part: records each greeting with the test clock's time. */
    public static final class Outbox {
        private final RecordingContext context;

        Outbox(RecordingContext context) {
            this.context = context;
        }

        public void send(String recipient) {
            context.trace().record(new GreetingSent(context.clock().instant(), recipient, Thread.currentThread().getName()));
        }

        public List<GreetingSent> sent() {
            return context.trace().events(GreetingSent.class);
        }
    }
}
