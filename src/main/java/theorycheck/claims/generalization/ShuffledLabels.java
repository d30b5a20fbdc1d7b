package theorycheck.claims.generalization;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import theorycheck.model.Activation;
import theorycheck.model.Init;
import theorycheck.model.Mlp;
import theorycheck.optim.Adam;
import theorycheck.optim.Optimizers;

/**
 * Trains the same network from the same start on shuffled labels and on true labels, and asks
 * whether the shuffled-label network recovers at most half of the true-label network's lift over
 * the best constant classifier on a true-labelled test set.
 */
final class ShuffledLabels implements InstanceCheck<LabelInstance>, ClaimRunner.KeyNumber {

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
        double minTrueLift = trial.setting().real("min_true_lift");
        double liftFraction = trial.setting().real("lift_fraction");
        Setting s = trial.setting();
        Rng rng = new Rng(inst.dataSeed());
        Classification train;
        Classification test;
        Mlp net;
        Adam optimizer;
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
            optimizer = Optimizers.parse(s.text("fashion_optimizer"), Adam.class);
        } else {
            train = c13(s.integer("c13_train"), rng);
            test = c13(s.integer("c13_test"), rng);
            int[] widths = new int[s.integer("c13_depth")];
            java.util.Arrays.fill(widths, s.integer("c13_width"));
            net = new Mlp(2, widths, Activation.RELU, true);
            optimizer = Optimizers.parse(s.text("c13_optimizer"), Adam.class);
        }
        Classification shuffled = shuffle(train, inst.shuffleFraction(), rng);
        double[] theta0 = net.initialize(Init.HE, rng);
        long maxSteps = s.integer("max_steps");
        int every = s.integer("check_every");
        HeldOutTraining.Fit fitShuffled = HeldOutTraining.fitAll(net, shuffled, theta0, optimizer, maxSteps, every);
        HeldOutTraining.Fit fitTrue = HeldOutTraining.fitAll(net, train, theta0, optimizer, maxSteps, every);

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
        if (trueLift < minTrueLift) {
            return r.outcome(Outcome.INCONCLUSIVE, lift / trueLift, "true-label network lifts only " + trueLift + "; " + nums);
        }
        double fraction = lift / trueLift;
        return r.decide(fraction, fraction <= liftFraction,
                String.format(Locale.ROOT, "shuffled-label network recovers %.3f of the true-label lift (≤ %.1f passes); %s",
                        fraction, liftFraction, nums));
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
        double liftFraction = e.setting().real("lift_fraction");
        double worst = e.max("liftFraction");
        double imbalanced = e.trials().stream().filter(t -> t.metrics().get("positiveFraction") > 0.6)
                .mapToDouble(t -> t.metrics().get("testAccuracyShuffled")).average().orElse(Double.NaN);
        return String.format(Locale.ROOT,
                "largest shuffled/true lift fraction %.3f (≤ %.1f passes); mean test accuracy on 75/25 draws %.3f "
                        + "(answer key's 1/K: 0.5)", worst, liftFraction, imbalanced);
    }
}
