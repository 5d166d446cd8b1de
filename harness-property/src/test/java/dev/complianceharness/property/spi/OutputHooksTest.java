package dev.complianceharness.property.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.complianceharness.property.Gens;
import dev.complianceharness.property.Property;
import dev.complianceharness.property.ReportProperties;
import dev.complianceharness.property.stateful.Command;
import dev.complianceharness.property.stateful.StatefulProperty;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

@DisplayName("The engine's output hooks")
@ReportProperties
class OutputHooksTest {

    @Test
    @DisplayName("pass the failure summary handed to listeners through the registered redactors")
    void redactsFailureSummaries() {
        Throwable failure = catchThrowable(() -> Property.forAll(Gens.integers(0, 10).map(i -> "SECRET-" + i))
                .named("secrets").seed(7L).tries(20)
                .check(secret -> assertThat(secret).isEqualTo("never")));

        assertThat(failure).isNotNull();
        assertThat(Recording.RUNS).filteredOn(run -> run.property().equals("secrets")).singleElement()
                .satisfies(run -> {
                    assertThat(run.passed()).isFalse();
                    assertThat(run.failureSummary()).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                            .contains("SECRET-***").doesNotContainPattern("SECRET-\\d");
                });
    }

    @Test
    @DisplayName("tell the registered listeners of each finished run, with its test, seed and tries")
    void reportsRuns(TestInfo test) {
        Property.forAll(Gens.integers(0, 10)).named("small ints").seed(42L).tries(30).check(i -> assertThat(i).isBetween(0, 10));

        assertThat(Recording.RUNS).filteredOn(run -> run.property().equals("small ints")).singleElement()
                .satisfies(run -> {
                    assertThat(run.testName()).isEqualTo(test.getDisplayName());
                    assertThat(run.seed()).isEqualTo(42L);
                    assertThat(run.tries()).isEqualTo(30);
                    assertThat(run.passed()).isTrue();
                    assertThat(run.failureSummary()).isEmpty();
                });
    }

    @Test
    @DisplayName("hand a stateful property's notes to the listeners with its run, in the order they were added")
    void passesStatefulNotes() {
        StatefulProperty.of(() -> 0, AtomicInteger::new)
                .commands(Command.<Integer, AtomicInteger>named("increment")
                        .run(AtomicInteger::incrementAndGet)
                        .nextModel((count, none, result) -> count + 1))
                .invariant("the counter counts", (count, counter) -> assertThat(counter.get()).isEqualTo(count))
                .note("counter", "an AtomicInteger")
                .note("policy", "first")
                .note("policy", "replaced")
                .named("noted counter").seed(3L).tries(5)
                .checkSequential();

        assertThat(Recording.RUNS).filteredOn(run -> run.property().equals("noted counter")).singleElement()
                .satisfies(run -> assertThat(run.notes()).containsExactly(
                        org.assertj.core.api.Assertions.entry("counter", "an AtomicInteger"),
                        org.assertj.core.api.Assertions.entry("policy", "replaced")));
    }

    @Test
    @DisplayName("refuse a stateful note without a name")
    void refusesBlankStatefulNote() {
        assertThat(catchThrowable(() -> StatefulProperty.of(() -> 0, AtomicInteger::new).note(" ", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("note(...) needs a name");
    }
}
