package dev.complianceharness.property;

import static org.apiguardian.api.API.Status.STABLE;

import dev.complianceharness.property.internal.Generators;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * Generates values of type {@code T} from a sequence of {@link Choices}. Generators compose with
 * {@link #map}, {@link #flatMap} and {@link #filter}; the factories are in {@link Gens}.
 *
 * <pre>{@code
 * Gen<Integer> evenAmounts = Gens.integers(0, 10_000).map(cents -> cents * 2).describedAs("even amounts");
 * }</pre>
 *
 * @param <T> the type of value generated
 */
@FunctionalInterface
@API(status = STABLE, since = "0.1.0")
public interface Gen<T> {

    /**
     * Generates one value.
     *
     * @param choices the choices to draw from
     * @return the value
     */
    T generate(Choices choices);

    /**
     * Transforms every generated value; the result shrinks as this generator does.
     *
     * @param mapper the transformation
     * @param <R>    the new value type
     * @return the mapped generator
     */
    default <R> Gen<R> map(Function<? super T, ? extends R> mapper) {
        return Generators.map(this, mapper);
    }

    /**
     * Chooses the next generator from a generated value, for values that depend on each other (a list and
     * an index into it); both steps shrink.
     *
     * @param mapper chooses the generator of the result from this generator's value
     * @param <R>    the result type
     * @return the dependent generator
     */
    default <R> Gen<R> flatMap(Function<? super T, ? extends Gen<? extends R>> mapper) {
        return Generators.flatMap(this, mapper);
    }

    /**
     * Keeps only the values the predicate accepts, generating again when it rejects one. A generator
     * whose filter rejects too many values fails the property with an {@link InvalidGeneratorException}
     * that names it: generate valid values directly (with {@link #map}) instead.
     *
     * @param predicate what a kept value satisfies
     * @return the filtered generator
     */
    default Gen<T> filter(Predicate<? super T> predicate) {
        return Generators.filter(this, predicate);
    }

    /**
     * Names this generator in error messages and reports.
     *
     * @param name the name, for example {@code "even amounts"}
     * @return the same generator, named
     */
    default Gen<T> describedAs(String name) {
        return Generators.named(this, name);
    }
}
