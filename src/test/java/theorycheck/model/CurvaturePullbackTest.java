package theorycheck.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import theorycheck.data.RandomDesigns;
import theorycheck.data.Rng;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Vec;

/**
 * Contract of {@link TwiceDifferentiable#curvaturePullback} beyond the finite-difference checks in
 * measure/HessianVectorProductTest: the Gauss–Newton part alone is JᵀDJ v, models that compute the
 * same function agree, and linearity in the coefficients.
 */
class CurvaturePullbackTest {
    private static final long SEED = 4242L;

    @Test
    void gaussNewtonPartIsJacobianTransposeTimesJacobianVectorProduct() {
        Rng rng = new Rng(SEED);
        Mlp net = new Mlp(3, new int[] {4, 3}, Activation.TANH, true);
        Mat x = RandomDesigns.gaussian(5, 3, 1.0, rng.split());
        double[] theta = net.initialize(Init.STANDARD, rng.split());
        double[] v = rng.gaussianVector(theta.length, 1.0);
        double[] w = rng.gaussianVector(5, 1.0);
        double[] out = new double[theta.length];
        net.curvaturePullback(theta, x, null, new double[5], w, v, out);
        // Σ_i w_i ⟨∇f_i, v⟩ ∇f_i from per-row gradients
        double[] expected = new double[theta.length];
        double[] g = new double[theta.length];
        for (int i = 0; i < 5; i++) {
            net.pullback(theta, x, new int[] {i}, new double[] {1}, g);
            Vec.axpyInPlace(w[i] * Vec.dot(g, v), g, expected);
        }
        assertEquals(0.0, Vec.distance(out, expected) / Vec.norm2(expected), 1e-13);
    }

    @Test
    void depthOneBiasFreeMlpMatchesTheLinearModel() {
        Rng rng = new Rng(SEED + 1);
        Mat x = RandomDesigns.gaussian(6, 4, 1.0, rng.split());
        double[] theta = rng.gaussianVector(4, 1.0);
        double[] v = rng.gaussianVector(4, 1.0);
        double[] coef = rng.gaussianVector(6, 1.0);
        double[] gn = rng.gaussianVector(6, 1.0);
        double[] a = new double[4];
        double[] b = new double[4];
        new Mlp(4, new int[] {}, Activation.RELU, false).curvaturePullback(theta, x, null, coef, gn, v, a);
        new LinearModel(4).curvaturePullback(theta, x, null, coef, gn, v, b);
        assertArrayEquals(b, a, 1e-14);
    }

    @Test
    void depthOneDiagonalNetIsLinearInItsParameters() {
        // β = u − v: no model curvature, so the coef part contributes nothing
        Rng rng = new Rng(SEED + 2);
        Mat x = RandomDesigns.gaussian(5, 3, 1.0, rng.split());
        DiagonalLinearNet net = new DiagonalLinearNet(3, 1);
        double[] theta = rng.gaussianVector(6, 1.0);
        double[] out = new double[6];
        net.curvaturePullback(theta, x, null, rng.gaussianVector(5, 1.0), new double[5], rng.gaussianVector(6, 1.0), out);
        assertArrayEquals(new double[6], out, 0.0);
    }

    @Test
    void outputMustNotAliasTheDirection() {
        Mlp net = new Mlp(2, new int[] {2}, Activation.GELU, true);
        double[] theta = new double[net.numParams()];
        Mat x = new Mat(1, 2);
        assertThrows(IllegalArgumentException.class,
                () -> net.curvaturePullback(theta, x, null, new double[1], new double[1], theta, theta));
    }
}
