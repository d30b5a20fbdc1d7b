package theorycheck.claims.sharpness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import theorycheck.claim.Chart;
import theorycheck.claim.ClaimRunner;
import theorycheck.claim.Evidence;
import theorycheck.claim.InstanceCheck;
import theorycheck.claim.Outcome;
import theorycheck.claim.Trial;
import theorycheck.claim.TrialResult;
import theorycheck.claims.support.ClaimCharts;
import theorycheck.data.RandomDesigns;
import theorycheck.data.Regression;
import theorycheck.data.Rng;
import theorycheck.linalg.Mat;
import theorycheck.linalg.SymmetricEigen;
import theorycheck.loss.EmpiricalRisk;
import theorycheck.loss.SquaredLoss;
import theorycheck.measure.FullHessian;
import theorycheck.model.Activation;
import theorycheck.model.DiagonalLinearNet;
import theorycheck.model.Mlp;

/**
 * book.A.5: pairs of minima at (essentially) the same training loss; the statement predicts that the
 * one with the smaller λmax has the strictly smaller test loss.
 * <ul>
 *   <li>claim arm: a trained ReLU net and its layer rescaling (same function), and two independently
 *       trained ReLU nets stopped at the same training loss, the better one rescaled until it is the
 *       sharper;
 *   <li>control: diagonal linear nets on sparse regression trained to interpolation from a small and
 *       a large initialization scale, where curvature and generalization are tied to the same
 *       property of the solution (its sparsity).
 * </ul>
 */
final class SharpnessGeneralization {
    private SharpnessGeneralization() {
    }

    /** One compared pair: training losses, λmax and test losses of both members. */
    record Pair(String name, double trainA, double trainB, double lambdaA, double lambdaB, double testA, double testB) {
        /** Test loss of the flatter member minus that of the sharper (≥ 0: the flatter is not better). */
        double flatterMinusSharper() {
            return lambdaA <= lambdaB ? testA - testB : testB - testA;
        }

        /** The statement's prediction on this pair: the flatter member generalizes strictly better. */
        boolean statementHolds(double tol) {
            return flatterMinusSharper() < -tol * Math.max(Math.abs(testA), Math.abs(testB));
        }

        double trainGap() {
            return Math.abs(trainA - trainB) / Math.max(trainA, trainB);
        }

        String describe() {
            return String.format(Locale.ROOT, "%s: train %.4g / %.4g, λmax %.4g / %.4g, test %.6g / %.6g", name, trainA,
                    trainB, lambdaA, lambdaB, testA, testB);
        }
    }

    static double lambdaMax(EmpiricalRisk risk, double[] theta) {
        return SymmetricEigen.decompose(FullHessian.of(risk, theta)).max();
    }

    /**
     * One trial's pairs; the setting's {@code pairs} chooses them: {@code relu_rescaled} (the claim) or
     * {@code diagonal_nets} (the control).
     */
    static final class MinimaPairs implements InstanceCheck<MinimaPairs.Instance>, ClaimRunner.KeyNumber {
        /** A trained ReLU-net instance, or (net == null) the seed of a diagonal-net instance. */
        record Instance(SharpnessTrainedNet net, long seed) {
            @Override
            public String toString() {
                return net != null ? net.toString() : "diagonal-net instance, seed " + seed;
            }
        }

        private static boolean diagonal(Trial trial) {
            return trial.setting().choice("pairs", "diagonal_nets", "relu_rescaled").equals("diagonal_nets");
        }

        @Override
        public Instance draw(Trial trial) {
            return diagonal(trial) ? new Instance(null, trial.rng().nextLong())
                    : new Instance(SharpnessTrainedNet.draw(trial, Activation.RELU, false, false), 0);
        }

        @Override
        public TrialResult check(Instance inst, Trial trial) {
            return diagonal(trial) ? diagonalPairs(inst.seed(), trial) : reluPairs(inst.net(), trial);
        }

        @Override
        public List<Chart> charts(Evidence e) {
            return pairChart(e);
        }

        @Override
        public String keyNumber(Evidence e) {
            return pairKey(e);
        }
    }

    /** The ReLU-net pairs of the claim arm. */
    static TrialResult reluPairs(SharpnessTrainedNet inst, Trial trial) {
        var s = trial.setting();
        TrialResult.Builder b = TrialResult.of(trial).instance(inst.toString());
        double eta = s.real("eta");
        double target = s.real("train_loss");
        int maxSteps = s.integer("max_steps");
        List<Pair> pairs = new ArrayList<>();
        SharpnessTrainedNet.Trained[] runs = new SharpnessTrainedNet.Trained[2];
        double[][] thetas = new double[2][];
        for (int r = 0; r < 2; r++) {
            runs[r] = inst.train(eta, 0, r); // the start only
            thetas[r] = runs[r].theta() == null ? null
                    : SharpnessNets.gdUntil(runs[r].train(), runs[r].theta(), eta, target, maxSteps);
            if (thetas[r] == null) {
                return b.outcome(Outcome.INCONCLUSIVE, Double.NaN,
                        "run " + r + " did not reach training loss " + target + " within " + maxSteps + " steps");
            }
        }
        Mlp net = runs[0].net();
        EmpiricalRisk train = runs[0].train();
        EmpiricalRisk test = runs[0].test();
        // pair 1: one net and its layer rescaling (identical function)
        double a = s.real("rescale");
        double[] scaled = SharpnessNets.layerRescale(net, thetas[0], 0, a);
        double gap = SharpnessNets.functionGap(net, thetas[0], scaled, test.x());
        pairs.add(new Pair("net vs its rescaling a=" + a, train.value(thetas[0]), train.value(scaled),
                lambdaMax(train, thetas[0]), lambdaMax(train, scaled), test.value(thetas[0]), test.value(scaled)));
        // pair 2: the better of two nets, rescaled until it is the sharper
        int better = test.value(thetas[0]) <= test.value(thetas[1]) ? 0 : 1;
        int worse = 1 - better;
        double lamWorse = lambdaMax(train, thetas[worse]);
        double[] sharpened = thetas[better];
        double used = 1;
        for (double f = 1; f <= 1024 && lambdaMax(train, sharpened) < 2 * lamWorse; f *= 2) {
            used = 2 * f;
            sharpened = SharpnessNets.layerRescale(net, thetas[better], 0, used);
        }
        pairs.add(new Pair("better net rescaled (a=" + used + ") vs the other net", train.value(sharpened),
                train.value(thetas[worse]), lambdaMax(train, sharpened), lamWorse, test.value(sharpened),
                test.value(thetas[worse])));
        return judge(b, pairs, s.real("max_train_gap"), s.real("strict_tol"), gap);
    }

    /** The diagonal-linear-net pairs of the control. */
    static TrialResult diagonalPairs(long seed, Trial trial) {
        var s = trial.setting();
        int n = s.integer("dln_n");
        int d = s.integer("dln_d");
        TrialResult.Builder b = TrialResult.of(trial).instance(String.format(Locale.ROOT,
                "depth-2 diagonal linear net, d=%d, n=%d, %d-sparse truth, seed %d", d, n, s.integer("dln_k"), seed));
        Rng rng = new Rng(seed);
        Regression data = Regression.gaussian(n, d, s.integer("dln_k"), 0.0, rng.split());
        Mat xTest = RandomDesigns.gaussian(SharpnessTrainedNet.TEST_SIZE, d, 1.0, rng.split());
        double[] yTest = RandomDesigns.linearTargets(xTest, data.truth(), 0.0, rng.split());
        DiagonalLinearNet model = new DiagonalLinearNet(d, 2);
        EmpiricalRisk train = new EmpiricalRisk(model, SquaredLoss.INSTANCE, data.x(), data.y());
        EmpiricalRisk test = new EmpiricalRisk(model, SquaredLoss.INSTANCE, xTest, yTest);
        double[] alphas = s.reals("dln_alphas");
        double[][] thetas = new double[2][];
        for (int k = 0; k < 2; k++) {
            thetas[k] = SharpnessNets.gdUntil(train, model.uniformInit(alphas[k]), s.real("dln_eta"),
                    s.real("dln_train_loss"), s.integer("dln_max_steps"));
            if (thetas[k] == null) {
                return b.outcome(Outcome.INCONCLUSIVE, Double.NaN, "α = " + alphas[k] + " did not interpolate");
            }
        }
        List<Pair> pairs = List.of(new Pair("α=" + alphas[0] + " vs α=" + alphas[1], train.value(thetas[0]),
                train.value(thetas[1]), lambdaMax(train, thetas[0]), lambdaMax(train, thetas[1]),
                test.value(thetas[0]), test.value(thetas[1])));
        return judge(b, pairs, Double.POSITIVE_INFINITY, s.real("strict_tol"), 0);
    }

    /**
     * FAIL (the statement is contradicted) when a pair at matched training loss has a flatter member that
     * is not strictly better on the test set; pairs whose training losses differ by more than
     * maxTrainGap (relative) are not matched and are not judged.
     */
    static TrialResult judge(TrialResult.Builder b, List<Pair> pairs, double maxTrainGap, double strictTol,
            double functionGap) {
        int judged = 0;
        int violated = 0;
        double worst = Double.NEGATIVE_INFINITY;
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            Pair p = pairs.get(i);
            b.metric("pair" + i + "TrainGap", p.trainGap()).metric("pair" + i + "LambdaRatio", p.lambdaB() / p.lambdaA())
                    .metric("pair" + i + "FlatterMinusSharperTest", p.flatterMinusSharper());
            notes.add(p.describe());
            if (p.trainGap() > maxTrainGap) {
                notes.add("(not judged: training losses differ by " + String.format(Locale.ROOT, "%.1e", p.trainGap()) + ")");
                continue;
            }
            judged++;
            worst = Math.max(worst, p.flatterMinusSharper());
            if (!p.statementHolds(strictTol)) {
                violated++;
            }
        }
        b.metric("functionGap", functionGap).metric("pairsJudged", judged).metric("pairsViolating", violated);
        if (judged == 0) {
            return b.outcome(Outcome.INCONCLUSIVE, Double.NaN, "no pair at matched training loss; " + String.join("; ", notes));
        }
        return b.decide(worst, violated == 0, String.format(Locale.ROOT, "%d of %d matched pairs contradict it; %s",
                violated, judged, String.join("; ", notes)));
    }

    static List<Chart> pairChart(Evidence e) {
        List<Chart.Series> series = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Chart.Series sc = ClaimCharts.scatter(e, "pair" + i + "LambdaRatio", "pair" + i + "FlatterMinusSharperTest");
            series.add(SharpnessScale.rename(sc, "pair " + (i + 1)));
        }
        return List.of(new Chart(e.arm() + "-pairs", "Matched-loss pairs: λmax ratio vs test-loss advantage of the flatter ("
                + e.arm() + ")", "λmax(second) / λmax(first)", "test(flatter) − test(sharper); < 0 supports the statement",
                true, false, series));
    }

    static String pairKey(Evidence e) {
        String head = String.format(Locale.ROOT, "test(flatter) − test(sharper): pair 1 %.3g to %.3g",
                SharpnessRescaling.stat(e, "pair0FlatterMinusSharperTest", false),
                SharpnessRescaling.stat(e, "pair0FlatterMinusSharperTest", true));
        double lo = SharpnessRescaling.stat(e, "pair1FlatterMinusSharperTest", false);
        return Double.isNaN(lo) ? head : head + String.format(Locale.ROOT, ", pair 2 %.3g to %.3g", lo,
                SharpnessRescaling.stat(e, "pair1FlatterMinusSharperTest", true));
    }
}
