package theorycheck.claims.factorization;

import java.util.Map;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Ops;
import theorycheck.linalg.Vec;
import theorycheck.loss.FullBatchObjective;
import theorycheck.model.DiagonalLinearNet;
import theorycheck.model.WideDiagonalNet;
import theorycheck.optim.GradientDescent;
import theorycheck.optim.StepSize;
import theorycheck.reference.GramSpectrum;
import theorycheck.train.BatchSampler;
import theorycheck.train.RunStatus;
import theorycheck.train.StopRule;
import theorycheck.train.TrainConfig;
import theorycheck.train.TrainResult;
import theorycheck.train.Trainer;

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

    /** @param time Σ η_t, the gradient-flow time the run covered */
    record Run(double[] theta, double[] beta, long steps, double time, double relativeResidual, double maxSmoothness,
            RunStatus status) {
        boolean converged() {
            return status == RunStatus.CONVERGED;
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
        Squares objective = new Squares(x, y, p, weightDecay);
        double[] time = {0};
        double[] maxS = {0};
        // η_t from the bound S(θ_t) of the gradient pass just made at θ_t, cut to end exactly at maxTime
        StepSize step = (t, theta, grad) -> {
            double s = p.smoothness(theta, objective.gBetaInf, lambdaMax) + weightDecay;
            maxS[0] = Math.max(maxS[0], s);
            double eta = Math.min(rule.step(s), budget.maxTime() - time[0]);
            time[0] += eta;
            return eta;
        };
        StopRule goal = (t, theta, loss) -> objective.relativeResidual <= budget.tol() ? "residual at tolerance"
                : time[0] >= budget.maxTime() ? "flow time covered" : null;
        // checked every step (the step rule needs the bound at each iterate); no blow-up rule, only non-finite values
        TrainConfig config = new TrainConfig(budget.maxSteps(), 0, 0, 1, Double.POSITIVE_INFINITY, 0);
        TrainResult run = Trainer.run(objective, GradientDescent.with(step, rule.toString()), BatchSampler.full(),
                theta0, config, Map.of(), Trainer.Hooks.stopWhen(goal));
        // a run that covered its flow time without reaching the tolerance spent its budget
        RunStatus status = run.diverged() ? RunStatus.DIVERGED
                : objective.relativeResidual <= budget.tol() ? RunStatus.CONVERGED : RunStatus.BUDGET_EXHAUSTED;
        return new Run(run.theta(), p.beta(run.theta()), run.steps(), time[0], objective.relativeResidual, maxS[0],
                status);
    }

    /**
     * (1/2m)‖Xβ(θ) − y‖² + (λ/2)‖θ‖², keeping from its last evaluation what the step and stop rules
     * read: ‖Xβ − y‖/‖y‖ and ‖g_β‖∞.
     */
    private static final class Squares extends FullBatchObjective {
        private final Mat x;
        private final double[] y;
        private final Parametrization p;
        private final double weightDecay;
        private final double yNorm;
        private final double[] r;
        private final double[] gBeta;
        double relativeResidual = Double.NaN;
        double gBetaInf = Double.NaN;

        Squares(Mat x, double[] y, Parametrization p, double weightDecay) {
            super(p.size(), x.rows());
            this.x = x;
            this.y = y;
            this.p = p;
            this.weightDecay = weightDecay;
            this.yNorm = Vec.norm2(y);
            this.r = new double[x.rows()];
            this.gBeta = new double[x.cols()];
        }

        @Override
        protected double valueAndGradient(double[] theta, double[] grad) {
            int m = x.rows();
            Ops.gemv(x, p.beta(theta), r);
            for (int i = 0; i < m; i++) {
                r[i] = (r[i] - y[i]);
            }
            double rNorm = Vec.norm2(r);
            relativeResidual = rNorm / yNorm;
            double value = rNorm * rNorm / (2 * m) + 0.5 * weightDecay * Vec.dot(theta, theta);
            if (grad != null) {
                for (int i = 0; i < m; i++) {
                    r[i] /= m;
                }
                Ops.gemvT(x, r, gBeta);
                gBetaInf = Vec.normInf(gBeta);
                p.chain(theta, gBeta, grad);
                for (int j = 0; j < theta.length; j++) {
                    grad[j] += weightDecay * theta[j];
                }
            }
            return value;
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
