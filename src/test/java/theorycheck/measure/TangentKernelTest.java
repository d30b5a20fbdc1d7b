package theorycheck.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import theorycheck.data.Rng;
import theorycheck.linalg.Mat;
import theorycheck.model.LinearModel;
import theorycheck.model.TwoLayerNtkNet;

class TangentKernelTest {

    @Test
    void linearModelKernelIsTheInputGram() {
        Rng rng = new Rng(1);
        Mat x = new Mat(5, 3, rng.gaussianVector(15, 1.0));
        LinearModel model = new LinearModel(3);
        Mat k = TangentKernel.gram(model, rng.gaussianVector(model.numParams(), 1.0), x, x);
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                double dot = 0;
                for (int q = 0; q < 3; q++) {
                    dot += x.get(i, q) * x.get(j, q);
                }
                assertEquals(dot, k.get(i, j), 1e-12);
            }
        }
    }

    @Test
    void gramIsJacobianProductFromFiniteDifferences() {
        Rng rng = new Rng(2);
        TwoLayerNtkNet net = new TwoLayerNtkNet(3, 8);
        double[] theta = net.initialize(rng);
        Mat a = new Mat(3, 3, rng.gaussianVector(9, 1.0));
        Mat b = new Mat(2, 3, rng.gaussianVector(6, 1.0));
        Mat k = TangentKernel.gram(net, theta, a, b);
        double[][] ja = fdJacobian(net, theta, a);
        double[][] jb = fdJacobian(net, theta, b);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                double s = 0;
                for (int p = 0; p < theta.length; p++) {
                    s += ja[i][p] * jb[j][p];
                }
                assertEquals(s, k.get(i, j), 1e-5 * (1 + Math.abs(s)));
            }
        }
    }

    private static double[][] fdJacobian(TwoLayerNtkNet net, double[] theta, Mat x) {
        double h = 1e-6;
        double[][] j = new double[x.rows()][theta.length];
        for (int p = 0; p < theta.length; p++) {
            double[] tp = theta.clone();
            double[] tm = theta.clone();
            tp[p] += h;
            tm[p] -= h;
            double[] fp = new double[x.rows()];
            double[] fm = new double[x.rows()];
            net.predict(tp, x, null, fp);
            net.predict(tm, x, null, fm);
            for (int i = 0; i < x.rows(); i++) {
                j[i][p] = (fp[i] - fm[i]) / (2 * h);
            }
        }
        return j;
    }
}
