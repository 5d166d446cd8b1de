package dev.complianceharness.sms.decision;

import dev.complianceharness.sms.MessageKind;
import dev.complianceharness.sms.recipient.Recipient;
import dev.complianceharness.sms.rules.RuleSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("QuietHours used from many threads")
class ConcurrentDecisionsTest {

    private static final long SEED = 20261201L;

    @Test
    @DisplayName("compiles its caches once and gives every thread the answers a single thread gets (seed 20261201)")
    void concurrentDecisionsAgreeWithSequentialOnes() throws Exception {
        SplittableRandom random = new SplittableRandom(SEED);
        String[] numbers = {"+18505550123", "+12085550100", "+18015550123", "+33612345678", "+14165550100",
                "+12055550100", "+15045550100", "not a number"};
        int size = 4_000;
        Recipient[] recipients = new Recipient[size];
        Instant[] instants = new Instant[size];
        for (int i = 0; i < size; i++) {
            recipients[i] = Recipient.of(numbers[random.nextInt(numbers.length)]);
            instants[i] = Instant.ofEpochSecond(random.nextLong(1_577_836_800L, 2_082_758_400L));
        }
        QuietHours sequential = QuietHours.of(RuleSet.standard());
        List<Optional<Instant>> expected = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            expected.add(sequential.decide(recipients[i], instants[i], MessageKind.MARKETING).nextPermitted());
        }

        QuietHours shared = QuietHours.of(RuleSet.standard());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<Optional<Instant>>>> results = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                int offset = thread * 97;
                results.add(pool.submit(() -> {
                    List<Optional<Instant>> answers = new ArrayList<>();
                    for (int k = 0; k < size; k++) {
                        int i = (k + offset) % size;
                        answers.add(shared.decide(recipients[i], instants[i], MessageKind.MARKETING).nextPermitted());
                    }
                    return answers;
                }));
            }
            for (int thread = 0; thread < 8; thread++) {
                List<Optional<Instant>> answers = results.get(thread).get();
                int offset = thread * 97;
                for (int k = 0; k < size; k++) {
                    assertThat(answers.get(k)).as("thread %d, input %d", thread, (k + offset) % size)
                            .isEqualTo(expected.get((k + offset) % size));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
