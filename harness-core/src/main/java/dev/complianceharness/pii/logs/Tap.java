package dev.complianceharness.pii.logs;

/** One logging framework or stream the router listens to while any capture is open. */
interface Tap {

    /** @return the source it taps */
    LogSource source();

    /** Stops listening and restores what was there before. */
    void remove();
}
