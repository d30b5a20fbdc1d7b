package theorycheck.measure;

import java.util.OptionalInt;

/**
 * The effective ranks of a covariance spectrum λ₁ ≥ … ≥ λ_p &gt; 0 that decide, in Bartlett, Long,
 * Lugosi &amp; Tsigler (2020, PNAS 117(48), "Benign overfitting in linear regression"), whether the
 * minimum-norm interpolant of m noisy Gaussian samples predicts well:
 *
 * <pre>
 *   r_k(Σ) = Σ_{i&gt;k} λ_i / λ_{k+1},          R_k(Σ) = (Σ_{i&gt;k} λ_i)² / Σ_{i&gt;k} λ_i²,
 *   k* = min{k ≥ 0 : r_k(Σ) ≥ b·m}             (∞ if no such k),
 * </pre>
 *
 * (their n is our m, the number of samples). Their Theorem 4: for constants b, c &gt; 1 depending only
 * on the sub-Gaussian norm, if k* &lt; m/c₁ then with probability ≥ 1 − δ
 *
 * <pre>
 *   R(θ̂) ≤ c‖θ*‖²‖Σ‖·max{√(r₀/m), r₀/m, √(log(1/δ)/m)} + c·log(1/δ)·σ²·(k* /m + m/R_{k*}),
 * </pre>
 *
 * and E R(θ̂) ≥ (σ²/c)(k* /m + m/R_{k*}); if k* ≥ m/c₁, E R(θ̂) ≥ σ²/c. A sequence of spectra is
 * benign iff r₀/m, k* /m and m/R_{k*} all tend to 0. The constants are not given explicitly, so
 * {@link #boundShape} evaluates the bound with c = 1 and without the δ term: use it for trends
 * and for telling benign from harmful spectra, never as a number to compare risks with.
 *
 * <p>Tail sums are accumulated from the smallest eigenvalue up, so a long flat tail is summed
 * without cancellation; every query is O(1) after an O(p) set-up.
 */
public final class CovarianceRanks {
    private final double[] lambda;
    /** tail[k] = Σ_{i≥k} λ_i (0-based), tail[p] = 0. */
    private final double[] tail;
    /** tailSq[k] = Σ_{i≥k} λ_i². */
    private final double[] tailSq;

    /**
     * @param eigenvalues λ₁ ≥ … ≥ λ_p &gt; 0, not modified
     * @throws IllegalArgumentException if empty, not positive or not non-increasing
     */
    public CovarianceRanks(double[] eigenvalues) {
        int p = eigenvalues.length;
        if (p == 0) {
            throw new IllegalArgumentException("need at least one eigenvalue");
        }
        for (int i = 0; i < p; i++) {
            if (!(eigenvalues[i] > 0) || Double.isInfinite(eigenvalues[i])) {
                throw new IllegalArgumentException("eigenvalue " + i + " must be finite and > 0, got " + eigenvalues[i]);
            }
            if (i > 0 && eigenvalues[i] > eigenvalues[i - 1]) {
                throw new IllegalArgumentException("eigenvalues must be non-increasing at index " + i);
            }
        }
        lambda = eigenvalues.clone();
        tail = new double[p + 1];
        tailSq = new double[p + 1];
        for (int i = p - 1; i >= 0; i--) {
            tail[i] = tail[i + 1] + lambda[i];
            tailSq[i] = tailSq[i + 1] + lambda[i] * lambda[i];
        }
    }

    public int dim() {
        return lambda.length;
    }

    /** r_k = Σ_{i&gt;k} λ_i / λ_{k+1}, for 0 ≤ k &lt; p. r₀ = tr Σ/‖Σ‖. */
    public double r(int k) {
        checkK(k);
        return tail[k] / lambda[k];
    }

    /** R_k = (Σ_{i&gt;k} λ_i)² / Σ_{i&gt;k} λ_i², for 0 ≤ k &lt; p. */
    public double bigR(int k) {
        checkK(k);
        return tail[k] * tail[k] / tailSq[k];
    }

    /** Σ_{i&gt;k} λ_i, for 0 ≤ k ≤ p. */
    public double tailSum(int k) {
        if (k < 0 || k > lambda.length) {
            throw new IllegalArgumentException("k = " + k + " not in [0, " + lambda.length + "]");
        }
        return tail[k];
    }

    /** k* = min{k ≥ 0 : r_k ≥ b·m}; empty when no k &lt; p qualifies (k* = ∞). */
    public OptionalInt kStar(double b, int m) {
        if (!(b > 0) || m < 1) {
            throw new IllegalArgumentException("need b > 0 and m ≥ 1, got b=" + b + ", m=" + m);
        }
        for (int k = 0; k < lambda.length; k++) {
            if (r(k) >= b * m) {
                return OptionalInt.of(k);
            }
        }
        return OptionalInt.empty();
    }

    /**
     * The smallest d with Σ_{i≤d} λ_i ≥ fraction·tr Σ: the "90% energy" rank of the book's
     * exercise C.14 (fraction 0.9), which is blind to how the rest of the variance is spread.
     */
    public int energyRank(double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be in (0, 1], got " + fraction);
        }
        double target = fraction * tail[0];
        for (int d = 1; d <= lambda.length; d++) {
            // Σ_{i≤d} λ_i = tail[0] − tail[d]
            if (tail[0] - tail[d] >= target * (1 - 1e-15)) {
                return d;
            }
        }
        return lambda.length;
    }

    /**
     * Bartlett et al.'s Theorem 4 bound with unit constants (c = 1, no δ term).
     *
     * @param kStar k* at the chosen b, or −1 if it does not exist
     * @param bias ‖θ*‖²·λ₁·max{√(r₀/m), r₀/m}
     * @param variance σ²(k* /m + m/R_{k*}); +∞ when k* does not exist or k* ≥ m (the theorem then
     *     only gives the lower bound E R ≥ σ²/c: not benign)
     */
    public record BoundShape(int kStar, double r0OverM, double kStarOverM, double mOverRkStar, double bias,
            double variance) {
        public double total() {
            return bias + variance;
        }
    }

    /**
     * The shape of Theorem 4's upper bound for m samples.
     *
     * @param b the constant in k*'s definition (b &gt; 0; Bartlett et al. need b &gt; 1 large enough)
     * @param truthNorm2 ‖θ*‖²
     * @param noiseVar σ²
     */
    public BoundShape boundShape(double b, int m, double truthNorm2, double noiseVar) {
        double r0m = r(0) / m;
        double bias = truthNorm2 * lambda[0] * Math.max(StrictMath.sqrt(r0m), r0m);
        OptionalInt ks = kStar(b, m);
        if (ks.isEmpty() || ks.getAsInt() >= m) {
            return new BoundShape(ks.orElse(-1), r0m, ks.isEmpty() ? Double.POSITIVE_INFINITY : (double) ks.getAsInt() / m,
                    ks.isEmpty() ? Double.POSITIVE_INFINITY : m / bigR(ks.getAsInt()), bias, Double.POSITIVE_INFINITY);
        }
        int k = ks.getAsInt();
        double kOverM = (double) k / m;
        double mOverR = m / bigR(k);
        return new BoundShape(k, r0m, kOverM, mOverR, bias, noiseVar * (kOverM + mOverR));
    }

    private void checkK(int k) {
        if (k < 0 || k >= lambda.length) {
            throw new IllegalArgumentException("k = " + k + " not in [0, " + lambda.length + ")");
        }
    }
}
