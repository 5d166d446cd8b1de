package dev.complianceharness.event;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * A part that a module hands to tests as a parameter, which records what the system under test does:
 * an SMS outbox, a payment adapter, a log capture. The compliance extension creates it from the test's
 * {@link RecordingContext}; its {@link Lifetime} says when and how often.
 *
 * <pre>{@code
 * RecordingPart<EmailOutbox> outbox = RecordingPart.of(EmailOutbox.class, EmailOutbox::new);
 * }</pre>
 *
 * <p>A part that implements {@link RecordingLifecycle} is told when the test method starts, and closed after
 * the test (and its {@code @AfterEach} methods) but before the module's invariants are verified, so that it
 * can stop recording and record what it still holds.
 *
 * @param type     the parameter type tests declare
 * @param factory  creates the part for one test
 * @param lifetime when the part is created, and how many a test gets
 * @param <T>      the parameter type
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record RecordingPart<T>(Class<T> type, Function<RecordingContext, ? extends T> factory, Lifetime lifetime) {

    /** When a part is created, and how many instances a test gets. */
    public enum Lifetime {
        /** One instance per test, created when a parameter first asks for it. */
        PER_TEST,
        /**
         * One instance per test, created before the test's {@code @BeforeEach} methods whether or not a
         * parameter asks for it: for parts that must watch every test, such as a log capture.
         */
        STARTED_WITH_EACH_TEST,
        /** A new instance for every parameter that asks for one, such as a fresh synthetic customer. */
        PER_PARAMETER
    }

    /** Checks that nothing is missing. */
    public RecordingPart {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(lifetime, "lifetime");
    }

    /**
     * Declares a part with one instance per test, created when a parameter first asks for it.
     *
     * @param type    the parameter type tests declare
     * @param factory creates the part for one test
     */
    public RecordingPart(Class<T> type, Function<RecordingContext, ? extends T> factory) {
        this(type, factory, Lifetime.PER_TEST);
    }

    /**
     * Declares a part with one instance per test, created when a parameter first asks for it.
     *
     * @param type    the parameter type tests declare
     * @param factory creates the part for one test
     * @param <T>     the parameter type
     * @return the part declaration
     */
    public static <T> RecordingPart<T> of(Class<T> type, Function<RecordingContext, ? extends T> factory) {
        return new RecordingPart<>(type, factory, Lifetime.PER_TEST);
    }

    /**
     * Declares a part created before every test of the module, whether or not a parameter asks for it.
     *
     * <pre>{@code
     * RecordingPart.startedWithEachTest(AuditTap.class, AuditTap::attach)
     * }</pre>
     *
     * @param type    the parameter type tests may declare
     * @param factory creates the part for one test
     * @param <T>     the parameter type
     * @return the part declaration
     */
    public static <T> RecordingPart<T> startedWithEachTest(Class<T> type, Function<RecordingContext, ? extends T> factory) {
        return new RecordingPart<>(type, factory, Lifetime.STARTED_WITH_EACH_TEST);
    }

    /**
     * Declares a part of which every parameter gets a new instance.
     *
     * <pre>{@code
     * RecordingPart.perParameter(Customer.class, context -> context.part(Customers.class).next())
     * }</pre>
     *
     * @param type    the parameter type tests declare
     * @param factory creates one instance
     * @param <T>     the parameter type
     * @return the part declaration
     */
    public static <T> RecordingPart<T> perParameter(Class<T> type, Function<RecordingContext, ? extends T> factory) {
        return new RecordingPart<>(type, factory, Lifetime.PER_PARAMETER);
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
