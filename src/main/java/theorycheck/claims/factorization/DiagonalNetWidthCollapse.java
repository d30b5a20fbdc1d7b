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
import theorycheck.data.Rng;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Vec;
import theorycheck.model.WideDiagonalNet;
import theorycheck.reference.MinL1Interpolant;
import theorycheck.reference.MinNorm;
import theorycheck.reference.QAlphaInterpolant;

/**
 * slides.width-vs-scale: for β = diag(UVᵀ), U, V ∈ ℝ^{d×k} with N(0, α²/√k) entries (mirrored so
 * that β(0) = 0, {@link WideDiagonalNet#mirroredInit}), the regime is set by μ = α·k^{1/4}. The GD
 * limit is compared with the k → ∞ prediction argmin Q_{μ/√2} (writing a = (u+v)/2, c = (u−v)/2
 * turns βᵢ = ⟨uᵢ, vᵢ⟩ into ‖aᵢ‖² − ‖cᵢ‖², a diagonal net with vector weights whose init scale is
 * ‖aᵢ(0)‖² = ‖cᵢ(0)‖² → kσ²/2 = μ²/2). The setting key {@code grid} says how α is set: {@code mu} (the
 * claim) gives α = μ/k^{1/4} for each width; {@code alpha} (the control) gives every width the narrowest
 * width's α, so the wider nets have a larger μ than the reference assumes.
 * Also recorded: the position p = ‖β − β_ℓ1‖/‖β_ℓ2 − β_ℓ1‖ (0 at min-ℓ1, 1 at min-ℓ2).
 */
final class DiagonalNetWidthCollapse extends DiagonalNetCheck {
    static final double C = 0.1;
    /**
     * Largest relative distance of the widest net's limit to argmin Q_{μ/√2}. With the mirrored init
     * the net is exactly a diagonal net with per-row init scales αᵢ² = (‖uᵢ‖² + ‖vᵢ‖²)/2 over the
     * first k/2 columns, i.e. σ²·χ²_k/2, whose relative spread is √(2/k) = 4.4% at k = 1024; 0.1
     * allows for that and for GD's O(c) error (≤ 1% at c = 0.1, slides.q-alpha).
     */
    static final double WIDE_TOL = 0.1;

    @Override
    public TrialResult check(DiagonalNetInstance inst, Trial trial) {
        boolean byMu = trial.setting().choice("grid", "mu", "alpha").equals("mu");
        Regression data = inst.data();
        Mat x = data.x();
        int[] widths = trial.setting().integers("widths");
        double[] mus = trial.setting().reals("mus");
        long budget = trial.setting().integer("max_steps");
        var b = TrialResult.of(trial).instance(inst.toString().replaceAll(" α=[^ ]+", "") + " widths "
                + java.util.Arrays.toString(widths) + (byMu ? " grid in μ" : " grid in α"));
        MinL1Interpolant.Result l1 = minL1(data);
        if (!l1.certified()) {
            return uncertified(b, l1);
        }
        double[] l2 = MinNorm.solve(x, data.y());
        double span = Vec.distance(l1.beta(), l2);
        double lm = DiagonalNetGd.lambdaMax(x);
        double[][] pos = new double[widths.length][mus.length];
        double[][] err = new double[widths.length][mus.length];
        double[][] refs = new double[mus.length][];
        for (int i = 0; i < mus.length; i++) {
            QAlphaInterpolant.Result q = QAlphaInterpolant.solve(x, data.y(), mus[i] / Math.sqrt(2));
            if (!q.converged()) {
                return b.outcome(Outcome.INCONCLUSIVE, Double.NaN, "Q reference not converged at μ=" + mus[i]);
            }
            refs[i] = q.beta();
        }
        Rng rng = Rng.stream(inst.dataSeed(), "wide-net-init");
        for (int wi = 0; wi < widths.length; wi++) {
            int k = widths[wi];
            WideDiagonalNet net = new WideDiagonalNet(inst.d(), k);
            for (int i = 0; i < mus.length; i++) {
                // control: the narrowest width's α for every width, so wider nets have a larger μ
                double alpha = mus[i] / Math.pow(byMu ? k : widths[0], 0.25);
                DiagonalNetGd.Run run = DiagonalNetGd.run(x, data.y(), lm, DiagonalNetGd.wide(inst.d(), k),
                        net.mirroredInit(alpha, rng.split()), DiagonalNetGd.StepRule.adaptive(C), 0,
                        DiagonalNetGd.Budget.toTolerance(1e-8, budget));
                if (!run.converged()) {
                    return b.outcome(Outcome.INCONCLUSIVE, Double.NaN, "k=" + k + " μ=" + mus[i] + ": " + run.status());
                }
                pos[wi][i] = Vec.distance(run.beta(), l1.beta()) / span;
                err[wi][i] = Vec.relativeError(run.beta(), refs[i], 0.0);
                b.metric("p_k" + k + "_" + i, pos[wi][i]).metric("err_k" + k + "_" + i, err[wi][i]);
            }
            b.trace("k=" + k, mus, pos[wi]);
        }
        double[] qPos = new double[mus.length];
        for (int i = 0; i < mus.length; i++) {
            qPos[i] = Vec.distance(refs[i], l1.beta()) / span;
        }
        b.trace("argmin Q_{μ/√2}", mus, qPos);
        int w = widths.length - 1;
        double worst = 0;
        for (int i = 0; i < mus.length; i++) {
            worst = Math.max(worst, err[w][i]);
        }
        b.metric("maxErrWidest", worst);
        return b.decide(worst, worst <= WIDE_TOL, String.format(Locale.ROOT,
                "largest distance to argmin Q_{μ/√2} by width %s: %s; positions at the smallest μ %s, at the largest %s",
                java.util.Arrays.toString(widths), maxPerWidth(err), column(pos, 0), column(pos, mus.length - 1)));
    }

    private static String maxPerWidth(double[][] err) {
        StringBuilder s = new StringBuilder();
        for (double[] e : err) {
            double m = 0;
            for (double x : e) {
                m = Math.max(m, x);
            }
            s.append(s.length() == 0 ? "" : "/").append(String.format(Locale.ROOT, "%.3f", m));
        }
        return s.toString();
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
        String xLabel = "μ (grid mu: α = μ/k^{1/4} per width; grid alpha: α = μ/k₀^{1/4}, k₀ the narrowest width)";
        return List.of(new Chart(e.arm() + "-position-vs-scale",
                "Position of the GD limit between min-ℓ1 (0) and min-ℓ2 (1) (" + e.arm() + ")", xLabel,
                "‖β − β_ℓ1‖/‖β_ℓ2 − β_ℓ1‖", true, false, series));
    }

    @Override
    public String keyNumber(Evidence e) {
        return DiagonalNetChecks.range(e, "maxErrWidest", "widest net: largest distance to argmin Q_{μ/√2}");
    }
}
