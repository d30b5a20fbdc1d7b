package theorycheck.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import theorycheck.data.MatrixSensing;
import theorycheck.data.Rng;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Ops;
import theorycheck.linalg.SymmetricEigen;

class MinNuclearNormTest {
    static final double TOL = 1e-8;

    static double relDistance(Mat a, Mat b) {
        double d = 0, z = 0;
        for (int i = 0; i < a.data().length; i++) {
            d += (a.data()[i] - b.data()[i]) * (a.data()[i] - b.data()[i]);
            z += b.data()[i] * b.data()[i];
        }
        return Math.sqrt(d / z);
    }

    /** Feasible, PSD, dual-feasible and zero duality gap: optimal up to the gap. */
    static void assertCertified(MinNuclearNorm.Result r) {
        assertTrue(r.converged(), "ADMM did not converge: " + r);
        assertTrue(r.measurementResidual() <= 1e-6, "infeasible: " + r.measurementResidual());
        assertTrue(SymmetricEigen.decompose(r.x()).min() >= -1e-9, "not PSD");
        assertTrue(r.slackMinEigenvalue() >= -1e-5, "dual infeasible: λmin(I − 𝒜*ν) = " + r.slackMinEigenvalue());
        assertTrue(Math.abs(r.relativeGap()) <= 1e-5, "duality gap " + r.relativeGap());
    }

    @Test
    void moreMeasurementsThanSymmetricEntriesAreRefusedWithAReason() {
        // n = 4 has 10 free symmetric entries; 11 measurements are necessarily dependent
        MatrixSensing s = MatrixSensing.gaussian(4, 1, 11, new Rng(6));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MinNuclearNorm.solve(s.measurements(), s.y(), 4, TOL, 100));
        assertTrue(e.getMessage().contains("n(n+1)/2 = 10"), e.getMessage());
    }

    @Test
    void enoughMeasurementsRecoverTheLowRankTruth() {
        // Rank 1, n = 8: 32 Gaussian measurements of the 36 unknowns of a symmetric matrix — the
        // system is underdetermined, yet nuclear-norm minimization recovers X* (Recht–Fazel–Parrilo).
        MatrixSensing s = MatrixSensing.gaussian(8, 1, 32, new Rng(5));
        MinNuclearNorm.Result r = MinNuclearNorm.solve(s.measurements(), s.y(), 8, TOL, 20000);
        assertCertified(r);
        assertTrue(relDistance(r.x(), s.xStar()) <= 1e-5, "distance to X* " + relDistance(r.x(), s.xStar()));
        assertEquals(Ops.trace(s.xStar()), r.trace(), 1e-6);
    }

    @Test
    void fewMeasurementsGiveACertifiedSolutionNoLargerThanTheTruth() {
        MatrixSensing s = MatrixSensing.gaussian(8, 2, 6, new Rng(9));
        MinNuclearNorm.Result r = MinNuclearNorm.solve(s.measurements(), s.y(), 8, TOL, 50000);
        assertCertified(r);
        // X* is feasible, so weak duality bounds its trace from below by yᵀν.
        assertTrue(Ops.trace(s.xStar()) >= r.dualObjective() - 1e-6);
        assertTrue(r.trace() <= Ops.trace(s.xStar()) + 1e-6);
    }

    @Test
    void diagonalMeasurementsFixTheTrace() {
        // A_i = e_i e_iᵀ: every feasible PSD X has trace Σ y_i, so the optimum is Σ y_i.
        int n = 4;
        Mat a = new Mat(n, n * n);
        double[] y = {0.5, 2.0, 1.0, 0.25};
        for (int i = 0; i < n; i++) {
            a.set(i, i * n + i, 1.0);
        }
        MinNuclearNorm.Result r = MinNuclearNorm.solve(a, y, n, TOL, 20000);
        assertCertified(r);
        assertEquals(3.75, r.trace(), 1e-6);
    }

    @Test
    void psdProjectionClipsNegativeEigenvalues() {
        Mat w = new Mat(2, 2, new double[] {1, 2, 2, 1}); // eigenvalues 3, −1
        Mat p = MinNuclearNorm.projectPsd(w);
        assertEquals(1.5, p.get(0, 0), 1e-12);
        assertEquals(1.5, p.get(0, 1), 1e-12);
    }

    @Test
    void psdProjectionUsesTheSymmetricPartAndKeepsPsdMatricesAsTheyAre() {
        // symmetric part of [[1, 3], [1, 1]] is [[1, 2], [2, 1]] (eigenvalues 3, −1): projection ½·3·[1 1; 1 1]
        Mat p = MinNuclearNorm.projectPsd(new Mat(2, 2, new double[] {1, 3, 1, 1}));
        assertTrue(Ops.maxAbsDiff(new Mat(2, 2, new double[] {1.5, 1.5, 1.5, 1.5}), p) <= 1e-12, p.toString());
        Mat psd = new Mat(3, 3, new double[] {2, 1, 0, 1, 2, 1, 0, 1, 2}); // eigenvalues 2 ± √2, 2
        assertTrue(Ops.maxAbsDiff(psd, MinNuclearNorm.projectPsd(psd)) <= 1e-12);
        Mat nsd = Ops.scale(-1, psd);
        assertTrue(Ops.maxAbsDiff(new Mat(3, 3), MinNuclearNorm.projectPsd(nsd)) <= 1e-12);
    }

    @Test
    void badProblemsAreRefusedWithOneLine() {
        Mat a = new Mat(2, 9);
        a.set(0, 0, 1);
        a.set(1, 4, 1);
        assertEquals("measurements are 2x9, y has 3, n² = 9",
                assertThrows(IllegalArgumentException.class,
                        () -> MinNuclearNorm.solve(a, new double[3], 3, TOL, 10)).getMessage());
        assertEquals("measurements are 2x9, y has 2, n² = 4",
                assertThrows(IllegalArgumentException.class,
                        () -> MinNuclearNorm.solve(a, new double[2], 2, TOL, 10)).getMessage());
        for (double tol : new double[] {0, 1, Double.NaN}) {
            assertEquals("need tol in (0, 1) and maxIterations ≥ 1",
                    assertThrows(IllegalArgumentException.class,
                            () -> MinNuclearNorm.solve(a, new double[2], 3, tol, 10)).getMessage());
        }
        assertEquals("need tol in (0, 1) and maxIterations ≥ 1",
                assertThrows(IllegalArgumentException.class,
                        () -> MinNuclearNorm.solve(a, new double[2], 3, TOL, 0)).getMessage());
        // n(n+1)/2 measurements are allowed: n = 2 with all three diagonal/off-diagonal directions
        Mat full = new Mat(3, 4, new double[] {1, 0, 0, 0, 0, 0, 0, 1, 0, 0.5, 0.5, 0});
        MinNuclearNorm.Result r = MinNuclearNorm.solve(full, new double[] {2, 1, 0.5}, 2, TOL, 1);
        assertEquals(1, r.iterations());
    }
}
