package theorycheck.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import theorycheck.data.Rng;
import theorycheck.linalg.Mat;

class TwoLayerNtkNetTest {

    @Test
    void pullbackMatchesCentralDifferences() {
        Rng rng = new Rng(7);
        TwoLayerNtkNet net = new TwoLayerNtkNet(3, 6);
        double[] theta = net.initialize(rng);
        Mat x = new Mat(4, 3, rng.gaussianVector(12, 1.0));
        double[] coef = rng.gaussianVector(4, 1.0);
        double[] grad = new double[net.numParams()];
        net.pullback(theta, x, null, coef, grad);
        double h = 1e-6;
        for (int p = 0; p < theta.length; p++) {
            double[] tp = theta.clone();
            double[] tm = theta.clone();
            tp[p] += h;
            tm[p] -= h;
            double[] fp = new double[4];
            double[] fm = new double[4];
            net.predict(tp, x, null, fp);
            net.predict(tm, x, null, fm);
            double fd = 0;
            for (int i = 0; i < 4; i++) {
                fd += coef[i] * (fp[i] - fm[i]) / (2 * h);
            }
            assertEquals(fd, grad[p], 1e-6, "parameter " + p);
        }
    }

    @Test
    void predictIsTheNtkParametrizedSum() {
        TwoLayerNtkNet net = new TwoLayerNtkNet(2, 4);
        // w_j = e1, −e1, e2, −e2; a = 1, 2, 3, 4; x = (1, −2): relu = 1, 0, 0, 2 → (1 + 8)/√4
        double[] theta = {1, 0, -1, 0, 0, 1, 0, -1, 1, 2, 3, 4};
        double[] out = new double[1];
        net.predict(theta, Mat.ofRows(new double[] {1, -2}), null, out);
        assertEquals(4.5, out[0], 1e-12);
    }

    @Test
    void activationFlipsCountsUnitInputPairsThatChangeSide() {
        TwoLayerNtkNet net = new TwoLayerNtkNet(2, 2);
        double[] theta0 = {1, 0, 0, 1, 1, 1};
        // unit 1 turns from e1 to −e1; unit 2 is tilted but keeps its sign on both inputs
        double[] theta = {-1, 0, 0.1, 1, 5, 5};
        Mat x = Mat.ofRows(new double[] {1, 1}, new double[] {2, -0.5});
        // x1: unit 1 flips (1 → −1), unit 2 stays (1 → 1.1); x2: unit 1 flips (2 → −2),
        // unit 2 stays inactive (−0.5 → −0.3)
        assertEquals(2, net.activationFlips(theta0, theta, x));
        assertEquals(0, net.activationFlips(theta0, theta0, x));
    }

    @Test
    void unbiasedStartIsTheZeroFunction() {
        Rng rng = new Rng(3);
        TwoLayerNtkNet net = new TwoLayerNtkNet(5, 10);
        double[] theta = net.initializeUnbiased(rng);
        Mat x = new Mat(6, 5, rng.gaussianVector(30, 1.0));
        double[] out = new double[6];
        net.predict(theta, x, null, out);
        for (double v : out) {
            assertEquals(0.0, v, 1e-12);
        }
    }
}
