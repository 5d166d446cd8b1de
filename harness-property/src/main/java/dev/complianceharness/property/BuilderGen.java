package dev.complianceharness.property;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.property.internal.Generators;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * Generates objects through a mutable builder: {@link Gens#builder(Supplier)} starts it, {@link #with}
 * adds a generated property, {@link #build(Function)} finishes. Each property shrinks independently.
 *
 * @param <B> the builder type
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class BuilderGen<B> implements Gen<B> {

    private final Supplier<? extends B> newBuilder;
    private final List<Step<B, ?>> steps;

    private BuilderGen(Supplier<? extends B> newBuilder, List<Step<B, ?>> steps) {
        this.newBuilder = newBuilder;
        this.steps = steps;
    }

    static <B> BuilderGen<B> start(Supplier<? extends B> newBuilder) {
        return new BuilderGen<>(Objects.requireNonNull(newBuilder, "newBuilder"), List.of());
    }

    /**
     * Sets one property of the builder from a generator.
     *
     * @param generator the property's generator
     * @param setter    sets it on the builder
     * @param <V>       the property type
     * @return a new builder generator that also sets this property
     */
    public <V> BuilderGen<B> with(Gen<? extends V> generator, BiConsumer<? super B, ? super V> setter) {
        List<Step<B, ?>> more = new ArrayList<>(steps);
        more.add(new Step<>(Objects.requireNonNull(generator, "generator"), Objects.requireNonNull(setter, "setter")));
        return new BuilderGen<>(newBuilder, List.copyOf(more));
    }

    /**
     * Builds the object from the filled builder.
     *
     * @param build builds the object
     * @param <R>   the object type
     * @return the generator of objects
     */
    public <R> Gen<R> build(Function<? super B, ? extends R> build) {
        Objects.requireNonNull(build, "build");
        return Generators.named(choices -> build.apply(generate(choices)), "Gens.builder(...)");
    }

    /**
     * Generates a filled builder.
     *
     * @param choices the choices
     * @return a fresh builder with every property set
     */
    @Override
    public B generate(Choices choices) {
        B builder = Objects.requireNonNull(newBuilder.get(), "Gens.builder(...): the supplier returned no builder");
        for (Step<B, ?> step : steps) {
            step.apply(builder, choices);
        }
        return builder;
    }

    /** One generated property. */
    private record Step<B, V>(Gen<? extends V> generator, BiConsumer<? super B, ? super V> setter) {
        void apply(B builder, Choices choices) {
            setter.accept(builder, generator.generate(choices));
        }
    }
}
