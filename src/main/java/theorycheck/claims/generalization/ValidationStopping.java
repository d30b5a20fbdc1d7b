package theorycheck.claims.generalization;

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
import theorycheck.data.FashionMnist;
import theorycheck.data.Rng;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Ops;
import theorycheck.linalg.Vec;
import theorycheck.loss.EmpiricalRisk;
import theorycheck.loss.LogisticLoss;
import theorycheck.loss.Objective;
import theorycheck.measure.PowerIteration;
import theorycheck.model.Activation;
import theorycheck.model.Init;
import theorycheck.model.Mlp;
import theorycheck.optim.GradientDescent;
import theorycheck.train.BatchSampler;
import theorycheck.train.TrainConfig;
import theorycheck.train.Trainer;

/** Stops at the first validation minimum and compares the test loss there with the run's test minimum. */
final class ValidationStopping implements InstanceCheck<StopInstance>, ClaimRunner.KeyNumber {

    @Override
    public StopInstance draw(Trial trial) {
        Rng rng = trial.rng();
        // alternate: images on even trials, regression on odd
        String tasks = trial.setting().choice("tasks", "alternate", "regression");
        if (tasks.equals("alternate") && trial.index() % 2 == 0) {
            int a = rng.nextInt(FashionMnist.CLASSES);
            int b = (a + 1 + rng.nextInt(FashionMnist.CLASSES - 1)) % FashionMnist.CLASSES;
            return new StopInstance(true, a, b, rng.nextLong());
        }
        return new StopInstance(false, -1, -1, rng.nextLong());
    }

    @Override
    public TrialResult check(StopInstance inst, Trial trial) {
        double relTol = trial.setting().real("rel_tol");
        double[][] curves = inst.images() ? imageCurves(inst, trial.setting()) : regressionCurves(inst, trial.setting());
        double[] val = curves[0];
        double[] test = curves[1];
        TrialResult.Builder r = TrialResult.of(trial).instance(inst.toString());
        double[] t = new double[val.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = i;
        }
        r.trace("val", t, val).trace("test", t, test);
        if (!Vec.isFinite(val) || !Vec.isFinite(test)) {
            return r.outcome(Outcome.INCONCLUSIVE, Double.NaN, "a loss became non-finite (diverged run)");
        }
        int tv = HeldOutTraining.argmin(val);
        int tt = HeldOutTraining.argmin(test);
        double excess = test[tv] / test[tt] - 1;
        r.metric("stopAtValidationMin", tv).metric("testMinAt", tt).metric("relativeExcessTestLoss", excess)
                .metric("testLossAtStop", test[tv]).metric("testLossMin", test[tt]).metric("images", inst.images() ? 1 : 0);
        return r.decide(excess, excess <= relTol, String.format(Locale.ROOT,
                "validation minimum at %s %d, test minimum at %d; test loss there %.6g vs minimum %.6g (relative excess %.3g)",
                inst.images() ? "epoch" : "step", tv, tt, test[tv], test[tt], excess));
    }

    /** Validation and test loss at epochs 0..E of mini-batch SGD on an MLP. */
    private double[][] imageCurves(StopInstance inst, Setting s) {
        Rng rng = new Rng(inst.dataSeed());
        FashionMnist fm = FashionMnist.load();
        int mTrain = s.integer("fashion_train");
        int mVal = s.integer("fashion_val");
        int pool = s.integer("pool");
        int half = (mTrain + mVal) / 2;
        Classification both = FashionMnist.binary(fm.train(), inst.positiveClass(), inst.negativeClass(), half,
                mTrain + mVal - half, pool, rng);
        Classification train = rows(both, 0, mTrain);
        Classification test = FashionMnist.binary(fm.test(), inst.positiveClass(), inst.negativeClass(), 1000, 1000, pool, rng);
        Classification val = rows(both, mTrain, mTrain + mVal);
        Mlp net = new Mlp(train.dim(), new int[] {s.integer("width")}, Activation.RELU, true);
        double[] theta = net.initialize(Init.HE, rng);
        EmpiricalRisk risk = new EmpiricalRisk(net, LogisticLoss.INSTANCE, train.x(), train.y());
        BatchSampler batches = BatchSampler.withoutReplacement(mTrain, s.integer("batch"), rng.split());
        int epochs = s.integer("epochs");
        int perEpoch = (mTrain + s.integer("batch") - 1) / s.integer("batch");
        double[] valLoss = new double[epochs + 1];
        double[] testLoss = new double[epochs + 1];
        java.util.Arrays.fill(valLoss, Double.NaN); // epochs after a divergence stay NaN
        java.util.Arrays.fill(testLoss, Double.NaN);
        Trainer.Hooks everyEpoch = Trainer.Hooks.observing(perEpoch, (t, w) -> {
            int e = (int) (t / perEpoch);
            valLoss[e] = HeldOutTraining.logisticLoss(net, w, val);
            testLoss[e] = HeldOutTraining.logisticLoss(net, w, test);
        });
        // the full training loss only at the end; a non-finite gradient still ends the run
        long steps = (long) epochs * perEpoch;
        Trainer.run(risk, new GradientDescent(s.real("lr")), batches, theta,
                new TrainConfig(steps, 0, 0, (int) Math.max(1, steps), Double.POSITIVE_INFINITY, 0), Map.of(),
                everyEpoch);
        return new double[][] {valLoss, testLoss};
    }

    /**
     * Validation loss and exact population risk ½(‖w − β‖² + σ²) at every step of GD from 0 on
     * Gaussian least squares (x ~ N(0, I), so E½(xᵀw − y)² = ½‖w − β‖² + ½σ²). With
     * {@code validation: population} the validation loss is that population risk (infinite
     * validation data); with {@code held_out} it is the loss on m_val fresh points.
     */
    private double[][] regressionCurves(StopInstance inst, Setting s) {
        Rng rng = new Rng(inst.dataSeed());
        int d = s.integer("d");
        int m = s.integer("m");
        int mVal = s.integer("m_val");
        double sigma = s.real("noise_std");
        // held_out: m_val fresh points; population: the exact population risk (infinite validation data)
        boolean population = s.choice("validation", "held_out", "population").equals("population");
        double[] beta = Vec.scale(1.0 / Math.sqrt(d), rng.gaussianVector(d, 1.0));
        Mat x = new Mat(m, d, rng.gaussianVector(m * d, 1.0));
        Mat xv = new Mat(mVal, d, rng.gaussianVector(mVal * d, 1.0));
        double[] y = noisy(x, beta, sigma, rng);
        double[] yv = noisy(xv, beta, sigma, rng);
        double lmax = PowerIteration.gramTop(x, rng.split()).value();
        double eta = s.real("step_fraction") * 2 / lmax;
        int steps = s.integer("gd_steps");
        double[] valLoss = new double[steps + 1];
        double[] testLoss = new double[steps + 1];
        java.util.Arrays.fill(valLoss, Double.NaN); // steps after a divergence stay NaN
        java.util.Arrays.fill(testLoss, Double.NaN);
        double[] rv = new double[mVal];
        Trainer.Hooks everyStep = Trainer.Hooks.observing(1, (t, w) -> {
            double dist = 0;
            for (int j = 0; j < d; j++) {
                dist += (w[j] - beta[j]) * (w[j] - beta[j]);
            }
            testLoss[(int) t] = 0.5 * (dist + sigma * sigma);
            Ops.gemv(xv, w, rv);
            double v = 0;
            for (int i = 0; i < mVal; i++) {
                v += 0.5 * (rv[i] - yv[i]) * (rv[i] - yv[i]);
            }
            valLoss[(int) t] = population ? testLoss[(int) t] : v / mVal;
        });
        Trainer.run(leastSquares(x, y), new GradientDescent(eta), BatchSampler.full(), new double[d],
                new TrainConfig(steps, 0, 0, Math.max(1, steps), Double.POSITIVE_INFINITY, 0), Map.of(), everyStep);
        return new double[][] {valLoss, testLoss};
    }

    /** (1/2m)‖Xw − y‖², gradient Xᵀ(Xw − y)/m. */
    private static Objective leastSquares(Mat x, double[] y) {
        int m = x.rows();
        double[] r = new double[m];
        return Objective.of(x.cols(), w -> {
            Ops.gemv(x, w, r);
            double v = 0;
            for (int i = 0; i < m; i++) {
                v += 0.5 * (r[i] - y[i]) * (r[i] - y[i]);
            }
            return v / m;
        }, w -> {
            Ops.gemv(x, w, r);
            for (int i = 0; i < m; i++) {
                r[i] = (r[i] - y[i]) / m;
            }
            return Ops.gemvT(x, r, null);
        });
    }

    private static double[] noisy(Mat x, double[] beta, double sigma, Rng rng) {
        double[] y = new double[x.rows()];
        Ops.gemv(x, beta, y);
        for (int i = 0; i < y.length; i++) {
            y[i] += sigma * rng.gaussian();
        }
        return y;
    }

    private static Classification rows(Classification c, int from, int to) {
        int[] idx = java.util.stream.IntStream.range(from, to).toArray();
        double[] y = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            y[i] = c.label(idx[i]);
        }
        return new Classification(Ops.selectRows(c.x(), idx), y);
    }

    @Override
    public List<Chart> charts(Evidence e) {
        return List.of(
                ClaimCharts.traces(e, "test", e.arm() + "-test-loss", "Test loss along training (" + e.arm()
                        + "; images: per epoch, regression: population risk per step)", "epoch / step", "test loss", false, true),
                ClaimCharts.traces(e, "val", e.arm() + "-validation-loss", "Validation loss along training (" + e.arm() + ")",
                        "epoch / step", "validation loss", false, true),
                new Chart(e.arm() + "-stopping-points", "Stopping point chosen by validation vs the test-loss minimum ("
                        + e.arm() + ")", "test-loss minimum at", "validation minimum at", false, false,
                        List.of(ClaimCharts.scatter(e, "testMinAt", "stopAtValidationMin"))));
    }

    @Override
    public String keyNumber(Evidence e) {
        double relTol = e.setting().real("rel_tol");
        long misses = e.trials().stream().filter(t -> t.metrics().get("relativeExcessTestLoss") > relTol).count();
        double[] ex = e.trials().stream().mapToDouble(t -> t.metrics().get("relativeExcessTestLoss")).sorted().toArray();
        return String.format(Locale.ROOT, "%d of %d runs stop where the test loss is not minimal; relative excess "
                + "test loss median %.3g, largest %.3g", misses, ex.length, ex.length == 0 ? Double.NaN : ex[ex.length / 2],
                ex.length == 0 ? Double.NaN : ex[ex.length - 1]);
    }
}
