package theorycheck.claims.factorization;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import theorycheck.claim.Chart;
import theorycheck.claim.ClaimRunner;
import theorycheck.claim.Evidence;
import theorycheck.claim.InstanceCheck;
import theorycheck.claim.Trial;
import theorycheck.claim.TrialResult;
import theorycheck.claims.support.ClaimCharts;
import theorycheck.data.Rng;
import theorycheck.linalg.Mat;
import theorycheck.linalg.SymmetricEigen;
import theorycheck.linalg.Vec;
import theorycheck.loss.Objective;
import theorycheck.optim.GradientDescent;
import theorycheck.train.BatchSampler;
import theorycheck.train.TrainConfig;
import theorycheck.train.Trainer;

/**
 * Matrix factorization (assignment Problem 2 and the literature on it): the rank-1 landscape's critical points,
 * full-width matrix sensing from small init, the minimum nuclear-norm conjecture and deep factorizations.
 */
class FactorizationChecks {
    /** Puts this class's checks into {@code checks}, by claim id. */
    static void register(Map<String, Supplier<InstanceCheck<?>>> checks) {
        checks.put("assignment.saddle", RankOneLandscape::new);
        checks.put("assignment.mf-low-rank", FactorizationLowRank::new);
        checks.put("lit.mf-nuclear-enough", FactorizationNuclear::new);
        checks.put("lit.mf-nuclear-few", FactorizationNuclear::new);
        checks.put("lit.deep-mf-rank", FactorizationDeep::new);
    }

    /** u* of dimension n, and the sign s of the target s·u*u*ᵀ. */
    record TargetInstance(int n, long seed, double sign) {
        double[] target() {
            return new Rng(seed).gaussianVector(n, 1.0);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "n=%d, u* ~ N(0, I) from seed %d, target %s·u*u*ᵀ", n, seed,
                    sign > 0 ? "+" : "−");
        }
    }

    /**
     * f(u) = ‖uuᵀ − s·u*u*ᵀ‖²_F with s = +1 (setting {@code target: psd}, the claim) or s = −1
     * ({@code target: negated}, the control's ‖uuᵀ + u*u*ᵀ‖²): ∇f = 4(‖u‖²u − s·M u),
     * ∇²f = 4(‖u‖²I + 2uuᵀ − s·M), M = u*u*ᵀ.
     */
    static final class RankOneLandscape implements InstanceCheck<TargetInstance>, ClaimRunner.KeyNumber {
        static final double EIGEN_REL_TOL = 1e-9;
        static final double FD_REL_TOL = 1e-6;
        static final double GD_REL_TOL = 1e-8;

        @Override
        public TargetInstance draw(Trial trial) {
            int[] nr = trial.setting().intRange("n");
            return new TargetInstance(trial.rng().intBetween(nr[0], nr[1]), trial.rng().nextLong(),
                    trial.setting().choice("target", "psd", "negated").equals("psd") ? 1 : -1);
        }

        double value(double[] u, double[] star, double sign) {
            int n = u.length;
            double s = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double d = u[i] * u[j] - sign * star[i] * star[j];
                    s += d * d;
                }
            }
            return s;
        }

        double[] gradient(double[] u, double[] star, double sign) {
            double uu = Vec.dot(u, u);
            double su = Vec.dot(star, u);
            double[] g = new double[u.length];
            for (int i = 0; i < u.length; i++) {
                g[i] = 4 * (uu * u[i] - sign * star[i] * su);
            }
            return g;
        }

        Mat hessian(double[] u, double[] star, double sign) {
            int n = u.length;
            double uu = Vec.dot(u, u);
            Mat h = new Mat(n, n);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    h.set(i, j, 4 * ((i == j ? uu : 0) + 2 * u[i] * u[j] - sign * star[i] * star[j]));
                }
            }
            return h;
        }

        /** Central differences of the exact gradient, column by column, symmetrized. */
        Mat finiteDifferenceHessian(double[] u, double[] star, double sign, double h) {
            int n = u.length;
            Mat out = new Mat(n, n);
            for (int j = 0; j < n; j++) {
                double[] up = u.clone();
                double[] dn = u.clone();
                up[j] += h;
                dn[j] -= h;
                double[] gp = gradient(up, star, sign);
                double[] gm = gradient(dn, star, sign);
                for (int i = 0; i < n; i++) {
                    out.set(i, j, (gp[i] - gm[i]) / (2 * h));
                }
            }
            Mat sym = new Mat(n, n);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    sym.set(i, j, 0.5 * (out.get(i, j) + out.get(j, i)));
                }
            }
            return sym;
        }

        static double relativeDifference(Mat a, Mat b) {
            double num = 0;
            double den = 0;
            for (int i = 0; i < a.data().length; i++) {
                num += (a.data()[i] - b.data()[i]) * (a.data()[i] - b.data()[i]);
                den += b.data()[i] * b.data()[i];
            }
            return Math.sqrt(num / Math.max(den, Double.MIN_NORMAL));
        }

        static double smallestEigenvalue(Mat h) {
            double[] v = SymmetricEigen.decompose(h).values();
            return v[v.length - 1];
        }

        @Override
        public TrialResult check(TargetInstance inst, Trial trial) {
            var s = trial.setting();
            double[] star = inst.target();
            double sign = inst.sign();
            int n = inst.n();
            double ss = Vec.dot(star, star);
            double[] zero = new double[n];
            double[] minus = Vec.scale(-1, star);
            var b = TrialResult.of(trial).instance(inst.toString()).metric("n", n).metric("normStarSq", ss);

            double gradAtZero = Vec.norm2(gradient(zero, star, sign));
            double lminZero = smallestEigenvalue(hessian(zero, star, sign));
            boolean saddle = gradAtZero == 0 && lminZero <= -(1 - EIGEN_REL_TOL) * 4 * ss;
            b.metric("lambdaMinAtZeroOver4NormSq", lminZero / (4 * ss));

            double worstMinimum = Double.POSITIVE_INFINITY;
            double worstGrad = 0;
            double worstValue = 0;
            double worstFd = relativeDifference(finiteDifferenceHessian(zero, star, sign, 1e-5 * Math.sqrt(ss)),
                    hessian(zero, star, sign));
            for (double[] p : new double[][] {star, minus}) {
                worstMinimum = Math.min(worstMinimum, smallestEigenvalue(hessian(p, star, sign)));
                worstGrad = Math.max(worstGrad, Vec.norm2(gradient(p, star, sign)) / (4 * ss * Math.sqrt(ss)));
                worstValue = Math.max(worstValue, value(p, star, sign) / (ss * ss));
                worstFd = Math.max(worstFd, relativeDifference(finiteDifferenceHessian(p, star, sign, 1e-5 * Math.sqrt(ss)),
                        hessian(p, star, sign)));
            }
            boolean minima = worstValue <= 1e-12 && worstGrad <= 1e-12 && worstMinimum >= (1 - EIGEN_REL_TOL) * 4 * ss;
            b.metric("lambdaMinAtStarOver4NormSq", worstMinimum / (4 * ss)).metric("gradientAtStarRelative", worstGrad)
                    .metric("valueAtStarRelative", worstValue).metric("finiteDifferenceRelative", worstFd);

            // GD from a tiny random start: escapes the saddle along u*, then converges to ±u*
            double[] u = Rng.stream(inst.seed(), "gd-start").gaussianVector(n, s.real("start_scale"));
            double eta = s.real("step_factor") / ss;
            long maxSteps = s.integer("max_steps");
            List<Double> steps = new ArrayList<>();
            List<Double> dist = new ArrayList<>();
            double[] d = {Double.NaN}; // at the last iterate seen
            Trainer.Hooks record = Trainer.Hooks.observing(1, (t, w) -> {
                d[0] = Math.min(Vec.distance(w, star), Vec.distance(w, minus)) / Math.sqrt(ss);
                if (t == 0 || Long.bitCount(t) == 1 || t == maxSteps) {
                    steps.add((double) Math.max(t, 1));
                    dist.add(d[0]);
                }
            });
            // the landscape's value checked every step: a non-finite iterate ends the run; no blow-up rule
            Trainer.run(Objective.of(n, w -> value(w, star, sign), w -> gradient(w, star, sign)),
                    new GradientDescent(eta), BatchSampler.full(), u,
                    new TrainConfig(maxSteps, 0, 0, 1, Double.POSITIVE_INFINITY, 0), Map.of(), record);
            boolean reached = d[0] <= GD_REL_TOL;
            b.metric("gdDistanceToNearestMinimum", d[0])
                    .trace("distance", ClaimCharts.toArray(steps), ClaimCharts.toArray(dist));
            boolean pass = saddle && minima && worstFd <= FD_REL_TOL && reached;
            return b.decide(lminZero / (4 * ss), pass, String.format(Locale.ROOT,
                    "λmin∇²f(0) = %.6f·4‖u*‖² (saddle: %s), λmin∇²f(±u*) = %.6f·4‖u*‖², f(±u*)/‖u*‖⁴ = %.2e, "
                            + "FD Hessian error %.2e, GD end distance %.2e·‖u*‖", lminZero / (4 * ss), saddle,
                    worstMinimum / (4 * ss), worstValue, worstFd, d[0]));
        }

        @Override
        public List<Chart> charts(Evidence e) {
            return List.of(ClaimCharts.traces(e, "distance", e.arm() + "-gd-distance",
                    "GD from 1e-6·z: distance to the nearer of ±u*, relative (" + e.arm() + ")", "step t",
                    "min ‖u_t ∓ u*‖ / ‖u*‖", true, true));
        }

        @Override
        public String keyNumber(Evidence e) {
            double lz = e.max("lambdaMinAtZeroOver4NormSq");
            double ls = e.min("lambdaMinAtStarOver4NormSq");
            double gd = e.max("gdDistanceToNearestMinimum");
            return String.format(Locale.ROOT,
                    "λmin at 0 ≤ %.6f·4‖u*‖² (theory −1); λmin at ±u* ≥ %.6f·4‖u*‖² (theory 1); GD ends ≤ %.1e·‖u*‖ from ±u*",
                    lz, ls, gd);
        }
    }
}
