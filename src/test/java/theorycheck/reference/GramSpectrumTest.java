package theorycheck.reference;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.api.Test;
import theorycheck.data.RandomDesigns;
import theorycheck.data.Rng;
import theorycheck.linalg.Mat;
import theorycheck.linalg.MatrixChecks;
import theorycheck.measure.EigenEstimate;
import theorycheck.measure.PowerIteration;

/**
 * The exact spectrum of XᵀX/m, and (because this is the reference it is checked against)
 * {@link PowerIteration#gramTop} against it.
 */
class GramSpectrumTest {
    private static final long SEED = 20261122L;

    /** Jacobi eigenvalues of the Gram matrix have absolute error O(ε λ_max); relative 1e-12 leaves margin. */
    private static final double EIGENVALUE_RELATIVE_TOL = 1e-12;
    /**
     * Power iteration stops when the Rayleigh quotient changes by ≤ 1e-12 relative; with the
     * spectral gaps of these designs the remaining error is below 1e-10 relative.
     */
    private static final double POWER_RELATIVE_TOL = 1e-10;
    /** The residual ‖Av − λv‖ converges like the square root of the eigenvalue error: ~1e-6·λ_max. */
    private static final double POWER_RESIDUAL_RELATIVE_TOL = 1e-5;

    @Test
    void lambdaMaxAndMinMatchSquaredSingularValuesForAWideDesign() {
        Mat x = RandomDesigns.gaussian(7, 20, 1.0, new Rng(SEED));
        GramSpectrum.Result spec = GramSpectrum.of(x);
        double[] s = ejmlSingularValues(x);
        assertEquals(7, spec.rank());
        assertEquals(s[0] * s[0] / 7, spec.lambdaMax(), EIGENVALUE_RELATIVE_TOL * spec.lambdaMax());
        assertEquals(s[6] * s[6] / 7, spec.lambdaMinNonzero(), EIGENVALUE_RELATIVE_TOL * spec.lambdaMax());
    }

    @Test
    void lambdaMaxAndMinMatchSquaredSingularValuesForATallDesign() {
        Mat x = RandomDesigns.gaussian(20, 7, 1.0, new Rng(SEED + 1));
        GramSpectrum.Result spec = GramSpectrum.of(x);
        double[] s = ejmlSingularValues(x);
        assertEquals(7, spec.rank());
        assertEquals(s[0] * s[0] / 20, spec.lambdaMax(), EIGENVALUE_RELATIVE_TOL * spec.lambdaMax());
        assertEquals(s[6] * s[6] / 20, spec.lambdaMinNonzero(), EIGENVALUE_RELATIVE_TOL * spec.lambdaMax());
    }

    @Test
    void rankDeficientDesignSkipsTheZeroEigenvalues() {
        Mat x = MatrixChecks.lowRank(8, 12, 3, new Rng(SEED + 2));
        GramSpectrum.Result spec = GramSpectrum.of(x);
        double[] s = ejmlSingularValues(x);
        assertEquals(3, spec.rank(), () -> Arrays.toString(spec.eigenvalues()));
        assertEquals(s[2] * s[2] / 8, spec.lambdaMinNonzero(), EIGENVALUE_RELATIVE_TOL * spec.lambdaMax());
        assertTrue(spec.conditionNumber() >= 1);
    }

    @Test
    void handComputedDiagonalDesign() {
        // X = diag(2, 1) stacked on a zero row: XᵀX/3 = diag(4/3, 1/3).
        Mat x = Mat.ofRows(new double[] {2, 0}, new double[] {0, 1}, new double[] {0, 0});
        GramSpectrum.Result spec = GramSpectrum.of(x);
        assertEquals(4.0 / 3, spec.lambdaMax(), 1e-15);
        assertEquals(1.0 / 3, spec.lambdaMinNonzero(), 1e-15);
        assertEquals(4.0, spec.conditionNumber(), 1e-14);
    }

    @Test
    void zeroDesignHasNoNonZeroEigenvalue() {
        GramSpectrum.Result spec = GramSpectrum.of(new Mat(3, 5));
        assertEquals(0, spec.rank());
        assertEquals(0.0, spec.lambdaMax(), 0.0);
        assertTrue(Double.isNaN(spec.lambdaMinNonzero()));
    }

    @Test
    void powerIterationGramTopMatchesExactLambdaMaxOnAWideDesign() {
        Rng rng = new Rng(SEED + 3);
        Mat x = RandomDesigns.gaussian(10, 40, 1.0, rng.split());
        assertPowerIterationAgrees(x, rng.split());
    }

    @Test
    void powerIterationGramTopMatchesExactLambdaMaxOnATallDesign() {
        Rng rng = new Rng(SEED + 4);
        Mat x = RandomDesigns.gaussian(40, 10, 1.0, rng.split());
        assertPowerIterationAgrees(x, rng.split());
    }

    private static void assertPowerIterationAgrees(Mat x, Rng rng) {
        double exact = GramSpectrum.of(x).lambdaMax();
        EigenEstimate est = PowerIteration.gramTop(x, rng);
        assertTrue(est.converged(), "power iteration did not converge in " + est.iterations() + " iterations");
        assertThat(Math.abs(est.value() - exact) / exact, lessThanOrEqualTo(POWER_RELATIVE_TOL));
        assertThat(est.residual() / exact, lessThanOrEqualTo(POWER_RESIDUAL_RELATIVE_TOL));
    }

    private static double[] ejmlSingularValues(Mat x) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(x.rows(), x.cols(), false, false, true);
        assertTrue(svd.decompose(MatrixChecks.toEjml(x)));
        return MatrixChecks.descending(Arrays.copyOf(svd.getSingularValues(), svd.numberOfSingularValues()));
    }
}
