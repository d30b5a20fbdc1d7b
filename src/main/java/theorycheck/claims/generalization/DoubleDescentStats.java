package theorycheck.claims.generalization;

import java.util.Arrays;
import theorycheck.linalg.Vec;

/**
 * Statistics that survive the heavy tails of least-squares risk near the interpolation threshold,
 * where the risk has infinite mean (|n − m| ≤ 1) or infinite variance (|n − m| ≤ 3): medians with
 * distribution-free confidence intervals, and a tail-index estimate.
 */
final class DoubleDescentStats {
    private DoubleDescentStats() {
    }

    /** A point estimate with a confidence interval. */
    record Interval(double estimate, double low, double high) {
        /** True when this interval lies entirely below {@code other}. */
        boolean below(Interval other) {
            return high < other.low;
        }
    }

    static double[] sorted(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c;
    }

    /** The empirical p-quantile (lower order statistic ⌊p(N − 1)⌋ of the sorted sample). */
    static double quantile(double[] sorted, double p) {
        return sorted[(int) Math.floor(p * (sorted.length - 1))];
    }

    /**
     * The median with the distribution-free ≥95% interval [X_(l), X_(N−1−l)] (order statistics
     * counted from 0): the number B of draws at or below the true median is Bin(N, ½), the interval
     * misses it when B ≤ l or B ≥ N − l, so l is the largest index with P(B ≤ l) ≤ 0.025. It assumes
     * nothing about the tails.
     *
     * @throws IllegalArgumentException for fewer than 6 values (no such l)
     */
    static Interval medianInterval(double[] v) {
        double[] s = sorted(v);
        int n = s.length;
        double cdf = 0;
        int l = -1;
        // cdf = P(B ≤ k − 1) before step k
        for (int k = 0; k < n; k++) {
            double pk = Math.exp(logChoose(n, k) - n * Math.log(2));
            if (cdf + pk > 0.025) {
                l = k - 1;
                break;
            }
            cdf += pk;
        }
        if (l < 0) {
            throw new IllegalArgumentException("a 95% median interval needs at least 6 values, got " + n);
        }
        int u = n - 1 - l;
        return new Interval(Vec.median(v), s[l], s[u]);
    }

    /** Mean ± z·(sample standard deviation)/√N; valid where the variance is finite. */
    static Interval meanInterval(double[] v, double z) {
        double sum = 0;
        double sumSq = 0;
        for (double x : v) {
            sum += x;
            sumSq += x * x;
        }
        double mean = sum / v.length;
        double sd = Math.sqrt(Math.max(0, sumSq / v.length - mean * mean) * v.length / (v.length - 1.0));
        double half = z * sd / Math.sqrt(v.length);
        return new Interval(mean, mean - half, mean + half);
    }

    /**
     * Hill's estimate of the tail index α (P(X &gt; t) ~ t^{−α}) from the k largest of positive
     * values, α̂ = k / Σ_{i&lt;k} ln(X_(i)/X_(k)) (X_(0) the largest), with the asymptotic ~95% interval
     * α̂(1 ± 1.96/√k). α &lt; 1 means an infinite mean.
     *
     * @see "B. M. Hill, A simple general approach to inference about the tail of a distribution, Ann. Statist. 3 (1975)"
     */
    static Interval hill(double[] v, int k) {
        double[] s = sorted(v);
        int n = s.length;
        if (k < 2 || k >= n) {
            throw new IllegalArgumentException("Hill estimator needs 2 ≤ k < N, got k=" + k + " N=" + n);
        }
        double threshold = s[n - 1 - k];
        if (!(threshold > 0)) {
            return new Interval(Double.NaN, Double.NaN, Double.NaN);
        }
        double sum = 0;
        for (int i = 0; i < k; i++) {
            sum += Math.log(s[n - 1 - i] / threshold);
        }
        double alpha = k / sum;
        double half = 1.959963984540054 / Math.sqrt(k);
        return new Interval(alpha, alpha * (1 - half), alpha * (1 + half));
    }

    private static double logChoose(int n, int k) {
        double s = 0;
        for (int i = 1; i <= k; i++) {
            s += Math.log(n - k + i) - Math.log(i);
        }
        return s;
    }
}
