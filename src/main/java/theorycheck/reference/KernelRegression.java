package theorycheck.reference;

import theorycheck.linalg.Cholesky;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Ops;

/**
 * Kernel (ridge-less or ridge) regression from an offset: the predictor
 *
 * <pre>
 *   h(x) = h₀(x) + K(x, X) (K(X, X) + λI)⁻¹ (y − h₀(X)),
 * </pre>
 *
 * which for λ = 0 is the interpolant closest to h₀ in the RKHS norm of K, i.e. the limit of
 * gradient flow on the squared loss of the model linearized at a start whose function is h₀.
 * The system is solved by {@link Cholesky}, so K(X, X) + λI must be positive definite.
 */
public final class KernelRegression {
    private KernelRegression() {
    }

    /**
     * c = (K + λI)⁻¹ r.
     *
     * @param kTrain m×m symmetric kernel matrix, not modified
     * @param residual r = y − h₀(X), not modified
     * @param ridge λ ≥ 0
     * @throws IllegalArgumentException if K + λI is not positive definite
     */
    public static double[] coefficients(Mat kTrain, double[] residual, double ridge) {
        if (!(ridge >= 0) || Double.isInfinite(ridge)) {
            throw new IllegalArgumentException("ridge must be finite and ≥ 0, got " + ridge);
        }
        Mat a = kTrain.copy();
        for (int i = 0; i < a.rows(); i++) {
            a.set(i, i, a.get(i, i) + ridge);
        }
        return Cholesky.solve(a, residual);
    }

    /**
     * h(x_t) = h₀(x_t) + Σ_i K(x_t, x_i) c_i for every test row.
     *
     * @param kTestTrain t×m, not modified
     * @param coef from {@link #coefficients}
     * @param offset h₀ at the test points (length t), or null for h₀ = 0
     * @return a new array of length t
     */
    public static double[] predict(Mat kTestTrain, double[] coef, double[] offset) {
        double[] out = Ops.gemv(kTestTrain, coef, null);
        if (offset != null) {
            for (int i = 0; i < out.length; i++) {
                out[i] += offset[i];
            }
        }
        return out;
    }

    /** RKHS norm² of the fitted part: cᵀ K c (c from {@link #coefficients} with λ = 0). */
    public static double rkhsNormSquared(Mat kTrain, double[] coef) {
        double[] kc = Ops.gemv(kTrain, coef, null);
        double s = 0;
        for (int i = 0; i < coef.length; i++) {
            s += coef[i] * kc[i];
        }
        return s;
    }

    /**
     * Kernel GD from h₀ = 0 with step η for T steps, at the test points: the training residual
     * y − h_T(X) is (I − ηK)^T y, so h_T(x) = K(x, X) K⁻¹ (I − (I − ηK)^T) y (K⁻¹ by Cholesky). As T → ∞
     * this is kernel regression K(x, X)K⁻¹y. The residual recursion is run step by step (not through
     * an eigendecomposition) so that finite T is exact up to rounding.
     *
     * @param kTrain n×n symmetric positive definite kernel matrix, not modified
     * @param kTestTrain K(x, X) at the test points, not modified
     */
    public static double[] gradientDescentPrediction(Mat kTrain, Mat kTestTrain, double[] y, double eta, int steps) {
        int n = y.length;
        double[] r = y.clone();
        for (int t = 0; t < steps; t++) {
            double[] kr = Ops.gemv(kTrain, r, null);
            for (int i = 0; i < n; i++) {
                r[i] -= eta * kr[i];
            }
        }
        double[] fit = new double[n];
        for (int i = 0; i < n; i++) {
            fit[i] = y[i] - r[i];
        }
        return Ops.gemv(kTestTrain, Cholesky.solve(kTrain, fit), null);
    }
}
