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
import theorycheck.data.SeparableDesigns;
import theorycheck.loss.EmpiricalRisk;
import theorycheck.loss.LogisticLoss;
import theorycheck.model.Activation;
import theorycheck.model.Init;
import theorycheck.model.Mlp;
import theorycheck.optim.GradientDescent;
import theorycheck.optim.Optimizers;
import theorycheck.reference.MarginMeasures;
import theorycheck.train.BatchSampler;
import theorycheck.train.TrainConfig;
import theorycheck.train.TrainResult;
import theorycheck.train.Trainer;

/**
 * The seed repository's "margin deviation" read as δ_o = |ln(γ_o/γ_GD)| for o ∈ {Adam, Lion},
 * with γ = minᵢ yᵢf(xᵢ)/‖θ‖₂^L after an equal step budget from the same θ₀, averaged over the two
 * optimizers: δ̄. A trial compares δ̄ of one architecture ("subject") with δ̄ of one or more others
 * on the same data: PASS when the subject's is larger than the others' mean, FAIL when smaller.
 */
final class OptimizerMarginGap implements InstanceCheck<OptimizerMarginGap.Instance>,
        ClaimRunner.KeyNumber {
    record Arch(int depth, Activation activation) {
        @Override
        public String toString() {
            return activation.name().toLowerCase(Locale.ROOT) + " depth " + depth;
        }
    }

    record Instance(Arch subject, List<Arch> others, long dataSeed, long initSeed) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s vs %s, dataSeed=%d initSeed=%d", subject, others, dataSeed, initSeed);
        }
    }

    private final String subjectDepthKey;
    private final String otherDepthKey;
    private final boolean byActivation;

    private OptimizerMarginGap(String subjectDepthKey, String otherDepthKey, boolean byActivation) {
        this.subjectDepthKey = subjectDepthKey;
        this.otherDepthKey = otherDepthKey;
        this.byActivation = byActivation;
    }

    /** ReLU nets of depth setting[subjectKey] against depth setting[otherKey]. */
    static OptimizerMarginGap depth(String subjectKey, String otherKey) {
        return new OptimizerMarginGap(subjectKey, otherKey, false);
    }

    /** A ReLU net of depth setting[subjectKey] against tanh and GELU nets of depth setting[otherKey]. */
    static OptimizerMarginGap activation(String subjectKey, String otherKey) {
        return new OptimizerMarginGap(subjectKey, otherKey, true);
    }

    @Override
    public Instance draw(Trial trial) {
        var s = trial.setting();
        Rng rng = trial.rng();
        Arch subject = new Arch(s.integer(subjectDepthKey), Activation.RELU);
        List<Arch> others = byActivation
                ? List.of(new Arch(s.integer(otherDepthKey), Activation.TANH), new Arch(s.integer(otherDepthKey),
                        Activation.GELU))
                : List.of(new Arch(s.integer(otherDepthKey), Activation.RELU));
        return new Instance(subject, others, rng.nextLong(), rng.nextLong());
    }

    @Override
    public TrialResult check(Instance inst, Trial trial) {
        var s = trial.setting();
        Classification data = SeparableDesigns.plantedMargin(s.integer("m"), s.integer("d"), s.real("gamma"),
                new Rng(inst.dataSeed()));
        var b = TrialResult.of(trial).instance(inst.toString());
        List<Arch> all = new java.util.ArrayList<>();
        all.add(inst.subject());
        all.addAll(inst.others());
        double[] dev = new double[all.size()];
        String failure = null;
        for (int k = 0; k < all.size(); k++) {
            Arch arch = all.get(k);
            double[] gammas = margins(arch, data, inst.initSeed(), s, b, "arch" + k);
            String key = arch.activation().name().toLowerCase(Locale.ROOT) + arch.depth();
            b.metric(key + ".GD", gammas[0]).metric(key + ".Adam", gammas[1]).metric(key + ".Lion", gammas[2]);
            for (double g : gammas) {
                if (!(g > 0)) {
                    failure = arch + " left a point misclassified or diverged (normalized margins GD/Adam/Lion "
                            + String.format(Locale.ROOT, "%.3g/%.3g/%.3g)", gammas[0], gammas[1], gammas[2]);
                }
            }
            dev[k] = 0.5 * (Math.abs(Math.log(gammas[1] / gammas[0])) + Math.abs(Math.log(gammas[2] / gammas[0])));
            b.metric(key + ".deviation", dev[k]);
        }
        double others = 0;
        for (int k = 1; k < dev.length; k++) {
            b.metric("difference" + k, dev[0] - dev[k]);
            others += dev[k] / (dev.length - 1);
        }
        // the subject against the others' mean: one signed number per trial, no split outcome
        double diff = dev[0] - others;
        b.metric("differenceToMean", diff);
        if (failure != null) {
            return b.outcome(Outcome.INCONCLUSIVE, diff, failure);
        }
        String note = String.format(Locale.ROOT, "mean deviation |ln γ_o/γ_GD| over Adam, Lion: %s %.4f vs %s; "
                + "difference to their mean %.4f", all.get(0), dev[0], othersText(all, dev), diff);
        if (diff == 0) {
            return b.outcome(Outcome.INCONCLUSIVE, diff, note + " (a tie)");
        }
        return b.decide(diff, diff > 0, note);
    }

    private static String othersText(List<Arch> all, double[] dev) {
        StringBuilder sb = new StringBuilder();
        for (int k = 1; k < all.size(); k++) {
            sb.append(k > 1 ? ", " : "").append(String.format(Locale.ROOT, "%s %.4f", all.get(k), dev[k]));
        }
        return sb.toString();
    }

    /** γ = minᵢ yᵢf(xᵢ)/‖θ‖₂^L after GD, Adam and Lion from the same θ₀ (NaN for a diverged run). */
    private static double[] margins(Arch arch, Classification data, long initSeed, theorycheck.claim.Setting s,
            TrialResult.Builder b, String traceKey) {
        int[] widths = new int[arch.depth() - 1];
        java.util.Arrays.fill(widths, s.integer("width"));
        Mlp net = new Mlp(data.dim(), widths, arch.activation(), false);
        // same weights for every activation: the init is drawn for the shape, not the activation
        double[] theta0 = net.initialize(Init.HE, new Rng(initSeed));
        theorycheck.optim.Optimizer[] opts = {Optimizers.parse(s.text("gd"), GradientDescent.class),
                Optimizers.parse(s.text("adam"), theorycheck.optim.Adam.class),
                Optimizers.parse(s.text("lion"), theorycheck.optim.Lion.class)};
        String[] names = {"GD", "Adam", "Lion"};
        EmpiricalRisk risk = new EmpiricalRisk(net, LogisticLoss.INSTANCE, data.x(), data.y());
        double[] out = new double[3];
        for (int k = 0; k < 3; k++) {
            Map<String, ToDoubleFunction<double[]>> probes = new LinkedHashMap<>();
            probes.put("margin", th -> MarginMeasures.homogeneousNormalizedMargin(net, th, data, arch.depth()));
            TrainResult run = Trainer.run(risk, opts[k], BatchSampler.full(), theta0,
                    new TrainConfig(s.integer("steps"), 0, 0, 100, 1e12, 40), probes);
            out[k] = run.diverged() ? Double.NaN
                    : MarginMeasures.homogeneousNormalizedMargin(net, run.theta(), data, arch.depth());
            b.trace(arch + " " + names[k], ClaimCharts.toArray(run.trajectory().steps()),
                    ClaimCharts.toArray(run.trajectory().series("margin")));
        }
        return out;
    }

    @Override
    public List<Chart> charts(Evidence e) {
        List<Chart> charts = new java.util.ArrayList<>();
        TrialResult first = e.trials().get(0);
        for (String name : first.traces().keySet()) {
            charts.add(ClaimCharts.traces(e, name, e.arm() + "-" + name.replaceAll("[^A-Za-z0-9]+", "-"),
                    name + ": normalized margin minᵢ yᵢf(xᵢ)/‖θ‖₂^L (" + e.arm() + ")", "step t", "γ(θ_t)", true,
                    false));
        }
        return charts;
    }

    @Override
    public String keyNumber(Evidence e) {
        double[] diffs = e.trials().stream().mapToDouble(t -> t.metrics().getOrDefault("differenceToMean", Double.NaN))
                .filter(v -> !Double.isNaN(v)).sorted().toArray();
        double median = diffs.length == 0 ? Double.NaN : diffs[diffs.length / 2];
        return String.format(Locale.ROOT, "median difference of mean deviations (subject − mean of the others): %.4f "
                + "over %d trials", median, diffs.length);
    }
}
