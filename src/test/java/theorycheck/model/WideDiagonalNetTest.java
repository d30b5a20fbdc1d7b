package theorycheck.model;

import static org.hamcrest.MatcherAssert.assertThat;
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

class WideDiagonalNetTest {
    private static final long SEED = 20261122L;
    /** Central differences with h = 1e-6 on a bilinear map are exact up to ~1e-9 relative. */
    private static final double PULLBACK_TOL = 1e-7;

    @Test
    void effectiveWeightsAreTheDiagonalOfUVTransposed() {
        // d = 2, k = 2: U = [[1, 2], [3, 4]], V = [[5, 6], [7, 8]]: β = (1·5 + 2·6, 3·7 + 4·8) = (17, 53)
        WideDiagonalNet net = new WideDiagonalNet(2, 2);
        assertArrayEquals(new double[] {17, 53}, net.effectiveWeights(new double[] {1, 2, 3, 4, 5, 6, 7, 8}), 0.0);
    }

    @Test
    void pullbackIsTheVectorJacobianProduct() {
        Rng rng = new Rng(SEED);
        WideDiagonalNet net = new WideDiagonalNet(4, 3);
        Mat x = RandomDesigns.gaussian(5, 4, 1.0, rng.split());
        int[] rows = {4, 0, 2};
        double[] coef = rng.gaussianVector(3, 1.0);
        double[] theta = rng.gaussianVector(24, 1.0);
        assertThat(GradientCheck.pullbackError(net, theta, x, rows, coef), lessThanOrEqualTo(PULLBACK_TOL));
    }

    @Test
    void initHasEntryVarianceAlphaSquaredOverRootKAndBetaVarianceAlphaToTheFourth() {
        // σ² = α²/√k per entry; βᵢ(0) = Σⱼ uᵢⱼvᵢⱼ has variance kσ⁴ = α⁴ (the slides say α²)
        double alpha = 0.7;
        int k = 16, d = 4000;
        WideDiagonalNet net = new WideDiagonalNet(d, k);
        double[] theta = net.gaussianInit(alpha, new Rng(SEED + 1));
        double entryVar = Vec.dot(theta, theta) / theta.length;
        assertEquals(alpha * alpha / Math.sqrt(k), entryVar, 0.02 * entryVar);
        double[] beta = net.effectiveWeights(theta);
        double betaVar = Vec.dot(beta, beta) / d;
        // d = 4000 draws: the sample variance is within ~5 standard errors (≈ 5·√(2/d)·α⁴·(1+…)) of α⁴
        assertEquals(Math.pow(alpha, 4), betaVar, 0.15 * Math.pow(alpha, 4));
    }

    @Test
    void mirroredInitHasZeroWeightsAndTheSameEntryScale() {
        double alpha = 0.7;
        int k = 16;
        WideDiagonalNet net = new WideDiagonalNet(500, k);
        double[] theta = net.mirroredInit(alpha, new Rng(SEED + 2));
        assertArrayEquals(new double[500], net.effectiveWeights(theta), 1e-15); // u·v + u·(−v) up to summation order
        double entryVar = Vec.dot(theta, theta) / theta.length;
        assertEquals(alpha * alpha / Math.sqrt(k), entryVar, 0.05 * entryVar);
        assertThrows(IllegalArgumentException.class, () -> new WideDiagonalNet(3, 5).mirroredInit(1, new Rng(1)));
    }

    @Test
    void rejectsEmptyShapes() {
        assertThrows(IllegalArgumentException.class, () -> new WideDiagonalNet(0, 2));
        assertThrows(IllegalArgumentException.class, () -> new WideDiagonalNet(3, 0));
    }
}
