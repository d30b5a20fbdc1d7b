package theorycheck.reference;

import theorycheck.linalg.Mat;

/**
 * The interpolant that gradient flow on a depth-2 diagonal linear network β = w₊² − w₋², started
 * at w₊ = w₋ = α·1 on the squared loss, converges to (Woodworth et al., COLT 2020, Theorem 1):
 * <pre>
 *   β_α = argmin Q_α(β) s.t. Xβ = y,   Q_α(β) = α²·Σⱼ q(βⱼ/α²),
 *   q(b) = 2 − √(4 + b²) + b·asinh(b/2).
 * </pre>
 * q'(b) = asinh(b/2), so the KKT conditions read β = 2α²·sinh(Xᵀμ), Xβ = y — the closed form of
 * the flow with Xᵀμ = −4Xᵀ∫r. Solved by Newton's method on the dual (see {@link QAlphaDualNewton}),
 * whose conjugate is q*(z) = 2cosh z − 2. Q_α tends to ‖β‖₁·log(1/α²) (up to constants) as α → 0
 * and to ‖β‖₂²/(4α²) as α → ∞.
 */
public final class QAlphaInterpolant {
    private static final QAlphaDualNewton.Link LINK = new QAlphaDualNewton.Link() {
        @Override
        public double h(double z) {
            return 2 * Math.sinh(z);
        }

        @Override
        public double hPrime(double z) {
            return 2 * Math.cosh(z);
        }

        @Override
        public double conjugate(double z) {
            // 2cosh z − 2 = 4 sinh²(z/2), without cancellation near 0
            double sh = Math.sinh(z / 2);
            return 4 * sh * sh;
        }

        @Override
        public double domainBound() {
            return Double.POSITIVE_INFINITY;
        }
    };

    private QAlphaInterpolant() {
    }

    /**
     * @param beta argmin Q_α s.t. Xβ = y
     * @param dual μ with asinh(β/(2α²)) = Xᵀμ
     * @param iterations Newton iterations
     * @param relativeResidual ‖Xβ − y‖/‖y‖
     * @param converged the residual reached the solver's tolerance (stationarity holds by construction)
     */
    public record Result(double[] beta, double[] dual, int iterations, double relativeResidual, boolean converged) {
    }

    /**
     * @param x m×d design of full row rank, not modified
     * @param y length m, not modified
     * @param alpha initialization scale α &gt; 0. Tested down to α = 1e-20; much smaller α makes the
     *     dual Hessian's weights span more than ~1e80 and Newton stalls ({@code converged} is then false)
     */
    public static Result solve(Mat x, double[] y, double alpha) {
        QAlphaDualNewton.Solution s = QAlphaDualNewton.solve(x, y, alpha * alpha, LINK);
        return new Result(s.beta(), s.mu(), s.iterations(), s.relativeResidual(), s.converged());
    }

    /** q(b) = 2 − √(4 + b²) + b·asinh(b/2). */
    public static double q(double b) {
        return 2 - Math.sqrt(4 + b * b) + b * asinh(b / 2);
    }

    /** Q_α(β) = α²·Σ q(βⱼ/α²). */
    public static double value(double[] beta, double alpha) {
        double a2 = alpha * alpha;
        double sum = 0;
        for (double b : beta) {
            sum += q(b / a2);
        }
        return a2 * sum;
    }

    /** ∇Q_α(β)ⱼ = asinh(βⱼ/(2α²)): it lies in the row space of X exactly at the minimizer. */
    public static double[] gradient(double[] beta, double alpha) {
        double a2 = alpha * alpha;
        double[] g = new double[beta.length];
        for (int j = 0; j < g.length; j++) {
            g[j] = asinh(beta[j] / (2 * a2));
        }
        return g;
    }

    /** asinh without overflow for large |x|. */
    static double asinh(double x) {
        double a = Math.abs(x);
        double r = a > 1e8 ? Math.log(2 * a) : Math.log1p(a + a * a / (1 + Math.sqrt(1 + a * a)));
        return Math.copySign(r, x);
    }
}
