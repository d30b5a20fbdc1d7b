package theorycheck.claims.sharpness;

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
import theorycheck.loss.EmpiricalRisk;
import theorycheck.loss.LogisticLoss;
import theorycheck.measure.Lanczos;
import theorycheck.measure.Sharpness;
import theorycheck.model.Activation;
import theorycheck.model.Init;
import theorycheck.model.Mlp;
import theorycheck.optim.GradientDescent;
import theorycheck.train.BatchSampler;
import theorycheck.train.RunStatus;
import theorycheck.train.TrainConfig;
import theorycheck.train.TrainResult;
import theorycheck.train.Trainer;

/**
 * book.A.2: per seed, one tanh MLP initialization and one Fashion-MNIST subset, trained by
 * mini-batch SGD (logistic loss = binary cross-entropy) with a small and a large batch until the
 * full training loss first falls below a common target, so both end at the same loss; then λ_max of
 * the training-loss Hessian (Lanczos on exact Hessian-vector products), the relative sharpness
 * λ_max/L and the adaptive sharpness λ_max(|θ|H|θ|) (Kwon et al. 2021). The step is the same for
 * both batches, or scaled linearly with the batch (η_B = η·B/B_small), by the setting's
 * {@code lr_rule} ({@code fixed} or {@code linear}). A seed agrees with the statement when the small
 * batch ends sharper. λ_max·η/2 is recorded per run: where it is near 1 the run's sharpness sits at
 * the 2/η edge of stability, a cap set by the step rather than by the batch.
 */
final class SharpnessDynamicsBatchSize implements InstanceCheck<SharpnessDynamicsBatchSize.Instance>,
        ClaimRunner.KeyNumber {
    /** Lanczos relative residual for the end-point sharpness: far below the differences compared. */
    static final double LANCZOS_TOL = 1e-8;

    record Instance(boolean scaleLr, double lr, long dataSeed, long initSeed, long samplerSeed) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "step %s (η=%.3g at the small batch), dataSeed=%d initSeed=%d samplerSeed=%d",
                    scaleLr ? "∝ batch" : "fixed", lr, dataSeed, initSeed, samplerSeed);
        }
    }

    @Override
    public Instance draw(Trial trial) {
        Setting s = trial.setting();
        boolean scale = trial.setting().choice("lr_rule", "linear", "fixed").equals("linear");
        Rng rng = trial.rng();
        double lr = s.real("lr");
        return new Instance(scale, lr, rng.nextLong(), rng.nextLong(), rng.nextLong());
    }

    /** Where one batch size's run ended and how sharp it is there. */
    record End(double lr, TrainResult run, double loss, double lambdaMax, double adaptive) {
        long epochs(int stepsPerEpoch) {
            return run.steps() / stepsPerEpoch;
        }
    }

    @Override
    public TrialResult check(Instance inst, Trial trial) {
        Setting s = trial.setting();
        int perClass = s.integer("per_class");
        Classification data = SharpnessDynamicsData.train(s, perClass, new Rng(inst.dataSeed()));
        Mlp mlp = new Mlp(data.dim(), new int[] {s.integer("width")}, Activation.TANH, true);
        EmpiricalRisk risk = new EmpiricalRisk(mlp, LogisticLoss.INSTANCE, data.x(), data.y());
        double[] theta0 = mlp.initialize(Init.XAVIER, new Rng(inst.initSeed()));
        int small = s.integer("small_batch");
        int large = s.integer("large_batch");
        double lr = inst.lr();
        End a = train(risk, theta0, small, lr, inst, s);
        End b = train(risk, theta0, large, inst.scaleLr() ? lr * large / small : lr, inst, s);
        int n = data.examples();
        var r = TrialResult.of(trial)
                .instance(inst + ", " + SharpnessDynamicsData.describe(s, perClass) + String.format(Locale.ROOT,
                        ", tanh MLP width %d, batches %d (η=%.3g) vs %d (η=%.3g), to training loss ≤ %.3g", s.integer("width"),
                        small, a.lr(), large, b.lr(), s.real("target_loss")))
                .metric("lambdaMax.small", a.lambdaMax())
                .metric("lambdaMax.large", b.lambdaMax())
                .metric("relative.small", a.lambdaMax() / a.loss())
                .metric("relative.large", b.lambdaMax() / b.loss())
                .metric("adaptive.small", a.adaptive())
                .metric("adaptive.large", b.adaptive())
                .metric("edgeRatio.small", a.lambdaMax() * a.lr() / 2)
                .metric("edgeRatio.large", b.lambdaMax() * b.lr() / 2)
                .metric("loss.small", a.loss())
                .metric("loss.large", b.loss())
                .metric("epochs.small", a.epochs(stepsPerEpoch(n, small)))
                .metric("epochs.large", b.epochs(stepsPerEpoch(n, large)));
        for (End e : List.of(a, b)) {
            if (e.run().status() != RunStatus.CONVERGED) {
                return r.outcome(Outcome.INCONCLUSIVE, Double.NaN, "a run did not reach the target loss: "
                        + e.run().status() + " (" + e.run().detail() + ")");
            }
            if (!Double.isFinite(e.lambdaMax())) {
                return r.outcome(Outcome.INCONCLUSIVE, Double.NaN, "Lanczos did not converge at an end point");
            }
        }
        double effect = Math.log(a.lambdaMax() / b.lambdaMax());
        return r.decide(effect, effect > 0, String.format(Locale.ROOT,
                "λ_max: batch %d %.3f vs batch %d %.3f (log ratio %+.3f; > 0 agrees with the statement); λ_max·η/2 "
                        + "%.2f vs %.2f; relative λ_max/L %.2f vs %.2f; adaptive %.4f vs %.4f", small, a.lambdaMax(), large,
                b.lambdaMax(), effect, a.lambdaMax() * a.lr() / 2, b.lambdaMax() * b.lr() / 2, a.lambdaMax() / a.loss(),
                b.lambdaMax() / b.loss(), a.adaptive(), b.adaptive()));
    }

    /** SGD with random reshuffling from θ₀ until the full training loss (checked once per epoch) is ≤ the target. */
    private static End train(EmpiricalRisk risk, double[] theta0, int batch, double lr, Instance inst, Setting s) {
        int n = risk.examples();
        int perEpoch = stepsPerEpoch(n, batch);
        TrainConfig config = new TrainConfig((long) s.integer("max_epochs") * perEpoch, 0, s.real("target_loss"), perEpoch,
                1e6, 0);
        TrainResult run = Trainer.run(risk, new GradientDescent(lr),
                BatchSampler.withoutReplacement(n, batch, new Rng(inst.samplerSeed())), theta0, config, Map.of());
        Rng rng = Rng.stream(inst.initSeed(), "lanczos");
        Lanczos.Result top = Lanczos.top(theorycheck.measure.HessianVectorProduct.of(risk, run.theta()),
                theta0.length, 1, rng, 200, LANCZOS_TOL);
        Lanczos.Result adaptive = Lanczos.top(Sharpness.adaptiveOperator(risk, run.theta()), theta0.length, 1, rng, 200,
                LANCZOS_TOL);
        return new End(lr, run, risk.value(run.theta()), top.converged() ? top.first() : Double.NaN,
                adaptive.converged() ? adaptive.first() : Double.NaN);
    }

    private static int stepsPerEpoch(int n, int batch) {
        return (n + batch - 1) / batch;
    }

    @Override
    public List<Chart> charts(Evidence e) {
        return List.of(
                new Chart(e.arm() + "-lambda-max", "λ_max at the same training loss: small vs large batch (" + e.arm() + ")",
                        "λ_max, large batch", "λ_max, small batch", false, false,
                        List.of(ClaimCharts.scatter(e, "lambdaMax.large", "lambdaMax.small"),
                                diagonal(e, "lambdaMax.large", "lambdaMax.small"))),
                new Chart(e.arm() + "-adaptive-sharpness", "Adaptive sharpness λ_max(|θ|H|θ|): small vs large batch ("
                        + e.arm() + ")", "adaptive, large batch", "adaptive, small batch", false, false,
                        List.of(ClaimCharts.scatter(e, "adaptive.large", "adaptive.small"),
                                diagonal(e, "adaptive.large", "adaptive.small"))));
    }

    /** The line y = x over the range of both metrics, so points above it are "small batch sharper". */
    private static Chart.Series diagonal(Evidence e, String xMetric, String yMetric) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (TrialResult t : e.trials()) {
            for (String m : List.of(xMetric, yMetric)) {
                double v = t.metrics().getOrDefault(m, Double.NaN);
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return Chart.Series.line("equal", new double[] {lo, hi}, new double[] {lo, hi});
    }

    @Override
    public String keyNumber(Evidence e) {
        long sharper = e.trials().stream().filter(t -> t.outcome() == Outcome.PASS).count();
        long decided = e.trials().stream().filter(t -> t.outcome() != Outcome.INCONCLUSIVE).count();
        long adaptiveSharper = e.trials().stream().filter(t -> t.outcome() != Outcome.INCONCLUSIVE
                && t.metrics().get("adaptive.small") > t.metrics().get("adaptive.large")).count();
        double medianLog = e.statistics().keyMedian();
        return String.format(Locale.ROOT, "small batch sharper (λ_max) in %d of %d seeds, median log ratio %+.3f; "
                + "adaptive sharpness: small batch sharper in %d of %d", sharper, decided, medianLog, adaptiveSharper,
                decided);
    }
}
