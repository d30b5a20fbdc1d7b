package theorycheck.measure;

/**
 * The Clopper–Pearson (exact) confidence interval of a binomial proportion: the set of p for which
 * observing k successes in n is not rejected by either one-sided exact test at level α/2. The ends
 * are found by bisection on the exact binomial tail, computed in log space.
 */
public final class ClopperPearson {
    private ClopperPearson() {
    }

    /** The interval [lo, hi] at confidence 1 − α for k successes in n trials (0 ≤ k ≤ n, n ≥ 1). */
    public static double[] interval(int k, int n, double alpha) {
        if (n < 1 || k < 0 || k > n) {
            throw new IllegalArgumentException("need 0 ≤ k ≤ n and n ≥ 1, got k=" + k + " n=" + n);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("α must be in (0, 1), got " + alpha);
        }
        // lo: P(X ≥ k | lo) = α/2 (P(X ≥ k) increases in p); hi: P(X ≤ k | hi) = α/2 (decreases in p)
        double lo = k == 0 ? 0 : bisect(p -> upperTail(n, k, p) - alpha / 2, true);
        double hi = k == n ? 1 : bisect(p -> lowerTail(n, k, p) - alpha / 2, false);
        return new double[] {lo, hi};
    }

    /** P(X ≤ k) for X ~ Bin(n, p). */
    public static double lowerTail(int n, int k, double p) {
        double s = 0;
        for (int i = 0; i <= k; i++) {
            s += pmf(n, i, p);
        }
        return Math.min(1, s);
    }

    /** P(X ≥ k) for X ~ Bin(n, p). */
    public static double upperTail(int n, int k, double p) {
        double s = 0;
        for (int i = k; i <= n; i++) {
            s += pmf(n, i, p);
        }
        return Math.min(1, s);
    }

    private static double pmf(int n, int i, double p) {
        if (p <= 0) {
            return i == 0 ? 1 : 0;
        }
        if (p >= 1) {
            return i == n ? 1 : 0;
        }
        double logChoose = 0;
        for (int j = 1; j <= i; j++) {
            logChoose += Math.log(n - i + j) - Math.log(j);
        }
        return Math.exp(logChoose + i * Math.log(p) + (n - i) * Math.log1p(-p));
    }

    /** Root in (0, 1) of f; increasing says whether f increases in p. */
    private static double bisect(java.util.function.DoubleUnaryOperator f, boolean increasing) {
        double a = 0;
        double b = 1;
        for (int it = 0; it < 200 && b - a > 1e-14; it++) {
            double mid = 0.5 * (a + b);
            double v = f.applyAsDouble(mid);
            if ((v < 0) == increasing) {
                a = mid;
            } else {
                b = mid;
            }
        }
        return 0.5 * (a + b);
    }
}
