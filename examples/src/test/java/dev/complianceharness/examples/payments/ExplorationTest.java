package dev.complianceharness.examples.payments;

import dev.complianceharness.examples.payments.compliance.PaymentServiceHarnessAdapter;
import dev.complianceharness.payments.testing.PaymentHarness;
import org.junit.jupiter.api.Test;

class ExplorationTest {
    @Test
    void jdbc() {
        try (PaymentDatabase db = PaymentDatabase.newSchema()) {
            for (Flaw flaw : Flaw.values()) {
                if (flaw == Flaw.CHECK_THEN_ACT_WITHOUT_LOCK) continue;
                int best = Integer.MAX_VALUE; long bestSeed = 0; String bestMessage = null;
                for (long seed = 1; seed <= (flaw == Flaw.REFUNDS_CHECKED_ONE_BY_ONE ? 25 : 6); seed++) {
                try {
                    PaymentHarness.forAdapter(clock -> { db.reset(); return new PaymentServiceHarnessAdapter(JdbcPaymentService.withFlaw(db.dataSource(), clock, flaw)); })
                                .currencies("USD", "JPY").tries(400).seed(seed).checkSequences();
                } catch (AssertionError e) {
                    try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("target/compliance-harness/failures"))) {
                        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    } catch (java.io.IOException io) { throw new RuntimeException(io); }
                    String first = e.getMessage().lines().findFirst().get();
                    int tries = Integer.parseInt(first.replaceAll(".*after (\\d+) tr.*", "$1"));
                    if (tries < best) { best = tries; bestSeed = seed; bestMessage = e.getMessage(); }
                }
                }
                System.out.println("=== " + flaw + " seed " + bestSeed + " tries " + best + "\n" + bestMessage);
            }
        }
    }
}
