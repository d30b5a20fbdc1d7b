package theorycheck.claims.sharpness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import theorycheck.claim.Chart;
import theorycheck.claim.ClaimRunner;
import theorycheck.claim.Evidence;
import theorycheck.claim.InstanceCheck;
import theorycheck.claim.Outcome;
import theorycheck.claim.Setting;
import theorycheck.claim.Trial;
import theorycheck.claim.TrialResult;
import theorycheck.claims.support.ClaimCharts;
import theorycheck.data.Classification;
import theorycheck.data.Rng;
import theorycheck.linalg.Vec;
import theorycheck.loss.EmpiricalRisk;
import theorycheck.loss.SquaredLoss;
import theorycheck.model.Activation;
import theorycheck.model.Init;
import theorycheck.model.Mlp;
import theorycheck.optim.GradientDescent;
import theorycheck.optim.HeavyBall;
import theorycheck.optim.Nesterov;
import theorycheck.optim.Optimizer;
import theorycheck.train.BatchSampler;
import theorycheck.train.TrainConfig;
import theorycheck.train.TrainResult;
import theorycheck.train.Trainer;

/**
 * lit.edge-of-stability and its momentum variant: full-batch GD (or heavy-ball) with squared loss
 * on a small tanh MLP and a two-class Fashion-MNIST subset; λ_max of the training-loss Hessian is
 * measured every few steps (Lanczos on exact Hessian-vector products) and divided by the
 * stability level, 2/η for GD and (2 + 2β)/η for heavy-ball. {@link Rule#HOVER}: the ratio stays
 * within a band around 1 for most of the second half of the run. {@link Rule#CEILING}: in the second
 * half the ratio reaches the level (its largest value is near 1) and does not stay above it (only a
 * small fraction of checkpoints lie above 1 + band): above the level the top direction is unstable,
 * so an excursion there is transient, while a level set too low is exceeded most of the time.
 * The optimizer is the setting's: plain GD when it has no {@code momentum} key, else heavy-ball or
 * Nesterov ({@code momentum: heavy_ball | nesterov}) with {@code beta}; the CEILING level is always
 * heavy-ball's (2 + 2β)/η, the statement's. λ_max is measured every {@code every} steps in the second
 * half (where the rule looks) and every {@code every_early} steps before it (for the chart only).
 */
final class SharpnessDynamicsEdgeOfStability implements InstanceCheck<SharpnessDynamicsEdgeOfStability.Instance>,
        ClaimRunner.KeyNumber {
    enum Rule { HOVER, CEILING }

    private final Rule rule;

    SharpnessDynamicsEdgeOfStability(Rule rule) {
        this.rule = rule;
    }

    /** @param momentum "none", "heavy_ball" or "nesterov" */
    record Instance(double lr, String momentum, double beta, long dataSeed, long initSeed) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "η=%.4f %s β=%.2f dataSeed=%d initSeed=%d", lr,
                    momentum.equals("none") ? "GD" : momentum, beta, dataSeed, initSeed);
        }

        Optimizer optimizer() {
            return switch (momentum) {
                case "heavy_ball" -> new HeavyBall(lr, beta);
                case "nesterov" -> new Nesterov(lr, beta);
                default -> new GradientDescent(lr);
            };
        }

        /** GD's 2/η, or heavy-ball's (2 + 2β)/η whatever the momentum variant run (the statement's level). */
        double level() {
            return (2 + 2 * beta) / lr;
        }

        /**
         * The stability limit of the update actually run, on a quadratic: the level, except for Nesterov,
         * whose limit is (2 + 2β)/((1 + 2β)η). Reported only, so a control run can be seen at its own edge.
         */
        double ownLimit() {
            return momentum.equals("nesterov") ? level() / (1 + 2 * beta) : level();
        }
    }

    @Override
    public Instance draw(Trial trial) {
        Setting s = trial.setting();
        Rng rng = trial.rng();
        double lr = trial.drawLogUniform("lr");
        boolean momentum = s.has("momentum");
        return new Instance(lr, momentum ? trial.setting().choice("momentum", "heavy_ball", "nesterov") : "none",
                momentum ? s.real("beta") : 0.0, rng.nextLong(), rng.nextLong());
    }

    @Override
    public TrialResult check(Instance inst, Trial trial) {
        Setting s = trial.setting();
        int perClass = s.integer("per_class");
        int steps = s.integer("steps");
        int every = s.integer("every");
        int everyEarly = s.integer("every_early");
        double tol = s.real("lanczos_tol");
        Classification data = SharpnessDynamicsData.train(s, perClass, new Rng(inst.dataSeed()));
        Mlp mlp = new Mlp(data.dim(), new int[] {s.integer("width")}, Activation.TANH, true);
        EmpiricalRisk risk = new EmpiricalRisk(mlp, SquaredLoss.INSTANCE, data.x(), data.y());
        double[] theta = mlp.initialize(Init.XAVIER, new Rng(inst.initSeed()));
        double level = inst.level();
        Rng lanczosRng = Rng.stream(inst.initSeed(), "lanczos");

        List<Double> ts = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<Double> losses = new ArrayList<>();
        double[] scratch = new double[theta.length];
        // λ_max and the loss at the checkpoints: every every_early steps in the first half, every `every` after
        Trainer.Hooks checkpoints = Trainer.Hooks.observing(1, (t, w) -> {
            if (t % (2 * t >= steps ? every : everyEarly) == 0) {
                ts.add((double) t);
                ratios.add(SharpnessDynamicsData.lambdaMax(risk, w, lanczosRng, tol) / level);
                losses.add(risk.valueAndGradient(w, null, scratch));
            }
        });
        // every step checked: a non-finite loss or gradient ends the run; no blow-up rule
        TrainResult run = Trainer.run(risk, inst.optimizer(), BatchSampler.full(), theta,
                new TrainConfig(steps, 0, 0, 1, Double.POSITIVE_INFINITY, 0), Map.of(), checkpoints);
        String failure = null;
        if (run.diverged()) {
            failure = "diverged at step " + run.steps();
            if (!ts.isEmpty() && ts.get(ts.size() - 1) == run.steps()) {
                // the checkpoint saw the diverged iterate before the check did
                ts.remove(ts.size() - 1);
                ratios.remove(ratios.size() - 1);
                losses.remove(losses.size() - 1);
            }
        }
        double[] x = ClaimCharts.toArray(ts);
        double[] ratio = ClaimCharts.toArray(ratios);
        double[] late = lateWindow(x, ratio, steps / 2.0);
        double band = s.real("band");
        double inBand = Arrays.stream(late).filter(v -> Math.abs(v - 1) <= band).count() / (double) late.length;
        double lateMax = Arrays.stream(late).max().orElse(Double.NaN);
        double above = Arrays.stream(late).filter(v -> v > 1 + band).count() / (double) late.length;
        double lateMedian = Vec.median(late);
        var r = TrialResult.of(trial)
                .instance(inst + " " + SharpnessDynamicsData.describe(s, perClass) + String.format(Locale.ROOT,
                        ", tanh MLP width %d, %d steps, level %s = %.2f", s.integer("width"), steps,
                        inst.beta() > 0 ? "(2+2β)/η" : "2/η", level))
                .metric("lr", inst.lr())
                .metric("level", level)
                .metric("initialRatio", ratio.length > 0 ? ratio[0] : Double.NaN)
                .metric("lateMedianRatio", lateMedian)
                .metric("lateMaxRatio", lateMax)
                .metric("lateMedianOverOwnLimit", lateMedian * level / inst.ownLimit())
                .metric("lateMinRatio", Arrays.stream(late).min().orElse(Double.NaN))
                .metric("fractionInBand", inBand)
                .metric("fractionAbove", above)
                .metric("finalLoss", losses.isEmpty() ? Double.NaN : losses.get(losses.size() - 1))
                .trace("ratio", x, ratio)
                .trace("loss", x, ClaimCharts.toArray(losses));
        if (failure != null) {
            return r.outcome(Outcome.INCONCLUSIVE, Double.NaN, failure);
        }
        if (Arrays.stream(late).anyMatch(Double::isNaN)) {
            return r.outcome(Outcome.INCONCLUSIVE, Double.NaN, "Lanczos did not converge at a late checkpoint");
        }
        if (rule == Rule.HOVER) {
            double need = s.real("hover_fraction");
            return r.decide(inBand, inBand >= need, String.format(Locale.ROOT,
                    "second half: %.0f%% of checkpoints with λ_max/(2/η) in [%.2f, %.2f] (≥ %.0f%% passes); median %.3f, "
                            + "max %.3f; at step 0 %.3f", 100 * inBand, 1 - band, 1 + band, 100 * need, lateMedian,
                    lateMax, ratio[0]));
        }
        double reach = s.real("reach");
        double maxAbove = s.real("max_fraction_above");
        boolean reached = lateMax >= reach;
        boolean notSustained = above <= maxAbove;
        return r.decide(above, reached && notSustained, String.format(Locale.ROOT,
                "second half: largest λ_max/level %.3f (%s %.2f), %.0f%% of checkpoints above %.2f (%s %.0f%%); median %.3f, "
                        + "%.0f%% within ±%.0f%% of the level", lateMax, reached ? "≥" : "<", reach, 100 * above, 1 + band,
                notSustained ? "≤" : ">", 100 * maxAbove, lateMedian, 100 * inBand, 100 * band));
    }

    private static double[] lateWindow(double[] t, double[] v, double from) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < t.length; i++) {
            if (t[i] >= from) {
                out.add(v[i]);
            }
        }
        return ClaimCharts.toArray(out);
    }

    @Override
    public List<Chart> charts(Evidence e) {
        List<Chart.Series> series = new ArrayList<>();
        for (TrialResult t : e.trials()) {
            double[][] tr = t.traces().get("ratio");
            if (tr == null || series.size() >= ClaimCharts.MAX_CURVES) {
                continue;
            }
            series.add(Chart.Series.line(String.format(Locale.ROOT, "%s trial %d, η=%.3f", e.arm(), t.index(),
                    t.metrics().get("lr")), tr[0], tr[1]));
        }
        if (!series.isEmpty()) {
            double[] x = series.get(0).x();
            double[] one = new double[x.length];
            Arrays.fill(one, 1.0);
            series.add(Chart.Series.line("stability level", x, one));
        }
        String level = rule == Rule.CEILING ? "(2+2β)/η" : "2/η";
        return List.of(
                new Chart(e.arm() + "-sharpness-over-level", "λ_max of the training-loss Hessian divided by " + level
                        + " (" + e.arm() + ")", "step", "λ_max / " + level, false, false, series),
                ClaimCharts.traces(e, "loss", e.arm() + "-training-loss", "Training loss (" + e.arm() + ")", "step",
                        "mean squared loss", false, true));
    }

    @Override
    public String keyNumber(Evidence e) {
        if (rule == Rule.HOVER) {
            double minFrac = e.min("fractionInBand");
            double med = e.mean("lateMedianRatio");
            return String.format(Locale.ROOT,
                    "second half of training: ≥ %.0f%% of checkpoints with λ_max within ±10%% of 2/η; mean late median "
                            + "λ_max·η/2 = %.3f", 100 * minFrac, med);
        }
        double lo = e.min("lateMaxRatio");
        double hi = e.max("lateMaxRatio");
        double above = e.max("fractionAbove");
        return String.format(Locale.ROOT, "largest late λ_max·η/(2+2β): %.3f–%.3f; late checkpoints above 1.1 × level: ≤ %.0f%%",
                lo, hi, 100 * above);
    }
}
