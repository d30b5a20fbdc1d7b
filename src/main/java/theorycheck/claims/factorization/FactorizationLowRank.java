package theorycheck.claims.factorization;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import theorycheck.claim.Chart;
import theorycheck.claim.ClaimRunner;
import theorycheck.claim.Evidence;
import theorycheck.claim.InstanceCheck;
import theorycheck.claim.Outcome;
import theorycheck.claim.Trial;
import theorycheck.claim.TrialResult;
import theorycheck.claims.support.ClaimCharts;
import theorycheck.data.MatrixSensing;
import theorycheck.data.Rng;
import theorycheck.measure.EffectiveRank;

/**
 * assignment.mf-low-rank: full-width GD on matrix sensing from α·W at a small and a large α.
 * Each run stops at relative residual {@link #FIT_TOL}. PASS when the small-α solution is within
 * {@link #ERR_TOL} of X* and at most a tenth of the large-α distance, its entropy effective rank is
 * ≤ r + {@link #ERANK_SLACK}, and the large-α one is at least 1 higher. The numerical rank at
 * {@link #RANK_TAU} is recorded. The control overrides alpha_small with a value that is not small.
 */
final class FactorizationLowRank implements InstanceCheck<FactorizationLowRank.Instance>, ClaimRunner.KeyNumber {
    static final double ERR_TOL = 0.05;
    static final double ERANK_SLACK = 0.5;
    static final double RANK_TAU = 1e-2;
    static final double STEP_C = 2.0;
    static final double FIT_TOL = 1e-4;

    /** One sensing instance and the init direction W (iid N(0, 1/n) entries). */
    record Instance(MatrixSensing sensing, double[] w) {
        /** n and r from the setting's ranges, m from {@link #measurements} with the factor m_over_dof. */
        static Instance draw(Trial trial) {
            Rng rng = trial.rng();
            int[] nr = trial.setting().intRange("n");
            int[] rr = trial.setting().intRange("r");
            int n = rng.intBetween(nr[0], nr[1]);
            int r = rng.intBetween(rr[0], rr[1]);
            int m = Math.max(1, measurements(n, r, trial.setting().real("m_over_dof")));
            MatrixSensing s = MatrixSensing.gaussian(n, r, m, rng.split());
            return new Instance(s, rng.gaussianVector(n * n, 1.0 / Math.sqrt(n)));
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "n=%d r=%d m=%d", sensing.n(), sensing.rank(), sensing.m());
        }
    }

    /** m = ⌈factor·(nr − r(r−1)/2)⌉: a multiple of the degrees of freedom of a rank-r PSD matrix. */
    static int measurements(int n, int r, double factor) {
        return (int) Math.ceil(factor * (n * r - r * (r - 1) / 2.0));
    }

    @Override
    public Instance draw(Trial trial) {
        return Instance.draw(trial);
    }

    @Override
    public TrialResult check(Instance inst, Trial trial) {
        MatrixSensing s = inst.sensing();
        int n = s.n();
        double aSmall = trial.setting().real("alpha_small");
        double aLarge = trial.setting().real("alpha_large");
        long budget = trial.setting().integer("max_steps");
        double eta = FactorizationSensingGd.step(s, STEP_C);
        var b = TrialResult.of(trial).instance(inst + String.format(Locale.ROOT, " α=%.3g vs %.3g", aSmall, aLarge));
        b.metric("eta", eta).metric("alphaSmall", aSmall).metric("alphaLarge", aLarge);
        double[] err = new double[2];
        double[] erank = new double[2];
        int[] nrank = new int[2];
        double[] alphas = {aSmall, aLarge};
        String[] tag = {"small", "large"};
        for (int k = 0; k < 2; k++) {
            double[] init = inst.w().clone();
            for (int j = 0; j < init.length; j++) {
                init[j] *= alphas[k];
            }
            FactorizationSensingGd.Run run = FactorizationSensingGd.run(s, init, eta, FIT_TOL, budget);
            b.metric(tag[k] + "Steps", run.stepsTaken());
            if (run.status() != theorycheck.train.RunStatus.CONVERGED) {
                return b.outcome(Outcome.INCONCLUSIVE, Double.NaN, "α=" + alphas[k] + ": " + run.status());
            }
            double[] sp = FactorizationSensingGd.spectrum(n, run.u());
            err[k] = run.distance()[run.distance().length - 1];
            erank[k] = EffectiveRank.entropy(sp);
            nrank[k] = EffectiveRank.numerical(sp, RANK_TAU);
            b.metric(tag[k] + "Err", err[k]).metric(tag[k] + "ERank", erank[k]).metric(tag[k] + "NumRank", nrank[k]);
            b.metric(tag[k] + "Sigma" + (s.rank() + 1) + "Rel", s.rank() < n ? sp[s.rank()] / sp[0] : 0);
            b.trace(tag[k] + "Distance", run.steps(), run.distance());
            for (int j = 0; j < FactorizationSensingGd.TRACKED; j++) {
                b.trace(tag[k] + "Sigma" + (j + 1), run.steps(), run.topEigen()[j]);
            }
        }
        boolean pass = err[0] <= ERR_TOL && err[0] <= 0.1 * err[1] && erank[0] <= s.rank() + ERANK_SLACK
                && erank[1] >= erank[0] + 1;
        return b.decide(err[0], pass, String.format(Locale.ROOT,
                "α=%.3g: ‖X−X*‖/‖X*‖=%.3g erank %.3f numrank %d; α=%.3g: %.3g erank %.3f numrank %d (r=%d)",
                aSmall, err[0], erank[0], nrank[0], aLarge, err[1], erank[1], nrank[1], s.rank()));
    }

    @Override
    public List<Chart> charts(Evidence e) {
        List<Chart.Series> sv = new ArrayList<>();
        if (!e.trials().isEmpty()) {
            TrialResult t = e.trials().get(0);
            for (String tag : new String[] {"small", "large"}) {
                for (int j = 1; j <= FactorizationSensingGd.TRACKED; j++) {
                    double[][] tr = t.traces().get(tag + "Sigma" + j);
                    if (tr != null) {
                        sv.add(Chart.Series.line(tag + " α, σ" + j, shift(tr[0]), tr[1]));
                    }
                }
            }
        }
        return List.of(new Chart(e.arm() + "-top-singular-values-vs-step",
                        "Top singular values of UUᵀ vs step, trial 0 (" + e.arm() + ")", "step + 1", "σ_j(UUᵀ)",
                        true, true, sv),
                ClaimCharts.traces(e, "smallDistance", e.arm() + "-distance-vs-step",
                        "‖UUᵀ − X*‖_F/‖X*‖_F vs step at the small α (" + e.arm() + ")", "step", "relative distance",
                        false, true));
    }

    private static double[] shift(double[] steps) {
        double[] out = steps.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += 1;
        }
        return out;
    }

    @Override
    public String keyNumber(Evidence e) {
        return DiagonalNetChecks.range(e, "smallErr", "‖X−X*‖/‖X*‖ at small α") + "; "
                + DiagonalNetChecks.range(e, "smallERank", "erank at small α") + "; "
                + DiagonalNetChecks.range(e, "largeErr", "‖X−X*‖/‖X*‖ at large α") + "; "
                + DiagonalNetChecks.range(e, "largeERank", "erank at large α");
    }
}
