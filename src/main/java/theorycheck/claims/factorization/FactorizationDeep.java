package theorycheck.claims.factorization;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import theorycheck.claim.Chart;
import theorycheck.claim.ClaimRunner;
import theorycheck.claim.Evidence;
import theorycheck.claim.InstanceCheck;
import theorycheck.claim.Outcome;
import theorycheck.claim.Trial;
import theorycheck.claim.TrialResult;
import theorycheck.claims.support.ClaimCharts;
import theorycheck.data.MatrixSensing;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Ops;
import theorycheck.linalg.Svd;
import theorycheck.linalg.SymmetricEigen;
import theorycheck.linalg.Vec;
import theorycheck.loss.FullBatchObjective;
import theorycheck.measure.EffectiveRank;
import theorycheck.optim.GradientDescent;
import theorycheck.train.BatchSampler;
import theorycheck.train.StopRule;
import theorycheck.train.TrainConfig;
import theorycheck.train.TrainResult;
import theorycheck.train.Trainer;

/**
 * lit.deep-mf-rank: GD on a depth-D factorization W = W_D⋯W_1 (n×n factors) of the sensing loss
 * L = (1/2m)Σ(⟨A_i, W⟩ − y_i)², from W_j = ε^{1/D}·I (end-to-end ε·I). ∇_{W_j} L =
 * (W_D⋯W_{j+1})ᵀ·G·(W_{j−1}⋯W_1)ᵀ with G = (1/m)Σ r_i A_i. Step η = c/(D·σmax(𝒜)²/m·λmax(X*)^{2−2/D}),
 * the end-to-end smoothness bound with every factor of norm λmax(X*)^{1/D}.
 * PASS when the depth-{@code deep} limit has an entropy effective rank at least {@link #MARGIN} below the
 * depth-2 one. Both depths start from the end-to-end matrix eps·I (the control overrides eps).
 */
final class FactorizationDeep implements InstanceCheck<FactorizationLowRank.Instance>, ClaimRunner.KeyNumber {
    static final double STEP_C = 0.5;
    static final double FIT_TOL = 1e-4;
    static final double MARGIN = 0.1;
    @Override
    public FactorizationLowRank.Instance draw(Trial trial) {
        return FactorizationLowRank.Instance.draw(trial);
    }

    record Run(boolean converged, long steps, Mat w) {
    }

    static Run run(MatrixSensing s, int depth, double eps, long maxSteps) {
        int n = s.n(), m = s.m(), w2 = n * n;
        double smax = Svd.decompose(s.measurements()).s()[0];
        double lmax = SymmetricEigen.decompose(s.xStar()).max();
        double eta = STEP_C / (depth * smax * smax / m * Math.pow(lmax, 2 - 2.0 / depth));
        double[] theta0 = new double[depth * w2];
        for (int j = 0; j < depth; j++) {
            System.arraycopy(Ops.scale(Math.pow(eps, 1.0 / depth), Mat.identity(n)).data(), 0, theta0, j * w2, w2);
        }
        DeepSensingLoss loss = new DeepSensingLoss(s, depth);
        StopRule fitted = (t, theta, value) -> loss.relativeResidual > 1e12 ? "blew up"
                : loss.relativeResidual <= FIT_TOL ? "fitted" : null;
        TrainResult run = Trainer.run(loss, new GradientDescent(eta), BatchSampler.full(), theta0,
                new TrainConfig(maxSteps, 0, 0, 1, Double.POSITIVE_INFINITY, 0), Map.of(), Trainer.Hooks.stopWhen(fitted));
        boolean converged = run.converged() && loss.relativeResidual <= FIT_TOL;
        return new Run(converged, run.steps(), converged ? loss.product(run.theta()) : null);
    }

    /**
     * L(W_1, …, W_D) = (1/2m)Σ(⟨A_i, W_D⋯W_1⟩ − y_i)² on the stacked factors θ = (W_1, …, W_D), each
     * n×n row-major; keeps ‖𝒜(W) − y‖/‖y‖ of its last evaluation for the stop rule.
     */
    private static final class DeepSensingLoss extends FullBatchObjective {
        private final MatrixSensing s;
        private final int depth;
        private final double[] r;
        private final double yNorm;
        double relativeResidual = Double.NaN;

        DeepSensingLoss(MatrixSensing s, int depth) {
            super(depth * s.n() * s.n(), s.m());
            this.s = s;
            this.depth = depth;
            this.r = new double[s.m()];
            this.yNorm = Vec.norm2(s.y());
        }



        private Mat factor(double[] theta, int j) {
            int w2 = s.n() * s.n();
            return new Mat(s.n(), s.n(), java.util.Arrays.copyOfRange(theta, j * w2, (j + 1) * w2));
        }

        /** W_D⋯W_1. */
        Mat product(double[] theta) {
            Mat p = Mat.identity(s.n());
            for (int j = 0; j < depth; j++) {
                p = Ops.mult(factor(theta, j), p, null);
            }
            return p;
        }

        @Override
        protected double valueAndGradient(double[] theta, double[] grad) {
            int n = s.n(), m = s.m(), w2 = n * n;
            Mat[] f = new Mat[depth];
            for (int j = 0; j < depth; j++) {
                f[j] = factor(theta, j);
            }
            // prefix[j] = W_{j−1}⋯W_1 (prefix[0] = I), suffix[j] = W_D⋯W_{j+1}
            Mat[] prefix = new Mat[depth + 1];
            prefix[0] = Mat.identity(n);
            for (int j = 0; j < depth; j++) {
                prefix[j + 1] = Ops.mult(f[j], prefix[j], null);
            }
            double sq = s.residual(prefix[depth].data(), r);
            relativeResidual = Math.sqrt(sq) / yNorm;
            if (grad != null) {
                Mat[] suffix = new Mat[depth];
                suffix[depth - 1] = Mat.identity(n);
                for (int j = depth - 2; j >= 0; j--) {
                    suffix[j] = Ops.mult(suffix[j + 1], f[j + 1], null);
                }
                double[] a = s.measurements().data();
                double[] g = new double[w2];
                for (int i = 0; i < m; i++) {
                    int o = i * w2;
                    for (int k = 0; k < w2; k++) {
                        g[k] += r[i] * a[o + k] / m;
                    }
                }
                Mat gm = new Mat(n, n, g);
                for (int j = 0; j < depth; j++) {
                    Mat gj = Ops.multTransB(Ops.multTransA(suffix[j], gm, null), prefix[j], null);
                    System.arraycopy(gj.data(), 0, grad, j * w2, w2);
                }
            }
            return sq / (2 * m);
        }
    }

    @Override
    public TrialResult check(FactorizationLowRank.Instance inst, Trial trial) {
        MatrixSensing s = inst.sensing();
        int deep = trial.setting().integer("depth");
        long budget = trial.setting().integer("max_steps");
        double eps = trial.setting().real("eps");
        var b = TrialResult.of(trial).instance(inst + " depth 2 vs " + deep + String.format(Locale.ROOT, " ε=%.3g", eps));
        Run r2 = run(s, 2, eps, budget);
        Run rd = run(s, deep, eps, budget);
        if (!r2.converged() || !rd.converged()) {
            return b.outcome(Outcome.INCONCLUSIVE, Double.NaN, "not fitted: depth 2 " + r2.converged() + ", depth "
                    + deep + " " + rd.converged());
        }
        double[] s2 = Svd.decompose(r2.w()).s();
        double[] sd = Svd.decompose(rd.w()).s();
        double e2 = EffectiveRank.entropy(s2), ed = EffectiveRank.entropy(sd);
        double nuc2 = sum(s2), nucd = sum(sd);
        b.metric("erank2", e2).metric("erankDeep", ed).metric("nuclear2", nuc2).metric("nuclearDeep", nucd)
                .metric("steps2", r2.steps()).metric("stepsDeep", rd.steps())
                .metric("dist2", FactorizationSensingGd.distance(s, r2.w().data()))
                .metric("distDeep", FactorizationSensingGd.distance(s, rd.w().data()));
        b.trace("singularValues2", index(s2.length), s2);
        b.trace("singularValuesDeep", index(sd.length), sd);
        return b.decide(ed - e2, ed <= e2 - MARGIN, String.format(Locale.ROOT,
                "erank depth 2 %.4f, depth %d %.4f; nuclear norm %.4f vs %.4f", e2, deep, ed, nuc2, nucd));
    }

    static double sum(double[] v) {
        double t = 0;
        for (double x : v) {
            t += x;
        }
        return t;
    }

    static double[] index(int k) {
        double[] x = new double[k];
        for (int i = 0; i < k; i++) {
            x[i] = i + 1;
        }
        return x;
    }

    @Override
    public List<Chart> charts(Evidence e) {
        return List.of(ClaimCharts.traces(e, "singularValuesDeep", e.arm() + "-deep-singular-values",
                "Singular values of the deeper end-to-end limit (" + e.arm() + ")", "index", "σ_j", false, true),
                ClaimCharts.traces(e, "singularValues2", e.arm() + "-depth2-singular-values",
                        "Singular values of the depth-2 limit (" + e.arm() + ")", "index", "σ_j", false, true));
    }

    @Override
    public String keyNumber(Evidence e) {
        return DiagonalNetChecks.range(e, "erank2", "erank depth 2") + "; "
                + DiagonalNetChecks.range(e, "erankDeep", "erank deeper");
    }
}
