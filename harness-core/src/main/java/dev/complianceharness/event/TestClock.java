package dev.complianceharness.event;

import static org.apiguardian.api.API.Status.STABLE;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.apiguardian.api.API;

/**
 * A clock the test controls: it stands still until the test sets or advances it. Hand it to the system
 * under test wherever it would use {@link Clock#systemUTC()}; recording parts stamp events with it.
 *
 * <pre>{@code
 * clock.setInstant(Instant.parse("2025-03-09T06:59:59Z"));
 * clock.advance(Duration.ofSeconds(1));
 * }</pre>
 *
 * <p>Thread-safe: clones made with {@link #withZone(ZoneId)} share the instant with this clock.
 */
@API(status = STABLE, since = "0.1.0")
public final class TestClock extends Clock {

    /** The instant a new test clock shows unless the test configures another: a Monday, 12:00 UTC. */
    public static final Instant DEFAULT_START = Instant.ofEpochSecond(1_748_865_600L); // 2025-06-02T12:00:00Z, not parsed:
    // Instant.parse starts java.time's formatter machinery, milliseconds of every cold test JVM

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private TestClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /**
     * A clock at an instant, in UTC.
     *
     * @param start the instant it shows
     * @return a new clock
     */
    public static TestClock at(Instant start) {
        return new TestClock(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
    }

    /**
     * A clock at {@link #DEFAULT_START}, in UTC.
     *
     * @return a new clock
     */
    public static TestClock atDefaultStart() {
        return at(DEFAULT_START);
    }

    /**
     * Moves the clock to an instant; it may go backwards, as a real wall clock can.
     *
     * @param instant the new instant
     */
    public void setInstant(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    /**
     * Moves the clock forward (or back, for a negative duration).
     *
     * @param duration how far
     * @return the new instant
     */
    public Instant advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        return now.updateAndGet(current -> current.plus(duration));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public TestClock withZone(ZoneId otherZone) {
        return new TestClock(now, Objects.requireNonNull(otherZone, "zone"));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TestClock that && that.now == now && that.zone.equals(zone);
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(now) * 31 + zone.hashCode();
    }

    @Override
    public String toString() {
        return "TestClock[" + instant() + ", " + zone + "]";
    }
}
