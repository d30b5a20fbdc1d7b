package theorycheck.claims.maxmargin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import theorycheck.claims.support.ClaimCharts;
import theorycheck.data.Classification;
import theorycheck.linalg.Norm;
import theorycheck.linalg.Vec;
import theorycheck.loss.EmpiricalRisk;
import theorycheck.loss.Loss;
import theorycheck.model.LinearModel;
import theorycheck.optim.Optimizer;
import theorycheck.reference.MarginMeasures;
import theorycheck.reference.MaxMargin;
import theorycheck.train.BatchSampler;
import theorycheck.train.TrainConfig;
import theorycheck.train.TrainResult;
import theorycheck.train.Trainer;

/**
 * One run from 0 measured against the ℓ2 max-margin direction: the angle a(t) and the margin
 * ratio γ₂(w_t)/γ₂* and ‖w_t‖₂ at 80 log-spaced steps, and the growth G = [a(T)·log T/log log T] /
 * [a(T₀)·log T₀/log log T₀], which Soudry et al.'s rate keeps ≤ 1 and a wrong limit makes ≈ 1.47
 * for T₀ = 10³, T = 10⁶.
 */
record AngleRate(TrainResult run, double[] steps, double[] angles, double[] ratios, double[] norms, double[] scaled,
        double a0, double aEnd, double growth) {
    static AngleRate measure(Classification data, Loss loss, Optimizer opt, MaxMargin.Result l2, long t0, long tEnd) {
        return measure(data, loss, opt, BatchSampler.full(), 100, l2, t0, tEnd);
    }

    /** The same with mini-batches; the full-batch loss is checked every {@code checkEvery} steps. */
    static AngleRate measure(Classification data, Loss loss, Optimizer opt, BatchSampler sampler, int checkEvery,
            MaxMargin.Result l2, long t0, long tEnd) {
        Map<String, ToDoubleFunction<double[]>> probes = new LinkedHashMap<>();
        probes.put("angle", w -> Vec.norm2(w) == 0 ? Double.NaN : MarginMeasures.angle(w, l2.direction()));
        probes.put("marginRatio", w -> Vec.norm2(w) == 0 ? Double.NaN
                : MarginMeasures.normalizedMargin(w, data, Norm.L2) / l2.margin());
        probes.put("normW", Vec::norm2);
        EmpiricalRisk risk = new EmpiricalRisk(new LinearModel(data.dim()), loss, data.x(), data.y());
        TrainConfig config = new TrainConfig(tEnd, 0, 0, checkEvery, 1e12, 80);
        TrainResult run = Trainer.run(risk, opt, sampler, new double[data.dim()], config, probes);
        double[] steps = ClaimCharts.toArray(run.trajectory().steps());
        double[] angles = ClaimCharts.toArray(run.trajectory().series("angle"));
        double[] ratios = ClaimCharts.toArray(run.trajectory().series("marginRatio"));
        double a0 = MaxMarginRateChecks.at(steps, angles, t0);
        double aEnd = angles[angles.length - 1];
        double growth = (aEnd * Math.log(tEnd) / Math.log(Math.log(tEnd)))
                / (a0 * Math.log(t0) / Math.log(Math.log(t0)));
        double[] scaled = new double[steps.length];
        for (int i = 0; i < steps.length; i++) {
            scaled[i] = steps[i] >= 3 ? angles[i] * Math.log(steps[i]) / Math.log(Math.log(steps[i])) : Double.NaN;
        }
        double[] norms = ClaimCharts.toArray(run.trajectory().series("normW"));
        return new AngleRate(run, steps, angles, ratios, norms, scaled, a0, aEnd, growth);
    }
}
