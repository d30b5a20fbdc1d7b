package theorycheck.reference;

import theorycheck.linalg.Cholesky;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Ops;

/**
 * Ridge regression: the unique minimizer of
 *
 * <pre>
 *   R_λ(w) = (1/2m)‖Xw − y‖₂² + (λ/2)‖w‖₂²,   λ &gt; 0,
 * </pre>
 *
 * for an m×n design X, i.e. the mean squared loss ½(xᵢᵀw − yᵢ)² of
 * {@link theorycheck.loss.EmpiricalRisk} plus the penalty of {@link theorycheck.loss.RidgePenalty}.
 * Setting ∇R_λ = Xᵀ(Xw − y)/m + λw to zero gives two equal closed forms:
 *
 * <ul>
 *   <li>primal: w = (XᵀX/m + λI)⁻¹ Xᵀy/m, an n×n system;</li>
 *   <li>dual: w = Xᵀ(XXᵀ + mλI)⁻¹ y, an m×m system (push-through identity).</li>
 * </ul>
 *
 * {@link #solve} uses the smaller one (primal when n ≤ m); both matrices are symmetric positive
 * definite for λ &gt; 0 and are solved by {@link Cholesky}. As λ → 0⁺ the answer tends to the
 * minimum-norm solution X⁺y ({@link MinNorm}).
 */
public final class Ridge {
    private Ridge() {
    }

    /**
     * argmin_w (1/2m)‖Xw − y‖² + (λ/2)‖w‖², through the smaller of the primal and dual systems.
     *
     * @param x m×n design, not modified
     * @param y length m, not modified
     * @param lambda finite, &gt; 0
     * @return a new array of length n
     * @throws IllegalArgumentException if λ is not finite and &gt; 0, or shapes disagree
     */
    public static double[] solve(Mat x, double[] y, double lambda) {
        return x.cols() <= x.rows() ? primal(x, y, lambda) : dual(x, y, lambda);
    }

    /** w = (XᵀX/m + λI)⁻¹ Xᵀy/m (n×n system); arguments as in {@link #solve}. */
    public static double[] primal(Mat x, double[] y, double lambda) {
        check(x, y, lambda);
        int m = x.rows();
        int n = x.cols();
        Mat a = Ops.multTransA(x, x, null);
        double[] ad = a.data();
        for (int i = 0; i < ad.length; i++) {
            ad[i] /= m;
        }
        for (int i = 0; i < n; i++) {
            ad[i * n + i] += lambda;
        }
        double[] b = Ops.gemvT(x, y, null);
        for (int i = 0; i < n; i++) {
            b[i] /= m;
        }
        return Cholesky.solve(a, b);
    }

    /** w = Xᵀ(XXᵀ + mλI)⁻¹ y (m×m system); arguments as in {@link #solve}. */
    public static double[] dual(Mat x, double[] y, double lambda) {
        check(x, y, lambda);
        int m = x.rows();
        Mat k = Ops.multTransB(x, x, null);
        double[] kd = k.data();
        for (int i = 0; i < m; i++) {
            kd[i * m + i] += m * lambda;
        }
        double[] alpha = Cholesky.solve(k, y);
        return Ops.gemvT(x, alpha, null);
    }

    /** R_λ(w) = (1/2m)‖Xw − y‖² + (λ/2)‖w‖²; arguments not modified. */
    public static double objective(Mat x, double[] y, double lambda, double[] w) {
        double[] r = Ops.gemv(x, w, null);
        double loss = 0;
        for (int i = 0; i < r.length; i++) {
            double d = r[i] - y[i];
            loss += d * d;
        }
        double sq = 0;
        for (double v : w) {
            sq += v * v;
        }
        return loss / (2.0 * x.rows()) + 0.5 * lambda * sq;
    }

    private static void check(Mat x, double[] y, double lambda) {
        if (!(lambda > 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("ridge λ must be finite and > 0, got " + lambda
                    + " (for λ = 0 use MinNorm.solve)");
        }
        if (y.length != x.rows()) {
            throw new IllegalArgumentException("y has length " + y.length + ", X is " + x.rows() + "x" + x.cols());
        }
    }
}
