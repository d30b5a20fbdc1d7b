package theorycheck.loss;

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
import theorycheck.model.LinearModel;

class RidgePenaltyTest {
    private static final long SEED = 20261122L;
    private static final double LAMBDA = 0.3;

    /** Central differences with h = 1e-6 agree with an exact gradient to ~1e-9 relative. */
    private static final double GRADIENT_TOL = 1e-7;

    private static EmpiricalRisk base(Rng rng) {
        Mat x = RandomDesigns.gaussian(6, 4, 1.0, rng.split());
        return new EmpiricalRisk(new LinearModel(4), SquaredLoss.INSTANCE, x, rng.split().gaussianVector(6, 1.0));
    }

    @Test
    void gradientMatchesFiniteDifferencesFullBatch() {
        Rng rng = new Rng(SEED);
        RidgePenalty r = new RidgePenalty(base(rng), LAMBDA);
        assertThat(GradientCheck.objectiveError(r, rng.gaussianVector(4, 1.0), null), lessThanOrEqualTo(GRADIENT_TOL));
    }

    @Test
    void gradientMatchesFiniteDifferencesMiniBatch() {
        Rng rng = new Rng(SEED + 1);
        RidgePenalty r = new RidgePenalty(base(rng), LAMBDA);
        assertThat(GradientCheck.objectiveError(r, rng.gaussianVector(4, 1.0), new int[] {4, 0}),
                lessThanOrEqualTo(GRADIENT_TOL));
    }

    @Test
    void addsHalfLambdaSquaredNormAndLambdaTheta() {
        Rng rng = new Rng(SEED + 2);
        EmpiricalRisk b = base(rng);
        double[] theta = {1, -2, 0.5, 3}; // ‖θ‖² = 14.25
        double[] gb = new double[4];
        double vb = b.valueAndGradient(theta, null, gb);
        double[] g = new double[4];
        double v = new RidgePenalty(b, LAMBDA).valueAndGradient(theta, null, g);
        assertEquals(vb + 0.5 * LAMBDA * 14.25, v, 1e-14);
        for (int i = 0; i < 4; i++) {
            assertEquals(gb[i] + LAMBDA * theta[i], g[i], 1e-14);
        }
    }

    @Test
    void zeroLambdaLeavesTheObjectiveUnchanged() {
        Rng rng = new Rng(SEED + 3);
        EmpiricalRisk b = base(rng);
        double[] theta = rng.gaussianVector(4, 1.0);
        assertEquals(b.value(theta), new RidgePenalty(b, 0.0).value(theta), 0.0);
        assertArrayEquals(b.gradient(theta), new RidgePenalty(b, 0.0).gradient(theta), 0.0);
    }

    @Test
    void rejectsANegativeOrNonFiniteLambda() {
        EmpiricalRisk b = base(new Rng(SEED + 4));
        for (double bad : new double[] {-0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RidgePenalty(b, bad));
            assertThat(e.getMessage(), containsString("λ"));
        }
    }
}
