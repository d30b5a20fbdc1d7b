package theorycheck.loss;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import theorycheck.data.RandomDesigns;
import theorycheck.data.Rng;
import theorycheck.linalg.Mat;

class QuadraticTest {
    private static final long SEED = 20261122L;

    /** Central differences are exact for a quadratic up to rounding, ~ε·|f|/h ≈ 1e-10. */
    private static final double GRADIENT_TOL = 1e-8;

    @Test
    void gradientMatchesFiniteDifferences() {
        Rng rng = new Rng(SEED);
        Mat a = RandomDesigns.symmetricWithEigenvalues(4, rng.split(), 3.0, 1.0, 0.5, 0.0);
        Quadratic q = new Quadratic(a, rng.gaussianVector(4, 1.0));
        assertThat(GradientCheck.objectiveError(q, rng.gaussianVector(4, 1.0), null), lessThanOrEqualTo(GRADIENT_TOL));
    }

    @Test
    void handComputedValueAndGradient() {
        // A = diag(2, 4), θ* = (1, −1), θ = (2, 1): d = (1, 2), L = ½(2·1 + 4·4) = 9, ∇L = (2, 8).
        Quadratic q = new Quadratic(Mat.ofRows(new double[] {2, 0}, new double[] {0, 4}), new double[] {1, -1});
        double[] g = new double[2];
        assertEquals(9.0, q.valueAndGradient(new double[] {2, 1}, null, g), 0.0);
        assertArrayEquals(new double[] {2, 8}, g, 0.0);
    }

    @Test
    void minimizerHasZeroValueAndGradient() {
        Rng rng = new Rng(SEED + 1);
        Mat a = RandomDesigns.symmetricWithEigenvalues(3, rng.split(), 2.0, 1.0, 0.1);
        double[] center = rng.gaussianVector(3, 1.0);
        Quadratic q = new Quadratic(a, center);
        double[] g = new double[3];
        assertEquals(0.0, q.valueAndGradient(q.minimizer(), null, g), 0.0);
        assertArrayEquals(new double[3], g, 0.0);
    }

    @Test
    void rejectsMismatchedShapes() {
        assertThrows(IllegalArgumentException.class, () -> new Quadratic(Mat.identity(3), new double[2]));
        assertThrows(IllegalArgumentException.class, () -> new Quadratic(new Mat(2, 3), new double[2]));
    }
}
