package theorycheck.measure;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import theorycheck.data.RandomDesigns;
import theorycheck.data.Rng;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Ops;
import theorycheck.linalg.Vec;

/** Power iteration on matrices Q diag(λ) Qᵀ whose spectrum is chosen, so the answer is known. */
class PowerIterationTest {
    private static final long SEED = 4242L;
    private static final int N = 10;

    /** λ_i = top·2^(−i): the ratio ½ between neighbours makes the iteration converge fast. */
    private static double[] halving(double top) {
        double[] lambda = new double[N];
        for (int i = 0; i < N; i++) {
            lambda[i] = top * Math.pow(0.5, i);
        }
        return lambda;
    }

    /** ‖Av − (vᵀAv)v‖, computed here from the dense matrix. */
    private static double residual(Mat a, double[] v) {
        double[] av = Ops.gemv(a, v, null);
        double[] r = av.clone();
        Vec.axpyInPlace(-Vec.dot(v, av), v, r);
        return Vec.norm2(r);
    }

    @Test
    void findsTheTopEigenpairOfAKnownSpectrum() {
        // ratio λ₂/λ₁ = ½: the Rayleigh quotient's error shrinks 4× a step, so a relative change ≤ 1e-13
        // leaves an error ≤ 1e-13/(1 − ¼) relative; 1e-12 adds room for rounding. The vector converges
        // at the square root of that rate: sin∠ ≈ √(error/gap) ≈ 5e-7, so the residual ≤ 4·5e-7 < 1e-5.
        Rng rng = new Rng(SEED);
        Mat a = RandomDesigns.symmetricWithEigenvalues(N, rng.split(), halving(4.0));
        EigenEstimate e = PowerIteration.topEigenvalue(PowerIteration.matrix(a, 1.0), N, rng.split(), 1000, 1e-13);
        assertTrue(e.converged());
        assertThat(e.iterations(), lessThan(1000));
        assertEquals(4.0, e.value(), 4.0 * 1e-12);
        assertEquals(1.0, Vec.norm2(e.vector()), 1e-14);
        assertThat(e.residual(), lessThanOrEqualTo(1e-5));
        // the reported residual is the residual of the reported pair
        assertEquals(residual(a, e.vector()), e.residual(), 4.0 * 1e-14);
    }

    @Test
    void itIsTheLargestInMagnitudeNotTheLargest() {
        // spectrum −8, 4, 2, …: the iteration finds −8, below every other eigenvalue
        double[] lambda = halving(4.0);
        lambda[0] = -8.0;
        Rng rng = new Rng(SEED + 1);
        Mat a = RandomDesigns.symmetricWithEigenvalues(N, rng.split(), lambda);
        EigenEstimate e = PowerIteration.topEigenvalue(PowerIteration.matrix(a, 1.0), N, rng.split(), 1000, 1e-13);
        assertTrue(e.converged());
        assertEquals(-8.0, e.value(), 8.0 * 1e-12);
    }

    @Test
    void theScaledOperatorHasTheScaledSpectrum() {
        // v ↦ s·Av has eigenvalues s·λ: the same matrix at s = ¼ tops out at 1
        Rng rng = new Rng(SEED + 2);
        Mat a = RandomDesigns.symmetricWithEigenvalues(N, rng.split(), halving(4.0));
        EigenEstimate e = PowerIteration.topEigenvalue(PowerIteration.matrix(a, 0.25), N, rng.split(), 1000, 1e-13);
        assertEquals(1.0, e.value(), 1e-12);
    }

    @Test
    void theZeroOperatorStopsAtOnceWithZero() {
        EigenEstimate e = PowerIteration.topEigenvalue((v, out) -> Arrays.fill(out, 0.0), N, new Rng(SEED + 3), 1000, 1e-13);
        assertTrue(e.converged());
        assertEquals(0.0, e.value(), 0.0);
        assertEquals(1, e.iterations());
        assertEquals(0.0, e.residual(), 0.0);
    }

    @Test
    void aCloseSecondEigenvalueRunsIntoTheCapAndSaysSo() {
        // λ₂/λ₁ = 0.999: five products cannot settle the estimate to 1e-13
        double[] lambda = halving(0.5);
        lambda[0] = 1.0;
        lambda[1] = 0.999;
        Rng rng = new Rng(SEED + 4);
        Mat a = RandomDesigns.symmetricWithEigenvalues(N, rng.split(), lambda);
        EigenEstimate e = PowerIteration.topEigenvalue(PowerIteration.matrix(a, 1.0), N, rng.split(), 5, 1e-13);
        assertFalse(e.converged());
        assertEquals(5, e.iterations());
        // still a Rayleigh quotient of a unit vector: inside [λ_min, λ_max]
        assertThat(e.value(), lessThanOrEqualTo(1.0 + 1e-12));
        assertThat(lambda[N - 1] - 1e-12, lessThanOrEqualTo(e.value()));
        assertEquals(residual(a, e.vector()), e.residual(), 1e-14);
    }
}
