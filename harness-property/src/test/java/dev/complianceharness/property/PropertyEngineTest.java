package dev.complianceharness.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.complianceharness.property.internal.SplitMixRandom;
import dev.complianceharness.property.internal.TestCase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The property engine")
class PropertyEngineTest {

    @TempDir
    Path failures;

    private <T> PropertyFailure failureOf(PropertyCheck<T> check, PropertyCheck.Body<T> body) {
        return catchThrowableOfType(PropertyFailure.class, () -> check.storeFailuresIn(failures).check(body));
    }

    @Nested
    @DisplayName("generation")
    class Generation {

        @Test
        @DisplayName("keeps integers within their bounds and reaches both bounds")
        void integersStayInRange() {
            List<Integer> seen = new ArrayList<>();
            Property.forAll(Gens.integers(-3, 7)).tries(500).seed(1L).storeFailuresIn(failures).check(value -> {
                assertThat(value).isBetween(-3, 7);
                seen.add(value);
            });
            assertThat(seen).hasSize(500).contains(-3, 7, 0, 1, -1);
        }

        @Test
        @DisplayName("tries the simplest example first: zero, empty, the first alternative")
        void simplestFirst() {
            List<Object> first = new ArrayList<>();
            Property.forAll(Gens.integers(-5, 5), Gens.lists(Gens.booleans(), 0, 4)).tries(1).storeFailuresIn(failures)
                    .check((number, list) -> first.add(List.of(number, list)));
            assertThat(first).containsExactly(List.of(0, List.of()));
        }

        @Test
        @DisplayName("generates the same examples for the same seed, and others for another")
        void seedsReproduce() {
            Gen<List<Long>> lists = Gens.lists(Gens.longs(Long.MIN_VALUE, Long.MAX_VALUE), 0, 10);
            List<List<Long>> first = new ArrayList<>();
            List<List<Long>> second = new ArrayList<>();
            List<List<Long>> other = new ArrayList<>();
            Property.forAll(lists).seed(99L).tries(50).storeFailuresIn(failures).check(first::add);
            Property.forAll(lists).seed(99L).tries(50).storeFailuresIn(failures).check(second::add);
            Property.forAll(lists).seed(100L).tries(50).storeFailuresIn(failures).check(other::add);
            assertThat(first).isEqualTo(second).isNotEqualTo(other);
        }

        @Test
        @DisplayName("respects list size bounds")
        void listSizes() {
            Property.forAll(Gens.lists(Gens.integers(0, 9), 2, 5)).tries(300).seed(3L).storeFailuresIn(failures)
                    .check(list -> assertThat(list).hasSizeBetween(2, 5));
        }

        @Test
        @DisplayName("picks frequency alternatives in proportion to their weights")
        void frequency() {
            int[] counts = new int[2];
            Property.forAll(Gens.frequency(Gens.weighted(9, Gens.constant(0)), Gens.weighted(1, Gens.constant(1))))
                    .tries(2_000).seed(5L).storeFailuresIn(failures).check(index -> counts[index]++);
            assertThat(counts[1]).isBetween(120, 300);
        }

        @Test
        @DisplayName("draws integers over the whole long range")
        void fullLongRange() {
            long[] extremes = {0, 0};
            Property.forAll(Gens.longs(Long.MIN_VALUE, Long.MAX_VALUE)).tries(1_000).seed(8L).storeFailuresIn(failures)
                    .check(value -> {
                        extremes[0] = Math.min(extremes[0], value);
                        extremes[1] = Math.max(extremes[1], value);
                    });
            assertThat(extremes[0]).isEqualTo(Long.MIN_VALUE);
            assertThat(extremes[1]).isEqualTo(Long.MAX_VALUE);
        }

        @Test
        @DisplayName("replays a recorded choice sequence to the same value")
        void replay() {
            Gen<List<Integer>> lists = Gens.lists(Gens.integers(-100, 100), 0, 10);
            TestCase random = TestCase.random(SplitMixRandom.seeded(4), 0.1);
            List<Integer> generated = lists.generate(random);
            assertThat(lists.generate(TestCase.replay(random.choices()))).isEqualTo(generated);
        }
    }

    @Nested
    @DisplayName("shrinking")
    class Shrinking {

        @Test
        @DisplayName("shrinks an integer to the smallest failing value")
        void integer() {
            PropertyFailure failure = failureOf(Property.forAll(Gens.integers(0, 1_000_000)).seed(1L),
                    value -> assertThat(value).isLessThan(5_000));
            assertThat(failure.shrunkValue()).isEqualTo(5_000);
        }

        @Test
        @DisplayName("shrinks negative integers towards zero")
        void negative() {
            PropertyFailure failure = failureOf(Property.forAll(Gens.integers(-1_000_000, 1_000_000)).seed(2L),
                    value -> assertThat(value).isGreaterThan(-300));
            assertThat(failure.shrunkValue()).isEqualTo(-300);
        }

        @Test
        @DisplayName("shrinks a list to the one element that matters")
        void list() {
            PropertyFailure failure = failureOf(Property.forAll(Gens.lists(Gens.integers(0, 1_000), 0, 50)).seed(3L),
                    list -> assertThat(list).doesNotContain(7).allSatisfy(value -> assertThat(value).isLessThan(900)));
            assertThat(failure.shrunkValue()).isIn(List.of(7), List.of(900));
        }

        @Test
        @DisplayName("shrinks a sum to a single element just over the limit")
        void sum() {
            PropertyFailure failure = failureOf(Property.forAll(Gens.lists(Gens.integers(0, 1_000), 0, 50)).seed(4L),
                    list -> assertThat(list.stream().mapToInt(Integer::intValue).sum()).isLessThanOrEqualTo(1_000));
            assertThat(failure.shrunkValue()).isEqualTo(List.of(1, 1_000));
        }

        @Test
        @DisplayName("shrinks values generated with flatMap, both the outer and the dependent part")
        void flatMap() {
            Gen<List<Integer>> listWithIndex = Gens.integers(1, 20)
                    .flatMap(size -> Gens.lists(Gens.integers(0, 100), size, size));
            PropertyFailure failure = failureOf(Property.forAll(listWithIndex).seed(5L),
                    list -> assertThat(list.stream().anyMatch(value -> value > 50)).isFalse());
            assertThat(failure.shrunkValue()).isEqualTo(List.of(51));
        }

        @Test
        @DisplayName("shrinks values that pass a filter to the smallest that still passes it")
        void filter() {
            PropertyFailure failure = failureOf(Property.forAll(Gens.integers(0, 10_000).filter(value -> value % 7 == 3))
                    .seed(6L), value -> assertThat(value).isLessThan(100));
            assertThat(failure.shrunkValue()).isEqualTo(101);
        }

        @Test
        @DisplayName("shrinks the values of several generators together")
        void tuples() {
            PropertyFailure failure = catchThrowableOfType(PropertyFailure.class, () -> Property
                    .forAll(Gens.integers(0, 1_000), Gens.integers(0, 1_000)).seed(7L).storeFailuresIn(failures)
                    .check((a, b) -> assertThat(a + b).isLessThan(500)));
            assertThat(failure.shrunkValue()).isEqualTo(new Tuple2<>(0, 500));
        }

        @Test
        @DisplayName("says when shrinking stopped at its limit")
        void limit() {
            PropertyFailure failure = failureOf(Property.forAll(Gens.lists(Gens.integers(0, 1_000), 0, 50)).seed(4L)
                    .shrinkLimit(3), list -> assertThat(list.stream().mapToInt(Integer::intValue).sum()).isLessThan(100));
            assertThat(failure.getMessage()).contains("; shrinking stopped at its limit of 3 replays or 60 s"
                    + " (-Dcomplianceharness.shrink.timeLimit=none lifts the time limit), so it may shrink further)");
        }

        @Test
        @DisplayName("keeps the failure of the same kind while shrinking")
        void sameKind() {
            PropertyFailure failure = failureOf(Property.forAll(Gens.integers(0, 1_000)).seed(8L), value -> {
                if (value > 100) {
                    throw new IllegalStateException("too big: " + value);
                }
                assertThat(value).isNotEqualTo(0);
            });
            assertThat(failure.getCause()).isInstanceOf(AssertionError.class);
            assertThat(failure.shrunkValue()).isEqualTo(0);
        }
    }

    @Nested
    @DisplayName("failure reports")
    class Reports {

        @Test
        @DisplayName("show the seed, original and shrunk example, shrink steps, the failure and how to replay")
        void message() {
            PropertyFailure failure = failureOf(Property.forAll(Gens.integers(0, 1_000_000)).seed(42L).named("small"),
                    value -> assertThat(value).as("amount").isLessThan(1_000));
            assertThat(failure.seed()).isEqualTo(42L);
            assertThat(failure.shrunkExample()).isEqualTo("1000");
            assertThat(failure.getMessage())
                    .startsWith("Property 'small' failed after " + failure.tries() + " tr")
                    .contains("(seed 42).")
                    .contains("\n  shrunk example:   1000  (" + failure.shrinkSteps() + " shrink steps)")
                    .contains("\n  original example: " + failure.originalExample())
                    .contains("\n  failure:          java.lang.AssertionError: [amount] ")
                    .contains("\n  replay:           run again with -Dcomplianceharness.seed=42 (or .seed(42L) on the check,"
                            + " seed = \"42\" on @PropertyTest)")
                    .contains("tried first on the next run");
            assertThat(failure.shrinkSteps()).isPositive();
            assertThat(failure.getCause()).isInstanceOf(AssertionError.class);
        }

        @Test
        @DisplayName("quote strings so that blanks and escapes are visible")
        void strings() {
            PropertyFailure failure = failureOf(Property.forAll(Gens.elements("ok", "tab\there")).seed(1L),
                    value -> assertThat(value).isEqualTo("ok"));
            assertThat(failure.shrunkExample()).isEqualTo("\"tab\\there\"");
        }

        @Test
        @DisplayName("replay the same failure from the printed seed")
        void replaysFromSeed() {
            PropertyFailure first = failureOf(Property.forAll(Gens.lists(Gens.integers(0, 100), 0, 20)).seed(11L),
                    list -> assertThat(list).hasSizeLessThan(3));
            PropertyFailure again = catchThrowableOfType(PropertyFailure.class, () -> Property
                    .forAll(Gens.lists(Gens.integers(0, 100), 0, 20)).seed(first.seed())
                    .storeFailuresIn(failures.resolve("elsewhere")).check(list -> assertThat(list).hasSizeLessThan(3)));
            assertThat(again.originalExample()).isEqualTo(first.originalExample());
            assertThat(again.shrunkExample()).isEqualTo(first.shrunkExample()).isEqualTo("[0, 0, 0]");
        }
    }

    @Nested
    @DisplayName("stored failures")
    class Stored {

        @Test
        @DisplayName("are tried first on the next run, and forgotten once the property holds")
        void triedFirst() throws Exception {
            PropertyFailure first = failureOf(Property.forAll(Gens.integers(0, 1_000_000)).named("stored"),
                    value -> assertThat(value).isLessThan(777));
            Path file = Path.of(first.storedAt().orElseThrow());
            assertThat(file).exists().hasParent(failures);

            List<Integer> triedFirst = new ArrayList<>();
            PropertyFailure second = failureOf(Property.forAll(Gens.integers(0, 1_000_000)).named("stored"), value -> {
                triedFirst.add(value);
                assertThat(value).isLessThan(777);
            });
            assertThat(triedFirst.get(0)).isEqualTo(777);
            assertThat(second.getMessage()).contains("failed again on the failing example an earlier run stored");

            Property.forAll(Gens.integers(0, 1_000_000)).named("stored").tries(5).storeFailuresIn(failures)
                    .check(value -> { });
            assertThat(Files.exists(file)).isFalse();
        }

        @Test
        @DisplayName("set an unreadable file aside with one warning, never replaying or silently overwriting it")
        void unreadable() throws Exception {
            PropertyFailure first = failureOf(Property.forAll(Gens.integers(0, 100)).named("corrupt"),
                    value -> assertThat(value).isLessThan(50));
            Path file = Path.of(first.storedAt().orElseThrow());
            Files.writeString(file, "not,numbers\n");

            PropertyFailure second = failureOf(Property.forAll(Gens.integers(0, 100)).named("corrupt"),
                    value -> assertThat(value).isLessThan(50));

            assertThat(second.shrunkValue()).isEqualTo(50);
            assertThat(second.getMessage()).contains("\n  warning:          The stored failing example " + file
                    + " was not replayed: its line 'not,numbers' is not a field (name=value). It was set aside as "
                    + file.getFileName() + ".corrupt (delete it once inspected).\n  replay:");
            assertThat(file.resolveSibling(file.getFileName() + ".corrupt")).hasContent("not,numbers");
            assertThat(Files.readString(file)).contains("# failing example of property corrupt");
        }

        @Test
        @DisplayName("set a truncated file aside: its checksum line is missing")
        void truncated() throws Exception {
            PropertyFailure first = failureOf(Property.forAll(Gens.integers(0, 100)).named("truncated"),
                    value -> assertThat(value).isLessThan(50));
            Path file = Path.of(first.storedAt().orElseThrow());
            List<String> lines = Files.readAllLines(file);
            Files.write(file, lines.subList(0, lines.size() - 1));

            PropertyFailure second = failureOf(Property.forAll(Gens.integers(0, 100)).named("truncated"),
                    value -> assertThat(value).isLessThan(50));

            assertThat(second.getMessage()).contains("was not replayed: it has no checksum line (truncated). It was set aside as "
                    + file.getFileName() + ".corrupt");
            assertThat(file.resolveSibling(file.getFileName() + ".corrupt")).exists();
        }

        @Test
        @DisplayName("print, when replayed, the seed that reproduces the same original and shrunk example")
        void replayedSeedReproduces() throws Exception {
            PropertyCheck<List<Integer>> check = Property.forAll(Gens.lists(Gens.integers(0, 1_000), 0, 8)).named("sums");
            PropertyCheck.Body<List<Integer>> body = list -> assertThat(list.stream().mapToInt(i -> i).sum()).isLessThan(900);
            PropertyFailure found = failureOf(check, body);

            PropertyFailure replayed = failureOf(Property.forAll(Gens.lists(Gens.integers(0, 1_000), 0, 8)).named("sums"),
                    body);
            Files.delete(Path.of(replayed.storedAt().orElseThrow()));
            PropertyFailure fromSeed = failureOf(Property.forAll(Gens.lists(Gens.integers(0, 1_000), 0, 8)).named("sums")
                    .seed(replayed.seed()), body);

            assertThat(replayed.getMessage()).contains("failed again on the failing example an earlier run stored (found after "
                    + found.tries());
            assertThat(replayed.seed()).isEqualTo(found.seed());
            assertThat(List.of(replayed.originalExample(), replayed.shrunkExample()))
                    .containsExactly(found.originalExample(), found.shrunkExample());
            assertThat(List.of(fromSeed.originalExample(), fromSeed.shrunkExample(), Integer.toString(fromSeed.tries())))
                    .containsExactly(found.originalExample(), found.shrunkExample(), Integer.toString(found.tries()));
        }

        @Test
        @DisplayName("are kept per test, so two tests checking a property through one helper keep their own entries")
        void keyedByTest() throws Exception {
            new HelperUsers().firstTest(failures);
            new HelperUsers().secondTest(failures);

            try (var files = Files.list(failures)) {
                assertThat(files.filter(path -> path.getFileName().toString().endsWith(".failure")).map(path -> {
                    try {
                        return Files.readString(path);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }))
                        .hasSize(2)
                        .anySatisfy(content -> assertThat(content).contains("# property: ").contains("HelperUsers#firstTest"))
                        .anySatisfy(content -> assertThat(content).contains("# property: ").contains("HelperUsers#secondTest"));
            }
        }
    }

    @Nested
    @DisplayName("names")
    class Names {

        @Test
        @DisplayName("name an unnamed property after the method that checks it, without its line")
        void namedAfterCaller() {
            PropertyResult result = Property.forAll(Gens.integers(0, 9)).tries(3).seed(1L).storeFailuresIn(failures)
                    .check(value -> { });

            assertThat(result.property()).isEqualTo(Names.class.getName() + ".namedAfterCaller");
        }

        @Test
        @DisplayName("name a property checked through a helper after the helper, for every check")
        void namedAfterHelper() {
            assertThat(List.of(checkedInHelper(), checkedInHelper(), Property.forAll(Gens.integers(0, 9)).tries(2).seed(2L)
                    .storeFailuresIn(failures).check(value -> { }).property()))
                    .containsExactly(Names.class.getName() + ".checkedInHelper", Names.class.getName() + ".checkedInHelper",
                            Names.class.getName() + ".namedAfterHelper");
        }

        private String checkedInHelper() {
            return Property.forAll(Gens.integers(0, 9)).tries(2).seed(2L).storeFailuresIn(failures).check(value -> { })
                    .property();
        }
    }

    /** Two test methods that check a property through one helper, as a team's suite does. */
    static final class HelperUsers {
        @Test
        void firstTest(Path failures) {
            catchThrowable(() -> sharedHelper(failures, 10));
        }

        @Test
        void secondTest(Path failures) {
            catchThrowable(() -> sharedHelper(failures, 20));
        }

        private static void sharedHelper(Path failures, int limit) {
            Property.forAll(Gens.integers(0, 100)).storeFailuresIn(failures).check(value -> assertThat(value).isLessThan(limit));
        }
    }

    @Nested
    @DisplayName("statistics and coverage")
    class Statistics {

        @Test
        @DisplayName("count labels from labellers and from Property.label inside the body")
        void labels() {
            PropertyResult result = Property.forAll(Gens.integers(0, 99)).tries(200).seed(3L).storeFailuresIn(failures)
                    .label(number -> number < 10 ? "single digit" : "two digits")
                    .check(number -> {
                        if (number % 2 == 0) {
                            Property.label("even");
                        }
                    });
            assertThat(result.tries()).isEqualTo(200);
            assertThat(result.labels().get("single digit") + result.labels().get("two digits")).isEqualTo(200);
            assertThat(result.labels().get("even")).isBetween(70L, 130L);
        }

        @Test
        @DisplayName("fail with the distribution when required coverage is not reached")
        void coverageMissed() {
            assertThatThrownBy(() -> Property.forAll(Gens.integers(0, 1_000)).tries(200).seed(3L).storeFailuresIn(failures)
                    .label(number -> number >= 990 ? "near the limit" : "elsewhere")
                    .requireCoverage("near the limit", 20)
                    .check(number -> { }))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("Property '")
                    .hasMessageContaining("held for 200 tries (seed 3) but did not reach the required coverage:")
                    .hasMessageMatching("(?s).*label 'near the limit' was seen in \\d+\\.\\d % of tries \\(\\d+ of 200\\),"
                            + " less than the required 20\\.0 %.*")
                    .hasMessageContaining("labels:  elsewhere ")
                    .hasMessageContaining("fix:     generate more examples of the missing kind");
        }

        @Test
        @DisplayName("pass when generation reaches the required coverage")
        void coverageReached() {
            PropertyResult result = Property.forAll(Gens.frequency(Gens.weighted(1, Gens.integers(990, 1_000)),
                            Gens.weighted(1, Gens.integers(0, 989))))
                    .tries(200).seed(3L).storeFailuresIn(failures)
                    .label(number -> number >= 990 ? "near the limit" : "elsewhere")
                    .requireCoverage("near the limit", 20)
                    .check(number -> { });
            assertThat(result.labels().get("near the limit")).isGreaterThanOrEqualTo(40L);
        }

        @Test
        @DisplayName("name the missing share when uniform instants rarely fall within an hour of a DST transition")
        void dstCoverage() {
            java.time.zone.ZoneRules newYork = java.time.ZoneId.of("America/New_York").getRules();
            java.time.Instant start = java.time.Instant.parse("2025-01-01T00:00:00Z");
            java.time.Instant end = java.time.Instant.parse("2026-01-01T00:00:00Z");
            java.util.function.Predicate<java.time.Instant> nearTransition = instant -> {
                java.time.zone.ZoneOffsetTransition next = newYork.nextTransition(instant);
                java.time.zone.ZoneOffsetTransition previous = newYork.previousTransition(instant);
                return next != null && java.time.Duration.between(instant, next.getInstant()).toHours() < 1
                        || previous != null && java.time.Duration.between(previous.getInstant(), instant).toHours() < 1;
            };
            String label = "within 1 h of a DST transition";
            assertThatThrownBy(() -> Property.forAll(Gens.instants(start, end)).tries(300).seed(5L).storeFailuresIn(failures)
                    .label(instant -> nearTransition.test(instant) ? label : "elsewhere")
                    .requireCoverage(label, 5)
                    .check(instant -> { }))
                    .hasMessageContaining("label 'within 1 h of a DST transition' was seen in")
                    .hasMessageContaining("less than the required 5.0 %");

            java.time.Instant spring = java.time.Instant.parse("2025-03-09T07:00:00Z");
            Gen<java.time.Instant> biased = Gens.frequency(Gens.weighted(1, Gens.instants(spring.minusSeconds(3_599),
                    spring.plusSeconds(3_599))), Gens.weighted(9, Gens.instants(start, end)));
            PropertyResult result = Property.forAll(biased).tries(300).seed(5L).storeFailuresIn(failures)
                    .label(instant -> nearTransition.test(instant) ? label : "elsewhere")
                    .requireCoverage(label, 5)
                    .check(instant -> { });
            assertThat(result.labels().get(label)).isGreaterThanOrEqualTo(15L);
        }

        @Test
        @DisplayName("Property.label outside a property says where to call it")
        void labelOutside() {
            assertThatThrownBy(() -> Property.label("x")).isInstanceOf(IllegalStateException.class)
                    .hasMessage("Property.label(\"x\") was called outside a property's body; call it inside check(...)");
        }
    }

    @Nested
    @DisplayName("the runner")
    class Runner {

        @Test
        @DisplayName("stops at the time budget with the tries it managed")
        void timeBudget() {
            PropertyResult result = Property.forAll(Gens.integers(0, 10)).tries(1_000_000)
                    .timeBudget(java.time.Duration.ofMillis(200)).storeFailuresIn(failures)
                    .check(number -> Thread.sleep(1));
            assertThat(result.tries()).isPositive().isLessThan(1_000_000);
        }

        @Test
        @DisplayName("discards examples that fail an assumption without failing")
        void assumptions() {
            PropertyResult result = Property.forAll(Gens.integers(0, 10)).tries(50).seed(1L).storeFailuresIn(failures)
                    .check(number -> {
                        Property.assume(number != 3);
                        assertThat(number).isNotEqualTo(3);
                    });
            assertThat(result.tries()).isEqualTo(50);
            assertThat(result.discarded()).isPositive();
        }
    }

    @Nested
    @DisplayName("bad input")
    class BadInput {

        @Test
        @DisplayName("an inverted range names the generator and says to swap the bounds")
        void invertedRange() {
            assertThatThrownBy(() -> Gens.integers(5, 1)).isInstanceOf(InvalidGeneratorException.class)
                    .hasMessage("Gens.integers(5, 1): min 5 is greater than max 1; swap the bounds");
        }

        @Test
        @DisplayName("an empty oneOf says what to pass")
        void emptyOneOf() {
            assertThatThrownBy(Gens::oneOf).isInstanceOf(InvalidGeneratorException.class)
                    .hasMessageStartingWith("Gens.oneOf(): needs at least one generator to choose from");
            assertThatThrownBy(() -> Gens.elements(List.of())).isInstanceOf(InvalidGeneratorException.class)
                    .hasMessageStartingWith("Gens.elements([]): needs at least one value");
        }

        @Test
        @DisplayName("an impossible size bound names the generator and the bounds")
        void impossibleSize() {
            assertThatThrownBy(() -> Gens.lists(Gens.booleans(), 5, 2)).isInstanceOf(InvalidGeneratorException.class)
                    .hasMessage("Gens.lists(Gens.booleans(), 5, 2): the minimum size 5 exceeds the maximum size 2;"
                            + " swap them or raise the maximum");
        }

        @Test
        @DisplayName("a filter that rejects everything names the filtered generator and the fix")
        void filterRejectsEverything() {
            assertThatThrownBy(() -> Property.forAll(Gens.integers(0, 100).describedAs("amounts").filter(value -> value > 100))
                    .storeFailuresIn(failures).check(value -> { }))
                    .isInstanceOf(InvalidGeneratorException.class)
                    .hasMessageContaining("amounts.filter(...) rejected too many values")
                    .hasMessageContaining("Generate valid values directly");
        }
    }
}
