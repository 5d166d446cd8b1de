package dev.complianceharness.property.stateful;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.complianceharness.property.Gen;
import dev.complianceharness.property.Gens;
import dev.complianceharness.property.Property;
import dev.complianceharness.property.PropertyFailure;
import dev.complianceharness.property.stateful.Banks.Account;
import dev.complianceharness.property.stateful.Banks.Balance;
import dev.complianceharness.property.stateful.Banks.OffByOneAccount;
import dev.complianceharness.property.stateful.Banks.SynchronizedAccount;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("StatefulProperty in sequential mode")
class StatefulPropertyTest {

    @Nested
    @DisplayName("runs generated command sequences against the real system")
    class Running {

        @Test
        @DisplayName("passes a correct system")
        void passesCorrectSystem() {
            assertThatCode(() -> Banks.property(SynchronizedAccount::new).tries(100).seed(1L).checkSequential())
                    .doesNotThrowAnyException();
        }

        @Test
        @DisplayName("generates arguments from the model state: every withdrawal is within the modelled balance")
        void argumentsDependOnModel() {
            List<SequentialRun> runs = new ArrayList<>();
            Property.forAll(Banks.property(SynchronizedAccount::new).sequences()).tries(50).seed(7L).check(runs::add);

            assertThat(runs).isNotEmpty();
            for (SequentialRun run : runs) {
                long balance = 0;
                for (Step step : run.steps()) {
                    if (step.command().equals("withdraw")) {
                        assertThat((Long) step.arguments()).isBetween(1L, balance);
                    }
                    balance = ((Balance) step.modelAfter().orElseThrow()).amount();
                }
            }
            assertThat(runs).anySatisfy(run -> assertThat(run.steps()).extracting(Step::command).contains("withdraw"));
        }

        @Test
        @DisplayName("honours the sequence length bounds")
        void honoursLengthBounds() {
            List<Integer> lengths = new ArrayList<>();
            Property.forAll(Banks.property(SynchronizedAccount::new).steps(3, 6).sequences()).tries(60).seed(3L)
                    .check(run -> lengths.add(run.steps().size()));

            assertThat(lengths).allSatisfy(length -> assertThat(length).isBetween(3, 6));
        }

        @Test
        @DisplayName("closes an AutoCloseable system after every run")
        void closesSystems() {
            AtomicInteger opened = new AtomicInteger();
            AtomicInteger closed = new AtomicInteger();
            class ClosingAccount extends SynchronizedAccount implements AutoCloseable {
                ClosingAccount() {
                    opened.incrementAndGet();
                }

                @Override
                public void close() {
                    closed.incrementAndGet();
                }
            }
            Banks.property(ClosingAccount::new).tries(20).seed(5L).checkSequential();

            assertThat(closed.get()).isEqualTo(opened.get()).isPositive();
        }
    }

    @Nested
    @DisplayName("picks commands by weight")
    class Weights {

        private StatefulProperty<Integer, AtomicInteger> counter(int incrementWeight) {
            Command<Integer, AtomicInteger, Void, Integer> reset = Command.<Integer, AtomicInteger>named("reset")
                    .run(system -> {
                        system.set(0);
                        return 0;
                    })
                    .nextModel((count, none, result) -> 0);
            Command<Integer, AtomicInteger, Void, Integer> increment = Command.<Integer, AtomicInteger>named("increment")
                    .run(AtomicInteger::incrementAndGet)
                    .nextModel((count, none, result) -> count + 1)
                    .weight(incrementWeight);
            return StatefulProperty.of(() -> 0, AtomicInteger::new).commands(reset, increment)
                    .invariant("counts", (count, system) -> assertThat(system.get()).isEqualTo(count));
        }

        @Test
        @DisplayName("picks a command of weight 3 about three times as often as one of weight 1")
        void heavierIsPickedMoreOften() {
            int[] counts = new int[2];
            Property.forAll(counter(3).steps(20, 20).sequences()).tries(200).seed(5L).check(run -> {
                for (Step step : run.steps()) {
                    counts[step.command().equals("increment") ? 1 : 0]++;
                }
            });

            assertThat((double) counts[1] / counts[0]).isBetween(2.5, 3.5);
        }

        @Test
        @DisplayName("still shrinks towards the command listed first")
        void shrinksTowardsFirst() {
            Throwable failure = catchThrowable(() -> counter(3)
                    .invariant("never above one", (count, system) -> assertThat(count).isLessThan(2))
                    .tries(100).seed(2L).checkSequential());

            assertThat(failure).isInstanceOf(PropertyFailure.class);
            assertThat(((PropertyFailure) failure).shrunkExample()).contains("1. increment()").contains("2. increment()")
                    .doesNotContain("3. ");
        }

        @Test
        @DisplayName("refuses a weight below 1")
        void refusesZero() {
            assertThatThrownBy(() -> Command.<Integer, AtomicInteger>named("increment").run(AtomicInteger::get).weight(0))
                    .hasMessage("weight(0) of command 'increment' must be at least 1");
        }
    }

    @Nested
    @DisplayName("reports a failure shrunk to the shortest sequence, step by step")
    class Failing {

        @Test
        @DisplayName("shrinks an off-by-one to deposit(1), withdraw(1) and names the failed postcondition")
        void shrinksToMinimalSequence() {
            Throwable failure = catchThrowable(() -> Banks.property(OffByOneAccount::new).tries(200).seed(11L)
                    .checkSequential());

            assertThat(failure).isInstanceOf(PropertyFailure.class);
            String message = failure.getMessage();
            assertThat(message).contains("Stateful property failed: the postcondition of step 2, withdraw(1), failed: "
                    + "expected true (from the model) but the system returned false");
            assertThat(message.substring(message.indexOf("shrunk example:"), message.indexOf("original example:")))
                    .containsSubsequence("2 steps:", "1. deposit(1) -> null", "model: Balance[amount=1]",
                            "2. withdraw(1) -> false   <-- the postcondition failed")
                    .doesNotContain("3. ");
            assertThat(failure.getCause()).isInstanceOf(StatefulFailure.class)
                    .hasMessageStartingWith("Stateful property failed: the postcondition of step 2, withdraw(1)");
        }

        @Test
        @DisplayName("replays the same failure exactly from the same seed")
        void replaysFromSeed(@TempDir Path first, @TempDir Path second) {
            Gen<SequentialRun> sequences = Banks.property(OffByOneAccount::new).sequences();

            Throwable once = catchThrowable(() -> Property.forAll(sequences).seed(99L).storeFailuresIn(first)
                    .check(StatefulRun::assertPassed));
            Throwable again = catchThrowable(() -> Property.forAll(sequences).seed(99L).storeFailuresIn(second)
                    .check(StatefulRun::assertPassed));

            assertThat(once).isInstanceOf(PropertyFailure.class);
            assertThat(((PropertyFailure) again).originalExample()).isEqualTo(((PropertyFailure) once).originalExample());
            assertThat(((PropertyFailure) again).shrunkExample()).isEqualTo(((PropertyFailure) once).shrunkExample());
        }

        @Test
        @DisplayName("names a failed invariant and the step after which it failed")
        void reportsInvariant() {
            StatefulProperty<Balance, Account> property = StatefulProperty.<Balance, Account>of(() -> new Balance(0),
                            SynchronizedAccount::new)
                    .commands(Banks.DEPOSIT)
                    .invariant("the balance stays below 150", (balance, account) ->
                            assertThat(account.balance()).as("balance").isLessThan(150))
                    .tries(200).seed(4L);

            assertThatThrownBy(property::checkSequential)
                    .hasMessageContaining("Stateful property failed: invariant 'the balance stays below 150' failed after step ")
                    .hasMessageContaining("<-- invariant 'the balance stays below 150' failed");
        }

        @Test
        @DisplayName("reports what the system threw at which step")
        void reportsException() {
            Command<Balance, Account, Long, Boolean> failingWithdraw = Command.<Balance, Account>named("withdraw")
                    .arguments(balance -> Gens.longs(1, 10))
                    .run((account, amount) -> {
                        throw new IllegalStateException("ledger offline");
                    });
            StatefulProperty<Balance, Account> property = StatefulProperty.<Balance, Account>of(() -> new Balance(0),
                    SynchronizedAccount::new).commands(Banks.DEPOSIT, failingWithdraw).tries(100).seed(8L);

            Throwable failure = catchThrowable(property::checkSequential);

            assertThat(failure).hasMessageContaining("the system call of step 1, withdraw(1), failed: "
                    + "IllegalStateException: ledger offline");
            assertThat(failure).hasMessageContaining("1. withdraw(1) threw IllegalStateException: ledger offline");
        }
    }

    @Nested
    @DisplayName("rejects bad configuration with a clear error")
    class Configuration {

        @Test
        @DisplayName("a property without commands")
        void noCommands() {
            assertThatThrownBy(() -> StatefulProperty.of(() -> new Balance(0), SynchronizedAccount::new).checkSequential())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("The stateful property has no commands; add them with commands(...)");
        }

        @Test
        @DisplayName("a blank command name")
        void blankName() {
            assertThatThrownBy(() -> Command.named(" "))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Command name must not be blank");
        }

        @Test
        @DisplayName("two commands with the same name")
        void duplicateNames() {
            assertThatThrownBy(() -> Banks.property(SynchronizedAccount::new).commands(Banks.DEPOSIT))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Two commands are named 'deposit'; give each command its own name so that reports can "
                            + "tell them apart");
        }

        @Test
        @DisplayName("impossible sequence length bounds")
        void impossibleBounds() {
            StatefulProperty<Balance, Account> property = Banks.property(SynchronizedAccount::new);

            assertThatThrownBy(() -> property.steps(5, 2)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("steps(5, 2) is invalid; give 0 <= min <= max, max >= 1 and max <= 10000");
            assertThatThrownBy(() -> property.branches(1)).hasMessageContaining("give 2 to 16 parallel branches");
            assertThatThrownBy(() -> property.branchSteps(0, 3)).hasMessageContaining("every branch needs at least 1 call");
        }

        @Test
        @DisplayName("no command enabled in the initial model")
        void nothingEnabled() {
            StatefulProperty<Balance, Account> property = StatefulProperty.<Balance, Account>of(() -> new Balance(0),
                    SynchronizedAccount::new).commands(Banks.WITHDRAW).tries(5).seed(1L);

            assertThatThrownBy(property::checkSequential)
                    .hasStackTraceContaining("No command of the stateful property is enabled in the initial model "
                            + "Balance[amount=0]; check the commands' preconditions");
        }

        @Test
        @DisplayName("a null model update")
        void nullModel() {
            Command<Balance, Account, Long, Void> broken = Banks.DEPOSIT.nextModel((balance, amount, none) -> null);

            assertThatThrownBy(() -> StatefulProperty.<Balance, Account>of(() -> new Balance(0), SynchronizedAccount::new)
                    .commands(broken).tries(5).seed(1L).checkSequential())
                    .hasMessageContaining("nextModel of command 'deposit' returned null");
        }
    }
}
