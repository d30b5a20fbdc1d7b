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
import theorycheck.data.Rng;
import theorycheck.linalg.Norm;
import theorycheck.linalg.Vec;
import theorycheck.loss.EmpiricalRisk;
import theorycheck.loss.LogisticLoss;
import theorycheck.model.DiagonalLinearNet;
import theorycheck.optim.GradientDescent;
import theorycheck.reference.GramSpectrum;
import theorycheck.reference.MarginMeasures;
import theorycheck.reference.MaxMargin;
import theorycheck.train.BatchSampler;
import theorycheck.train.TrainConfig;
import theorycheck.train.TrainResult;
import theorycheck.train.Trainer;

/**
 * GD on the depth-2 diagonal net β = u² − v² (u = v = α·1 at the start) with the mean logistic
 * loss, judged by the ℓ1 margin ratio γ₁(β_t)/γ₁* against the min-ℓ1 max-margin LP, and by its
 * trend over the last decade of the run.
 */
final class DiagonalL1Margin extends OnSeparable implements ClaimRunner.KeyNumber {
    /** An instance separates the ℓ1 and ℓ2 answers when the ℓ2 one is at least this far short in ℓ1 margin. */
    static final double DISTINCT_L1 = 0.05;

    @Override
    public TrialResult check(SeparableInstance inst, Trial trial) {
        var s = trial.setting();
        Classification data = inst.data();
        double[] ar = s.range("alpha");
        // α log-uniform in its range, drawn from the instance's own seed so both arms stay reproducible
        double alpha = ar[0] * Math.pow(ar[1] / ar[0], Rng.stream(inst.dataSeed(), "alpha").uniform());
        MaxMargin.Result l1 = MaxMargin.l1(data);
        MaxMargin.Result l2 = MaxMargin.l2(data);
        double l2ShortInL1 = 1 - MarginMeasures.normalizedMargin(l2.direction(), data, Norm.L1) / l1.margin();
        DiagonalLinearNet net = new DiagonalLinearNet(inst.d(), 2);
        // Gauss–Newton part of the smoothness at the start: Jᵀ(XᵀΛX/m)J with J = 2α·[I, −I], Λ = 1/4 at β = 0
        double lr = inst.stepFraction() / (GramSpectrum.of(data.x()).lambdaMax() * 2 * alpha * alpha + 1e-12);
        lr = Math.min(lr, s.real("max_lr"));
        long steps = s.integer("steps");
        Map<String, ToDoubleFunction<double[]>> probes = new LinkedHashMap<>();
        probes.put("l1Ratio", th -> ratio(net.effectiveWeights(th), data, Norm.L1, l1.margin()));
        probes.put("l2Ratio", th -> ratio(net.effectiveWeights(th), data, Norm.L2, l2.margin()));
        EmpiricalRisk risk = new EmpiricalRisk(net, LogisticLoss.INSTANCE, data.x(), data.y());
        TrainResult run = Trainer.run(risk, new GradientDescent(lr), BatchSampler.full(), net.uniformInit(alpha),
                new TrainConfig(steps, 0, 0, 100, 1e12, 80), probes);
        double[] t = ClaimCharts.toArray(run.trajectory().steps());
        double[] r1 = ClaimCharts.toArray(run.trajectory().series("l1Ratio"));
        double[] r2 = ClaimCharts.toArray(run.trajectory().series("l2Ratio"));
        double end = r1[r1.length - 1];
        double decadeAgo = MaxMarginRateChecks.at(t, r1, steps / 10);
        var b = TrialResult.of(trial).instance(inst.withoutStep() + String.format(Locale.ROOT, " α=%.3g lr=%.3g", alpha,
                lr)).metric("alpha", alpha).metric("lr", lr).metric("l2ShortInL1", l2ShortInL1)
                .metric("l1RatioAtT", end).metric("l1RatioAtT/10", decadeAgo).metric("l2RatioAtT", r2[r2.length - 1])
                .metric("lossAtT", run.loss()).trace("l1Ratio", t, r1).trace("l2Ratio", t, r2);
        if (!l1.converged() || !l2.converged()) {
            return b.outcome(Outcome.INCONCLUSIVE, end, "a max-margin reference did not verify its optimality");
        }
        if (l2ShortInL1 < DISTINCT_L1) {
            return b.outcome(Outcome.INCONCLUSIVE, end, String.format(Locale.ROOT,
                    "the ℓ2 answer is only %.3g short in ℓ1 margin: the instance cannot tell ℓ1 from ℓ2", l2ShortInL1));
        }
        if (run.diverged() || !(run.loss() > 0)) {
            return b.outcome(Outcome.INCONCLUSIVE, end, "run diverged or the loss underflowed: " + run.detail());
        }
        double gap1 = 1 - end;
        double gap2 = 1 - r2[r2.length - 1];
        boolean pass = gap1 < gap2 && end >= decadeAgo;
        return b.decide(end, pass, String.format(Locale.ROOT,
                "ℓ1 margin gap %.4f vs ℓ2 margin gap %.4f at t=%d (need the ℓ1 gap smaller); ℓ1 ratio %.4f, %.4f a decade "
                        + "earlier (need not falling); the ℓ2 answer is %.3f short in ℓ1 margin", gap1, gap2, steps, end,
                decadeAgo, l2ShortInL1));
    }

    private static double ratio(double[] beta, Classification data, Norm norm, double best) {
        return Vec.norm2(beta) == 0 ? Double.NaN : MarginMeasures.normalizedMargin(beta, data, norm) / best;
    }

    @Override
    public List<Chart> charts(Evidence e) {
        return List.of(
                ClaimCharts.traces(e, "l1Ratio", e.arm() + "-l1-margin-ratio",
                        "diagonal net u² − v², GD, logistic: ℓ1 margin ratio γ₁(β_t)/γ₁* (" + e.arm() + ")", "step t",
                        "γ₁(β_t)/γ₁*", true, false),
                ClaimCharts.traces(e, "l2Ratio", e.arm() + "-l2-margin-ratio",
                        "diagonal net u² − v², GD, logistic: ℓ2 margin ratio γ₂(β_t)/γ₂* (" + e.arm() + ")", "step t",
                        "γ₂(β_t)/γ₂*", true, false));
    }

    @Override
    public String keyNumber(Evidence e) {
        double min = e.min("l1RatioAtT");
        double aMin = e.min("alpha");
        double aMax = e.max("alpha");
        double max2 = e.max("l2RatioAtT");
        return String.format(Locale.ROOT, "ℓ1 margin ratio at the end ≥ %.4f, ℓ2 margin ratio ≤ %.4f, α in [%.3g, %.3g]",
                min, max2, aMin, aMax);
    }
}
