package dev.complianceharness.property;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * An alternative for {@link Gens#frequency(Weighted[])}: a generator and how often to pick it.
 *
 * @param weight    how often to pick it, relative to the other alternatives; at least 1
 * @param generator the generator
 * @param <T>       the value type
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record Weighted<T>(int weight, Gen<? extends T> generator) {

    /** Checks the weight and the generator. */
    public Weighted {
        Objects.requireNonNull(generator, "generator");
        if (weight < 1) {
            throw new InvalidGeneratorException("Gens.weighted(" + weight + ", " + generator
                    + "): the weight must be at least 1; leave the alternative out to never pick it");
        }
    }
}
