package dev.complianceharness.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Generators")
class GeneratorsTest {

    @TempDir
    Path failures;

    /** Runs a passing property over many examples and collects them. */
    private <T> List<T> examples(Gen<T> generator, int tries) {
        List<T> seen = new ArrayList<>();
        Property.forAll(generator).tries(tries).seed(17L).storeFailuresIn(failures).check(seen::add);
        return seen;
    }

    /** The shrunk example of a property that fails. */
    private <T> Object shrunk(Gen<T> generator, PropertyCheck.Body<T> body) {
        return catchThrowableOfType(PropertyFailure.class,
                () -> Property.forAll(generator).seed(23L).storeFailuresIn(failures).check(body)).shrunkValue();
    }

    @Nested
    @DisplayName("doubles")
    class Doubles {

        @Test
        @DisplayName("stay within their bounds, reach them, and shrink to whole numbers near zero")
        void range() {
            List<Double> seen = examples(Gens.doubles(-2.5, 10.0), 1_000);
            assertThat(seen).allSatisfy(value -> assertThat(value).isBetween(-2.5, 10.0))
                    .contains(-2.5, 10.0, 0.0).anySatisfy(value -> assertThat(value % 1).isNotZero());
            assertThat(shrunk(Gens.doubles(-1_000, 1_000), value -> assertThat(value).isLessThan(3.5))).isEqualTo(4.0);
            assertThat(shrunk(Gens.doubles(-1_000, 1_000), value -> assertThat(value).isGreaterThan(-0.5)))
                    .isEqualTo(-1.0);
        }

        @Test
        @DisplayName("cover the widest finite range")
        void wide() {
            List<Double> seen = examples(Gens.doubles(-Double.MAX_VALUE, Double.MAX_VALUE), 500);
            assertThat(seen).allSatisfy(value -> assertThat(value).isFinite())
                    .anySatisfy(value -> assertThat(Math.abs(value)).isGreaterThan(1e100));
        }

        @Test
        @DisplayName("reject bounds that are not finite")
        void infinite() {
            assertThatThrownBy(() -> Gens.doubles(0, Double.POSITIVE_INFINITY)).isInstanceOf(InvalidGeneratorException.class)
                    .hasMessageStartingWith("Gens.doubles(0.0, Infinity): bounds must be finite numbers");
        }
    }

    @Nested
    @DisplayName("decimals")
    class Decimals {

        @Test
        @DisplayName("keep their scale and bounds, and shrink to the smallest failing amount")
        void amounts() {
            Gen<BigDecimal> amounts = Gens.bigDecimals(new BigDecimal("0.01"), new BigDecimal("999.99"), 2);
            assertThat(examples(amounts, 300)).allSatisfy(amount -> {
                assertThat(amount.scale()).isEqualTo(2);
                assertThat(amount).isBetween(new BigDecimal("0.01"), new BigDecimal("999.99"));
            });
            assertThat(shrunk(amounts, amount -> assertThat(amount).isLessThan(new BigDecimal("100.00"))))
                    .isEqualTo(new BigDecimal("100.00"));
        }

        @Test
        @DisplayName("say when no number of the scale fits the range")
        void impossibleScale() {
            assertThatThrownBy(() -> Gens.bigDecimals(new BigDecimal("0.001"), new BigDecimal("0.009"), 2))
                    .isInstanceOf(InvalidGeneratorException.class)
                    .hasMessage("Gens.bigDecimals(0.001, 0.009, 2): no number with 2 digits after the point lies between"
                            + " the bounds; swap them, widen the range or raise the scale");
        }
    }

    @Nested
    @DisplayName("strings")
    class Strings {

        @Test
        @DisplayName("use only the requested character classes and lengths, and shrink to the simplest text")
        void classes() {
            Gen<String> names = Gens.strings(1, 8, CharacterClass.LOWERCASE, CharacterClass.DIGITS);
            assertThat(examples(names, 500)).allSatisfy(name -> assertThat(name).matches("[a-z0-9]{1,8}"));
            assertThat(shrunk(names, name -> assertThat(name).doesNotContain("7"))).isEqualTo("7");
            assertThat(shrunk(names, name -> assertThat(name).hasSizeLessThan(3))).isEqualTo("aaa");
        }

        @Test
        @DisplayName("generate whole code points outside the Basic Multilingual Plane, never lone surrogates")
        void unicode() {
            List<String> texts = examples(Gens.strings(0, 10, CharacterClass.UNICODE), 500);
            assertThat(texts).anySatisfy(text -> assertThat(text.codePoints().anyMatch(Character::isSupplementaryCodePoint)).isTrue())
                    .allSatisfy(text -> assertThat(text.codePoints()
                            .noneMatch(codePoint -> Character.isSurrogate((char) codePoint) && codePoint <= 0xFFFF)).isTrue());
        }

        @Test
        @DisplayName("single characters come from their classes and shrink to the first of the first class")
        void characters() {
            assertThat(examples(Gens.characters(CharacterClass.DIGITS, CharacterClass.WHITESPACE), 200))
                    .allSatisfy(character -> assertThat(character).matches("[0-9 \\t\\n\\r]"))
                    .contains("0", " ");
            assertThat(shrunk(Gens.characters(CharacterClass.UPPERCASE), character -> assertThat(character).isEqualTo("A")))
                    .isEqualTo("B");
        }

        @Test
        @DisplayName("draw from an alphabet, simplest character first")
        void alphabet() {
            assertThat(examples(Gens.strings("xyz", 0, 5), 200)).allSatisfy(text -> assertThat(text).matches("[xyz]*"));
            assertThat(shrunk(Gens.strings("xyz", 0, 5), text -> assertThat(text).isEmpty())).isEqualTo("x");
            assertThatThrownBy(() -> Gens.strings("", 0, 5)).isInstanceOf(InvalidGeneratorException.class)
                    .hasMessage("Gens.strings(\"\", 0, 5): the alphabet is empty; pass the characters to use");
        }
    }

    @Nested
    @DisplayName("collections with uniqueness")
    class Unique {

        @Test
        @DisplayName("sets, unique lists and map keys hold no duplicates and respect their sizes")
        void distinct() {
            assertThat(examples(Gens.sets(Gens.integers(0, 20), 2, 6), 300)).allSatisfy(set -> assertThat(set).hasSizeBetween(2, 6));
            assertThat(examples(Gens.uniqueLists(Gens.integers(0, 20), 0, 10), 300))
                    .allSatisfy(list -> assertThat(new HashSet<>(list)).hasSameSizeAs(list));
            assertThat(examples(Gens.maps(Gens.integers(0, 5), Gens.booleans(), 1, 4), 300))
                    .allSatisfy(map -> assertThat(map).hasSizeBetween(1, 4));
        }

        @Test
        @DisplayName("shrink to the fewest, simplest distinct elements")
        void shrinking() {
            assertThat(shrunk(Gens.sets(Gens.integers(0, 1_000), 0, 20), set -> assertThat(set).hasSizeLessThan(3)))
                    .isEqualTo(Set.of(0, 1, 2));
            assertThat(shrunk(Gens.maps(Gens.integers(0, 100), Gens.integers(0, 100), 0, 10),
                    map -> assertThat(map.values()).allSatisfy(value -> assertThat(value).isLessThan(50))))
                    .isEqualTo(Map.of(0, 50));
        }

        @Test
        @DisplayName("say when the elements have too few distinct values for the minimum size")
        void tooFewDistinct() {
            assertThatThrownBy(() -> Property.forAll(Gens.sets(Gens.booleans(), 3, 5)).storeFailuresIn(failures)
                    .check(set -> { }))
                    .isInstanceOf(InvalidGeneratorException.class)
                    .hasMessageStartingWith("Gens.sets(Gens.booleans(), 3, 5): found only 2 distinct elements, fewer than"
                            + " the minimum size 3")
                    .hasMessageContaining("lower the minimum size or widen the element generator");
        }
    }

    @Nested
    @DisplayName("java.time")
    class Time {

        private final Instant start = Instant.parse("2025-03-09T06:00:00Z");
        private final Instant end = Instant.parse("2025-03-09T08:00:00Z");

        @Test
        @DisplayName("instants stay in their range, favour the bounds, and shrink to the earliest failing second")
        void instants() {
            List<Instant> seen = examples(Gens.instants(start, end), 500);
            assertThat(seen).allSatisfy(instant -> assertThat(instant).isBetween(start, end)).contains(start, end);
            assertThat(shrunk(Gens.instants(start, end), instant -> assertThat(instant).isBefore(start.plusSeconds(3_600))))
                    .isEqualTo(start.plusSeconds(3_600));
        }

        @Test
        @DisplayName("dates, times, date-times and durations stay in range and shrink towards their simplest value")
        void others() {
            LocalDate first = LocalDate.of(2024, 2, 28);
            LocalDate last = LocalDate.of(2024, 3, 2);
            assertThat(examples(Gens.localDates(first, last), 200)).allSatisfy(date -> assertThat(date).isBetween(first, last))
                    .contains(LocalDate.of(2024, 2, 29));
            assertThat(shrunk(Gens.localTimes(), time -> assertThat(time).isBefore(LocalTime.of(21, 0))))
                    .isEqualTo(LocalTime.of(21, 0));
            LocalDateTime from = LocalDateTime.of(2025, 1, 1, 0, 0);
            assertThat(examples(Gens.localDateTimes(from, from.plusDays(1)), 200))
                    .allSatisfy(dateTime -> assertThat(dateTime).isBetween(from, from.plusDays(1)));
            assertThat(shrunk(Gens.durations(Duration.ofHours(-5), Duration.ofHours(5)),
                    duration -> assertThat(duration.abs()).isLessThan(Duration.ofMinutes(90))))
                    .isEqualTo(Duration.ofMinutes(90));
        }

        @Test
        @DisplayName("zone ids come from the JVM's tz data, UTC first")
        void zones() {
            assertThat(examples(Gens.zoneIds(), 300)).contains(ZoneId.of("UTC")).hasSizeGreaterThan(200)
                    .allSatisfy(zone -> assertThat(ZoneId.getAvailableZoneIds()).contains(zone.getId()));
            assertThat(shrunk(Gens.zoneIds(), zone -> assertThat(zone.getId()).isEqualTo("UTC")))
                    .isEqualTo(ZoneId.of("Africa/Abidjan"));
        }

        @Test
        @DisplayName("inverted ranges name the generator")
        void inverted() {
            assertThatThrownBy(() -> Gens.instants(end, start)).isInstanceOf(InvalidGeneratorException.class)
                    .hasMessage("Gens.instants(2025-03-09T08:00:00Z, 2025-03-09T06:00:00Z): min is after max; swap the bounds");
            assertThatThrownBy(() -> Gens.localTimes(LocalTime.of(21, 0), LocalTime.of(8, 0)))
                    .hasMessageContaining("a window across midnight is two ranges");
        }
    }

    @Nested
    @DisplayName("structured values")
    class Structured {

        /** A record built through a builder. */
        record Payment(long cents, String currency, Optional<String> reference) {
        }

        /** A mutable builder for it. */
        static final class PaymentBuilder {
            long cents;
            String currency;
            Optional<String> reference = Optional.empty();

            Payment build() {
                return new Payment(cents, currency, reference);
            }
        }

        enum Kind { MARKETING, TRANSACTIONAL, INFORMATIONAL }

        @Test
        @DisplayName("records built through builders shrink every property")
        void builders() {
            Gen<Payment> payments = Gens.builder(PaymentBuilder::new)
                    .with(Gens.longs(1, 1_000_000), (builder, cents) -> builder.cents = cents)
                    .with(Gens.elements("EUR", "USD", "GBP"), (builder, currency) -> builder.currency = currency)
                    .with(Gens.optionals(Gens.strings(1, 5, CharacterClass.LOWERCASE)), (builder, ref) -> builder.reference = ref)
                    .build(PaymentBuilder::build);
            assertThat(shrunk(payments, payment -> assertThat(payment.cents() > 500 && payment.currency().equals("USD")).isFalse()))
                    .isEqualTo(new Payment(501, "USD", Optional.empty()));
            assertThat(shrunk(Gens.combine(Gens.integers(0, 100), Gens.enums(Kind.class), (n, kind) -> kind + ":" + n),
                    text -> assertThat(text).doesNotStartWith("INFORMATIONAL"))).isEqualTo("INFORMATIONAL:0");
        }

        @Test
        @DisplayName("recursive structures stay within their depth and shrink to a small failing one")
        void recursive() {
            Gen<Object> nested = Gens.recursive(Gens.integers(0, 9).map(value -> (Object) value),
                    inner -> Gens.lists(inner, 0, 3).map(list -> (Object) list), 3);
            assertThat(examples(nested, 300)).allSatisfy(value -> assertThat(depth(value)).isLessThanOrEqualTo(3))
                    .anySatisfy(value -> assertThat(depth(value)).isGreaterThanOrEqualTo(2));
            assertThat(shrunk(nested, value -> assertThat(depth(value)).isLessThan(2))).isEqualTo(List.of(List.of()));
            assertThatThrownBy(() -> Gens.recursive(Gens.constant(1), inner -> inner, -1))
                    .isInstanceOf(InvalidGeneratorException.class).hasMessageContaining("the depth must not be negative");
        }

        @Test
        @DisplayName("lazy generators allow self-reference")
        void lazy() {
            AtomicReference<Gen<List<Object>>> self = new AtomicReference<>();
            Gen<List<Object>> tree = Gens.lists(Gens.lazy(self::get).map(list -> (Object) list), 0, 2);
            self.set(tree);
            assertThat(examples(tree, 100)).hasSize(100).anySatisfy(list -> assertThat(list).isNotEmpty());
        }

        private static int depth(Object value) {
            if (value instanceof List<?> list) {
                int deepest = 0;
                for (Object element : list) {
                    deepest = Math.max(deepest, depth(element));
                }
                return deepest + 1;
            }
            return 0;
        }
    }

    @Nested
    @DisplayName("edge cases")
    class EdgeCases {

        @Test
        @DisplayName("are mixed in by default and can be switched off")
        void configurable() {
            List<Long> mixed = new ArrayList<>();
            Property.forAll(Gens.longs(-1_000_000_000L, 1_000_000_000L)).tries(300).seed(9L).storeFailuresIn(failures)
                    .check(mixed::add);
            assertThat(mixed).contains(-1_000_000_000L, 1_000_000_000L, 1L, -1L);
            List<Long> plain = new ArrayList<>();
            Property.forAll(Gens.longs(-1_000_000_000L, 1_000_000_000L)).tries(300).seed(9L).withoutEdgeCases()
                    .storeFailuresIn(failures).check(plain::add);
            assertThat(plain).doesNotContain(-1_000_000_000L, 1_000_000_000L);
        }
    }
}
