package dev.complianceharness.property;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Three generated values, from {@link Gens#tuples(Gen, Gen, Gen)} or {@link Property#forAll(Gen, Gen, Gen)}.
 *
 * @param first  the first value
 * @param second the second value
 * @param third  the third value
 * @param <A>    the first value's type
 * @param <B>    the second value's type
 * @param <C>    the third value's type
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record Tuple3<A, B, C>(A first, B second, C third) {
}
