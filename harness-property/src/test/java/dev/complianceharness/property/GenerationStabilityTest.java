package dev.complianceharness.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins what the engine generates and how it shrinks for fixed seeds, so that work on the engine's speed
 * cannot change a single generated value or shrinking result: a seed printed by an earlier version must
 * replay the same examples. The fingerprints were taken before the per-try overhead work (issue 17,
 * point 7); a deliberate change of generation must update them and say so in its commit.
 */
@DisplayName("The engine's generated values and shrinking results")
class GenerationStabilityTest {

    private static final int TRIES = 300;

    @TempDir
    Path failures;

    /** The first {@value #TRIES} examples a generator produces from a seed, hashed. */
    private <T> String fingerprint(Gen<T> generator, long seed) {
        StringBuilder examples = new StringBuilder();
        Property.forAll(generator).seed(seed).tries(TRIES).storeFailuresIn(failures)
                .check(example -> examples.append(example).append('\n'));
        return sha256(examples.toString());
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Nested
    @DisplayName("generation from a seed")
    class Generation {

        @Test
        @DisplayName("stays the same for numbers, lists, strings and combinators")
        void sameExamples() {
            Map<String, String> actual = new java.util.LinkedHashMap<>();
            actual.put("integers", fingerprint(Gens.integers(0, 1_000), 42L));
            actual.put("wide longs", fingerprint(Gens.longs(Long.MIN_VALUE, Long.MAX_VALUE), 7L));
            actual.put("lists", fingerprint(Gens.lists(Gens.integers(0, 1_000), 0, 20), 42L));
            actual.put("nested lists", fingerprint(Gens.lists(Gens.lists(Gens.integers(-5, 5), 0, 4), 1, 6), 3L));
            actual.put("unique lists", fingerprint(Gens.uniqueLists(Gens.integers(0, 50), 0, 10), 11L));
            actual.put("strings", fingerprint(Gens.strings(0, 12, CharacterClass.LOWERCASE, CharacterClass.DIGITS), 5L));
            actual.put("filter", fingerprint(Gens.integers(0, 100).filter(value -> value % 3 == 0), 9L));
            actual.put("flatMap", fingerprint(Gens.integers(0, 8).flatMap(size -> Gens.lists(Gens.booleans(), size, size)), 13L));
            actual.put("frequency", fingerprint(Gens.frequency(Gens.weighted(3, Gens.constant("a")),
                    Gens.weighted(1, Gens.integers(0, 9))), 17L));
            actual.put("doubles", fingerprint(Gens.doubles(-1.0, 1.0), 19L));
            actual.put("instants", fingerprint(Gens.instants(Instant.parse("2020-01-01T00:00:00Z"),
                    Instant.parse("2030-01-01T00:00:00Z")), 23L));
            actual.put("recursive", fingerprint(Gens.recursive(Gens.integers(0, 9).map(value -> (Object) value),
                    inner -> Gens.lists(inner, 0, 3), 3), 29L));
            assertThat(actual).containsExactlyEntriesOf(EXPECTED);
        }
    }

    private static final Map<String, String> EXPECTED = expected();

    private static Map<String, String> expected() {
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("integers", "a6d8143c44bac397");
        expected.put("wide longs", "e9a00fc2a61f0c23");
        expected.put("lists", "29248755b1b381b2");
        expected.put("nested lists", "8d7e14b4016f092f");
        expected.put("unique lists", "9dc758cbe9ad826c");
        expected.put("strings", "dbb67c1bb740eb68");
        expected.put("filter", "806e425df97bfc7b");
        expected.put("flatMap", "855c9b9383b50b8e");
        expected.put("frequency", "a2643b24879f165e");
        expected.put("doubles", "9d594b7b76926584");
        expected.put("instants", "f9732969ef5c63d7");
        expected.put("recursive", "8df261f4b4833e2f");
        return expected;
    }

    @Nested
    @DisplayName("shrinking")
    class Shrinking {

        private <T> PropertyFailure failure(Gen<T> generator, long seed, PropertyCheck.Body<T> body) {
            PropertyFailure failure = catchThrowableOfType(PropertyFailure.class, () -> Property.forAll(generator)
                    .seed(seed).tries(1_000).storeFailuresIn(failures).check(body));
            assertThat(failure).isNotNull();
            return failure;
        }

        @Test
        @DisplayName("finds the same failure after the same tries and shrinks it in the same steps")
        void sameShrinking() {
            PropertyFailure sum = failure(Gens.lists(Gens.integers(0, 1_000), 0, 20), 42L,
                    list -> assertThat(list.stream().mapToInt(Integer::intValue).sum()).isLessThan(1_500));
            PropertyFailure pair = failure(Gens.tuples(Gens.integers(0, 100_000), Gens.integers(0, 100_000)), 4L,
                    tuple -> assertThat(tuple.first() - tuple.second()).isLessThan(5_000));
            assertThat(List.of(summary(sum), summary(pair))).containsExactly(
                    "3 tries, [257, 917, 343, 612, 771] -> [500, 1000] in 19 steps",
                    "4 tries, (51939, 794) -> (5000, 0) in 11 steps");
        }

        private String summary(PropertyFailure failure) {
            return failure.tries() + " tries, " + failure.originalExample() + " -> " + failure.shrunkExample() + " in "
                    + failure.shrinkSteps() + " steps";
        }
    }
}
