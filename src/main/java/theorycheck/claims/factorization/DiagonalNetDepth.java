package theorycheck.claims.factorization;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import theorycheck.claim.Chart;
import theorycheck.claim.Evidence;
import theorycheck.claim.Outcome;
import theorycheck.claim.Trial;
import theorycheck.claim.TrialResult;
import theorycheck.data.Regression;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Ops;
import theorycheck.linalg.Vec;
import theorycheck.reference.MinL1Interpolant;

/**
 * slides.deep-diagonal: β = w₊^D − w₋^D from α·1. For every depth the GD limit approaches min-ℓ1
 * as α → 0, and deeper nets get there at larger α. The gap g(α, D) = ‖β_GD − β_ℓ1(Xβ_GD)‖/‖β_ℓ1‖
 * is measured on an α grid for each depth of a setting key (the control's list starts at D = 1, the
 * linear parametrization, whose limit is min-ℓ2 at every α).
 *
 * <p>The reference is the min-ℓ1 interpolant of the values GD actually fits, not of y: under gradient
 * flow each βⱼ(t) is a fixed monotone function of (Xᵀμ(t))ⱼ with μ(t) = −∫r, which is the KKT condition
 * of argmin Q_{α,D}(β) s.t. Xβ = Xβ(t) — so the implicit-bias statement holds at every time, and the
 * comparison does not depend on where the run is stopped. Instances are drawn until the min-ℓ1
 * interpolant's certificate margin is at least min_margin: off-support coordinates of the depth-2
 * limit shrink only like α^{2s}, so below that margin no affordable α is "α → 0" (see the claim file).
 */
final class DiagonalNetDepth extends DiagonalNetCheck {
    static final double C = 0.1;
    /** "Reaches ℓ1": within 5% of the min-ℓ1 interpolant. */
    static final double REACHED = 0.05;
    /** Slack for "no worse when deeper" at one α: half the halving-step budget below. */
    static final double MONOTONE_SLACK = 0.01;
    /** Halving c may move the limit by at most this (relative): ≪ REACHED. */
    static final double HALVING_TOL = 0.01;
    /** Redraws of an instance whose certificate margin is below min_margin before the trial gives up. */
    static final int MAX_REDRAWS = 20;
    @Override
    public TrialResult check(DiagonalNetInstance first, Trial trial) {
        double minMargin = trial.setting().real("min_margin");
        DiagonalNetInstance inst = first;
        Regression data;
        MinL1Interpolant.Result l1;
        double margin;
        int redraws = 0;
        while (true) {
            data = inst.data();
            l1 = minL1(data);
            margin = l1.certified() ? MinL1Interpolant.certificateMargin(data.x(), l1.beta()) : Double.NaN;
            if (!l1.certified() || margin >= minMargin || redraws == MAX_REDRAWS) {
                break;
            }
            inst = DiagonalNetInstance.draw(trial);
            redraws++;
        }
        Mat x = data.x();
        int[] depths = trial.setting().integers("depths");
        double[] smallAlphas = trial.setting().reals("small_alphas");
        double[] alphas = trial.setting().reals("alphas");
        long budget = trial.setting().integer("max_steps");
        double tol = trial.setting().real("residual_tol");
        var b = TrialResult.of(trial).instance(inst.toString().replaceAll(" α=[^ ]+", "") + " depths "
                + java.util.Arrays.toString(depths));
        b.metric("certificateMargin", margin).metric("redraws", redraws);
        if (!l1.certified()) {
            return uncertified(b, l1);
        }
        if (!(margin >= minMargin)) {
            return b.outcome(Outcome.INCONCLUSIVE, Double.NaN, "no instance with certificate margin ≥ " + minMargin
                    + " in " + (MAX_REDRAWS + 1) + " draws");
        }
        double lm = DiagonalNetGd.lambdaMax(x);
        double[][] gap = new double[depths.length][alphas.length];
        double worstHalving = 0;
        double[] smallGap = new double[depths.length];
        for (int di = 0; di < depths.length; di++) {
            var p = DiagonalNetGd.depth(inst.d(), depths[di]);
            for (int ai = 0; ai < alphas.length; ai++) {
                if (alphas[ai] < smallAlphas[di]) {
                    gap[di][ai] = Double.NaN; // below this depth's affordable α: not run, not compared
                    continue;
                }
                DiagonalNetGd.Run run = DiagonalNetGd.run(x, data.y(), lm, p,
                        DiagonalNetChecks.balancedInit(inst.d(), alphas[ai]), DiagonalNetGd.StepRule.adaptive(C), 0,
                        DiagonalNetGd.Budget.toTolerance(tol, budget));
                if (!run.converged()) {
                    return b.outcome(Outcome.INCONCLUSIVE, Double.NaN,
                            "D=" + depths[di] + " α=" + alphas[ai] + ": " + run.status());
                }
                gap[di][ai] = gapToOwnL1(x, run.beta());
                if (Double.isNaN(gap[di][ai])) {
                    return ownLpUncertified(b, depths[di], alphas[ai]);
                }
                b.metric("gap_D" + depths[di] + "_a" + ai, gap[di][ai]);
            }
            // the α → 0 end, with the step halved to show the limit does not depend on it
            double[][] ends = new double[2][];
            for (int h = 0; h < 2; h++) {
                DiagonalNetGd.Run run = DiagonalNetGd.run(x, data.y(), lm, p,
                        DiagonalNetChecks.balancedInit(inst.d(), smallAlphas[di]),
                        DiagonalNetGd.StepRule.adaptive(C / (1 << h)), 0,
                        DiagonalNetGd.Budget.toTolerance(tol, budget << h));
                if (!run.converged()) {
                    return b.outcome(Outcome.INCONCLUSIVE, Double.NaN,
                            "D=" + depths[di] + " α=" + smallAlphas[di] + " c/" + (1 << h) + ": " + run.status());
                }
                ends[h] = run.beta();
            }
            smallGap[di] = gapToOwnL1(x, ends[1]);
            if (Double.isNaN(smallGap[di])) {
                return ownLpUncertified(b, depths[di], smallAlphas[di]);
            }
            worstHalving = Math.max(worstHalving, Vec.relativeError(ends[0], ends[1], 0.0));
            b.metric("smallAlphaGap_D" + depths[di], smallGap[di]);
            b.trace("gap_D" + depths[di], alphas, gap[di]);
        }
        b.metric("halvingChange", worstHalving);
        if (worstHalving > HALVING_TOL) {
            return b.outcome(Outcome.INCONCLUSIVE, Double.NaN, "halving the step moved the limit by " + worstHalving);
        }
        boolean pass = true;
        StringBuilder note = new StringBuilder();
        double[] reach = new double[depths.length];
        for (int di = 0; di < depths.length; di++) {
            pass &= smallGap[di] <= REACHED;
            reach[di] = 0;
            for (int ai = 0; ai < alphas.length; ai++) {
                if (gap[di][ai] <= REACHED) {
                    reach[di] = Math.max(reach[di], alphas[ai]);
                }
                if (di > 0 && !Double.isNaN(gap[di][ai]) && !Double.isNaN(gap[di - 1][ai])) {
                    pass &= gap[di][ai] <= gap[di - 1][ai] + MONOTONE_SLACK;
                }
            }
            b.metric("reachAlpha_D" + depths[di], reach[di]);
            note.append(String.format(Locale.ROOT, "D=%d: gap %.3g at α=%.3g, reaches ℓ1 (≤5%%) up to α=%.3g; ",
                    depths[di], smallGap[di], smallAlphas[di], reach[di]));
        }
        pass &= reach[depths.length - 1] > reach[0];
        return b.decide(smallGap[0], pass, note.append("halving c moved limits by ≤ ").append(
                String.format(Locale.ROOT, "%.2g", worstHalving)).toString());
    }

    /** ‖β − β_ℓ1(Xβ)‖/‖β_ℓ1(Xβ)‖ with β_ℓ1(Xβ) the min-ℓ1 interpolant of β's own fitted values; NaN if not certified. */
    static double gapToOwnL1(Mat x, double[] beta) {
        MinL1Interpolant.Result own = MinL1Interpolant.solve(x, Ops.gemv(x, beta, null));
        return own.certified() ? Vec.relativeError(beta, own.beta(), 0.0) : Double.NaN;
    }

    private static TrialResult ownLpUncertified(TrialResult.Builder b, int depth, double alpha) {
        return b.outcome(Outcome.INCONCLUSIVE, Double.NaN,
                "D=" + depth + " α=" + alpha + ": min-ℓ1 LP for GD's fitted values not certified");
    }

    @Override
    public List<Chart> charts(Evidence e) {
        List<Chart.Series> series = new ArrayList<>();
        for (TrialResult t : e.trials()) {
            for (var entry : t.traces().entrySet()) {
                if (series.size() < 9) {
                    series.add(Chart.Series.line("trial " + t.index() + " " + entry.getKey().substring(4),
                            entry.getValue()[0], entry.getValue()[1]));
                }
            }
        }
        return List.of(new Chart(e.arm() + "-gap-vs-alpha", "Distance of the GD limit to min-ℓ1 vs α, by depth ("
                + e.arm() + ")", "α", "‖β − β_ℓ1‖/‖β_ℓ1‖", true, true, series));
    }

    @Override
    public String keyNumber(Evidence e) {
        StringBuilder s = new StringBuilder();
        for (String k : e.trials().get(0).metrics().keySet()) {
            if (k.startsWith("reachAlpha")) {
                s.append(DiagonalNetChecks.range(e, k, "ℓ1 reached up to α, " + k.substring(11))).append("; ");
            }
        }
        return s.toString();
    }
}
