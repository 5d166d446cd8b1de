package dev.complianceharness.testing;

import dev.complianceharness.event.EventTrace;
import dev.complianceharness.event.RecordedEvent;
import dev.complianceharness.event.RecordingContext;
import dev.complianceharness.event.RecordingPart;
import dev.complianceharness.invariant.Confidence;
import dev.complianceharness.invariant.Finding;
import dev.complianceharness.invariant.Invariant;
import dev.complianceharness.invariant.InvariantModule;
import dev.complianceharness.invariant.LiabilityTier;
import dev.complianceharness.invariant.Owner;
import dev.complianceharness.invariant.Regulation;
import dev.complianceharness.mask.Masking;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small real module for the core's own tests: marketing messages need prior consent (GDPR Art. 6(1)(a)
 * and ePrivacy Art. 13), and at most 3 go to one recipient in 24 hours (the Florida cap, simplified).
 */
public final class ConsentModule implements InvariantModule {

    public static final Regulation EPRIVACY = Regulation.builder("eu-eprivacy-13")
            .title("Unsolicited communications need prior consent")
            .citation("Directive 2002/58/EC Art. 13(1)")
            .jurisdiction("EU")
            .source("https://eur-lex.europa.eu/eli/dir/2002/58/oj")
            .effectiveFrom(LocalDate.of(2003, 10, 31))
            .confidence(Confidence.HIGH)
            .build();

    public static final Regulation FLORIDA_CAP = Regulation.builder("us-fl-501.616")
            .citation("Fla. Stat. 501.616(6)(b)")
            .jurisdiction("US-FL")
            .confidence(Confidence.HIGH)
            .build();

    public static final Invariant CONSENT_BEFORE_MARKETING = Invariant.builder("test.consent-before-marketing")
            .description("A marketing message goes only to a recipient who consented before it was sent")
            .regulation(EPRIVACY)
            .owner(Owner.of("privacy-team", "privacy@example.com"))
            .tier(LiabilityTier.REGULATORY)
            .forEachEvent(MessageSent.class, ConsentModule::consentedBefore);

    public static final Invariant AT_MOST_THREE_PER_DAY = Invariant.builder("test.at-most-three-per-day")
            .description("At most 3 marketing messages to one recipient in any 24 hours")
            .regulation(FLORIDA_CAP)
            .owner(Owner.of("messaging-team"))
            .tier(LiabilityTier.REGULATORY)
            .overWholeTrace(ConsentModule::atMostThreePerDay);

    @Override
    public String id() {
        return "test.consent";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public List<Invariant> invariants() {
        return List.of(CONSENT_BEFORE_MARKETING, AT_MOST_THREE_PER_DAY);
    }

    @Override
    public List<RecordingPart<?>> recordingParts() {
        return List.of(RecordingPart.of(Outbox.class, Outbox::new));
    }

    private static Optional<String> consentedBefore(MessageSent message, EventTrace trace) {
        for (ConsentGiven consent : trace.events(ConsentGiven.class)) {
            if (consent.recipient().equals(message.recipient()) && !consent.instant().isAfter(message.instant())) {
                return Optional.empty();
            }
        }
        return Optional.of("no consent from " + message.recipient() + " was recorded before the message");
    }

    private static List<Finding> atMostThreePerDay(EventTrace trace) {
        Map<String, List<MessageSent>> byRecipient = new HashMap<>();
        List<Finding> findings = new ArrayList<>();
        for (MessageSent message : trace.events(MessageSent.class)) {
            List<MessageSent> earlier = byRecipient.computeIfAbsent(message.recipient(), r -> new ArrayList<>());
            earlier.removeIf(old -> !old.instant().isAfter(message.instant().minus(Duration.ofHours(24))));
            earlier.add(message);
            if (earlier.size() > 3) {
                findings.add(Finding.of(earlier.size() + " messages to " + message.recipient() + " within 24 hours", earlier));
            }
        }
        return findings;
    }

    /** A consent was recorded. */
    public record ConsentGiven(Instant instant, String recipient) implements RecordedEvent {
        @Override
        public String describeMasked() {
            return "ConsentGiven[" + Masking.maskValue(recipient) + " at " + instant + "]";
        }
    }

    /** A marketing message was sent. */
    public record MessageSent(Instant instant, String recipient, String text) implements RecordedEvent {
        @Override
        public String describeMasked() {
            return "MessageSent[to " + Masking.maskValue(recipient) + " at " + instant + "]";
        }
    }

    /** The recording part tests get. */
    public static final class Outbox {
        private final RecordingContext context;

        public Outbox(RecordingContext context) {
            this.context = context;
        }

        public void consent(String recipient) {
            context.trace().record(new ConsentGiven(context.clock().instant(), recipient));
        }

        public void send(String recipient, String text) {
            context.trace().record(new MessageSent(context.clock().instant(), recipient, text));
        }
    }
}
