package theorycheck.claims.factorization;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import theorycheck.claim.Chart;
import theorycheck.claim.Evidence;
import theorycheck.claim.Outcome;
import theorycheck.claim.Setting;
import theorycheck.claim.Trial;
import theorycheck.claim.TrialResult;
import theorycheck.claims.support.ClaimCharts;
import theorycheck.data.Regression;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Vec;
import theorycheck.reference.MinL1Interpolant;
import theorycheck.reference.MinNorm;
import theorycheck.reference.QAlphaInterpolant;

/**
 * slides.sparse-recovery: d = 1000, ‖β*‖₀ = 5, m = 100, noise N(0, 0.01). GD on the depth-D diagonal
 * net from a small and from a large α; errors ‖β − β*‖/‖β*‖ are compared with those of the min-ℓ1
 * and min-ℓ2 interpolants. The depth is the setting key {@code depth}: 2 in the claim, 1 in the control
 * (β = w₊ − w₋, plain linear regression from 0), whose limit is min-ℓ2 at every α.
 */
final class DiagonalNetSparseRecovery extends DiagonalNetCheck {
    static final double C = 0.2;
    /** "Recovers": error at most a quarter of min-ℓ2's; "like ℓ1": 5× closer to min-ℓ1 than to min-ℓ2. */
    static final double BELOW_L2 = 0.25, CLOSER_TO_L1 = 0.2;
    /** "Near min-ℓ2": within 5% of it, and its error ≥ 90% of min-ℓ2's. */
    static final double NEAR_L2 = 0.05, L2_ERROR = 0.9;
    /** GD stopped at the residual tolerance must be this close to the exact flow limit argmin Q_α. */
    static final double FLOW_TOL = 0.05;

    @Override
    public TrialResult check(DiagonalNetInstance inst, Trial trial) {
        Setting s = trial.setting();
        int depth = s.integer("depth");
        if (depth < 1) {
            throw new IllegalArgumentException(trial.claimId() + ": setting depth must be ≥ 1, got " + depth);
        }
        Regression data = inst.data();
        Mat x = data.x();
        double[] truth = data.truth();
        double tn = Vec.norm2(truth);
        var b = TrialResult.of(trial).instance(inst.toString().replaceAll(" α=[^ ]+", "") + " D=" + depth);
        double[] l2 = MinNorm.solve(x, data.y());
        double errL2 = Vec.distance(l2, truth) / tn;
        b.metric("errL2", errL2);
        double lm = DiagonalNetGd.lambdaMax(x);
        double[] alphas = {s.real("alpha_small"), s.real("alpha_large")};
        double[][] betas = new double[2][];
        for (int i = 0; i < 2; i++) {
            DiagonalNetGd.Run run = DiagonalNetGd.run(x, data.y(), lm, DiagonalNetGd.depth(inst.d(), depth),
                    DiagonalNetChecks.balancedInit(inst.d(), alphas[i]), DiagonalNetGd.StepRule.adaptive(C), 0,
                    DiagonalNetGd.Budget.toTolerance(s.real("residual_tol"), s.integer("max_steps")));
            if (!run.converged()) {
                return b.outcome(Outcome.INCONCLUSIVE, Double.NaN, "GD α=" + alphas[i] + ": " + run.status());
            }
            betas[i] = run.beta();
            b.metric(i == 0 ? "stepsSmall" : "stepsLarge", run.steps());
            if (depth == 2) {
                // how far the stopped GD run is from the exact flow limit
                double flowGap = Vec.relativeError(run.beta(), QAlphaInterpolant.solve(x, data.y(), alphas[i]).beta(), 0.0);
                b.metric(i == 0 ? "flowGapSmall" : "flowGapLarge", flowGap);
                if (flowGap > FLOW_TOL) {
                    return b.outcome(Outcome.INCONCLUSIVE, Double.NaN, "GD is " + flowGap + " from argmin Q_α");
                }
            }
        }
        double errSmall = Vec.distance(betas[0], truth) / tn, errLarge = Vec.distance(betas[1], truth) / tn;
        double largeToL2 = Vec.relativeError(betas[1], l2, 0.0);
        b.metric("errSmall", errSmall).metric("errLarge", errLarge).metric("largeToL2", largeToL2);
        b.metric("populationLossSmallAlpha", Math.pow(errSmall * tn, 2) + inst.noiseStd() * inst.noiseStd());
        // the slides' question: population loss ‖β − β*‖² + σ² along argmin Q_α (x ~ N(0, I)); depth 2 only
        List<Double> as = new ArrayList<>(), losses = new ArrayList<>();
        for (double e = -4; depth == 2 && e <= 1.001; e += 0.5) {
            QAlphaInterpolant.Result q = QAlphaInterpolant.solve(x, data.y(), Math.pow(10, e));
            if (q.converged()) {
                double dist = Vec.distance(q.beta(), truth);
                as.add(Math.pow(10, e));
                losses.add(dist * dist + inst.noiseStd() * inst.noiseStd());
            }
        }
        b.trace("populationLoss", ClaimCharts.toArray(as), ClaimCharts.toArray(losses));
        boolean large = largeToL2 <= NEAR_L2 && errLarge >= L2_ERROR * errL2;
        String note = String.format(Locale.ROOT,
                "relative error: α=%.3g → %.3f, α=%.3g → %.3f; min-ℓ2 %.3f; large-α limit %.3g from min-ℓ2",
                alphas[0], errSmall, alphas[1], errLarge, errL2, largeToL2);
        if (errSmall > BELOW_L2 * errL2) {
            // no recovery decides the trial; the min-ℓ1 LP (the costliest step at d = 1000) is not needed
            return b.decide(errSmall, false, note + "; no recovery at small α (min-ℓ1 not solved)");
        }
        MinL1Interpolant.Result l1 = minL1(data);
        if (!l1.certified()) {
            return uncertified(b, l1);
        }
        double errL1 = Vec.distance(l1.beta(), truth) / tn;
        double l1Dist = Vec.distance(l1.beta(), truth);
        b.metric("errL1", errL1).metric("populationLossL1", l1Dist * l1Dist + inst.noiseStd() * inst.noiseStd());
        double smallToL1 = Vec.distance(betas[0], l1.beta()), smallToL2 = Vec.distance(betas[0], l2);
        b.metric("smallToL1OverToL2", smallToL1 / smallToL2).metric("errRatioToL1", errSmall / errL1);
        boolean likeL1 = smallToL1 <= CLOSER_TO_L1 * smallToL2;
        return b.decide(errSmall, likeL1 && large, note + String.format(Locale.ROOT, "; min-ℓ1 %.3f", errL1));
    }

    @Override
    public List<Chart> charts(Evidence e) {
        List<Chart> charts = new ArrayList<>();
        // x = min-ℓ2's error, computed in every trial (min-ℓ1's only where recovery holds)
        charts.add(new Chart(e.arm() + "-errors", "Recovery error ‖β − β*‖/‖β*‖ (" + e.arm() + ")", "error of min-ℓ2",
                "error", false, false, List.of(
                        DiagonalNetChecks.named(ClaimCharts.scatter(e, "errL2", "errSmall"), "GD small α"),
                        DiagonalNetChecks.named(ClaimCharts.scatter(e, "errL2", "errLarge"), "GD large α"),
                        DiagonalNetChecks.named(ClaimCharts.scatter(e, "errL2", "errL2"), "min-ℓ2"),
                        DiagonalNetChecks.named(ClaimCharts.scatter(e, "errL2", "errL1"), "min-ℓ1"))));
        // the curve exists for depth 2 only (argmin Q_α is the depth-2 limit)
        if (e.trials().stream().anyMatch(t -> t.traces().containsKey("populationLoss")
                && t.traces().get("populationLoss")[0].length > 0)) {
            charts.add(ClaimCharts.traces(e, "populationLoss", "population-loss-vs-alpha",
                    "Population loss ‖β_α − β*‖² + σ² of argmin Q_α vs α (the slides ask when it is < 0.025)", "α",
                    "loss", true, true));
        }
        return charts;
    }

    @Override
    public String keyNumber(Evidence e) {
        return DiagonalNetChecks.range(e, "errSmall", "error at small α") + "; "
                + DiagonalNetChecks.range(e, "errL1", "min-ℓ1") + "; " + DiagonalNetChecks.range(e, "errLarge", "large α")
                + "; " + DiagonalNetChecks.range(e, "errL2", "min-ℓ2");
    }
}
