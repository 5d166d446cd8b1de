package dev.complianceharness.examples.sms;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A scheduled marketing campaign: one text to an audience, from a start instant on, each recipient at the first
 * moment their contact rules allow.
 *
 * @param name     the campaign's name, for the marketers
 * @param text     the message text
 * @param startsAt the earliest instant any recipient gets it
 * @param audience the recipients, in E.164 form
 */
public record Campaign(String name, String text, Instant startsAt, List<String> audience) {

    /** Checks that nothing is missing and copies the audience. */
    public Campaign {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(startsAt, "startsAt");
        audience = List.copyOf(audience);
    }
}
