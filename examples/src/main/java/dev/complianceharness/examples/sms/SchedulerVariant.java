package dev.complianceharness.examples.sms;

/**
 * The correct scheduler and nine deliberately buggy ones. Each bug is a mistake found in real scheduling code;
 * each variant differs from {@link #CORRECT} in exactly the one place {@link SendTimePlanner} checks for it. The
 * last two keep state between calls and only show when one scheduler serves several triggers.
 */
public enum SchedulerVariant {

    /** The team's correct scheduler. */
    CORRECT,

    /**
     * The headline bug: the send time is computed in the server's zone (America/New_York) with the federal
     * 08:00–21:00 window only, so a Florida number gets marketing at 20:30 and a Californian one at 05:00.
     */
    SERVER_ZONE_FEDERAL_WINDOW_ONLY,

    /**
     * The recipient's UTC offset is taken once, at trigger time, and reused for a send time on another day, so a
     * message deferred across a DST transition goes out an hour early.
     */
    OFFSET_AT_TRIGGER_TIME,

    /** Only the first time zone libphonenumber returns for the exchange is used (Boise, but not Los Angeles). */
    FIRST_CANDIDATE_ZONE_ONLY,

    /** The end of the window is treated as inclusive: a message at 21:00:00 (20:00:00 in Florida) goes out. */
    END_OF_WINDOW_INCLUSIVE,

    /** A number without a known time zone is sent to at once, as many platforms do ("if zone == null return true"). */
    FAIL_OPEN_ON_UNKNOWN_ZONE,

    /** The Sunday ban of Utah, Alabama, Louisiana, Mississippi and Rhode Island is missing. */
    NO_SUNDAY_BAN,

    /** The frequency cap of Florida, Oklahoma and Maryland (3 marketing messages per 24 hours) is missing. */
    NO_FREQUENCY_CAP,

    /**
     * A state's time zones are worked out once, from the first recipient there, and kept: a Miami number (Eastern
     * only) fixes Florida to New York time, and a later Pensacola number, which may be on Chicago time, is texted at
     * 07:00 Central. One call is always right; only a second recipient of the same state shows it.
     */
    STATE_ZONES_FROM_FIRST_RECIPIENT,

    /**
     * Each recipient's UTC offset is taken at the first trigger for them and kept for later ones, so a reminder to
     * the same number after the clocks change goes out an hour off. Only a repeated recipient across a DST
     * transition shows it.
     */
    OFFSET_CACHED_PER_RECIPIENT
}
