package dev.complianceharness.benchmarks.redaction;

import dev.complianceharness.mask.PiiKind;
import dev.complianceharness.mask.Redaction;
import dev.complianceharness.pii.CanaryCustomer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Redaction throughput, single thread: 1,000 messages of the kind the harness writes (violations with evidence,
 * property failures with seeds, warnings; 0.2 MB), a fifth of them holding known personal values in some form,
 * others unknown e-mails and numbers, all with amounts, seeds, citations and timestamps that must stay readable.
 * The boundary ({@link Redaction}) against a naive redactor ({@link NaiveRedactor}) in the same run, with 600 or
 * 6,000 known values (100 or 1,000 canary customers). One operation redacts every message. The setup prints, for
 * both, the known values left in clear and the readable values destroyed.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar RedactionBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RedactionBenchmark {

    static final int MESSAGES = 1_000;
    static final long SEED = 20_251_203L;

    /** How many canary customers (six values each) the run knows. */
    @Param({"100", "1000"})
    public int customers;

    private final List<String> messages = new ArrayList<>();
    private final List<List<String>> plantedIn = new ArrayList<>();
    private final List<List<String>> readableIn = new ArrayList<>();
    private final NaiveRedactor naive = new NaiveRedactor();

    /** Registers the customers with both redactors, builds the messages, and prints how well each redacts them. */
    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(SEED);
        List<CanaryCustomer> known = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            CanaryCustomer customer = CanaryCustomer.generate(SEED * 31 + i);
            known.add(customer);
            for (String value : values(customer)) {
                naive.know(value);
            }
        }
        for (int i = 0; i < MESSAGES; i++) {
            long seed = random.nextLong();
            long amount = 1_000_000L + random.nextInt(90_000_000);
            List<String> planted = new ArrayList<>();
            StringBuilder message = new StringBuilder();
            message.append("sms.quiet-hours.us-fl-501-616: MARKETING text at 2025-06-0").append(1 + random.nextInt(9))
                    .append("T00:30:00Z blocked by rule us-fl-501.616 under Fla. Stat. 501.616(6) and 47 CFR 64.1200(c)(1)")
                    .append("; captured ").append(amount).append(" USD minor exceeds the authorized amount; replay with -D"
                            + "complianceharness.seed=").append(seed);
            if (random.nextInt(5) == 0) {
                CanaryCustomer customer = known.get(random.nextInt(known.size()));
                String phone = customer.phone().substring(2);
                String value = switch (random.nextInt(6)) {
                    case 0 -> customer.email();
                    case 1 -> "(" + phone.substring(0, 3) + ") " + phone.substring(3, 6) + "-" + phone.substring(6);
                    case 2 -> customer.name();
                    case 3 -> customer.card().substring(0, 4) + " " + customer.card().substring(4, 8) + " "
                            + customer.card().substring(8, 12) + " " + customer.card().substring(12);
                    case 4 -> customer.iban().toLowerCase(Locale.ROOT);
                    default -> customer.email().toUpperCase(Locale.ROOT);
                };
                message.append("\n  evidence: CustomerUpdated[").append(value).append(" at 2025-06-02T12:00:00Z]");
                planted.add(value);
            } else {
                message.append("\n  evidence: SmsSent[to +1 ").append(200 + random.nextInt(700)).append(" 555 0")
                        .append(100 + random.nextInt(900)).append(", reply to agent").append(random.nextInt(1000))
                        .append("@example.com]");
            }
            messages.add(message.toString());
            plantedIn.add(planted);
            readableIn.add(List.of(Long.toString(seed), amount + " USD minor", "Fla. Stat. 501.616(6)",
                    "47 CFR 64.1200(c)(1)", "sms.quiet-hours.us-fl-501-616"));
        }
        for (CanaryCustomer customer : known) {
            Redaction.register(PiiKind.NAME, customer.name());
            Redaction.register(PiiKind.EMAIL, customer.email());
            Redaction.register(PiiKind.PHONE, customer.phone());
            Redaction.register(PiiKind.CARD, customer.card());
            Redaction.register(PiiKind.SSN, customer.ssn());
            Redaction.register(PiiKind.IBAN, customer.iban());
        }
        long bytes = messages.stream().mapToLong(String::length).sum();
        System.out.printf(Locale.ROOT, "%nmessages: %d, %.2f MB, %d holding a known value; %d customers known (seed %d)%n",
                messages.size(), bytes / 1e6, plantedIn.stream().filter(list -> !list.isEmpty()).count(), customers, SEED);
        System.out.println("boundary: " + quality(Redaction::redact));
        System.out.println("naive:    " + quality(naive::redact));
    }

    private static List<String> values(CanaryCustomer customer) {
        return List.of(customer.name(), customer.email(), customer.phone(), customer.card(), customer.ssn(), customer.iban());
    }

    private String quality(UnaryOperator<String> redactor) {
        int leaked = 0;
        int destroyed = 0;
        for (int i = 0; i < messages.size(); i++) {
            String redacted = redactor.apply(messages.get(i));
            for (String planted : plantedIn.get(i)) {
                if (redacted.contains(planted)) {
                    leaked++;
                }
            }
            for (String readable : readableIn.get(i)) {
                if (!redacted.contains(readable)) {
                    destroyed++;
                }
            }
        }
        return leaked + " known values left in clear, " + destroyed + " readable values (seeds, amounts, citations, rule ids)"
                + " destroyed";
    }

    /** @return the total length of the messages redacted by the boundary */
    @Benchmark
    public int boundary() {
        int length = 0;
        for (String message : messages) {
            length += Redaction.redact(message).length();
        }
        return length;
    }

    /** @return the total length of the messages redacted by the naive redactor */
    @Benchmark
    public int naive() {
        int length = 0;
        for (String message : messages) {
            length += naive.redact(message).length();
        }
        return length;
    }
}
