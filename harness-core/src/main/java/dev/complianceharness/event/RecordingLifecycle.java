package dev.complianceharness.event;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Implemented by a recording part that must follow the test as it runs: a log capture that checks the
 * standard streams again once every other extension has set the test up, and stops capturing, and records
 * what it found, before the invariants are verified.
 *
 * <pre>{@code
 * final class AuditTap implements RecordingLifecycle {
 *     public void close() {
 *         detach();
 *         found().forEach(trace::record);     // the invariants see these events
 *     }
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public interface RecordingLifecycle extends AutoCloseable {

    /**
     * Called right before the test method runs: after every extension's {@code beforeEach}, every
     * {@code @BeforeEach} method, and the resolution of the test method's parameters.
     */
    default void beforeTestMethod() {
    }

    /**
     * Stops recording and records into the test's trace what the part still holds. Called once after the
     * test and its {@code @AfterEach} methods, before the invariants are verified; also called when the test
     * was aborted before that point, to release what the part holds.
     */
    @Override
    void close();
}
