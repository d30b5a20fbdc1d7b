package theorycheck.claims;

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
import theorycheck.data.Regression;
import theorycheck.data.Rng;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Vec;
import theorycheck.model.WideDiagonalNet;
import theorycheck.reference.MinL1Interpolant;
import theorycheck.reference.MinNorm;

/**
 * slides.width-vs-scale: for β = diag(UVᵀ), U, V ∈ ℝ^{d×k} with N(0, α²/√k) entries, the regime is
 * set by μ = α·k^{1/4}. The GD limit's position p = ‖β − β_ℓ1‖/‖β_ℓ2 − β_ℓ1‖ (0 at min-ℓ1, 1 at
 * min-ℓ2) is measured for two widths on a grid; in the claim the grid is in μ (α = μ/k^{1/4} for each
 * width), in the control in α (the same α for both widths, so μ differs by (k₂/k₁)^{1/4}). The curves
 * must collapse in μ and not in α.
 */
final class DiagonalNetWidthCollapse implements InstanceCheck<DiagonalNetInstance>, ClaimRunner.KeyNumber {
    static final double C = 0.1;
    /** Curves "collapse" when p differs by at most this between widths at every grid point. */
    static final double COLLAPSE_TOL = 0.1;
    /** The grid's ends must be in the two regimes: p ≤ 0.25 at the smallest μ, ≥ 0.75 at the largest. */
    static final double END_TOL = 0.25;
    private final boolean byMu;

    DiagonalNetWidthCollapse(boolean byMu) {
        this.byMu = byMu;
    }

    @Override
    public DiagonalNetInstance draw(Trial trial) {
        return DiagonalNetInstance.draw(trial);
    }

    @Override
    public TrialResult check(DiagonalNetInstance inst, Trial trial) {
        Regression data = inst.data();
        Mat x = data.x();
        int[] widths = trial.setting().integers("widths");
        double[] mus = trial.setting().reals("mus");
        long budget = trial.setting().integer("max_steps");
        var b = TrialResult.of(trial).instance(inst.toString().replaceAll(" α=[^ ]+", "") + " widths "
                + java.util.Arrays.toString(widths) + (byMu ? " grid in μ" : " grid in α"));
        MinL1Interpolant.Result l1 = MinL1Interpolant.solve(x, data.y());
        if (!l1.certified()) {
            return b.outcome(Outcome.INCONCLUSIVE, Double.NaN, "min-ℓ1 LP not certified");
        }
        double[] l2 = MinNorm.solve(x, data.y());
        double span = Vec.distance(l1.beta(), l2);
        double lm = DiagonalNetGd.lambdaMax(x);
        double[][] pos = new double[widths.length][mus.length];
        Rng rng = new Rng(inst.dataSeed() ^ 0x1d7bL);
        for (int wi = 0; wi < widths.length; wi++) {
            int k = widths[wi];
            WideDiagonalNet net = new WideDiagonalNet(inst.d(), k);
            for (int i = 0; i < mus.length; i++) {
                double alpha = mus[i] / Math.pow(byMu ? k : widths[0], 0.25);
                DiagonalNetGd.Run run = DiagonalNetGd.run(x, data.y(), lm, DiagonalNetGd.wide(inst.d(), k),
                        net.gaussianInit(alpha, rng.split()), DiagonalNetGd.StepRule.adaptive(C), 0,
                        DiagonalNetGd.Budget.toTolerance(1e-8, budget));
                if (!run.converged()) {
                    return b.outcome(Outcome.INCONCLUSIVE, Double.NaN, "k=" + k + " μ=" + mus[i] + ": " + run.status());
                }
                pos[wi][i] = Vec.distance(run.beta(), l1.beta()) / span;
                b.metric("p_k" + k + "_" + i, pos[wi][i]);
            }
            b.trace("k=" + k, mus, pos[wi]);
        }
        double spread = 0;
        for (int i = 0; i < mus.length; i++) {
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (double[] p : pos) {
                lo = Math.min(lo, p[i]);
                hi = Math.max(hi, p[i]);
            }
            spread = Math.max(spread, hi - lo);
        }
        boolean ends = true;
        for (double[] p : pos) {
            ends &= p[0] <= END_TOL && p[mus.length - 1] >= 1 - END_TOL;
        }
        b.metric("spread", spread);
        return b.decide(spread, spread <= COLLAPSE_TOL && ends, String.format(Locale.ROOT,
                "largest gap between widths %.3f; positions at the smallest grid point %s, at the largest %s", spread,
                column(pos, 0), column(pos, mus.length - 1)));
    }

    private static String column(double[][] pos, int i) {
        StringBuilder s = new StringBuilder();
        for (double[] p : pos) {
            s.append(s.length() == 0 ? "" : "/").append(String.format(Locale.ROOT, "%.3f", p[i]));
        }
        return s.toString();
    }

    @Override
    public List<Chart> charts(Evidence e) {
        List<Chart.Series> series = new ArrayList<>();
        for (TrialResult t : e.trials()) {
            for (var entry : t.traces().entrySet()) {
                if (series.size() < 8) {
                    series.add(Chart.Series.line("trial " + t.index() + " " + entry.getKey(), entry.getValue()[0],
                            entry.getValue()[1]));
                }
            }
        }
        String xLabel = e.arm().equals("claim") ? "μ = α·k^{1/4}" : "α·k₁^{1/4} (same α for all widths)";
        return List.of(new Chart(e.arm() + "-position-vs-scale",
                "Position of the GD limit between min-ℓ1 (0) and min-ℓ2 (1) (" + e.arm() + ")", xLabel,
                "‖β − β_ℓ1‖/‖β_ℓ2 − β_ℓ1‖", true, false, series));
    }

    @Override
    public String keyNumber(Evidence e) {
        return DiagonalNetClaims.range(e, "spread", "largest gap between widths");
    }
}
