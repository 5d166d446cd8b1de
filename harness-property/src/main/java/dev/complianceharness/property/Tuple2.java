package dev.complianceharness.property;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Two generated values, from {@link Gens#tuples(Gen, Gen)} or {@link Property#forAll(Gen, Gen)}.
 *
 * @param first  the first value
 * @param second the second value
 * @param <A>    the first value's type
 * @param <B>    the second value's type
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record Tuple2<A, B>(A first, B second) {
}
