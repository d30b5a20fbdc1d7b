package theorycheck.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static theorycheck.linalg.Refusals.assertMessage;

import org.junit.jupiter.api.Test;
import theorycheck.data.Rng;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Ops;

class KernelRegressionTest {

    @Test
    void rejectsARidgeThatIsNotAFiniteNonNegativeNumber() {
        Mat k = Mat.identity(2);
        for (double bad : new double[] {-1e-3, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertMessage("ridge must be finite and ≥ 0, got " + bad,
                    () -> KernelRegression.coefficients(k, new double[2], bad));
        }
    }

    /** With the linear kernel XXᵀ and h₀ = ⟨w₀, x⟩ the predictor is that of the closest interpolant to w₀. */
    @Test
    void linearKernelGivesTheClosestInterpolant() {
        Rng rng = new Rng(4);
        int n = 5, d = 9;
        Mat x = new Mat(n, d, rng.gaussianVector(n * d, 1.0));
        double[] y = rng.gaussianVector(n, 1.0);
        double[] w0 = rng.gaussianVector(d, 0.5);
        Mat k = Ops.multTransB(x, x, null);
        double[] f0 = Ops.gemv(x, w0, null);
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = y[i] - f0[i];
        }
        double[] c = KernelRegression.coefficients(k, r, 0);
        Mat xt = new Mat(3, d, rng.gaussianVector(3 * d, 1.0));
        double[] pred = KernelRegression.predict(Ops.multTransB(xt, x, null), c, Ops.gemv(xt, w0, null));
        double[] w = MinNorm.closestInterpolant(x, y, w0);
        double[] ref = Ops.gemv(xt, w, null);
        for (int t = 0; t < 3; t++) {
            assertEquals(ref[t], pred[t], 1e-9);
        }
        // training points are interpolated, and cᵀKc = ‖w − w₀‖²
        double[] train = KernelRegression.predict(k, c, f0);
        for (int i = 0; i < n; i++) {
            assertEquals(y[i], train[i], 1e-9);
        }
        double dist2 = 0;
        for (int q = 0; q < d; q++) {
            dist2 += (w[q] - w0[q]) * (w[q] - w0[q]);
        }
        assertEquals(dist2, KernelRegression.rkhsNormSquared(k, c), 1e-9);
    }

    @Test
    void ridgeShiftsTheDiagonal() {
        Mat k = Mat.ofRows(new double[] {2, 0}, new double[] {0, 3});
        double[] c = KernelRegression.coefficients(k, new double[] {3, 8}, 1.0);
        assertEquals(1.0, c[0], 1e-12);
        assertEquals(2.0, c[1], 1e-12);
    }

    /**
     * With the linear kernel XXᵀ, kernel GD in function space is GD on ½‖Xw − y‖² from w = 0 in
     * weight space: after T steps of step η its prediction at a test point x is ⟨w_T, x⟩.
     */
    @Test
    void kernelGradientDescentWithTheLinearKernelIsGradientDescentOnTheWeights() {
        Rng rng = new Rng(5);
        int n = 6, d = 11, steps = 40;
        Mat x = new Mat(n, d, rng.gaussianVector(n * d, 1.0));
        double[] y = rng.gaussianVector(n, 1.0);
        Mat xt = new Mat(4, d, rng.gaussianVector(4 * d, 1.0));
        Mat k = Ops.multTransB(x, x, null);
        double eta = 1.0 / GramSpectrum.of(x).lambdaMax() / n; // λmax(XᵀX/n)·n = λmax(XXᵀ)
        double[] w = new double[d];
        for (int t = 0; t < steps; t++) {
            double[] r = Ops.gemv(x, w, null);
            for (int i = 0; i < n; i++) {
                r[i] -= y[i];
            }
            double[] g = Ops.gemvT(x, r, null);
            for (int j = 0; j < d; j++) {
                w[j] -= eta * g[j];
            }
        }
        double[] expected = Ops.gemv(xt, w, null);
        double[] pred = KernelRegression.gradientDescentPrediction(k, Ops.multTransB(xt, x, null), y, eta, steps);
        for (int t = 0; t < expected.length; t++) {
            assertEquals(expected[t], pred[t], 1e-9 * (1 + Math.abs(expected[t])));
        }
        // no steps: the zero function
        for (double v : KernelRegression.gradientDescentPrediction(k, Ops.multTransB(xt, x, null), y, eta, 0)) {
            assertEquals(0.0, v, 1e-12);
        }
    }
}
