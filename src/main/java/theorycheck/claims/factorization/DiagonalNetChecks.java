package theorycheck.claims.factorization;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import theorycheck.claim.Chart;
import theorycheck.claim.Evidence;
import theorycheck.claim.InstanceCheck;
import theorycheck.claim.Outcome;
import theorycheck.claim.Trial;
import theorycheck.claim.TrialResult;
import theorycheck.claims.support.ClaimCharts;
import theorycheck.data.Regression;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Vec;
import theorycheck.measure.LogLogFit;
import theorycheck.reference.QAlphaInterpolant;

/**
 * Diagonal linear networks (slides "Problem 1" to "Deep Diagonal Linear Net"):
 * conservation law, the Q_α implicit bias, its α → 0 / α → ∞ limits and thresholds, sparse
 * recovery, depth, the explicit-regularizer contrast and the width-k scale μ = α·k^{1/4}.
 * GD runs through {@link DiagonalNetGd} with η_t = c/S(θ_t).
 */
class DiagonalNetChecks {
    /** Puts this class's checks into {@code checks}, by claim id. */
    static void register(Map<String, Supplier<InstanceCheck<?>>> checks) {
        checks.put("slides.conservation", Conservation::new);
        checks.put("slides.q-alpha", MatchesQAlpha::new);
        checks.put("slides.alpha-limits", DiagonalNetAlphaLimits::new);
        checks.put("slides.explicit-vs-implicit", DiagonalNetExplicitVsImplicit::new);
        checks.put("slides.deep-diagonal", DiagonalNetDepth::new);
        checks.put("slides.sparse-recovery", DiagonalNetSparseRecovery::new);
        checks.put("slides.width-vs-scale", DiagonalNetWidthCollapse::new);
    }

    static double[] balancedInit(int d, double alpha) {
        double[] theta = new double[2 * d];
        Arrays.fill(theta, alpha);
        return theta;
    }

    /**
     * slides.conservation: GD with constant steps η = η₀·2^{−k} (η₀ = 0.5/max S along the path) runs
     * for the flow time T the adaptive reference run needed to interpolate; the drift
     * maxⱼ|w₊ⱼw₋ⱼ − α²|/α² must scale like η (log-log slope in [0.8, 1.2]). Per step the product is
     * multiplied by exactly (1 − 4η²g_βⱼ²), so the drift is 4η∫g² dt + O(η²). The control adds weight
     * decay λ = weight_decay_times_t/T (0.5 in the control, 0 in the claim), which shrinks the product by
     * e^{−2λt} whatever η is: slope ≈ 0.
     */
    static final class Conservation extends DiagonalNetCheck {
        static final double REF_C = 0.1;
        static final double SLOPE_LO = 0.8, SLOPE_HI = 1.2;
        static final int HALVINGS = 4;

        @Override
        public TrialResult check(DiagonalNetInstance inst, Trial trial) {
            Regression data = inst.data();
            Mat x = data.x();
            int d = inst.d();
            double lm = DiagonalNetGd.lambdaMax(x);
            var p = DiagonalNetGd.depth(d, 2);
            double a2 = inst.alpha() * inst.alpha();
            long budget = trial.setting().integer("max_steps");
            double decayTimesT = nonNegative(trial, "weight_decay_times_t");
            var b = TrialResult.of(trial).instance(inst + (decayTimesT > 0 ? " +weight decay " + decayTimesT + "/T" : ""));
            DiagonalNetGd.Run ref = DiagonalNetGd.run(x, data.y(), lm, p, balancedInit(d, inst.alpha()),
                    DiagonalNetGd.StepRule.adaptive(REF_C), 0, DiagonalNetGd.Budget.toTolerance(1e-8, budget));
            if (!ref.converged()) {
                return b.outcome(Outcome.INCONCLUSIVE, Double.NaN, "reference run: " + ref.status());
            }
            double horizon = ref.time();
            double decay = decayTimesT / horizon;
            double[] etas = new double[HALVINGS];
            double[] drifts = new double[HALVINGS];
            for (int k = 0; k < HALVINGS; k++) {
                etas[k] = 0.5 / ref.maxSmoothness() / (1 << k);
                DiagonalNetGd.Run run = DiagonalNetGd.run(x, data.y(), lm, p, balancedInit(d, inst.alpha()),
                        DiagonalNetGd.StepRule.constant(etas[k]), decay,
                        new DiagonalNetGd.Budget(0, 50 * budget, horizon));
                if (run.status() == theorycheck.train.RunStatus.DIVERGED || run.time() < horizon * (1 - 1e-9)) {
                    return b.outcome(Outcome.INCONCLUSIVE, Double.NaN, "η=" + etas[k] + ": " + run.status());
                }
                double drift = 0;
                for (int j = 0; j < d; j++) {
                    drift = Math.max(drift, Math.abs(run.theta()[j] * run.theta()[d + j] - a2) / a2);
                }
                drifts[k] = drift;
                b.metric("drift_eta" + k, drift);
            }
            double slope = LogLogFit.slope(etas, drifts);
            b.metric("slope", slope).metric("flowTime", horizon).metric("eta0TimesMaxS", 0.5);
            b.trace("drift", etas, drifts);
            return b.decide(slope, slope >= SLOPE_LO && slope <= SLOPE_HI, String.format(Locale.ROOT,
                    "drift %.3g at η₀ … %.3g at η₀/8; log-log slope %.3f", drifts[0], drifts[HALVINGS - 1], slope));
        }

        @Override
        public List<Chart> charts(Evidence e) {
            return List.of(ClaimCharts.traces(e, "drift", e.arm() + "-drift-vs-eta",
                    "Drift max|w₊w₋ − α²|/α² at flow time T vs constant step (" + e.arm() + ")", "η", "drift", true,
                    true));
        }

        @Override
        public String keyNumber(Evidence e) {
            return range(e, "slope", "log-log slope of drift vs η");
        }
    }

    /**
     * slides.q-alpha: GD from w₊ = w₋ = α·1 with η_t = c/S and c/2 against argmin Q_α. PASS when the
     * half-step error is ≤ {@link #TOL} and at most 0.75 of the full-step one (the gap is the O(η)
     * discretization error). The init is w₊ = αe^{u}, w₋ = αe^{−u}, u ~ N(0, init_tilt_std²): 0 in the
     * claim (w = α·1); the control's tilt keeps the products w₊w₋ = α² but makes β(0) ≠ 0, so the limit
     * is a different interpolant.
     */
    static final class MatchesQAlpha extends DiagonalNetCheck {
        static final double C = 0.1;
        static final double TOL = 0.02;
        static final double SHRINK = 0.75;

        @Override
        public TrialResult check(DiagonalNetInstance inst, Trial trial) {
            Regression data = inst.data();
            Mat x = data.x();
            int d = inst.d();
            double tilt = nonNegative(trial, "init_tilt_std");
            double[] init = balancedInit(d, inst.alpha());
            if (tilt > 0) {
                double[] u = theorycheck.data.Rng.stream(inst.dataSeed(), "init-tilt").gaussianVector(d, tilt);
                for (int j = 0; j < d; j++) {
                    init[j] = inst.alpha() * Math.exp(u[j]);
                    init[d + j] = inst.alpha() * Math.exp(-u[j]);
                }
            }
            var b = TrialResult.of(trial).instance(inst + (tilt > 0 ? " init αe^{±u}, u ~ N(0, " + tilt + "²)" : " init α·1"));
            QAlphaInterpolant.Result q = QAlphaInterpolant.solve(x, data.y(), inst.alpha());
            if (!q.converged()) {
                return b.outcome(Outcome.INCONCLUSIVE, Double.NaN, "Q_α reference not converged");
            }
            long budget = trial.setting().integer("max_steps");
            double lm = DiagonalNetGd.lambdaMax(x);
            double[] errs = new double[2];
            for (int h = 0; h < 2; h++) {
                DiagonalNetGd.Run run = DiagonalNetGd.run(x, data.y(), lm, DiagonalNetGd.depth(d, 2), init,
                        DiagonalNetGd.StepRule.adaptive(C / (1 << h)), 0,
                        DiagonalNetGd.Budget.toTolerance(1e-9, budget << h));
                if (!run.converged()) {
                    return b.outcome(Outcome.INCONCLUSIVE, Double.NaN, "GD c=" + C / (1 << h) + ": " + run.status());
                }
                errs[h] = Vec.relativeError(run.beta(), q.beta(), 0.0);
                b.metric(h == 0 ? "steps" : "stepsHalf", run.steps());
            }
            b.metric("alpha", inst.alpha()).metric("relErr", errs[0]).metric("relErrHalf", errs[1])
                    .metric("shrink", errs[1] / errs[0]);
            boolean pass = errs[1] <= TOL && errs[1] <= SHRINK * errs[0];
            return b.decide(errs[1], pass, String.format(Locale.ROOT,
                    "‖β_GD − β_Q‖/‖β_Q‖ = %.3g at c=%.2g, %.3g at c=%.2g (ratio %.2f)", errs[0], C, errs[1], C / 2,
                    errs[1] / errs[0]));
        }

        @Override
        public List<Chart> charts(Evidence e) {
            return List.of(new Chart(e.arm() + "-error-vs-alpha", "GD limit vs argmin Q_α (" + e.arm() + ")", "α",
                    "‖β_GD − β_Q‖/‖β_Q‖", true, true, List.of(
                            named(ClaimCharts.scatter(e, "alpha", "relErr"), e.arm() + " c=" + C),
                            named(ClaimCharts.scatter(e, "alpha", "relErrHalf"), e.arm() + " c=" + C / 2))));
        }

        @Override
        public String keyNumber(Evidence e) {
            return range(e, "relErrHalf", "relative error at c/2") + "; " + range(e, "shrink", "ratio c/2 to c");
        }
    }

    /** A setting number that must be ≥ 0 (a weight decay, a standard deviation); fails naming the key otherwise. */
    static double nonNegative(Trial trial, String key) {
        double v = trial.setting().real(key);
        if (!(v >= 0)) {
            throw new IllegalArgumentException(trial.claimId() + ": setting " + key + " must be ≥ 0, got " + v);
        }
        return v;
    }

    static Chart.Series named(Chart.Series s, String name) {
        return new Chart.Series(name, s.x(), s.y(), s.scatter());
    }

    static String range(Evidence e, String metric, String label) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (TrialResult t : e.trials()) {
            Double v = t.metrics().get(metric);
            if (v != null && !v.isNaN()) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return lo > hi ? label + ": none" : String.format(Locale.ROOT, "%s %.3g–%.3g", label, lo, hi);
    }

    static double[] doubles(List<Double> v) {
        return ClaimCharts.toArray(v);
    }

    static List<Double> list() {
        return new ArrayList<>();
    }
}
