package theorycheck.model;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import theorycheck.data.RandomDesigns;
import theorycheck.data.Rng;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Vec;
import theorycheck.loss.GradientCheck;

class DiagonalLinearNetTest {
    private static final long SEED = 20261122L;

    /** Central differences with h = 1e-6 agree with an exact vector–Jacobian product to ~1e-9 relative. */
    private static final double PULLBACK_TOL = 1e-7;

    @Test
    void effectiveWeightsAreUToTheDMinusVToTheD() {
        // θ = (u, v) = (2, −1, 3 | 1, 1, 2), D = 3: β = (8 − 1, −1 − 1, 27 − 8) = (7, −2, 19).
        DiagonalLinearNet net = new DiagonalLinearNet(3, 3);
        assertArrayEquals(new double[] {7, -2, 19}, net.effectiveWeights(new double[] {2, -1, 3, 1, 1, 2}), 0.0);
    }

    @Test
    void uniformInitGivesZeroWeights() {
        DiagonalLinearNet net = new DiagonalLinearNet(4, 2);
        double[] theta = net.uniformInit(0.7);
        assertEquals(8, theta.length);
        assertArrayEquals(new double[4], net.effectiveWeights(theta), 0.0);
    }

    @Test
    void predictIsInnerProductWithEffectiveWeights() {
        Rng rng = new Rng(SEED);
        DiagonalLinearNet net = new DiagonalLinearNet(3, 2);
        Mat x = RandomDesigns.gaussian(4, 3, 1.0, rng.split());
        double[] theta = rng.gaussianVector(6, 1.0);
        double[] beta = net.effectiveWeights(theta);
        double[] out = new double[2];
        net.predict(theta, x, new int[] {3, 1}, out);
        assertEquals(Vec.dot(x.row(3), beta), out[0], 1e-15);
        assertEquals(Vec.dot(x.row(1), beta), out[1], 1e-15);
    }

    @Test
    void pullbackIsTheVectorJacobianProductDepthTwo() {
        assertPullbackMatchesFiniteDifferences(2, SEED + 1);
    }

    @Test
    void pullbackIsTheVectorJacobianProductDepthThree() {
        assertPullbackMatchesFiniteDifferences(3, SEED + 2);
    }

    @Test
    void rejectsDepthZeroAndEmptyDimension() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DiagonalLinearNet(3, 0));
        assertThat(e.getMessage(), containsString("depth"));
        assertThrows(IllegalArgumentException.class, () -> new DiagonalLinearNet(0, 2));
    }

    /** Σ_i c_i ∂f(x_i)/∂θ against central differences of θ ↦ Σ_i c_i f_θ(x_i). */
    private static void assertPullbackMatchesFiniteDifferences(int depth, long seed) {
        Rng rng = new Rng(seed);
        DiagonalLinearNet net = new DiagonalLinearNet(4, depth);
        Mat x = RandomDesigns.gaussian(5, 4, 1.0, rng.split());
        int[] rows = {4, 0, 2};
        double[] coef = rng.gaussianVector(3, 1.0);
        double[] theta = rng.gaussianVector(8, 1.0);
        assertThat(GradientCheck.pullbackError(net, theta, x, rows, coef), lessThanOrEqualTo(PULLBACK_TOL));
    }
}
