package dev.complianceharness.event;

import java.util.Objects;
import java.util.function.Function;

/**
 * A part that a module hands to tests as a parameter, which records what the system under test does:
 * an SMS outbox, a payment adapter, a log capture. The compliance extension creates one instance per
 * test from the test's {@link RecordingContext}.
 *
 * <pre>{@code
 * RecordingPart<EmailOutbox> outbox = RecordingPart.of(EmailOutbox.class, EmailOutbox::new);
 * }</pre>
 *
 * @param type    the parameter type tests declare
 * @param factory creates the part for one test
 * @param <T>     the parameter type
 */
public record RecordingPart<T>(Class<T> type, Function<RecordingContext, ? extends T> factory) {

    /** Checks that nothing is missing. */
    public RecordingPart {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(factory, "factory");
    }

    /**
     * Declares a part.
     *
     * @param type    the parameter type tests declare
     * @param factory creates the part for one test
     * @param <T>     the parameter type
     * @return the part declaration
     */
    public static <T> RecordingPart<T> of(Class<T> type, Function<RecordingContext, ? extends T> factory) {
        return new RecordingPart<>(type, factory);
    }

    /**
     * Creates the part for one test.
     *
     * @param context the test's trace and clock
     * @return the part
     * @throws IllegalStateException if the factory returns null or an instance of another type
     */
    public T create(RecordingContext context) {
        T part = factory.apply(context);
        if (!type.isInstance(part)) {
            throw new IllegalStateException("The factory of recording part " + type.getName()
                    + " returned " + (part == null ? "null" : "an instance of " + part.getClass().getName()));
        }
        return part;
    }
}
