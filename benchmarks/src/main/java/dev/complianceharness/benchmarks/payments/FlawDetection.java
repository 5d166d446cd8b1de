package dev.complianceharness.benchmarks.payments;

import dev.complianceharness.examples.payments.EmbeddedPaymentDatabase;
import dev.complianceharness.examples.payments.Flaw;
import dev.complianceharness.examples.payments.JdbcPaymentService;
import dev.complianceharness.examples.payments.compliance.MarketplacePayments;
import dev.complianceharness.examples.payments.compliance.PaymentServiceHarnessAdapter;
import dev.complianceharness.payments.testing.PaymentHarness;
import dev.complianceharness.payments.testing.PaymentPropertyFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A documented harness, not JMH (it counts generated sequences, not time): for each planted flaw of the
 * PostgreSQL example, the tries the generated tests need to find it at the default budget (100 sequences, or
 * concurrent cases for the race), over seeds 1 to 20, and whether the shrunk sequence is the minimal one. The
 * checkout team's flaws run under the harness's defaults; the marketplace's two under its lifecycle and
 * policies ({@link MarketplacePayments}). Each run has a failure store of its own, so no stored failure is
 * replayed first.
 *
 * <p>Run after {@code mvn -B -q package -pl benchmarks -am -DskipTests}:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.complianceharness.benchmarks.payments.FlawDetection [seeds] [FLAW ...]}.
 */
public final class FlawDetection {

    /** The length of the shortest request sequence that shows each flaw (prefix and branches for the race). */
    private static final Map<Flaw, Integer> MINIMAL = new EnumMap<>(Map.ofEntries(
            Map.entry(Flaw.REFUNDS_CHECKED_ONE_BY_ONE, 4), Map.entry(Flaw.CAPTURE_AFTER_CANCEL, 3),
            Map.entry(Flaw.CANCEL_AFTER_CAPTURE, 3), Map.entry(Flaw.KEY_REUSE_ACCEPTED, 2),
            Map.entry(Flaw.RETRY_PERFORMS_TWICE, 2), Map.entry(Flaw.MULTICAPTURE_EXCEEDS_AUTHORIZATION, 3),
            Map.entry(Flaw.CHECK_THEN_ACT_WITHOUT_LOCK, 3), Map.entry(Flaw.UNBALANCED_REFUND_LEDGER, 3),
            Map.entry(Flaw.JPY_AS_TWO_DECIMAL, 1), Map.entry(Flaw.FULL_CAPTURE_LEFT_OPEN, 3),
            Map.entry(Flaw.RETRIED_REJECTION_SKIPS_CHECKS, 3)));

    private FlawDetection() {
    }

    /**
     * Runs every flaw (or the named ones) over the seeds and prints a line per run and a table.
     *
     * @param args optionally the number of seeds (default 20), then flaw names
     */
    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        List<Flaw> flaws = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            flaws.add(Flaw.valueOf(args[i]));
        }
        if (flaws.isEmpty()) {
            flaws.addAll(List.of(Flaw.values()));
        }
        List<String> table = new ArrayList<>();
        try (EmbeddedPaymentDatabase database = EmbeddedPaymentDatabase.newSchema()) {
            for (Flaw flaw : flaws) {
                List<Integer> tries = new ArrayList<>();
                int minimal = 0;
                int found = 0;
                for (long seed = 1; seed <= seeds; seed++) {
                    System.setProperty("complianceharness.failures.dir", temporaryDirectory());
                    PaymentHarness harness = harness(database, flaw).named("flaw detection " + flaw).seed(seed);
                    try {
                        if (flaw == Flaw.CHECK_THEN_ACT_WITHOUT_LOCK) {
                            harness.currencies("USD").checkConcurrently();
                        } else {
                            harness.checkSequences();
                        }
                        tries.add(Integer.MAX_VALUE);
                        System.out.println(flaw + " seed " + seed + ": NOT FOUND within the default budget");
                    } catch (PaymentPropertyFailure failure) {
                        found++;
                        tries.add(failure.tries());
                        boolean isMinimal = failure.shrunkSequence().size() == MINIMAL.get(flaw);
                        minimal += isMinimal ? 1 : 0;
                        System.out.println(flaw + " seed " + seed + ": found after " + failure.tries() + " tries, shrunk to "
                                + failure.shrunkSequence().size() + " requests" + (isMinimal ? " (minimal)" : " (NOT minimal)")
                                + " " + failure.shrunkSequence());
                    }
                }
                Collections.sort(tries);
                int median = tries.get((tries.size() - 1) / 2);
                table.add(String.format(Locale.ROOT, "%-34s found %2d/%d   median tries %s   max %s   minimal %2d/%d",
                        flaw, found, seeds, median == Integer.MAX_VALUE ? "-" : String.valueOf(median),
                        tries.get(tries.size() - 1) == Integer.MAX_VALUE ? "not found" : String.valueOf(tries.get(tries.size() - 1)),
                        minimal, found));
            }
        }
        System.out.println();
        System.out.println("Tries to detection at the default budget, seeds 1 to " + seeds + ":");
        table.forEach(System.out::println);
        System.exit(0);
    }

    private static PaymentHarness harness(EmbeddedPaymentDatabase database, Flaw flaw) {
        if (flaw.needsMarketplaceRules()) {
            return PaymentHarness.forAdapter(clock -> {
                database.reset();
                return PaymentServiceHarnessAdapter.choosingIds(JdbcPaymentService.withFlaw(database.dataSource(), clock, flaw));
            }).lifecycle(MarketplacePayments.LIFECYCLE).policies(MarketplacePayments.policies()).paymentIdsChosenByService();
        }
        return PaymentHarness.forAdapter(clock -> {
            database.reset();
            return new PaymentServiceHarnessAdapter(JdbcPaymentService.withFlaw(database.dataSource(), clock, flaw));
        });
    }

    private static String temporaryDirectory() {
        try {
            return Files.createTempDirectory("flaw-detection-failures").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
