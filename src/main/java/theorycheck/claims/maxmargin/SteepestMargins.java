package theorycheck.claims.maxmargin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import theorycheck.claim.Chart;
import theorycheck.claim.ClaimRunner;
import theorycheck.claim.Evidence;
import theorycheck.claim.Outcome;
import theorycheck.claim.Trial;
import theorycheck.claim.TrialResult;
import theorycheck.claims.support.ClaimCharts;
import theorycheck.data.Classification;
import theorycheck.linalg.Norm;
import theorycheck.linalg.Vec;
import theorycheck.loss.EmpiricalRisk;
import theorycheck.loss.LogisticLoss;
import theorycheck.model.LinearModel;
import theorycheck.optim.Optimizer;
import theorycheck.optim.SteepestDescent;
import theorycheck.reference.MarginMeasures;
import theorycheck.reference.MaxMargin;
import theorycheck.train.BatchSampler;
import theorycheck.train.TrainConfig;
import theorycheck.train.TrainResult;
import theorycheck.train.Trainer;

/**
 * Normalized steepest descent w.r.t. ℓ2, ℓ∞ and ℓ1 (normalized GD, sign GD, normalized greedy
 * coordinate descent) on the logistic loss, each judged by its own norm's margin ratio
 * γ_p(w_T)/γ_p* against the LP/QP max-margin answer for that norm.
 */
final class SteepestMargins extends OnSeparable implements ClaimRunner.KeyNumber {
    private static final Norm[] NORMS = {Norm.L2, Norm.LINF, Norm.L1};
    private static final String[] NAMES = {"normalized GD (ℓ2)", "sign GD (ℓ∞)", "coordinate descent (ℓ1)"};

    @Override
    public TrialResult check(SeparableInstance inst, Trial trial) {
        double marginGapTol = trial.setting().real("margin_gap_tol");
        var s = trial.setting();
        double eta = s.real("step");
        long steps = s.integer("t_end");
        Classification data = inst.data();
        MaxMargin.Result[] refs = {MaxMargin.l2(data), MaxMargin.lInf(data), MaxMargin.l1(data)};
        // each norm's answer must be suboptimal for the other two norms (margins, not angles:
        // the ℓ∞ and ℓ1 answers need not be unique)
        double minGap = Double.POSITIVE_INFINITY;
        boolean verified = true;
        for (int p = 0; p < 3; p++) {
            verified &= refs[p].converged();
            for (int q = 0; q < 3; q++) {
                if (p != q) {
                    minGap = Math.min(minGap,
                            1 - MarginMeasures.normalizedMargin(refs[q].direction(), data, NORMS[p]) / refs[p].margin());
                }
            }
        }
        EmpiricalRisk risk = new EmpiricalRisk(new LinearModel(inst.d()), LogisticLoss.INSTANCE, data.x(), data.y());
        var b = TrialResult.of(trial).instance(inst.withoutStep() + String.format(Locale.ROOT, " η=%.3g", eta))
                .metric("m", inst.m()).metric("d", inst.d()).metric("eta", eta)
                .metric("minReferenceGap", minGap);
        double worst = Double.POSITIVE_INFINITY;
        for (int k = 0; k < 3; k++) {
            Norm norm = NORMS[k];
            Optimizer opt = new SteepestDescent(norm, eta, true); // steepest descent in the norm it is judged by
            Map<String, ToDoubleFunction<double[]>> probes = new LinkedHashMap<>();
            double best = refs[k].margin();
            probes.put("ratio", w -> Vec.norm2(w) == 0 ? Double.NaN : MarginMeasures.normalizedMargin(w, data, norm) / best);
            TrainResult run = Trainer.run(risk, opt, BatchSampler.full(), new double[inst.d()],
                    new TrainConfig(steps, 0, 0, 100, 1e12, 60), probes);
            double ratio = MarginMeasures.normalizedMargin(run.theta(), data, norm) / best;
            b.metric(norm.name() + ".marginRatio", ratio)
                    .trace(NAMES[k], ClaimCharts.toArray(run.trajectory().steps()),
                            ClaimCharts.toArray(run.trajectory().series("ratio")));
            worst = Math.min(worst, ratio);
        }
        b.metric("worstMarginRatio", worst);
        if (!verified) {
            return b.outcome(Outcome.INCONCLUSIVE, worst, "a max-margin reference did not verify its optimality");
        }
        if (minGap < SeparableReferences.DISTINCT_REFERENCES) {
            return b.outcome(Outcome.INCONCLUSIVE, worst, String.format(Locale.ROOT,
                    "one norm's max-margin direction is within %.3g of another norm's best margin", minGap));
        }
        return b.decide(worst, worst >= 1 - marginGapTol, String.format(Locale.ROOT,
                "margin ratios in each method's own norm: ℓ2 %.5f, ℓ∞ %.5f, ℓ1 %.5f (need ≥ %.2f)",
                b.peek("L2.marginRatio"), b.peek("LINF.marginRatio"), b.peek("L1.marginRatio"), 1 - marginGapTol));
    }

    @Override
    public List<Chart> charts(Evidence e) {
        List<Chart> charts = new java.util.ArrayList<>();
        for (String name : NAMES) {
            charts.add(ClaimCharts.traces(e, name, e.arm() + "-" + name.replaceAll("[^A-Za-z0-9]+", "-"),
                    name + ": margin ratio in its own norm (" + e.arm() + ")", "step t", "γ_p(w_t) / γ_p*", true,
                    false));
        }
        return charts;
    }

    @Override
    public String keyNumber(Evidence e) {
        StringBuilder sb = new StringBuilder("smallest margin ratio in each method's own norm:");
        for (Norm n : NORMS) {
            double min = e.min(n.name() + ".marginRatio");
            sb.append(String.format(Locale.ROOT, " %s %.4f", n.name(), min));
        }
        return sb.toString();
    }
}
