package dev.complianceharness.pii;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.mask.PiiKind;
import dev.complianceharness.property.Gen;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.apiguardian.api.API;

/**
 * The canaries one test plants: synthetic customers and custom values whose every occurrence in the
 * captured output, in any usual transformation, is a leak. {@code @NoPiiInLogs} injects one per test
 * (as a parameter of type {@code Canaries}, or a fresh {@link CanaryCustomer} per parameter); outside the
 * extension, make one with {@link #withSeed(long)}. Safe to use from several threads.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class Canaries {

    private final long seed;
    private final SplittableRandom seeds;
    private final List<Canary> planted = new ArrayList<>();
    private int customers;

    private Canaries(long seed) {
        this.seed = seed;
        this.seeds = new SplittableRandom(seed);
    }

    /**
     * @param seed the seed; the same seed plants the same customers in the same order
     * @return an empty set of canaries
     */
    public static Canaries withSeed(long seed) {
        return new Canaries(seed);
    }

    /** @return the seed, printed with every leak so that the run can be replayed */
    public long seed() {
        return seed;
    }

    /** @return a new synthetic customer, registered: every field of it is searched for */
    public synchronized CanaryCustomer customer() {
        return register(CanaryCustomer.generate(seeds.nextLong()));
    }

    /**
     * Registers a customer made elsewhere, such as by {@link CanaryCustomer#generator()}.
     *
     * @param customer the customer
     * @return the customer
     */
    public synchronized CanaryCustomer register(CanaryCustomer customer) {
        customers++;
        planted.addAll(customer.canaries("customer #" + customers));
        return customer;
    }

    /**
     * Canary customers for a property: every generated customer is registered, so its data is searched for
     * after the test whichever example leaked it.
     *
     * <pre>{@code
     * Property.forAll(canaries.customers()).tries(50).check(customer -> desk.register(customer.email()));
     * }</pre>
     *
     * @return a generator of registered canary customers
     */
    public Gen<CanaryCustomer> customers() {
        return CanaryCustomer.generator().map(this::register).describedAs("registered canary customers");
    }

    /**
     * Registers a value of the test's own.
     *
     * @param field what it is, such as {@code "loyaltyNumber"}; used in messages
     * @param kind  its kind, which decides the transformations searched for
     * @param value the value
     * @return the value
     */
    public synchronized String plant(String field, PiiKind kind, String value) {
        planted.add(new Canary("planted", Objects.requireNonNull(field, "field"), kind, value));
        return value;
    }

    /** @return a snapshot of every planted value */
    public synchronized List<Canary> planted() {
        return List.copyOf(planted);
    }

    @Override
    public synchronized String toString() {
        return "Canaries[seed " + seed + ", " + planted.size() + " values]";
    }
}
