package dev.complianceharness.property.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The engine's random source")
class SplitMixRandomTest {

    private static final long[] BOUNDS = {1, 2, 3, 7, 20, 1_001, 1L << 16, 65_537, Integer.MAX_VALUE, 1L << 40,
            (1L << 62) + 1, Long.MAX_VALUE};

    @Test
    @DisplayName("draws exactly what java.util.SplittableRandom draws, through splits and every kind of draw")
    void sameAsSplittableRandom() {
        SplittableRandom choose = new SplittableRandom(2026);
        for (long seed = -50; seed < 50; seed++) {
            SplittableRandom expected = new SplittableRandom(seed);
            SplitMixRandom actual = SplitMixRandom.seeded(seed);
            SplitMixRandom reused = SplitMixRandom.seeded(0);
            List<Object> expectedDraws = new ArrayList<>();
            List<Object> actualDraws = new ArrayList<>();
            for (int step = 0; step < 2_000; step++) {
                switch (choose.nextInt(7)) {
                    case 0 -> {
                        expected = expected.split();
                        actual = actual.split();
                    }
                    case 1 -> {
                        expected = expected.split();
                        actual.splitInto(reused);
                        SplitMixRandom swap = actual;
                        actual = reused;
                        reused = swap;
                    }
                    case 2 -> {
                        expectedDraws.add(expected.nextLong());
                        actualDraws.add(actual.nextLong());
                    }
                    case 3 -> {
                        expectedDraws.add(expected.nextDouble());
                        actualDraws.add(actual.nextDouble());
                    }
                    case 4 -> {
                        int bound = (int) Math.min(BOUNDS[choose.nextInt(BOUNDS.length)], Integer.MAX_VALUE);
                        expectedDraws.add(expected.nextInt(bound));
                        actualDraws.add(actual.nextInt(bound));
                    }
                    case 5 -> {
                        long bound = BOUNDS[choose.nextInt(BOUNDS.length)];
                        expectedDraws.add(expected.nextLong(bound));
                        actualDraws.add(actual.nextLong(bound));
                    }
                    default -> {
                        expectedDraws.add(expected.nextInt());
                        actualDraws.add(actual.nextInt());
                    }
                }
            }
            assertThat(actualDraws).as("seed %d", seed).isEqualTo(expectedDraws);
        }
    }

    @Test
    @DisplayName("refuses bounds that are not positive")
    void refusesBounds() {
        assertThatIllegalArgumentException().isThrownBy(() -> SplitMixRandom.seeded(1).nextInt(0));
        assertThatIllegalArgumentException().isThrownBy(() -> SplitMixRandom.seeded(1).nextLong(-3));
    }
}
