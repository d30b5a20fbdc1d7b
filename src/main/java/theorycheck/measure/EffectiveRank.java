package theorycheck.measure;

import theorycheck.linalg.Mat;
import theorycheck.linalg.Svd;

/**
 * Effective rank of a matrix from its singular values σ₁ ≥ … ≥ σ_r ≥ 0.
 *
 * <ul>
 *   <li>Entropy (Roy–Vetterli) rank: erank = exp(H(p)) with p_i = σ_i / Σ_j σ_j and
 *   H(p) = −Σ p_i log p_i (0·log 0 = 0). It lies in [1, r], equals k for k equal non-zero singular
 *   values, and moves continuously, so it can say "closer to rank 1" where the integer rank cannot.</li>
 *   <li>Numerical rank at relative threshold τ: #{i : σ_i &gt; τ·σ₁}.</li>
 * </ul>
 *
 * @see "O. Roy, M. Vetterli, The effective rank: a measure of effective dimensionality, EUSIPCO 2007"
 */
public final class EffectiveRank {
    private EffectiveRank() {
    }

    /**
     * exp(H(σ/‖σ‖₁)).
     *
     * @param sigma singular values, all finite and ≥ 0, not all 0; not modified
     * @throws IllegalArgumentException on a negative or non-finite entry or an all-zero vector
     */
    public static double entropy(double[] sigma) {
        double sum = 0;
        for (double s : sigma) {
            if (!(s >= 0) || Double.isInfinite(s)) {
                throw new IllegalArgumentException("singular values must be finite and ≥ 0, got " + s);
            }
            sum += s;
        }
        if (sum == 0) {
            throw new IllegalArgumentException("effective rank of the zero matrix is undefined");
        }
        double h = 0;
        for (double s : sigma) {
            if (s > 0) {
                double p = s / sum;
                h -= p * Math.log(p);
            }
        }
        return Math.exp(h);
    }

    /** {@link #entropy} of the singular values of a (not modified). */
    public static double entropy(Mat a) {
        return entropy(Svd.decompose(a).s());
    }

    /**
     * #{i : σ_i &gt; τ·max σ}.
     *
     * @param sigma singular values ≥ 0, not modified
     * @param relThreshold τ in (0, 1)
     */
    public static int numerical(double[] sigma, double relThreshold) {
        if (!(relThreshold > 0 && relThreshold < 1)) {
            throw new IllegalArgumentException("relative threshold must be in (0, 1), got " + relThreshold);
        }
        double max = 0;
        for (double s : sigma) {
            max = Math.max(max, s);
        }
        int k = 0;
        for (double s : sigma) {
            if (s > relThreshold * max) {
                k++;
            }
        }
        return k;
    }
}
