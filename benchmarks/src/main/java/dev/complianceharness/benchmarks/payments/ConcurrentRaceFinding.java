package dev.complianceharness.benchmarks.payments;

import dev.complianceharness.examples.payments.EmbeddedPaymentDatabase;
import dev.complianceharness.examples.payments.Flaw;
import dev.complianceharness.examples.payments.JdbcPaymentService;
import dev.complianceharness.examples.payments.PaymentRefusedException;
import dev.complianceharness.examples.payments.compliance.PaymentServiceHarnessAdapter;
import dev.complianceharness.event.TestClock;
import dev.complianceharness.payments.testing.PaymentHarness;
import dev.complianceharness.payments.testing.PaymentPropertyFailure;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A documented harness, not JMH (one measurement takes seconds and is dominated by chance): the median
 * wall-clock time for the concurrent mode to find the check-then-act double capture of the PostgreSQL
 * example ({@link Flaw#CHECK_THEN_ACT_WITHOUT_LOCK}) and shrink it to a minimal case, next to the stress
 * loop a team would otherwise write (two threads capturing the same authorization until both succeed,
 * which finds the race but hands over no minimal case and no seed).
 *
 * <p>Run after {@code mvn -B -q package -pl benchmarks -am -DskipTests}:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.complianceharness.benchmarks.payments.ConcurrentRaceFinding [runs]}.
 */
public final class ConcurrentRaceFinding {

    private ConcurrentRaceFinding() {
    }

    /**
     * Measures both approaches and prints each run and the medians.
     *
     * @param args optionally the number of runs of each approach (default 7)
     * @throws Exception if the database or a thread fails
     */
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        List<Long> harness = new ArrayList<>();
        List<Long> naive = new ArrayList<>();
        try (EmbeddedPaymentDatabase database = EmbeddedPaymentDatabase.newSchema()) {
            for (int run = 1; run <= runs; run++) {
                // a fresh failure store per run: a stored failing example would be replayed first and hide the search
                System.setProperty("complianceharness.failures.dir",
                        Files.createTempDirectory("payment-race-failures").toString());
                long start = System.nanoTime();
                String outcome;
                try {
                    PaymentHarness.forAdapter(clock -> {
                        database.reset();
                        return new PaymentServiceHarnessAdapter(JdbcPaymentService.withFlaw(database.dataSource(), clock,
                                Flaw.CHECK_THEN_ACT_WITHOUT_LOCK));
                    }).tries(1000).checkConcurrently();
                    outcome = "NOT FOUND in 1000 tries";
                } catch (PaymentPropertyFailure failure) {
                    outcome = "found and shrunk, seed " + failure.seed() + ": " + failure.getMessage().lines().findFirst().orElse("");
                }
                long millis = (System.nanoTime() - start) / 1_000_000;
                harness.add(millis);
                System.out.println("harness run " + run + ": " + millis + " ms, " + outcome);

                start = System.nanoTime();
                int attempts = naiveStressLoop(database);
                millis = (System.nanoTime() - start) / 1_000_000;
                naive.add(millis);
                System.out.println("naive stress run " + run + ": " + millis + " ms, " + attempts + " attempts");
            }
        }
        System.out.println("median time to find and shrink the race (harness, concurrent mode): " + median(harness) + " ms");
        System.out.println("median time to find the race (naive two-thread stress loop, no shrinking): " + median(naive) + " ms");
        System.exit(0);
    }

    private static int naiveStressLoop(EmbeddedPaymentDatabase database) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int attempt = 1; attempt <= 100_000; attempt++) {
                database.reset();
                JdbcPaymentService service = JdbcPaymentService.withFlaw(database.dataSource(), TestClock.atDefaultStart(),
                        Flaw.CHECK_THEN_ACT_WITHOUT_LOCK);
                service.authorize("pay-1", BigDecimal.ONE, "USD", "k1");
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Boolean>> captures = new ArrayList<>();
                for (String key : List.of("k2", "k3")) {
                    captures.add(threads.submit(() -> {
                        together.await();
                        try {
                            service.capture("pay-1", BigDecimal.ONE, "USD", true, key);
                            return true;
                        } catch (PaymentRefusedException refused) {
                            return false;
                        }
                    }));
                }
                if (captures.get(0).get() && captures.get(1).get()) {
                    return attempt;
                }
            }
            throw new IllegalStateException("the naive loop did not find the race in 100000 attempts");
        } finally {
            threads.shutdownNow();
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
