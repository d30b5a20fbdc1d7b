package theorycheck.reference;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static theorycheck.linalg.Refusals.assertMessage;

import org.junit.jupiter.api.Test;
import theorycheck.data.RandomDesigns;
import theorycheck.data.Rng;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Ops;
import theorycheck.linalg.Vec;

class SpectralEstimatorsTest {
    private static final long SEED = 20261122L;
    /**
     * Gaussian designs of these shapes (|n − m| ≥ 3) have κ ≲ 1e2; the spectral sum and the direct
     * solve agree to ~κ²ε relative.
     */
    private static final double RELATIVE_TOL = 1e-10;

    private static final double R = 1.7;
    private static final double SIGMA = 0.6;

    /** ‖θ̂ − rβ‖² with θ̂ from a direct solver on y = rXβ + σε. */
    private interface Solver {
        double[] solve(Mat x, double[] y);
    }

    private static double direct(Mat x, double[] beta, double[] noise, Solver solver) {
        double[] y = Vec.add(Vec.scale(R, Ops.gemv(x, beta, null)), Vec.scale(SIGMA, noise));
        return Math.pow(Vec.distance(solver.solve(x, y), Vec.scale(R, beta)), 2);
    }

    private static void agrees(int m, int n, long seed) {
        Rng rng = new Rng(seed);
        Mat x = RandomDesigns.gaussian(m, n, 1.0, rng.split());
        double[] beta = rng.split().gaussianVector(n, 1.0);
        double[] noise = rng.split().gaussianVector(m, 1.0);
        SpectralEstimators.Coordinates c = SpectralEstimators.of(x, beta, noise);
        double minNorm = direct(x, beta, noise, MinNorm::solve);
        assertThat("min-norm " + m + "x" + n, Math.abs(SpectralEstimators.excessRisk(c, R, SIGMA,
                SpectralEstimators.MIN_NORM) - minNorm) / minNorm, lessThanOrEqualTo(RELATIVE_TOL));
        double lambda = 0.3;
        double ridge = direct(x, beta, noise, (a, y) -> Ridge.solve(a, y, lambda));
        assertThat("ridge " + m + "x" + n, Math.abs(SpectralEstimators.excessRisk(c, R, SIGMA,
                SpectralEstimators.ridge(m * lambda)) - ridge) / ridge, lessThanOrEqualTo(RELATIVE_TOL));
    }

    @Test
    void matchesDirectSolversOnAWideDesign() {
        agrees(8, 20, SEED);
    }

    @Test
    void matchesDirectSolversOnATallDesign() {
        agrees(20, 8, SEED + 1);
    }

    @Test
    void matchesDirectSolversOnASquareDesign() {
        agrees(9, 9, SEED + 2);
    }

    @Test
    void tallDesignLeavesNoUnseenSignal() {
        Rng rng = new Rng(SEED + 3);
        Mat x = RandomDesigns.gaussian(15, 6, 1.0, rng.split());
        SpectralEstimators.Coordinates c = SpectralEstimators.of(x, rng.split().gaussianVector(6, 1.0),
                rng.split().gaussianVector(15, 1.0));
        assertThat(c.nullSignalSq(), lessThanOrEqualTo(1e-28));
        assertEquals(6, c.rank());
        // noiseless and full column rank: least squares recovers β exactly
        assertThat(SpectralEstimators.excessRisk(c, 2.0, 0.0, SpectralEstimators.MIN_NORM), lessThanOrEqualTo(1e-26));
    }

    @Test
    void rankDeficientDesignDropsTheZeroDirectionLikeMinNorm() {
        Rng rng = new Rng(SEED + 4);
        // a 6×10 design of rank 5: one singular value is rounding noise and must be dropped
        Mat low = Ops.mult(RandomDesigns.gaussian(6, 5, 1.0, rng.split()), RandomDesigns.gaussian(5, 10, 1.0,
                rng.split()), null);
        double[] beta = rng.split().gaussianVector(10, 1.0);
        double[] noise = rng.split().gaussianVector(6, 1.0);
        SpectralEstimators.Coordinates c = SpectralEstimators.of(low, beta, noise);
        assertEquals(5, c.rank());
        double direct = direct(low, beta, noise, MinNorm::solve);
        assertThat(Math.abs(SpectralEstimators.excessRisk(c, R, SIGMA, SpectralEstimators.MIN_NORM) - direct) / direct,
                lessThanOrEqualTo(1e-9));
    }

    @Test
    void rejectsBadArguments() {
        Mat x = new Mat(3, 4);
        assertThrows(IllegalArgumentException.class, () -> SpectralEstimators.of(x, new double[3], new double[3]));
        assertThrows(IllegalArgumentException.class, () -> SpectralEstimators.ridge(0));
        assertThrows(IllegalArgumentException.class, () -> SpectralEstimators.ridge(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> SpectralEstimators.ridge(Double.POSITIVE_INFINITY));
        assertMessage("X is 3x4, β has length 4, ε has length 4", () -> SpectralEstimators.of(x, new double[4], new double[4]));
    }
}
