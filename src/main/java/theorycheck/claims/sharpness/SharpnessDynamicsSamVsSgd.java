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
import theorycheck.claims.support.HeldOutTraining;
import theorycheck.data.Classification;
import theorycheck.data.Rng;
import theorycheck.loss.EmpiricalRisk;
import theorycheck.loss.LogisticLoss;
import theorycheck.model.Activation;
import theorycheck.model.Init;
import theorycheck.model.Mlp;
import theorycheck.optim.GradientDescent;
import theorycheck.optim.Optimizer;
import theorycheck.optim.Sam;
import theorycheck.train.BatchSampler;
import theorycheck.train.RunStatus;
import theorycheck.train.TrainConfig;
import theorycheck.train.TrainResult;
import theorycheck.train.Trainer;

/**
 * book.A.19: per seed, one Fashion-MNIST training subset (optionally with a fraction of its labels
 * flipped), one tanh-MLP initialization and one mini-batch order, trained for a fixed number of
 * epochs by SGD and by SAM with the same step; both are scored by the cross-entropy (mean logistic
 * loss) on held-out test images, test accuracy beside it. A seed agrees with the statement when
 * SAM's test cross-entropy is strictly lower.
 */
final class SharpnessDynamicsSamVsSgd implements InstanceCheck<SharpnessDynamicsSamVsSgd.Instance>,
        ClaimRunner.KeyNumber {
    /** The arm's hyper-parameters and the seed's random streams. */
    record Instance(int perClass, double labelNoise, int width, int batch, double lr, double rho, int epochs,
            long dataSeed, long initSeed, long samplerSeed) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d per class, %.0f%% labels flipped, width %d, batch %d, η=%.3g, ρ=%.3g, "
                    + "%d epochs, dataSeed=%d initSeed=%d samplerSeed=%d", perClass, 100 * labelNoise, width, batch, lr,
                    rho, epochs, dataSeed, initSeed, samplerSeed);
        }
    }

    @Override
    public Instance draw(Trial trial) {
        Setting s = trial.setting();
        Rng rng = trial.rng();
        return new Instance(s.integer("per_class"), s.real("label_noise"), s.integer("width"), s.integer("batch"),
                s.real("lr"), s.real("rho"), s.integer("epochs"), rng.nextLong(), rng.nextLong(), rng.nextLong());
    }

    @Override
    public TrialResult check(Instance inst, Trial trial) {
        Setting s = trial.setting();
        Rng dataRng = new Rng(inst.dataSeed());
        Classification clean = SharpnessDynamicsData.train(s, inst.perClass(), dataRng.split());
        Classification test = SharpnessDynamicsData.test(s, s.integer("test_per_class"), dataRng.split());
        Classification train = flipLabels(clean, inst.labelNoise(), dataRng.split());
        Mlp mlp = new Mlp(train.dim(), new int[] {inst.width()}, Activation.TANH, true);
        EmpiricalRisk risk = new EmpiricalRisk(mlp, LogisticLoss.INSTANCE, train.x(), train.y());
        double[] theta0 = mlp.initialize(Init.XAVIER, new Rng(inst.initSeed()));
        TrainResult sgd = train(risk, new GradientDescent(inst.lr()), theta0, inst);
        TrainResult sam = train(risk, new Sam(inst.lr(), inst.rho()), theta0, inst);
        double lossSgd = HeldOutTraining.logisticLoss(mlp, sgd.theta(), test);
        double lossSam = HeldOutTraining.logisticLoss(mlp, sam.theta(), test);
        var r = TrialResult.of(trial)
                .instance(inst + ", " + SharpnessDynamicsData.describe(s, inst.perClass()) + ", test "
                        + test.examples() + " images")
                .metric("testLoss.sgd", lossSgd)
                .metric("testLoss.sam", lossSam)
                .metric("testAccuracy.sgd", HeldOutTraining.accuracy(mlp, sgd.theta(), test))
                .metric("testAccuracy.sam", HeldOutTraining.accuracy(mlp, sam.theta(), test))
                .metric("trainLoss.sgd", risk.value(sgd.theta()))
                .metric("trainLoss.sam", risk.value(sam.theta()))
                .metric("trainAccuracy.sgd", HeldOutTraining.accuracy(mlp, sgd.theta(), train))
                .metric("trainAccuracy.sam", HeldOutTraining.accuracy(mlp, sam.theta(), train));
        for (TrainResult run : List.of(sgd, sam)) {
            if (run.status() == RunStatus.DIVERGED) {
                return r.outcome(Outcome.INCONCLUSIVE, Double.NaN, "a run diverged: " + run.detail());
            }
        }
        double gain = lossSgd - lossSam;
        return r.decide(gain, gain > 0, String.format(Locale.ROOT,
                "test cross-entropy SAM %.4f vs SGD %.4f (SGD − SAM %+.4f; > 0 agrees with the statement); test accuracy "
                        + "SAM %.4f vs SGD %.4f", lossSam, lossSgd, gain, r.peek("testAccuracy.sam"),
                r.peek("testAccuracy.sgd")));
    }

    /** A fixed number of epochs of mini-batch training with random reshuffling; the same batch order for both optimizers. */
    private static TrainResult train(EmpiricalRisk risk, Optimizer opt, double[] theta0, Instance inst) {
        int n = risk.examples();
        long steps = (long) inst.epochs() * ((n + inst.batch() - 1) / inst.batch());
        return Trainer.run(risk, opt, BatchSampler.withoutReplacement(n, inst.batch(), new Rng(inst.samplerSeed())),
                theta0, new TrainConfig(steps, 0, 0, (int) Math.min(Integer.MAX_VALUE, steps), 1e6, 0), Map.of());
    }

    /** Each label flipped independently with probability p (p = 0: the data unchanged). */
    static Classification flipLabels(Classification data, double p, Rng rng) {
        double[] y = data.y().clone();
        for (int i = 0; i < y.length; i++) {
            if (rng.uniform() < p) {
                y[i] = -y[i];
            }
        }
        return new Classification(data.x(), y);
    }

    @Override
    public List<Chart> charts(Evidence e) {
        double lo = e.trials().stream().flatMapToDouble(t -> java.util.stream.DoubleStream.of(
                t.metrics().get("testLoss.sgd"), t.metrics().get("testLoss.sam"))).min().orElse(0);
        double hi = e.trials().stream().flatMapToDouble(t -> java.util.stream.DoubleStream.of(
                t.metrics().get("testLoss.sgd"), t.metrics().get("testLoss.sam"))).max().orElse(1);
        return List.of(new Chart(e.arm() + "-test-cross-entropy", "Test cross-entropy per seed: SAM against SGD (below the "
                + "diagonal: SAM better) (" + e.arm() + ")", "SGD test cross-entropy", "SAM test cross-entropy", false, false,
                List.of(ClaimCharts.scatter(e, "testLoss.sgd", "testLoss.sam"),
                        Chart.Series.line("equal", new double[] {lo, hi}, new double[] {lo, hi}))));
    }

    @Override
    public String keyNumber(Evidence e) {
        long better = e.trials().stream().filter(t -> t.outcome() == Outcome.PASS).count();
        long decided = e.trials().stream().filter(t -> t.outcome() != Outcome.INCONCLUSIVE).count();
        return String.format(Locale.ROOT, "SAM strictly better (lower test cross-entropy) in %d of %d seeds; median "
                + "SGD − SAM %+.4f", better, decided, e.statistics().keyMedian());
    }
}
