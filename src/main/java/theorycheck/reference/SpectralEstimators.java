package theorycheck.reference;

import theorycheck.linalg.Mat;
import theorycheck.linalg.Ops;
import theorycheck.linalg.Svd;

/**
 * Least-squares estimators that act on the singular directions of X one at a time, and their exact
 * excess risk ‖θ̂ − β‖², from one thin SVD X = U diag(s) Vᵀ.
 *
 * <p>A spectral filter keeps the fraction g(sᵢ) of the least-squares coefficient along vᵢ:
 * θ̂ = Σ_{i&lt;rank} g(sᵢ)(uᵢᵀy/sᵢ) vᵢ. The minimum-norm solution X⁺y is g ≡ 1 ({@link MinNorm});
 * ridge (XᵀX + μI)⁻¹Xᵀy is g(s) = s²/(s² + μ) ({@link Ridge#solve} at λ is μ = mλ). Directions with
 * sᵢ at or below {@link MinNorm#rankCutoff} are dropped, as in {@link MinNorm}.
 *
 * <p>Why: for y = rXβ + σε the excess risk of every filter at every (r, σ) is a sum over at most
 * min(m, n) coordinates once aᵢ = vᵢᵀβ, bᵢ = uᵢᵀε and ‖(I − VVᵀ)β‖² are known, so a Monte-Carlo
 * sweep pays one SVD per design however many estimators and noise levels it compares. With an
 * isotropic test distribution x ~ N(0, I) the excess risk is the test MSE minus σ²
 * ({@link MinNormRisk}), so no test sample is needed.
 */
public final class SpectralEstimators {
    private SpectralEstimators() {
    }

    /** The fraction of the least-squares coefficient kept along a singular direction of size s. */
    @FunctionalInterface
    public interface Filter {
        double gain(double s);
    }

    /** g ≡ 1: the minimum-norm least-squares solution X⁺y. */
    public static final Filter MIN_NORM = s -> 1.0;

    /**
     * g(s) = s²/(s² + μ): ridge (XᵀX + μI)⁻¹Xᵀy on the summed loss, μ = mλ for {@link Ridge#solve}.
     *
     * @param mu finite, &gt; 0
     */
    public static Filter ridge(double mu) {
        if (!(mu > 0) || Double.isInfinite(mu)) {
            throw new IllegalArgumentException("ridge μ must be finite and > 0, got " + mu);
        }
        return s -> s * s / (s * s + mu);
    }

    /**
     * One problem in the singular basis of X.
     *
     * @param rows m
     * @param cols n
     * @param s singular values, descending, length min(m, n)
     * @param rank number of sᵢ above {@link MinNorm#rankCutoff}
     * @param signal aᵢ = vᵢᵀβ
     * @param noise bᵢ = uᵢᵀε
     * @param nullSignalSq ‖(I − VVᵀ)β‖², the part of β no estimator of this family can see
     */
    public record Coordinates(int rows, int cols, double[] s, int rank, double[] signal, double[] noise,
            double nullSignalSq) {
    }

    /**
     * Decomposes X and projects β and ε on its singular vectors.
     *
     * @param x m×n, not modified
     * @param beta length n, not modified
     * @param noise length m, not modified
     * @throws IllegalStateException if the SVD does not converge
     */
    public static Coordinates of(Mat x, double[] beta, double[] noise) {
        if (beta.length != x.cols() || noise.length != x.rows()) {
            throw new IllegalArgumentException("X is " + x.rows() + "x" + x.cols() + ", β has length " + beta.length
                    + ", ε has length " + noise.length);
        }
        Svd.Result svd = Svd.decompose(x);
        if (!svd.converged()) {
            throw new IllegalStateException("SpectralEstimators: SVD of the " + x.rows() + "x" + x.cols()
                    + " design did not converge in " + svd.sweeps() + " sweeps");
        }
        double[] s = svd.s();
        int rank = svd.rank(MinNorm.rankCutoff(x, s.length == 0 ? 0 : s[0]));
        double[] a = Ops.gemvT(svd.v(), beta, null);
        double[] b = Ops.gemvT(svd.u(), noise, null);
        // ‖β − V a‖² directly, not ‖β‖² − ‖a‖², which cancels when V spans almost all of ℝⁿ
        double[] residual = Ops.gemv(svd.v(), a, null);
        double nullSq = 0;
        for (int j = 0; j < beta.length; j++) {
            double d = beta[j] - residual[j];
            nullSq += d * d;
        }
        return new Coordinates(x.rows(), x.cols(), s.clone(), rank, a, b, nullSq);
    }

    /**
     * ‖θ̂ − rβ‖² for the filter's estimate from y = rXβ + σε:
     * Σ_{i&lt;rank} (g(sᵢ)(r aᵢ + σ bᵢ/sᵢ) − r aᵢ)² + r² Σ_{i≥rank} aᵢ² + r²‖(I − VVᵀ)β‖².
     *
     * @param c the problem, not modified
     * @param signalScale r, scales β
     * @param noiseScale σ, scales ε
     * @param filter the estimator
     */
    public static double excessRisk(Coordinates c, double signalScale, double noiseScale, Filter filter) {
        double r = signalScale;
        double total = r * r * c.nullSignalSq();
        double[] s = c.s();
        for (int i = 0; i < s.length; i++) {
            double ra = r * c.signal()[i];
            if (i < c.rank()) {
                double d = filter.gain(s[i]) * (ra + noiseScale * c.noise()[i] / s[i]) - ra;
                total += d * d;
            } else {
                total += ra * ra;
            }
        }
        return total;
    }
}
