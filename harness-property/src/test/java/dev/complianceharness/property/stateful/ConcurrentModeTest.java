package dev.complianceharness.property.stateful;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.complianceharness.property.Gen;
import dev.complianceharness.property.Gens;
import dev.complianceharness.property.Property;
import dev.complianceharness.property.PropertyFailure;
import dev.complianceharness.property.stateful.Banks.Account;
import dev.complianceharness.property.stateful.Banks.Balance;
import dev.complianceharness.property.stateful.Banks.RacyAccount;
import dev.complianceharness.property.stateful.Banks.SynchronizedAccount;
import dev.complianceharness.property.stateful.Banks.ThreadCachedAccount;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("StatefulProperty in concurrent mode")
class ConcurrentModeTest {

    @Nested
    @DisplayName("finds a check-then-act race")
    class Race {

        @Test
        @DisplayName("in at least 19 of 20 runs with different seeds, within the default budget")
        void findsRacyWithdraw(@TempDir Path failures) {
            Gen<ConcurrentRun> runs = Banks.property(RacyAccount::new).concurrentRuns();
            List<Long> missed = LongStream.rangeClosed(1, 20)
                    .filter(seed -> catchThrowable(() -> Property.forAll(runs).seed(seed)
                            .storeFailuresIn(failures.resolve("seed-" + seed)).shrinkLimit(0)
                            .check(StatefulRun::assertPassed)) == null)
                    .boxed().toList();

            assertThat(missed).as("seeds whose run did not find the race").hasSizeLessThanOrEqualTo(1);
        }

        @Test
        @DisplayName("and reports the prefix, each branch's observations and why no interleaving fits the model")
        void reportsInterleaving() {
            Throwable failure = catchThrowable(() -> Banks.property(RacyAccount::new).seed(3L).checkConcurrent());

            assertThat(failure).isInstanceOf(AssertionError.class);
            assertThat(failure.getMessage())
                    .contains("Concurrent run failed in repetition ")
                    .contains("Sequential prefix (model after each step):")
                    .contains(". deposit(")
                    .contains("branch 1:", "branch 2:")
                    .contains(" us .. ")
                    .contains("Longest order the model accepts (")
                    .containsAnyOf("Then no call can come next:", "an invariant failed");
        }

        @Test
        @DisplayName("and passes the synchronized account")
        void passesSynchronizedAccount() {
            assertThatCode(() -> Banks.property(SynchronizedAccount::new).seed(5L).checkConcurrent())
                    .doesNotThrowAnyException();
        }
    }

    @Nested
    @DisplayName("shrinks a concurrent failure")
    class Shrinking {

        @Test
        @DisplayName("to the shortest prefix and the shortest branches, with no shrinker of its own")
        void shrinksPrefixAndBranches(@TempDir Path failures) {
            Throwable failure = catchThrowable(() -> Property.forAll(Banks.property(ThreadCachedAccount::new)
                            .prefixSteps(0, 5).branchSteps(1, 4).concurrentRuns())
                    .seed(17L).storeFailuresIn(failures).check(StatefulRun::assertPassed));

            assertThat(failure).isInstanceOf(PropertyFailure.class);
            ConcurrentRun shrunk = (ConcurrentRun) ((PropertyFailure) failure).shrunkValue();
            assertThat(shrunk.prefix()).isEmpty();
            assertThat(shrunk.branches()).hasSize(2).allSatisfy(branch -> assertThat(branch).hasSize(1))
                    .anySatisfy(branch -> assertThat(branch).extracting(Step::toString).containsExactly("balance() -> -1"));
            assertThat(((PropertyFailure) failure).originalExample())
                    .isNotEqualTo(((PropertyFailure) failure).shrunkExample());
            assertThat(failure.getMessage()).contains("Then no call can come next:",
                    "balance() -> -1: expected ", " (from the model) but the system returned -1");
        }
    }

    @Nested
    @DisplayName("generates concurrent cases")
    class Generation {

        @Test
        @DisplayName("with a prefix within its bounds and the configured number of branches of bounded length")
        void honoursShape() {
            List<ConcurrentRun> runs = new ArrayList<>();
            Property.forAll(Banks.property(SynchronizedAccount::new).prefixSteps(1, 3).branches(3).branchSteps(2, 3)
                    .repetitions(2).concurrentRuns()).tries(30).seed(2L).check(runs::add);

            assertThat(runs).isNotEmpty().allSatisfy(run -> {
                assertThat(run.passed()).isTrue();
                assertThat(run.repetitionsRun()).isEqualTo(2);
                assertThat(run.prefix()).hasSizeBetween(1, 3);
                assertThat(run.branches()).hasSize(3)
                        .allSatisfy(branch -> assertThat(branch).hasSizeBetween(2, 3));
            });
        }
    }

    @Nested
    @DisplayName("fails closed")
    class FailsClosed {

        @Test
        @DisplayName("when the linearizability search reaches its bound")
        void boundReached() {
            Throwable failure = catchThrowable(() -> Banks.property(SynchronizedAccount::new).linearizabilitySearchBound(1)
                    .seed(1L).tries(5).checkConcurrent());

            assertThat(failure).hasMessageContaining("the linearizability search stopped at its bound of 1 model states "
                    + "without deciding, so this run does not count as a pass");
        }

        @Test
        @DisplayName("when a branch does not return within the timeout")
        void hangingBranch() {
            CountDownLatch never = new CountDownLatch(1);
            Command<Balance, Account, Void, Void> hang = Command.<Balance, Account>named("hang")
                    .runWithoutResult(account -> {
                        try {
                            never.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
            Throwable failure = catchThrowable(() -> StatefulProperty.<Balance, Account>of(() -> new Balance(0),
                            SynchronizedAccount::new)
                    .commands(hang).branchTimeout(Duration.ofMillis(50)).repetitions(1).tries(1).seed(1L)
                    .checkConcurrent());

            assertThat(failure).hasMessageContaining("the branches did not finish within PT0.05S");
        }

        @Test
        @DisplayName("when a branch call throws")
        void throwingBranch() {
            Command<Balance, Account, Long, Boolean> failing = Command.<Balance, Account>named("withdraw")
                    .arguments(balance -> Gens.longs(1, 5))
                    .run((account, amount) -> {
                        throw new IllegalStateException("ledger offline");
                    });
            Throwable failure = catchThrowable(() -> StatefulProperty.<Balance, Account>of(() -> new Balance(0),
                    SynchronizedAccount::new).commands(failing).prefixSteps(0, 0).tries(3).seed(1L).checkConcurrent());

            assertThat(failure).hasMessageContaining("call withdraw(1) threw IllegalStateException: ledger offline; "
                    + "return rejections as results so that the model can judge them");
        }
    }
}
