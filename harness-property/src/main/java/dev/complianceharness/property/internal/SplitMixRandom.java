package dev.complianceharness.property.internal;

/**
 * The engine's source of randomness: the SplitMix64 generator (Steele, Lea and Flood, "Fast Splittable
 * Pseudorandom Number Generators", OOPSLA 2014), drawing exactly what {@link java.util.SplittableRandom}
 * draws for the same seed, method by method — {@code GenerationStabilityTest} and
 * {@code SplitMixRandomTest} hold it to that, so seeds printed before this class existed still replay.
 *
 * <p>Two things set it apart. It can split into an existing instance, so the engine gives every try its own
 * stream without allocating one; and its values are defined here rather than by the JDK's implementation of
 * bounded draws, so a seed replays the same examples on every Java version.
 */
public final class SplitMixRandom {

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long seed;
    private long gamma;

    private SplitMixRandom(long seed, long gamma) {
        this.seed = seed;
        this.gamma = gamma;
    }

    /**
     * A generator from a seed, as {@code new SplittableRandom(seed)}.
     *
     * @param seed the seed
     * @return the generator
     */
    public static SplitMixRandom seeded(long seed) {
        return new SplitMixRandom(seed, GOLDEN_GAMMA);
    }

    /**
     * A new generator split from this one, as {@code SplittableRandom.split()}.
     *
     * @return the new generator
     */
    public SplitMixRandom split() {
        SplitMixRandom child = new SplitMixRandom(0, GOLDEN_GAMMA);
        splitInto(child);
        return child;
    }

    /**
     * Splits this generator into an existing one, which then draws what {@link #split()} would have returned.
     *
     * @param child the generator to reset
     */
    public void splitInto(SplitMixRandom child) {
        long childSeed = nextLong();
        child.gamma = mixGamma(nextSeed());
        child.seed = childSeed;
    }

    /**
     * The next 64 random bits.
     *
     * @return a long
     */
    public long nextLong() {
        return mix64(nextSeed());
    }

    /**
     * The next 32 random bits.
     *
     * @return an int
     */
    public int nextInt() {
        return mix32(nextSeed());
    }

    /**
     * A double in {@code [0, 1)}.
     *
     * @return the double
     */
    public double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /**
     * An int in {@code [0, bound)}, without bias: a draw that falls into the incomplete last block of
     * {@code bound} values is drawn again.
     *
     * @param bound the exclusive upper bound, positive
     * @return the int
     */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        int r = nextInt();
        int m = bound - 1;
        if ((bound & m) == 0) {
            return r & m;
        }
        for (int u = r >>> 1; u + m - (r = u % bound) < 0; u = nextInt() >>> 1) {
            // drawn again: u fell into the last, incomplete block
        }
        return r;
    }

    /**
     * A long in {@code [0, bound)}, without bias (see {@link #nextInt(int)}).
     *
     * @param bound the exclusive upper bound, positive
     * @return the long
     */
    public long nextLong(long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        long r = nextLong();
        long m = bound - 1;
        if ((bound & m) == 0L) {
            return r & m;
        }
        for (long u = r >>> 1; u + m - (r = u % bound) < 0L; u = nextLong() >>> 1) {
            // drawn again: u fell into the last, incomplete block
        }
        return r;
    }

    private long nextSeed() {
        return seed += gamma;
    }

    /** Stafford's variant 13 of the MurmurHash3 finaliser. */
    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Stafford's variant 4, upper 32 bits. */
    private static int mix32(long z) {
        z = (z ^ (z >>> 33)) * 0x62a9d9ed799705f5L;
        return (int) (((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
    }

    /** A gamma for a split generator: odd, with enough bit transitions to mix well. */
    private static long mixGamma(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        z = (z ^ (z >>> 33)) | 1L;
        int transitions = Long.bitCount(z ^ (z >>> 1));
        return transitions < 24 ? z ^ 0xaaaaaaaaaaaaaaaaL : z;
    }
}
