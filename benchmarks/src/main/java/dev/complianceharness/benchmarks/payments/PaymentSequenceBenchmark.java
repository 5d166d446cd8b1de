package dev.complianceharness.benchmarks.payments;

import dev.complianceharness.event.TestClock;
import dev.complianceharness.examples.payments.InMemoryPaymentService;
import dev.complianceharness.examples.payments.PaymentRecord;
import dev.complianceharness.examples.payments.PaymentRefusedException;
import dev.complianceharness.examples.payments.compliance.PaymentServiceHarnessAdapter;
import dev.complianceharness.payments.testing.PaymentHarness;
import java.math.BigDecimal;
import java.util.Random;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Command sequences executed and checked per second against the in-memory example service: the
 * harness (generation from the model, recording, all eleven payment invariants after every step, each
 * reading only the new events with its own running state, and the service's answer compared with the
 * model's) next to the loop a team would otherwise write (random requests, two totals assertions after each
 * step, no recording, no shrinking, no seed to replay). Both run sequences of about the same length: the
 * harness with {@code maxSteps(20)} averages 9 to 10 requests (its default of 50 averages about 20), the
 * loop runs 10.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar PaymentSequenceBenchmark -f 1 -wi 20 -i 5 -w 1s -r 1s}: on a
 * loaded machine the harness, with far more code to compile, is still speeding up after a few seconds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PaymentSequenceBenchmark {

    private static final int SEQUENCES = 50;
    private static final int NAIVE_STEPS = 10;

    /** Creates the benchmark state. */
    public PaymentSequenceBenchmark() {
    }

    /**
     * Turns off the one-line summary each passing property prints, as the property engine's benchmarks do: in a
     * test suite it is one line per test, but here it would be one line per 50 sequences, and JMH forwards every
     * line a forked benchmark prints to its host process one at a time, which under load cost more than the
     * sequences themselves (about 8,300 sequences/s with the line, 21,000 without, in one measurement).
     */
    @Setup(Level.Trial)
    public void quiet() {
        System.setProperty("complianceharness.property.summary", "false");
    }

    /** The harness: generated sequences with every invariant after every step (a fixed seed, so every invocation runs the same sequences). */
    @Benchmark
    @OperationsPerInvocation(SEQUENCES)
    public void harnessGeneratedSequences() {
        PaymentHarness.forAdapter(clock -> new PaymentServiceHarnessAdapter(new InMemoryPaymentService(clock)))
                .currencies("USD", "JPY")
                .maxSteps(20)
                .tries(SEQUENCES)
                .seed(42L)
                .checkSequences();
    }

    /**
     * The naive baseline: random requests from {@link Random} and two assertions after each step.
     *
     * @param blackhole keeps the results alive
     */
    @Benchmark
    @OperationsPerInvocation(SEQUENCES)
    public void naiveRandomLoop(Blackhole blackhole) {
        Random random = new Random(42L);
        for (int sequence = 0; sequence < SEQUENCES; sequence++) {
            InMemoryPaymentService service = new InMemoryPaymentService(TestClock.atDefaultStart());
            String id = "pay-" + sequence;
            for (int step = 0; step < NAIVE_STEPS; step++) {
                BigDecimal amount = BigDecimal.valueOf(1 + random.nextInt(10));
                String key = "k" + step;
                try {
                    switch (step == 0 ? 0 : random.nextInt(5)) {
                        case 0 -> service.authorize(id, amount, "USD", key);
                        case 1 -> service.capture(id, amount, "USD", false, key);
                        case 2 -> service.capture(id, amount, "USD", true, key);
                        case 3 -> service.refund(id, amount, "USD", key);
                        default -> service.cancel(id, key);
                    }
                } catch (PaymentRefusedException refused) {
                    blackhole.consume(refused.getMessage());
                }
                PaymentRecord record = service.find(id).orElseThrow();
                if (record.captured() > record.authorized() || record.refunded() > record.captured()) {
                    throw new AssertionError("totals broken in " + record);
                }
                blackhole.consume(record);
            }
        }
    }
}
