package dev.complianceharness.benchmarks.property;

import dev.complianceharness.property.Gens;
import dev.complianceharness.property.Property;
import dev.complianceharness.property.stateful.Command;
import dev.complianceharness.property.stateful.StatefulProperty;
import dev.complianceharness.property.stateful.StatefulRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Command sequences run and checked per second: the stateful property run by the engine through its public
 * API (generation on the engine's recorded choices, model, postconditions, an invariant after every step),
 * against the loop a user would otherwise write (a {@link SplittableRandom} choosing the same commands and
 * amounts, checked by hand); and concurrent cases (two branches in threads plus the linearizability
 * check) against a hand-written two-thread run that only checks the final balance. One operation is one
 * sequence or one case; each invocation runs a property of {@value #SEQUENCES} (or {@value #CASES}) tries
 * from a new seed.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StatefulBenchmark {

    static final int STEPS = 20;
    static final int SEQUENCES = 100;
    static final int CASES = 20;

    /** The model. */
    record Balance(long amount) {
    }

    /** The system. */
    static final class Account {
        private long balance;

        synchronized void deposit(long amount) {
            balance += amount;
        }

        synchronized boolean withdraw(long amount) {
            if (amount > balance) {
                return false;
            }
            balance -= amount;
            return true;
        }

        synchronized long balance() {
            return balance;
        }
    }

    static final Command<Balance, Account, Long, Void> DEPOSIT = Command.<Balance, Account>named("deposit")
            .arguments(balance -> Gens.longs(1, 100))
            .runWithoutResult(Account::deposit)
            .nextModel((balance, amount, none) -> new Balance(balance.amount() + amount));
    static final Command<Balance, Account, Long, Boolean> WITHDRAW = Command.<Balance, Account>named("withdraw")
            .arguments(balance -> Gens.longs(1, 100))
            .run(Account::withdraw)
            .expectResult((balance, amount) -> amount <= balance.amount())
            .nextModel((balance, amount, done) -> done ? new Balance(balance.amount() - amount) : balance);

    private static final StatefulProperty<Balance, Account> PROPERTY = StatefulProperty.of(() -> new Balance(0),
                    Account::new)
            .commands(DEPOSIT, WITHDRAW)
            .invariant("the balance matches the model", (balance, account) -> {
                if (account.balance() != balance.amount()) {
                    throw new AssertionError("balance " + account.balance() + " but the model says " + balance.amount());
                }
            })
            .steps(STEPS, STEPS)
            .prefixSteps(2, 2).branchSteps(2, 2).repetitions(1);

    private SplittableRandom random;
    private long nextSeed = 42;
    private Path failures;

    /**
     * A fixed seed per trial, so both sides see comparable random streams; failures stay out of the
     * working directory and the per-property summary line is off.
     *
     * @throws IOException if the temporary directory cannot be created
     */
    @Setup(Level.Trial)
    public void seed() throws IOException {
        System.setProperty("complianceharness.property.summary", "false");
        random = new SplittableRandom(42);
        failures = Files.createTempDirectory("stateful-benchmark");
    }

    /**
     * Sequences of 20 commands generated, run and checked by the stateful property, through the engine.
     *
     * @return the number of sequences, so that the JIT keeps the work
     */
    @Benchmark
    @OperationsPerInvocation(SEQUENCES)
    public int statefulSequence() {
        return Property.forAll(PROPERTY.sequences()).seed(nextSeed++).tries(SEQUENCES).storeFailuresIn(failures)
                .check(StatefulRun::assertPassed).tries();
    }

    /**
     * The same by hand: 20 random deposits or withdrawals, each checked against a long.
     *
     * @return the sum of the final balances
     */
    @Benchmark
    @OperationsPerInvocation(SEQUENCES)
    public long handWrittenSequences() {
        long total = 0;
        for (int sequence = 0; sequence < SEQUENCES; sequence++) {
            total += handWrittenSequence();
        }
        return total;
    }

    private long handWrittenSequence() {
        SplittableRandom local = random.split();
        Account account = new Account();
        long model = 0;
        for (int step = 0; step < STEPS; step++) {
            long amount = local.nextLong(1, 101);
            if (local.nextBoolean()) {
                account.deposit(amount);
                model += amount;
            } else {
                boolean done = account.withdraw(amount);
                if (done != (amount <= model)) {
                    throw new AssertionError("withdraw(" + amount + ") returned " + done);
                }
                model -= done ? amount : 0;
            }
            if (account.balance() != model) {
                throw new AssertionError("balance " + account.balance() + " but expected " + model);
            }
        }
        return model;
    }

    /**
     * Concurrent cases: a prefix of 2 commands, 2 branches of 2 calls in threads, linearizability check.
     *
     * @return the number of cases
     */
    @Benchmark
    @OperationsPerInvocation(CASES)
    public int statefulConcurrentCase() {
        return Property.forAll(PROPERTY.concurrentRuns()).seed(nextSeed++).tries(CASES).storeFailuresIn(failures)
                .check(StatefulRun::assertPassed).tries();
    }

    /**
     * The hand-written alternative: two threads of two withdrawals after two deposits, checking only that
     * the final balance is what the successful withdrawals leave.
     *
     * @return the sum of the final balances
     * @throws InterruptedException if interrupted
     */
    @Benchmark
    @OperationsPerInvocation(CASES)
    public long handWrittenConcurrentCases() throws InterruptedException {
        long total = 0;
        for (int run = 0; run < CASES; run++) {
            total += handWrittenConcurrentCase();
        }
        return total;
    }

    private long handWrittenConcurrentCase() throws InterruptedException {
        SplittableRandom local = random.split();
        Account account = new Account();
        long deposited = local.nextLong(1, 101) + local.nextLong(1, 101);
        account.deposit(deposited);
        long[][] amounts = {{local.nextLong(1, 101), local.nextLong(1, 101)}, {local.nextLong(1, 101), local.nextLong(1, 101)}};
        long[] withdrawn = new long[2];
        CyclicBarrier start = new CyclicBarrier(2);
        Thread[] threads = new Thread[2];
        for (int branch = 0; branch < 2; branch++) {
            int index = branch;
            threads[branch] = new Thread(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    return;
                }
                for (long amount : amounts[index]) {
                    if (account.withdraw(amount)) {
                        withdrawn[index] += amount;
                    }
                }
            });
            threads[branch].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long expected = deposited - withdrawn[0] - withdrawn[1];
        if (account.balance() != expected || expected < 0) {
            throw new AssertionError("balance " + account.balance() + " but expected " + expected);
        }
        return expected;
    }
}
