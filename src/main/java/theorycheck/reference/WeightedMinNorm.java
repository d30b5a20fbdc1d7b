package theorycheck.reference;

import theorycheck.linalg.Cholesky;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Ops;
import theorycheck.linalg.Vec;

/**
 * The interpolant of an m×n design X (m ≤ n, full row rank) nearest to a point θ₀ in a diagonal
 * metric D = diag(d), d_j &gt; 0:
 *
 * <pre>
 *   θ = argmin_θ (θ − θ₀)ᵀ D (θ − θ₀)  subject to  Xθ = y
 *     = θ₀ + D⁻¹Xᵀ (X D⁻¹ Xᵀ)⁻¹ (y − Xθ₀)          (Lagrange: D(θ − θ₀) ∈ row(X)).
 * </pre>
 *
 * With D = I and θ₀ = 0 it is X⁺y ({@link MinNorm}), the limit of GD from 0; with D = I it is the
 * limit of GD from θ₀. With D = Σ_test and θ₀ = θ* it is the interpolant of least excess risk under
 * the test covariance Σ_test — the exact "most robust" interpolant for a covariate shift.
 *
 * <p>Solved through the m×m Gram matrix X D⁻¹ Xᵀ by {@link Cholesky}: O(m²n), much cheaper than an
 * SVD of a wide X. The Gram matrix must be numerically positive definite (X of full row rank and
 * not too ill-conditioned); Cholesky reports a failure rather than returning a wrong answer.
 */
public final class WeightedMinNorm {
    private WeightedMinNorm() {
    }

    /**
     * X⁺y = Xᵀ(XXᵀ)⁻¹y for X of full row rank.
     *
     * @param x m×n, not modified
     * @param y length m, not modified
     * @return a new array of length n
     * @throws IllegalArgumentException if XXᵀ is not numerically positive definite
     */
    public static double[] minNorm(Mat x, double[] y) {
        return solve(x, y, null, null);
    }

    /**
     * θ₀ + D⁻¹Xᵀ(XD⁻¹Xᵀ)⁻¹(y − Xθ₀).
     *
     * @param x m×n, not modified
     * @param y length m, not modified
     * @param weights d (length n, all &gt; 0), not modified; null means d = 1
     * @param theta0 θ₀ (length n), not modified; null means 0
     * @return a new array of length n
     */
    public static double[] solve(Mat x, double[] y, double[] weights, double[] theta0) {
        int m = x.rows();
        int n = x.cols();
        if (y.length != m) {
            throw new IllegalArgumentException("y has length " + y.length + ", X is " + m + "x" + n);
        }
        if (weights != null && weights.length != n || theta0 != null && theta0.length != n) {
            throw new IllegalArgumentException("weights and θ₀ must have length " + n);
        }
        Mat scaled = x;
        if (weights != null) {
            scaled = x.copy();
            double[] sd = scaled.data();
            for (int j = 0; j < n; j++) {
                if (!(weights[j] > 0) || Double.isInfinite(weights[j])) {
                    throw new IllegalArgumentException("weight " + j + " must be finite and > 0, got " + weights[j]);
                }
            }
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    sd[i * n + j] /= weights[j];
                }
            }
        }
        // K = X D⁻¹ Xᵀ, symmetric by construction; copy the upper triangle down in case BLAS was used.
        Mat k = Ops.multTransB(scaled, x, null);
        double[] kd = k.data();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < i; j++) {
                kd[i * m + j] = kd[j * m + i];
            }
        }
        double[] residual = theta0 == null ? y.clone() : Vec.sub(y, Ops.gemv(x, theta0, null));
        double[] alpha = Cholesky.solve(k, residual);
        double[] theta = Ops.gemvT(scaled, alpha, null);
        if (theta0 != null) {
            Vec.axpyInPlace(1.0, theta0, theta);
        }
        return theta;
    }
}
