package theorycheck.data;

import theorycheck.linalg.Mat;
import theorycheck.linalg.Ops;
import theorycheck.linalg.SymmetricEigen;

/**
 * Low-rank matrix sensing: m linear measurements y_i = ⟨A_i, X*⟩ of a PSD matrix X* = U*U*ᵀ of
 * rank r.
 *
 * <p>Normalization (stated once here): U* ∈ ℝ^{n×r} has i.i.d. N(0, 1) entries and is then scaled
 * so that λ_max(X*) = 1. Each A_i = (G_i + G_iᵀ)/2 with G_i an n×n matrix of i.i.d. N(0, 1)
 * entries: on symmetric matrices ⟨G_i, X⟩ = ⟨A_i, X⟩, so these are exactly the measurements of a
 * Gaussian matrix with unit-variance entries (the assignment's), written in symmetric form, and
 * E⟨A_i, X⟩² = ‖X‖_F² for symmetric X. Row i of {@link #measurements()} is vec(A_i), row-major.
 *
 * @param n side of X*
 * @param rank r
 * @param measurements m×n², row i = vec(A_i) (symmetric A_i)
 * @param y length m, y_i = ⟨A_i, X*⟩ (noise-free)
 * @param xStar X*, n×n
 * @param uStar U*, n×r
 */
public record MatrixSensing(int n, int rank, Mat measurements, double[] y, Mat xStar, Mat uStar) {

    /**
     * Draws an instance.
     *
     * @param n side, ≥ 1
     * @param rank r in [1, n]
     * @param m number of measurements, ≥ 1
     * @param rng source of all randomness
     */
    public static MatrixSensing gaussian(int n, int rank, int m, Rng rng) {
        if (n < 1 || rank < 1 || rank > n || m < 1) {
            throw new IllegalArgumentException("need n ≥ 1, 1 ≤ r ≤ n, m ≥ 1; got n=" + n + " r=" + rank + " m=" + m);
        }
        Mat u = new Mat(n, rank, rng.gaussianVector(n * rank, 1.0));
        Mat x = Ops.multTransB(u, u, null);
        double top = SymmetricEigen.decompose(x).max();
        double s = 1 / Math.sqrt(top);
        u = Ops.scale(s, u);
        x = Ops.multTransB(u, u, null);
        Mat a = new Mat(m, n * n);
        double[] ad = a.data();
        for (int i = 0; i < m; i++) {
            double[] g = rng.gaussianVector(n * n, 1.0);
            int o = i * n * n;
            for (int p = 0; p < n; p++) {
                for (int q = 0; q < n; q++) {
                    ad[o + p * n + q] = 0.5 * (g[p * n + q] + g[q * n + p]);
                }
            }
        }
        return new MatrixSensing(n, rank, a, Ops.gemv(a, x.data(), null), x, u);
    }

    /** Number of measurements m. */
    public int m() {
        return measurements.rows();
    }

    /** 𝒜(X) = (⟨A_i, X⟩)_i for an n×n matrix X (not modified). */
    public double[] measure(Mat x) {
        return Ops.gemv(measurements, x.data(), null);
    }

    /**
     * The residual r = 𝒜(X) − y for X given as its n² row-major entries, written into {@code r}
     * (length m); returns ‖r‖². The GD loops of the sensing claims call this once per step.
     */
    public double residual(double[] x, double[] r) {
        double[] a = measurements.data();
        int w = n * n;
        double sq = 0;
        for (int i = 0; i < r.length; i++) {
            double v = -y[i];
            int o = i * w;
            for (int j = 0; j < w; j++) {
                v += a[o + j] * x[j];
            }
            r[i] = v;
            sq += v * v;
        }
        return sq;
    }
}
