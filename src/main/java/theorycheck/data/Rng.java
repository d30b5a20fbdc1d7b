package theorycheck.data;

import java.util.SplittableRandom;
import theorycheck.linalg.StrictLog;

/**
 * A seeded random source: {@link SplittableRandom} for uniform bits, and a Marsaglia polar
 * method in {@link StrictMath} for Gaussians, so that draws are bit-identical across JVMs
 * (the JDK's own {@code nextGaussian} algorithm is not specified to stay fixed).
 */
public final class Rng {
    private final SplittableRandom random;
    private double spare;
    private boolean hasSpare;

    public Rng(long seed) {
        this(new SplittableRandom(seed));
    }

    private Rng(SplittableRandom random) {
        this.random = random;
    }

    /** An independent stream for one consumer (a data set, an init, a batch order). */
    public Rng split() {
        return new Rng(random.split());
    }

    /**
     * The stream called {@code name} of {@code parent} (an instance's data or init seed, a trial's
     * seed): a check that needs one more random source beside its instance's, e.g. a random start
     * or the probe directions of a sharpness measure, names it here instead of offsetting a seed by a
     * constant. Streams of different names (or of one parent and another) are unrelated.
     */
    public static Rng stream(long parent, String name) {
        return new Rng(derivedSeed(name, parent, 0));
    }

    /** The k-th stream called {@code name} of {@code parent} (one per run of a loop, say). */
    public static Rng stream(long parent, String name, int k) {
        return new Rng(derivedSeed(name, parent, k));
    }

    /**
     * A seed as a deterministic function of (name, parent seed, index): the name hashed with 64-bit
     * FNV-1a, the parts mixed with SplitMix64's finalizer. Trial seeds are this function of (claim id,
     * base seed, trial index).
     */
    public static long derivedSeed(String name, long parent, int index) {
        long h = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return mix(mix(h ^ mix(parent)) + 0x9E3779B97F4A7C15L * (index + 1L));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    public double uniform() {
        return random.nextDouble();
    }

    /** Uniform on [lo, hi). */
    public double uniform(double lo, double hi) {
        return lo + (hi - lo) * random.nextDouble();
    }

    /** Log-uniform on [lo, hi), lo &gt; 0. */
    public double logUniform(double lo, double hi) {
        return StrictMath.exp(uniform(StrictLog.log(lo), StrictLog.log(hi)));
    }

    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** Uniform integer in [lo, hi] inclusive. */
    public int intBetween(int lo, int hi) {
        return lo + random.nextInt(hi - lo + 1);
    }

    public long nextLong() {
        return random.nextLong();
    }

    public double gaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u, v, s;
        do {
            u = 2 * random.nextDouble() - 1;
            v = 2 * random.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double f = StrictMath.sqrt(-2 * StrictLog.log(s) / s);
        spare = v * f;
        hasSpare = true;
        return u * f;
    }

    public double[] gaussianVector(int n, double std) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = std * gaussian();
        }
        return v;
    }

    /** A uniformly random permutation of 0..n-1 (Fisher–Yates). */
    public int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
