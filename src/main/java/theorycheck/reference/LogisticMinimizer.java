package theorycheck.reference;

import theorycheck.data.Classification;
import theorycheck.linalg.Cholesky;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Vec;

/**
 * The minimizer of the mean logistic loss L(w) = (1/m) Σ log(1 + exp(−y_i⟨w, x_i⟩)) of a linear
 * model without bias, by Newton's method with backtracking. It exists (and is unique) exactly when
 * the data are not linearly separable through the origin and X has full column rank; on separable
 * data the iterates run off to infinity and the result says it did not converge.
 */
public final class LogisticMinimizer {
    /**
     * Stop when ‖∇L‖ ≤ this × (1 + max_i ‖x_i‖) × L(w). Relative to the loss because on separable
     * data L → 0 along a ray and ‖∇L‖ falls with it (‖∇L‖/L stays of the order of the margin), so an
     * absolute gradient tolerance would be met with no finite minimizer; at a true minimizer
     * L* ≥ log 2 / m (some point has y⟨w, x⟩ ≤ 0 for every w).
     */
    public static final double GRADIENT_RELATIVE_TOL = 1e-12;
    /** Newton iterations allowed; quadratic convergence needs few when a minimizer exists. */
    public static final int MAX_ITERATIONS = 200;
    /** A norm beyond this means the loss has no finite minimizer in sight (separable data). */
    public static final double NORM_LIMIT = 1e6;

    private LogisticMinimizer() {
    }

    /**
     * @param w the last iterate
     * @param converged whether the gradient tolerance was met
     * @param iterations Newton iterations used
     * @param gradientNorm ‖∇L(w)‖ at the end
     */
    public record Result(double[] w, boolean converged, int iterations, double gradientNorm, String detail) {
    }

    /** Newton's method from 0; {@code data} not modified. */
    public static Result solve(Classification data) {
        Mat x = data.x();
        double[] y = data.y();
        int m = x.rows();
        int d = x.cols();
        double scale = 0;
        for (int i = 0; i < m; i++) {
            scale = Math.max(scale, Vec.norm2(x.row(i)));
        }
        double tol = GRADIENT_RELATIVE_TOL * (1 + scale);
        double[] w = new double[d];
        double[] grad = new double[d];
        double value = valueAndGradient(x, y, w, grad);
        double[] trial = new double[d];
        double[] trialGrad = new double[d];
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double gn = Vec.norm2(grad);
            if (gn <= tol * value) {
                return new Result(w, true, it, gn, "gradient tolerance met");
            }
            if (Vec.norm2(w) > NORM_LIMIT) {
                return new Result(w, false, it, gn, "norm exceeded " + NORM_LIMIT + ": no finite minimizer (separable data?)");
            }
            Mat h = hessian(x, y, w);
            double[] step;
            try {
                step = Cholesky.solve(h, grad);
            } catch (IllegalArgumentException e) {
                return new Result(w, false, it, gn, "Hessian not positive definite: " + e.getMessage());
            }
            value = ArmijoBacktracking.step((v, g) -> valueAndGradient(x, y, v, g), w, grad, value, step, trial,
                    trialGrad);
        }
        return new Result(w, false, MAX_ITERATIONS, Vec.norm2(grad), "iteration limit");
    }

    /** L(w) and ∇L(w) (written into grad), in overflow-safe form. */
    static double valueAndGradient(Mat x, double[] y, double[] w, double[] grad) {
        int m = x.rows();
        int d = x.cols();
        java.util.Arrays.fill(grad, 0);
        double total = 0;
        for (int i = 0; i < m; i++) {
            double z = 0;
            for (int j = 0; j < d; j++) {
                z += x.get(i, j) * w[j];
            }
            z *= y[i];
            total += z > 0 ? StrictMath.log1p(StrictMath.exp(-z)) : -z + StrictMath.log1p(StrictMath.exp(z));
            double s = sigmoid(-z); // −∂ℓ/∂z
            for (int j = 0; j < d; j++) {
                grad[j] -= s * y[i] * x.get(i, j) / m;
            }
        }
        return total / m;
    }

    /** ∇²L(w) = (1/m) Σ σ(zᵢ)(1 − σ(zᵢ)) xᵢxᵢᵀ, zᵢ = ⟨w, xᵢ⟩. */
    static Mat hessian(Mat x, double[] y, double[] w) {
        int m = x.rows();
        int d = x.cols();
        Mat h = new Mat(d, d);
        for (int i = 0; i < m; i++) {
            double z = 0;
            for (int j = 0; j < d; j++) {
                z += x.get(i, j) * w[j];
            }
            double s = sigmoid(z);
            double c = s * (1 - s) / m;
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    h.set(a, b, h.get(a, b) + c * x.get(i, a) * x.get(i, b));
                }
            }
        }
        return h;
    }

    private static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + StrictMath.exp(-z)) : StrictMath.exp(z) / (1 + StrictMath.exp(z));
    }
}
