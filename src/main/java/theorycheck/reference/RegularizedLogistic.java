package theorycheck.reference;

import theorycheck.linalg.Cholesky;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Vec;

/**
 * L2-regularized logistic regression without bias: the unique minimizer of
 *
 * <pre>
 *   F_λ(w) = (1/m) Σᵢ log(1 + exp(−yᵢ⟨w, xᵢ⟩)) + (λ/2)‖w‖₂²,   λ &gt; 0,
 * </pre>
 *
 * by Newton's method with backtracking. F_λ is λ-strongly convex, so the minimizer exists on any
 * data (separable or not) and Newton converges quadratically from 0. The penalty is (λ/2)‖w‖², as
 * in {@link Ridge} and {@link theorycheck.loss.RidgePenalty}; Bousquet &amp; Elisseeff (2002) write
 * λ_BE‖w‖², i.e. λ_BE = λ/2 (see {@link StabilityBounds}).
 */
public final class RegularizedLogistic {
    /** Stop when ‖∇F_λ‖ ≤ this × (1 + max‖xᵢ‖); F_λ is λ-strongly convex, so ‖w − w*‖ ≤ ‖∇F_λ‖/λ. */
    public static final double GRADIENT_TOL = 1e-13;
    /** Newton iterations allowed; from 0 a strongly convex logistic objective needs far fewer. */
    public static final int MAX_ITERATIONS = 100;

    private RegularizedLogistic() {
    }

    /**
     * @param w the last iterate (the minimizer when converged)
     * @param converged whether ‖∇F_λ(w)‖ met the tolerance
     * @param iterations Newton iterations used
     * @param gradientNorm ‖∇F_λ(w)‖ at the end; ‖w − w*‖ ≤ gradientNorm/λ
     */
    public record Result(double[] w, boolean converged, int iterations, double gradientNorm) {
    }

    /**
     * argmin F_λ by Newton from 0.
     *
     * @param x m×d design, not modified
     * @param y labels ±1, length m, not modified
     * @param lambda finite, &gt; 0
     */
    public static Result solve(Mat x, double[] y, double lambda) {
        if (!(lambda > 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("λ must be finite and > 0, got " + lambda);
        }
        if (y.length != x.rows()) {
            throw new IllegalArgumentException("y has length " + y.length + ", X has " + x.rows() + " rows");
        }
        int d = x.cols();
        double scale = 0;
        for (int i = 0; i < x.rows(); i++) {
            scale = Math.max(scale, Vec.norm2(x.row(i)));
        }
        double tol = GRADIENT_TOL * (1 + scale);
        double[] w = new double[d];
        double[] grad = new double[d];
        double value = valueAndGradient(x, y, lambda, w, grad);
        double[] trial = new double[d];
        double[] trialGrad = new double[d];
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double gn = Vec.norm2(grad);
            if (gn <= tol) {
                return new Result(w, true, it, gn);
            }
            double[] step = Cholesky.solve(hessian(x, y, lambda, w), grad);
            value = ArmijoBacktracking.step((v, g) -> valueAndGradient(x, y, lambda, v, g), w, grad, value, step,
                    trial, trialGrad);
        }
        double gn = Vec.norm2(grad);
        return new Result(w, gn <= tol, MAX_ITERATIONS, gn);
    }

    /** F_λ(w) and ∇F_λ(w) (written into grad), overflow-safe; arguments other than grad not modified. */
    public static double valueAndGradient(Mat x, double[] y, double lambda, double[] w, double[] grad) {
        double loss = LogisticMinimizer.valueAndGradient(x, y, w, grad); // the unregularized mean loss
        double sq = 0;
        for (int j = 0; j < w.length; j++) {
            grad[j] += lambda * w[j];
            sq += w[j] * w[j];
        }
        return loss + 0.5 * lambda * sq;
    }

    /** log(1 + e^{−z}) without overflow. */
    public static double logistic(double z) {
        return z > 0 ? StrictMath.log1p(StrictMath.exp(-z)) : -z + StrictMath.log1p(StrictMath.exp(z));
    }

    private static Mat hessian(Mat x, double[] y, double lambda, double[] w) {
        Mat h = LogisticMinimizer.hessian(x, y, w);
        double[] hd = h.data();
        int d = x.cols();
        for (int a = 0; a < d; a++) {
            hd[a * d + a] += lambda;
        }
        return h;
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + StrictMath.exp(-z)) : StrictMath.exp(z) / (1 + StrictMath.exp(z));
    }
}
