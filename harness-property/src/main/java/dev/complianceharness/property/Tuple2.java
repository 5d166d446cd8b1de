package dev.complianceharness.property;

/**
 * Two generated values, from {@link Gens#tuples(Gen, Gen)} or {@link Property#forAll(Gen, Gen)}.
 *
 * @param first  the first value
 * @param second the second value
 * @param <A>    the first value's type
 * @param <B>    the second value's type
 */
public record Tuple2<A, B>(A first, B second) {
}
