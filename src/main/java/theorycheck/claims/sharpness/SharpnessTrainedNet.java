package theorycheck.claims.sharpness;

import java.util.Locale;
import theorycheck.claim.Trial;
import theorycheck.data.Rng;
import theorycheck.linalg.Mat;
import theorycheck.loss.EmpiricalRisk;
import theorycheck.loss.LogisticLoss;
import theorycheck.loss.Loss;
import theorycheck.loss.SquaredLoss;
import theorycheck.model.Activation;
import theorycheck.model.Init;
import theorycheck.model.Mlp;

/**
 * A two-layer net trained by full-batch GD on teacher data (targets for the squared loss, their
 * signs for the logistic loss), with a held-out test set from the same teacher: the "trained
 * network" of the rescaling claims.
 */
record SharpnessTrainedNet(int n, int d, int width, Activation activation, boolean bias, boolean logistic,
        long dataSeed) {
    /** Size of the held-out set drawn from the same teacher. */
    static final int TEST_SIZE = 200;

    static SharpnessTrainedNet draw(Trial trial, Activation activation, boolean bias, boolean logistic) {
        var s = trial.setting();
        Rng rng = trial.rng();
        int[] wr = s.intRange("width");
        return new SharpnessTrainedNet(s.integer("n"), s.integer("d"), rng.intBetween(wr[0], wr[1]), activation, bias,
                logistic, rng.nextLong());
    }

    /** The trained parameters with the train and test objectives; theta == null if GD diverged. */
    record Trained(Mlp net, EmpiricalRisk train, EmpiricalRisk test, double[] theta) {
    }

    Trained train(double eta, int steps) {
        return train(eta, steps, 0);
    }

    /** Trains from the start with index {@code restart} (0, 1, …: independent initializations, same data). */
    Trained train(double eta, int steps, int restart) {
        Rng rng = new Rng(dataSeed);
        Mat x = SharpnessNets.inputs(n + TEST_SIZE, d, rng.split());
        double[] f = SharpnessNets.teacherTargets(x, rng.split());
        double[] y = f;
        if (logistic) {
            y = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                y[i] = f[i] >= 0 ? 1.0 : -1.0;
            }
        }
        int[] trainRows = new int[n];
        int[] testRows = new int[TEST_SIZE];
        for (int i = 0; i < n; i++) {
            trainRows[i] = i;
        }
        for (int i = 0; i < TEST_SIZE; i++) {
            testRows[i] = n + i;
        }
        Mlp net = new Mlp(d, new int[] {width}, activation, bias);
        Loss loss = logistic ? LogisticLoss.INSTANCE : SquaredLoss.INSTANCE;
        EmpiricalRisk train = new EmpiricalRisk(net, loss, theorycheck.linalg.Ops.selectRows(x, trainRows),
                theorycheck.linalg.Ops.selectEntries(y, trainRows));
        EmpiricalRisk test = new EmpiricalRisk(net, loss, theorycheck.linalg.Ops.selectRows(x, testRows),
                theorycheck.linalg.Ops.selectEntries(y, testRows));
        Rng init = rng.split();
        double[] start = null;
        for (int r = 0; r <= restart; r++) {
            start = net.initialize(Init.STANDARD, init.split());
        }
        if (bias) {
            Rng b = init.split();
            for (int l = 0; l < net.depth(); l++) {
                int o = net.biasOffset(l).getAsInt();
                for (int r = 0; r < net.fanOut(l); r++) {
                    start[o + r] = 0.1 * b.gaussian();
                }
            }
        }
        return new Trained(net, train, test, SharpnessNets.gd(train, start, eta, steps));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "2-layer %s net d=%d width=%d bias=%s, %s loss on n=%d teacher %s, dataSeed=%d",
                activation.key(), d, width, bias, logistic ? "logistic" : "squared", n, logistic ? "labels" : "targets",
                dataSeed);
    }
}
