package dev.complianceharness.property.stateful;

import static org.assertj.core.api.Assertions.assertThat;

import dev.complianceharness.property.stateful.internal.LinearizabilitySearch;
import dev.complianceharness.property.stateful.internal.LinearizabilitySearch.Operation;
import dev.complianceharness.property.stateful.internal.LinearizabilitySearch.Result;
import dev.complianceharness.property.stateful.internal.LinearizabilitySearch.Verdict;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The linearizability search")
class LinearizabilitySearchTest {

    /** A register write (value >= 0) or a read that observed a value, with its real-time span. */
    record RegisterCall(boolean write, int value, long startNanos, long endNanos) implements Operation<Integer> {
        @Override
        public Integer apply(Integer model) {
            if (write) {
                return value;
            }
            if (model != value) {
                throw new AssertionError("read " + value + " but the register holds " + model);
            }
            return model;
        }
    }

    static RegisterCall write(int value, long start, long end) {
        return new RegisterCall(true, value, start, end);
    }

    static RegisterCall read(int value, long start, long end) {
        return new RegisterCall(false, value, start, end);
    }

    @Test
    @DisplayName("accepts overlapping calls that some order explains")
    void acceptsOverlapping() {
        Result result = LinearizabilitySearch.search(0, List.of(List.of(write(1, 0, 10)), List.of(read(1, 5, 15))),
                model -> { }, 1000);

        assertThat(result.verdict()).isEqualTo(Verdict.LINEARIZABLE);
        assertThat(result.order()).extracting(LinearizabilitySearch.Placement::branch).containsExactly(0, 1);
    }

    @Test
    @DisplayName("respects real time: a read that started after a write returned must see it")
    void respectsRealTime() {
        Result result = LinearizabilitySearch.search(0,
                List.of(List.of(write(1, 0, 10), write(2, 40, 50)), List.of(read(0, 20, 30))), model -> { }, 1000);

        assertThat(result.verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
        assertThat(result.rejections()).extracting(LinearizabilitySearch.Rejection::reason)
                .containsExactlyInAnyOrder("must come after branch 2's call 1, which returned before it started",
                        "read 0 but the register holds 1");
    }

    @Test
    @DisplayName("rejects a complete order whose final state fails the final check")
    void finalCheck() {
        Result result = LinearizabilitySearch.search(0, List.of(List.of(write(1, 0, 10)), List.of(write(2, 0, 10))),
                model -> {
                    throw new AssertionError("final value " + model + " is not 3");
                }, 1000);

        assertThat(result.verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
        assertThat(result.rejections()).extracting(LinearizabilitySearch.Rejection::branch).containsExactly(-1);
    }

    @Test
    @DisplayName("reports undecided, not a pass, when the bound is reached")
    void undecidedAtBound() {
        Result result = LinearizabilitySearch.search(0, List.of(
                        List.of(write(1, 0, 100), write(2, 0, 100), read(9, 0, 100)),
                        List.of(write(3, 0, 100), write(4, 0, 100), read(9, 0, 100))),
                model -> { }, 5);

        assertThat(result.verdict()).isEqualTo(Verdict.UNDECIDED);
        assertThat(result.statesExplored()).isEqualTo(5);
    }

    @Test
    @DisplayName("memoises on (model, positions), so equal states are visited once")
    void memoises() {
        List<RegisterCall> writes = List.of(write(1, 0, 100), write(1, 0, 100), write(1, 0, 100), write(1, 0, 100));
        Result result = LinearizabilitySearch.search(0, List.of(writes, writes, writes), model -> {
            throw new AssertionError("never");
        }, 1_000_000);

        assertThat(result.verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
        assertThat(result.statesExplored()).isLessThanOrEqualTo(5 * 5 * 5);
    }
}
