package theorycheck.claims.factorization;

import theorycheck.linalg.Mat;
import theorycheck.linalg.Ops;
import theorycheck.linalg.Vec;
import theorycheck.model.DiagonalLinearNet;
import theorycheck.model.WideDiagonalNet;
import theorycheck.reference.GramSpectrum;

/**
 * Full-batch GD on L(θ) = (1/2m)‖Xβ(θ) − y‖² (+ optional weight decay (λ/2)‖θ‖²) for the diagonal
 * parametrizations, with an explicit step rule.
 *
 * <p>The claims compare GD with gradient-flow theorems, so the step must be small against the
 * local curvature, including the term that the residual contributes: for β = w₊^D − w₋^D the
 * Hessian is JᵀΣ̂J + diag(D(D−1)w^{D−2}·g_β) with Σ̂ = XᵀX/m and g_β = Xᵀr/m, hence
 * <pre>
 *   ‖∇²L(θ)‖ ≤ S(θ) = D²·λmax(Σ̂)·maxⱼ(w₊ⱼ^{2D−2} + w₋ⱼ^{2D−2}) + D(D−1)·maxⱼ|w|^{D−2}·‖g_β‖∞ (+ λ).
 * </pre>
 * The adaptive rule takes η_t = c/S(θ_t), recomputed every step; since S ≥ D(D−1)|w|^{D−2}|g_β|,
 * no coordinate changes by more than a fraction ~c/(D−1) per step, which is what keeps the
 * multiplicative dynamics of small initializations close to the flow. A run stops when
 * ‖Xβ − y‖ ≤ tol·‖y‖, at the step budget, or on a non-finite value (diverged).
 */
final class DiagonalNetGd {
    /** β(θ), the chain rule from g_β to ∇_θ, and the smoothness bound S(θ) above. */
    interface Parametrization {
        int size();

        double[] beta(double[] theta);

        void chain(double[] theta, double[] gBeta, double[] grad);

        double smoothness(double[] theta, double gBetaInf, double lambdaMax);
    }

    enum Status { CONVERGED, BUDGET, DIVERGED }

    /** @param time Σ η_t, the gradient-flow time the run covered */
    record Run(double[] theta, double[] beta, long steps, double time, double relativeResidual, double maxSmoothness,
            Status status) {
        boolean converged() {
            return status == Status.CONVERGED;
        }
    }

    /** Either η_t = c/S(θ_t) (adaptive) or a constant η. */
    record StepRule(double c, double constant) {
        static StepRule adaptive(double c) {
            return new StepRule(c, Double.NaN);
        }

        static StepRule constant(double eta) {
            return new StepRule(Double.NaN, eta);
        }

        double step(double smoothness) {
            return Double.isNaN(constant) ? c / smoothness : constant;
        }

        @Override
        public String toString() {
            return Double.isNaN(constant) ? "η=" + c + "/S(θ)" : "η=" + constant;
        }
    }

    /** Budget and stopping rule; maxTime stops at a fixed flow time (∞ for none). */
    record Budget(double tol, long maxSteps, double maxTime) {
        static Budget toTolerance(double tol, long maxSteps) {
            return new Budget(tol, maxSteps, Double.POSITIVE_INFINITY);
        }
    }

    private DiagonalNetGd() {
    }

    static Run run(Mat x, double[] y, double lambdaMax, Parametrization p, double[] theta0, StepRule rule,
            double weightDecay, Budget budget) {
        int m = x.rows();
        double[] theta = theta0.clone();
        double[] grad = new double[theta.length];
        double[] r = new double[m];
        double[] gBeta = new double[x.cols()];
        double yNorm = Vec.norm2(y);
        double time = 0, maxS = 0;
        long t = 0;
        while (true) {
            double[] beta = p.beta(theta);
            Ops.gemv(x, beta, r);
            for (int i = 0; i < m; i++) {
                r[i] = (r[i] - y[i]);
            }
            double res = Vec.norm2(r) / yNorm;
            if (!Double.isFinite(res) || !Vec.isFinite(theta)) {
                return new Run(theta, beta, t, time, res, maxS, Status.DIVERGED);
            }
            if (res <= budget.tol()) {
                return new Run(theta, beta, t, time, res, maxS, Status.CONVERGED);
            }
            if (t >= budget.maxSteps() || time >= budget.maxTime()) {
                return new Run(theta, beta, t, time, res, maxS, Status.BUDGET);
            }
            for (int i = 0; i < m; i++) {
                r[i] /= m;
            }
            Ops.gemvT(x, r, gBeta);
            double s = p.smoothness(theta, Vec.normInf(gBeta), lambdaMax) + weightDecay;
            maxS = Math.max(maxS, s);
            double eta = Math.min(rule.step(s), budget.maxTime() - time);
            p.chain(theta, gBeta, grad);
            for (int j = 0; j < theta.length; j++) {
                theta[j] -= eta * (grad[j] + weightDecay * theta[j]);
            }
            time += eta;
            t++;
        }
    }

    static double lambdaMax(Mat x) {
        return GramSpectrum.of(x).lambdaMax();
    }

    /** β = w₊^D − w₋^D, θ = (w₊, w₋), as {@link DiagonalLinearNet}. */
    static Parametrization depth(int d, int depth) {
        DiagonalLinearNet net = new DiagonalLinearNet(d, depth);
        return new Parametrization() {
            @Override
            public int size() {
                return 2 * d;
            }

            @Override
            public double[] beta(double[] theta) {
                return net.effectiveWeights(theta);
            }

            @Override
            public void chain(double[] theta, double[] gBeta, double[] grad) {
                for (int j = 0; j < d; j++) {
                    grad[j] = gBeta[j] * depth * pow(theta[j], depth - 1);
                    grad[d + j] = -gBeta[j] * depth * pow(theta[d + j], depth - 1);
                }
            }

            @Override
            public double smoothness(double[] theta, double gInf, double lambdaMax) {
                double gn = 0, curv = 0;
                for (int j = 0; j < d; j++) {
                    double a = Math.abs(theta[j]), b = Math.abs(theta[d + j]);
                    gn = Math.max(gn, pow(a, 2 * depth - 2) + pow(b, 2 * depth - 2));
                    curv = Math.max(curv, pow(Math.max(a, b), depth - 2));
                }
                return depth * depth * lambdaMax * gn + depth * (depth - 1) * curv * gInf;
            }
        };
    }

    /** β = diag(UVᵀ), as {@link WideDiagonalNet}: S = λmax·maxᵢ(‖uᵢ‖² + ‖vᵢ‖²) + ‖g_β‖∞. */
    static Parametrization wide(int d, int k) {
        WideDiagonalNet net = new WideDiagonalNet(d, k);
        int off = d * k;
        return new Parametrization() {
            @Override
            public int size() {
                return 2 * off;
            }

            @Override
            public double[] beta(double[] theta) {
                return net.effectiveWeights(theta);
            }

            @Override
            public void chain(double[] theta, double[] gBeta, double[] grad) {
                for (int i = 0; i < d; i++) {
                    int o = i * k;
                    for (int j = 0; j < k; j++) {
                        grad[o + j] = gBeta[i] * theta[off + o + j];
                        grad[off + o + j] = gBeta[i] * theta[o + j];
                    }
                }
            }

            @Override
            public double smoothness(double[] theta, double gInf, double lambdaMax) {
                double gn = 0;
                for (int i = 0; i < d; i++) {
                    double s = 0;
                    int o = i * k;
                    for (int j = 0; j < k; j++) {
                        s += theta[o + j] * theta[o + j] + theta[off + o + j] * theta[off + o + j];
                    }
                    gn = Math.max(gn, s);
                }
                return lambdaMax * gn + gInf;
            }
        };
    }

    private static double pow(double b, int e) {
        double r = 1;
        for (int i = 0; i < e; i++) {
            r *= b;
        }
        return r;
    }
}
