package dev.complianceharness.sms.rules;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.invariant.Jurisdiction;
import dev.complianceharness.invariant.Regulation;
import dev.complianceharness.sms.MessageKind;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A cap on how many messages of some kinds may reach one recipient in a rolling period, such as Florida's 3 marketing
 * texts per 24 hours. The period is half-open: a message exactly one period after another starts a new one. Shipped
 * in rule packs as a block with {@code cap: 3 per 24h} instead of windows.
 *
 * <pre>{@code
 * FrequencyCapRule florida = FrequencyCapRule.of(Regulation.builder("us-fl-501.616-6-cap")
 *                 .citation("Fla. Stat. 501.616(6)").jurisdiction("US-FL").confidence(Confidence.HIGH)
 *                 .source("https://www.flsenate.gov/Laws/Statutes/2024/501.616").build(),
 *         Set.of(MessageKind.MARKETING), 3, Duration.ofHours(24));
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class FrequencyCapRule {

    private final Regulation regulation;
    private final Set<MessageKind> kinds;
    private final int limit;
    private final Duration period;

    private FrequencyCapRule(Regulation regulation, Set<MessageKind> kinds, int limit, Duration period) {
        this.regulation = regulation;
        this.kinds = kinds;
        this.limit = limit;
        this.period = period;
    }

    /**
     * A cap.
     *
     * @param regulation the law that sets it; its jurisdiction is where it applies
     * @param kinds      the message kinds it counts and limits
     * @param limit      how many messages a period may hold, at least 1
     * @param period     the rolling period, positive
     * @return the cap
     * @throws RuleDataException naming the regulation if a value is out of range
     */
    public static FrequencyCapRule of(Regulation regulation, Set<MessageKind> kinds, int limit, Duration period) {
        Objects.requireNonNull(regulation, "regulation");
        Objects.requireNonNull(period, "period");
        if (kinds == null || kinds.isEmpty()) {
            throw new RuleDataException("Cap '" + regulation.id() + "' counts no message kinds: add kinds: marketing");
        }
        if (limit < 1 || period.isNegative() || period.isZero()) {
            throw new RuleDataException("Cap '" + regulation.id() + "' needs a limit of at least 1 and a positive period,"
                    + " not " + limit + " per " + period);
        }
        return new FrequencyCapRule(regulation, Collections.unmodifiableSet(EnumSet.copyOf(kinds)), limit, period);
    }

    /** @return the cap's id, the regulation's */
    public String id() {
        return regulation.id();
    }

    /** @return the regulation with citation, jurisdiction, confidence and effective dates */
    public Regulation regulation() {
        return regulation;
    }

    /** @return where the cap applies */
    public Jurisdiction jurisdiction() {
        return regulation.jurisdiction();
    }

    /** @return the message kinds counted and limited */
    public Set<MessageKind> kinds() {
        return kinds;
    }

    /** @return how many messages a period may hold */
    public int limit() {
        return limit;
    }

    /** @return the rolling period */
    public Duration period() {
        return period;
    }

    /**
     * @param candidate a candidate jurisdiction of a recipient
     * @return whether the cap's law may claim a recipient there (a country's cap applies in its subdivisions)
     */
    public boolean appliesTo(Jurisdiction candidate) {
        Jurisdiction own = regulation.jurisdiction();
        return own.contains(candidate) || (!candidate.isSubdivision() && own.country().equals(candidate.code()));
    }

    /** @return for example {@code "3 marketing messages per 24 h"} */
    public String describeLimit() {
        StringBuilder text = new StringBuilder().append(limit).append(' ');
        for (MessageKind kind : kinds) {
            text.append(text.charAt(text.length() - 1) == ' ' ? "" : " or ").append(kind.name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', ' '));
        }
        long hours = period.toHours();
        return text.append(" messages per ").append(period.equals(Duration.ofHours(hours)) ? hours + " h" : period.toString())
                .toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FrequencyCapRule that && regulation.equals(that.regulation) && kinds.equals(that.kinds)
                && limit == that.limit && period.equals(that.period);
    }

    @Override
    public int hashCode() {
        return regulation.id().hashCode();
    }

    @Override
    public String toString() {
        return "FrequencyCapRule[" + id() + ": " + regulation.describe() + ": " + describeLimit() + "]";
    }
}
