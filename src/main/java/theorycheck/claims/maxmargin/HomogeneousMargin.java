package theorycheck.claims.maxmargin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import theorycheck.claim.Chart;
import theorycheck.claim.ClaimRunner;
import theorycheck.claim.Evidence;
import theorycheck.claim.InstanceCheck;
import theorycheck.claim.Outcome;
import theorycheck.claim.Trial;
import theorycheck.claim.TrialResult;
import theorycheck.claims.support.ClaimCharts;
import theorycheck.data.Classification;
import theorycheck.data.Rng;
import theorycheck.loss.EmpiricalRisk;
import theorycheck.loss.LogisticLoss;
import theorycheck.model.Init;
import theorycheck.model.Mlp;
import theorycheck.optim.GradientDescent;
import theorycheck.reference.MarginMeasures;
import theorycheck.train.BatchSampler;
import theorycheck.train.TrainConfig;
import theorycheck.train.TrainResult;
import theorycheck.train.Trainer;

/**
 * GD on the mean logistic loss of a bias-free ReLU net (L-homogeneous, L = depth); after the
 * first recorded step with mean loss below log 2/m (every point classified), Lyu &amp; Li's
 * smoothed margin γ̃ must not fall (beyond a discretization allowance) and the normalized margin
 * γ = minᵢ yᵢf(xᵢ)/‖θ‖₂^L must end higher than it was at the threshold. The optimizer comes from
 * the setting: step {@code lr}, heavy-ball {@code momentum} (0: plain GD) and mini-{@code batch}
 * size (≥ m: full batch).
 */
final class HomogeneousMargin implements InstanceCheck<NetInstance>, ClaimRunner.KeyNumber {

    @Override
    public NetInstance draw(Trial trial) {
        return NetInstance.draw(trial);
    }

    @Override
    public TrialResult check(NetInstance inst, Trial trial) {
        double smoothedDropTol = trial.setting().real("smoothed_drop_tol");
        var s = trial.setting();
        Classification data = inst.data();
        Mlp net = inst.net();
        int degree = net.homogeneityDegree().orElseThrow();
        double[] theta0 = net.initialize(Init.HE, new Rng(inst.initSeed()));
        double lr = s.real("lr");
        double momentum = s.real("momentum");
        int batch = s.integer("batch");
        long steps = s.integer("steps");
        int m = data.examples();
        Map<String, ToDoubleFunction<double[]>> probes = new LinkedHashMap<>();
        probes.put("margin", th -> MarginMeasures.homogeneousNormalizedMargin(net, th, data, degree));
        probes.put("smoothed", th -> MarginMeasures.logisticSmoothedMargin(net, th, data, degree));
        // min yf/‖θ‖₂, which is not a margin for L ≥ 2: recorded to show what the wrong power does
        probes.put("byNorm", th -> MarginMeasures.homogeneousNormalizedMargin(net, th, data, 1));
        EmpiricalRisk risk = new EmpiricalRisk(net, LogisticLoss.INSTANCE, data.x(), data.y());
        BatchSampler sampler = batch < m ? BatchSampler.withoutReplacement(m, batch, Rng.stream(inst.initSeed(), "batches"))
                : BatchSampler.full();
        theorycheck.optim.Optimizer opt = momentum > 0 ? new theorycheck.optim.HeavyBall(lr, momentum)
                : new GradientDescent(lr);
        TrainResult run = Trainer.run(risk, opt, sampler, theta0,
                new TrainConfig(steps, 0, 0, 100, 1e12, 120), probes);
        double[] t = ClaimCharts.toArray(run.trajectory().steps());
        double[] loss = ClaimCharts.toArray(run.trajectory().series("loss"));
        double[] margin = ClaimCharts.toArray(run.trajectory().series("margin"));
        double[] smoothed = ClaimCharts.toArray(run.trajectory().series("smoothed"));
        double[] byNorm = ClaimCharts.toArray(run.trajectory().series("byNorm"));
        double threshold = Math.log(2) / m;
        int first = -1;
        for (int i = 0; i < t.length; i++) {
            if (loss[i] < threshold) {
                first = i;
                break;
            }
        }
        var b = TrialResult.of(trial).instance(inst + " " + opt.describe() + " " + sampler.describe())
                .metric("depth", inst.depth()).metric("width", inst.width()).metric("lr", lr)
                .metric("lossAtT", run.loss()).trace("margin", t, margin).trace("smoothed", t, smoothed)
                .trace("loss", t, loss);
        if (run.diverged()) {
            return b.outcome(Outcome.INCONCLUSIVE, Double.NaN, "run diverged: " + run.detail());
        }
        if (first < 0 || t[first] > steps / 10.0) {
            return b.outcome(Outcome.INCONCLUSIVE, Double.NaN, String.format(Locale.ROOT,
                    "mean loss fell below log 2/m = %.4g only at %s: too little of the run is left to judge", threshold,
                    first < 0 ? "no recorded step" : "step " + (long) t[first]));
        }
        double worstDrop = 0;
        double best = smoothed[first];
        double worstMarginDrop = 0;
        double bestMargin = margin[first];
        int backAbove = 0;
        for (int i = first + 1; i < t.length; i++) {
            worstMarginDrop = Math.max(worstMarginDrop, (bestMargin - margin[i]) / Math.abs(bestMargin));
            bestMargin = Math.max(bestMargin, margin[i]);
            if (Double.isNaN(smoothed[i])) {
                // γ̃ is undefined once the summed loss is back at or above log 2: there log(1/(e^L − 1)) ≤ 0,
                // so γ̃ has fallen by at least its whole value
                backAbove++;
                worstDrop = Math.max(worstDrop, 1);
                continue;
            }
            worstDrop = Math.max(worstDrop, (best - smoothed[i]) / Math.abs(best));
            best = Math.max(best, smoothed[i]);
        }
        double gain = margin[margin.length - 1] / margin[first];
        b.metric("thresholdStep", t[first]).metric("marginAtThreshold", margin[first])
                .metric("marginAtT", margin[margin.length - 1]).metric("marginGain", gain)
                .metric("byNormGain", byNorm[byNorm.length - 1] / byNorm[first])
                .metric("smoothedWorstRelativeDrop", worstDrop).metric("marginWorstRelativeDrop", worstMarginDrop)
                .metric("recordedStepsBackAboveThreshold", backAbove);
        boolean pass = worstDrop <= smoothedDropTol && gain > 1;
        return b.decide(worstDrop, pass, String.format(Locale.ROOT,
                "after step %d (mean loss < log 2/m): smoothed margin's largest relative fall %.2e (≤ %.0e passes); "
                        + "normalized margin %.4g → %.4g (×%.3f), its largest relative fall %.2e; summed loss back "
                        + "above log 2 at %d recorded steps",
                (long) t[first], worstDrop, smoothedDropTol, margin[first], margin[margin.length - 1], gain,
                worstMarginDrop, backAbove));
    }

    @Override
    public List<Chart> charts(Evidence e) {
        return List.of(
                ClaimCharts.traces(e, "margin", e.arm() + "-normalized-margin",
                        "bias-free ReLU net: normalized margin minᵢ yᵢf(xᵢ)/‖θ‖₂^L (" + e.arm() + ")", "step t",
                        "γ(θ_t)", true, false),
                ClaimCharts.traces(e, "smoothed", e.arm() + "-smoothed-margin",
                        "Lyu–Li smoothed margin log(1/(e^ℓ − 1))/‖θ‖₂^L, summed loss ℓ < log 2 (" + e.arm() + ")",
                        "step t", "γ̃(θ_t)", true, false),
                ClaimCharts.traces(e, "loss", e.arm() + "-loss", "mean logistic loss (" + e.arm() + ")", "step t",
                        "loss", true, true));
    }

    @Override
    public String keyNumber(Evidence e) {
        double smoothedDropTol = e.setting().real("smoothed_drop_tol");
        double drop = e.trials().stream().mapToDouble(t -> t.metrics().getOrDefault("smoothedWorstRelativeDrop",
                Double.NaN)).max().orElse(Double.NaN);
        double gain = e.trials().stream().mapToDouble(t -> t.metrics().getOrDefault("marginGain", Double.NaN)).min()
                .orElse(Double.NaN);
        return String.format(Locale.ROOT,
                "after the loss threshold: largest relative fall of the smoothed margin %.2e (tol %.0e); smallest "
                        + "normalized-margin gain ×%.3f", drop, smoothedDropTol, gain);
    }
}
