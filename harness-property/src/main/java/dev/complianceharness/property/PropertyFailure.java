package dev.complianceharness.property;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A property failed: thrown by {@link PropertyCheck#check}. Its message shows the seed, the original and
 * the shrunk example, the number of shrink steps and how to replay the failure; its cause is what the
 * shrunk example threw — or, when that throwable's message held something the host redacts, a copy with the
 * message redacted that keeps the original's type name and stack trace. Message, examples and cause have
 * passed the host's redaction; the seed is never redacted.
 */
@API(status = STABLE, since = "0.1.0")
public class PropertyFailure extends AssertionError {

    private static final long serialVersionUID = 1L;

    private final String property;
    private final long seed;
    private final int tries;
    private final String originalExample;
    private final String shrunkExample;
    private final int shrinkSteps;
    private final transient Object shrunkValue;
    private final String storedAt;

    /**
     * Creates the failure; the engine does this.
     *
     * @param message         the full message
     * @param cause           what the shrunk example threw
     * @param property        the property's name
     * @param seed            the seed that replays the run
     * @param tries           how many examples were tried before the failure was found
     * @param originalExample the first failing example, rendered
     * @param shrunkExample   the shrunk example, rendered
     * @param shrinkSteps     how many shrink steps made it smaller
     * @param shrunkValue     the shrunk example itself
     * @param storedAt        where the failing choices were stored, or null
     */
    public PropertyFailure(String message, Throwable cause, String property, long seed, int tries,
                           String originalExample, String shrunkExample, int shrinkSteps, Object shrunkValue,
                           String storedAt) {
        super(message, cause);
        this.property = property;
        this.seed = seed;
        this.tries = tries;
        this.originalExample = originalExample;
        this.shrunkExample = shrunkExample;
        this.shrinkSteps = shrinkSteps;
        this.shrunkValue = shrunkValue;
        this.storedAt = storedAt;
    }

    /**
     * The property's name.
     *
     * @return the name
     */
    public String property() {
        return property;
    }

    /**
     * The seed that replays the run.
     *
     * @return the seed
     */
    public long seed() {
        return seed;
    }

    /**
     * How many examples were tried, the failing one included.
     *
     * @return the number of tries
     */
    public int tries() {
        return tries;
    }

    /**
     * The first failing example, as rendered in the message.
     *
     * @return the rendering
     */
    public String originalExample() {
        return originalExample;
    }

    /**
     * The shrunk example, as rendered in the message.
     *
     * @return the rendering
     */
    public String shrunkExample() {
        return shrunkExample;
    }

    /**
     * The shrunk example itself, for assertions on it.
     *
     * @return the value (a {@link Tuple2} or {@link Tuple3} for several generators)
     */
    public Object shrunkValue() {
        return shrunkValue;
    }

    /**
     * How many shrink steps made the example smaller.
     *
     * @return the number of steps
     */
    public int shrinkSteps() {
        return shrinkSteps;
    }

    /**
     * Where the failing example is stored to be tried first on the next run.
     *
     * @return the file, or empty if it could not be stored
     */
    public Optional<String> storedAt() {
        return Optional.ofNullable(storedAt);
    }
}
