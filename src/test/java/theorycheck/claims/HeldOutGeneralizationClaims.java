package theorycheck.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import theorycheck.claim.Chart;
import theorycheck.claim.ClaimRunner;
import theorycheck.claim.Evidence;
import theorycheck.claim.InstanceCheck;
import theorycheck.claim.Outcome;
import theorycheck.claim.Setting;
import theorycheck.claim.Trial;
import theorycheck.claim.TrialResult;
import theorycheck.data.Classification;
import theorycheck.data.FashionMnist;
import theorycheck.data.Rng;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Ops;
import theorycheck.linalg.Vec;
import theorycheck.loss.EmpiricalRisk;
import theorycheck.loss.LogisticLoss;
import theorycheck.measure.PowerIteration;
import theorycheck.model.Activation;
import theorycheck.model.Init;
import theorycheck.model.Mlp;
import theorycheck.optim.Adam;
import theorycheck.optim.GradientDescent;
import theorycheck.optim.Stepper;
import theorycheck.train.BatchSampler;
import theorycheck.support.ClaimId;
import theorycheck.support.ClaimVerifier;

/**
 * Generalization claims judged on held-out data, on real images (Fashion-MNIST) as well as on
 * synthetic data: book.A.8 (shuffled labels) and book.A.13 (early stopping by validation).
 */
class HeldOutGeneralizationClaims {

    @Test
    @ClaimId("book.A.8")
    void book_A_8() {
        ClaimVerifier.verify("book.A.8", new ShuffledLabels());
    }

    @Test
    @ClaimId("book.A.13")
    void book_A_13() {
        ClaimVerifier.verify("book.A.13", new ValidationStopping());
    }

    // ------------------------------------------------------------------------------------------
    // book.A.8
    // ------------------------------------------------------------------------------------------

    /** Even trials: a Fashion-MNIST class pair; odd trials: exercise C.13's 2-D task. */
    record LabelInstance(boolean images, int positiveClass, int negativeClass, double positiveFraction,
            double shuffleFraction, long dataSeed) {
        @Override
        public String toString() {
            return images
                    ? String.format(Locale.ROOT, "Fashion-MNIST %s (+) vs %s (−), positive fraction %.2f, shuffled %.0f%%, dataSeed=%d",
                            FashionMnist.CLASS_NAMES[positiveClass], FashionMnist.CLASS_NAMES[negativeClass], positiveFraction,
                            100 * shuffleFraction, dataSeed)
                    : String.format(Locale.ROOT, "C.13: x ~ U[−1,1]², y = sign(x₁), shuffled %.0f%%, dataSeed=%d",
                            100 * shuffleFraction, dataSeed);
        }
    }

    /**
     * Trains the same network from the same start on shuffled labels and on true labels, and asks
     * whether the shuffled-label network recovers at most half of the true-label network's lift over
     * the best constant classifier on a true-labelled test set.
     */
    static final class ShuffledLabels implements InstanceCheck<LabelInstance>, ClaimRunner.KeyNumber {
        /** Shuffled-label lift may be at most this fraction of the true-label lift (see the claim file). */
        static final double LIFT_FRACTION = 0.5;
        /** Below this true-label lift the draw has nothing to learn and cannot decide. */
        static final double MIN_TRUE_LIFT = 0.1;

        @Override
        public LabelInstance draw(Trial trial) {
            Setting s = trial.setting();
            Rng rng = trial.rng();
            double shuffle = s.real("shuffle_fraction");
            if (trial.index() % 2 == 0) {
                int a = rng.nextInt(FashionMnist.CLASSES);
                int b = (a + 1 + rng.nextInt(FashionMnist.CLASSES - 1)) % FashionMnist.CLASSES;
                double[] fractions = s.reals("positive_fractions");
                double p = fractions[(trial.index() / 2) % fractions.length];
                return new LabelInstance(true, a, b, p, shuffle, rng.nextLong());
            }
            return new LabelInstance(false, -1, -1, 0.5, shuffle, rng.nextLong());
        }

        @Override
        public TrialResult check(LabelInstance inst, Trial trial) {
            Setting s = trial.setting();
            Rng rng = new Rng(inst.dataSeed());
            Classification train;
            Classification test;
            Mlp net;
            double lr;
            if (inst.images()) {
                FashionMnist fm = FashionMnist.load();
                int m = s.integer("fashion_train");
                int nTest = s.integer("fashion_test");
                int pos = (int) Math.round(inst.positiveFraction() * m);
                int testPos = (int) Math.round(inst.positiveFraction() * nTest);
                int pool = s.integer("pool");
                train = FashionMnist.binary(fm.train(), inst.positiveClass(), inst.negativeClass(), pos, m - pos, pool, rng);
                test = FashionMnist.binary(fm.test(), inst.positiveClass(), inst.negativeClass(), testPos, nTest - testPos, pool,
                        rng);
                net = new Mlp(train.dim(), new int[] {s.integer("fashion_width")}, Activation.RELU, true);
                lr = s.real("fashion_lr");
            } else {
                train = c13(s.integer("c13_train"), rng);
                test = c13(s.integer("c13_test"), rng);
                int[] widths = new int[s.integer("c13_depth")];
                java.util.Arrays.fill(widths, s.integer("c13_width"));
                net = new Mlp(2, widths, Activation.RELU, true);
                lr = s.real("c13_lr");
            }
            Classification shuffled = shuffle(train, inst.shuffleFraction(), rng);
            double[] theta0 = net.initialize(Init.HE, rng);
            long maxSteps = s.integer("max_steps");
            int every = s.integer("check_every");
            HeldOutTraining.Fit fitShuffled = HeldOutTraining.fitAll(net, shuffled, theta0, Adam.withDefaults(lr), maxSteps, every);
            HeldOutTraining.Fit fitTrue = HeldOutTraining.fitAll(net, train, theta0, Adam.withDefaults(lr), maxSteps, every);

            double p = positiveFraction(test);
            double baseline = Math.max(p, 1 - p);
            double accShuffled = HeldOutTraining.accuracy(net, fitShuffled.theta(), test);
            double accTrue = HeldOutTraining.accuracy(net, fitTrue.theta(), test);
            double agreement = agreement(train, shuffled);
            double lift = accShuffled - baseline;
            double trueLift = accTrue - baseline;
            TrialResult.Builder r = TrialResult.of(trial).instance(inst.toString())
                    .metric("trainAccuracyShuffled", HeldOutTraining.accuracy(net, fitShuffled.theta(), shuffled))
                    .metric("stepsToFit", fitShuffled.steps())
                    .metric("testAccuracyShuffled", accShuffled)
                    .metric("testAccuracyTrue", accTrue)
                    .metric("baseline", baseline)
                    .metric("labelAgreement", agreement)
                    .metric("lift", lift)
                    .metric("trueLift", trueLift)
                    .metric("liftFraction", lift / trueLift)
                    .metric("images", inst.images() ? 1 : 0)
                    .metric("shuffleFraction", inst.shuffleFraction())
                    .metric("positiveFraction", p);
            String nums = String.format(Locale.ROOT,
                    "test accuracy %.4f after fitting shuffled labels in %d steps, %.4f with true labels, baseline %.4f "
                            + "(lift %.4f vs %.4f)", accShuffled, fitShuffled.steps(), accTrue, baseline, lift, trueLift);
            if (fitShuffled.diverged() || fitTrue.diverged()) {
                return r.outcome(Outcome.INCONCLUSIVE, Double.NaN, "training diverged; " + nums);
            }
            if (!fitShuffled.fitted()) {
                return r.outcome(Outcome.INCONCLUSIVE, Double.NaN, "shuffled labels not fitted within " + maxSteps + " steps; " + nums);
            }
            if (trueLift < MIN_TRUE_LIFT) {
                return r.outcome(Outcome.INCONCLUSIVE, lift / trueLift, "true-label network lifts only " + trueLift + "; " + nums);
            }
            double fraction = lift / trueLift;
            return r.decide(fraction, fraction <= LIFT_FRACTION,
                    String.format(Locale.ROOT, "shuffled-label network recovers %.3f of the true-label lift (≤ %.1f passes); %s",
                            fraction, LIFT_FRACTION, nums));
        }

        /** Exercise C.13: x uniform on [−1, 1]², label sign(x₁). */
        static Classification c13(int n, Rng rng) {
            Mat x = new Mat(n, 2);
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                double x1 = rng.uniform(-1, 1);
                x.set(i, 0, x1);
                x.set(i, 1, rng.uniform(-1, 1));
                y[i] = x1 > 0 ? 1 : -1;
            }
            return new Classification(x, y);
        }

        /** Permutes the labels of a random {@code fraction} of the examples among themselves. */
        static Classification shuffle(Classification data, double fraction, Rng rng) {
            int m = data.examples();
            int k = (int) Math.round(fraction * m);
            int[] chosen = java.util.Arrays.copyOf(rng.permutation(m), k);
            int[] perm = rng.permutation(k);
            double[] y = data.y().clone();
            for (int j = 0; j < k; j++) {
                y[chosen[j]] = data.label(chosen[perm[j]]);
            }
            return new Classification(data.x(), y);
        }

        static double positiveFraction(Classification c) {
            double pos = 0;
            for (double v : c.y()) {
                pos += v > 0 ? 1 : 0;
            }
            return pos / c.examples();
        }

        static double agreement(Classification a, Classification b) {
            double same = 0;
            for (int i = 0; i < a.examples(); i++) {
                same += a.label(i) == b.label(i) ? 1 : 0;
            }
            return same / a.examples();
        }

        @Override
        public List<Chart> charts(Evidence e) {
            List<Chart.Series> series = new ArrayList<>();
            series.add(ClaimCharts.scatter(e, "testAccuracyTrue", "testAccuracyShuffled"));
            Chart.Series base = ClaimCharts.scatter(e, "testAccuracyTrue", "baseline");
            series.add(Chart.Series.points("best constant classifier", base.x(), base.y()));
            series.add(Chart.Series.line("y = x", new double[] {0.5, 1.0}, new double[] {0.5, 1.0}));
            return List.of(new Chart(e.arm() + "-accuracy", "Test accuracy on true labels: network fitted to "
                    + String.format(Locale.ROOT, "%.0f%%-shuffled", 100 * e.trials().get(0).metrics().get("shuffleFraction"))
                    + " labels vs the same network fitted to true labels (" + e.arm() + ")",
                    "test accuracy, trained on true labels", "test accuracy", false, false, series));
        }

        @Override
        public String keyNumber(Evidence e) {
            double worst = e.trials().stream().mapToDouble(t -> t.metrics().get("liftFraction")).max().orElse(Double.NaN);
            double imbalanced = e.trials().stream().filter(t -> t.metrics().get("positiveFraction") > 0.6)
                    .mapToDouble(t -> t.metrics().get("testAccuracyShuffled")).average().orElse(Double.NaN);
            return String.format(Locale.ROOT,
                    "largest shuffled/true lift fraction %.3f (≤ %.1f passes); mean test accuracy on 75/25 draws %.3f "
                            + "(answer key's 1/K: 0.5)", worst, LIFT_FRACTION, imbalanced);
        }
    }

    // ------------------------------------------------------------------------------------------
    // book.A.13
    // ------------------------------------------------------------------------------------------

    /**
     * With {@code tasks: alternate}, even trials a Fashion-MNIST class pair and odd trials Gaussian
     * linear regression; with {@code tasks: regression}, regression only.
     */
    record StopInstance(boolean images, int positiveClass, int negativeClass, long dataSeed) {
        @Override
        public String toString() {
            return images
                    ? String.format(Locale.ROOT, "Fashion-MNIST %s vs %s, dataSeed=%d", FashionMnist.CLASS_NAMES[positiveClass],
                            FashionMnist.CLASS_NAMES[negativeClass], dataSeed)
                    : String.format(Locale.ROOT, "Gaussian linear regression, dataSeed=%d", dataSeed);
        }
    }

    /** Stops at the first validation minimum and compares the test loss there with the run's test minimum. */
    static final class ValidationStopping implements InstanceCheck<StopInstance>, ClaimRunner.KeyNumber {
        /** Round-off allowance on the test loss (see the claim file). */
        static final double REL_TOL = 1e-9;

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
            return r.decide(excess, excess <= REL_TOL, String.format(Locale.ROOT,
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
            Stepper sgd = new GradientDescent(s.real("lr")).start(theta.length);
            int epochs = s.integer("epochs");
            int perEpoch = (mTrain + s.integer("batch") - 1) / s.integer("batch");
            double[] grad = new double[theta.length];
            double[] valLoss = new double[epochs + 1];
            double[] testLoss = new double[epochs + 1];
            long step = 0;
            for (int e = 0; e <= epochs; e++) {
                valLoss[e] = HeldOutTraining.logisticLoss(net, theta, val);
                testLoss[e] = HeldOutTraining.logisticLoss(net, theta, test);
                if (e == epochs || !Vec.isFinite(theta)) {
                    continue;
                }
                for (int b = 0; b < perEpoch; b++) {
                    risk.gradientOnly(theta, batches.next(), grad);
                    sgd.step(theta, grad, step++);
                }
            }
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
            double[] w = new double[d];
            double[] r = new double[m];
            double[] g = new double[d];
            double[] rv = new double[mVal];
            double[] valLoss = new double[steps + 1];
            double[] testLoss = new double[steps + 1];
            for (int t = 0; t <= steps; t++) {
                double dist = 0;
                for (int j = 0; j < d; j++) {
                    dist += (w[j] - beta[j]) * (w[j] - beta[j]);
                }
                testLoss[t] = 0.5 * (dist + sigma * sigma);
                Ops.gemv(xv, w, rv);
                double v = 0;
                for (int i = 0; i < mVal; i++) {
                    v += 0.5 * (rv[i] - yv[i]) * (rv[i] - yv[i]);
                }
                valLoss[t] = population ? testLoss[t] : v / mVal;
                if (t == steps) {
                    break;
                }
                Ops.gemv(x, w, r);
                for (int i = 0; i < m; i++) {
                    r[i] = (r[i] - y[i]) / m;
                }
                Ops.gemvT(x, r, g);
                Vec.axpyInPlace(-eta, g, w);
            }
            return new double[][] {valLoss, testLoss};
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
            long misses = e.trials().stream().filter(t -> t.metrics().get("relativeExcessTestLoss") > REL_TOL).count();
            double[] ex = e.trials().stream().mapToDouble(t -> t.metrics().get("relativeExcessTestLoss")).sorted().toArray();
            return String.format(Locale.ROOT, "%d of %d runs stop where the test loss is not minimal; relative excess "
                    + "test loss median %.3g, largest %.3g", misses, ex.length, ex.length == 0 ? Double.NaN : ex[ex.length / 2],
                    ex.length == 0 ? Double.NaN : ex[ex.length - 1]);
        }
    }
}
