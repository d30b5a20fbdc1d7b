package theorycheck.linalg;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import theorycheck.data.RandomDesigns;
import theorycheck.data.Rng;

class CholeskyTest {
    private static final long SEED = 20261122L;

    /** The SPD matrices here have condition number ≲ 100; a backward-stable solve is accurate to κ·nε. */
    private static final double SOLVE_RELATIVE_TOL = 1e-12;

    /** GᵀG + I for a Gaussian 8×6 G: symmetric positive definite and well conditioned. */
    private static Mat spd(Rng rng) {
        Mat g = RandomDesigns.gaussian(8, 6, 1.0, rng);
        Mat a = Ops.multTransA(g, g, null);
        for (int i = 0; i < 6; i++) {
            a.set(i, i, a.get(i, i) + 1.0);
        }
        return a;
    }

    @Test
    void factorReconstructsTheMatrix() {
        Mat a = spd(new Rng(SEED));
        Mat l = Cholesky.lower(a);
        for (int i = 0; i < 6; i++) {
            for (int j = i + 1; j < 6; j++) {
                assertEquals(0.0, l.get(i, j), 0.0, "L is lower triangular");
            }
        }
        assertThat(MatrixChecks.relativeFrobenius(Ops.multTransB(l, l, null), a), lessThanOrEqualTo(SOLVE_RELATIVE_TOL));
    }

    @Test
    void solveMatchesEjml() {
        Rng rng = new Rng(SEED + 1);
        Mat a = spd(rng);
        double[] b = rng.gaussianVector(6, 1.0);
        DMatrixRMaj x = new DMatrixRMaj(6, 1);
        assertTrue(CommonOps_DDRM.solve(MatrixChecks.toEjml(a), MatrixChecks.ejmlColumn(b), x));
        assertThat(Vec.relativeError(Cholesky.solve(a, b), x.getData(), 1e-300), lessThanOrEqualTo(SOLVE_RELATIVE_TOL));
    }

    @Test
    void handComputedTwoByTwo() {
        // [[4, 2], [2, 3]] = L Lᵀ with L = [[2, 0], [1, √2]]; solving with b = (6, 5) gives x = (1, 1).
        Mat a = Mat.ofRows(new double[] {4, 2}, new double[] {2, 3});
        assertArrayEquals(new double[] {2, 0, 1, Math.sqrt(2)}, Cholesky.lower(a).data(), 1e-15);
        assertArrayEquals(new double[] {1, 1}, Cholesky.solve(a, new double[] {6, 5}), 1e-15);
    }

    @Test
    void rejectsAnIndefiniteMatrix() {
        Mat a = Mat.ofRows(new double[] {1, 2}, new double[] {2, 1}); // eigenvalues 3 and −1
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Cholesky.solve(a, new double[] {1, 1}));
        assertThat(e.getMessage(), containsString("not positive definite"));
    }

    @Test
    void rejectsASingularPositiveSemiDefiniteMatrix() {
        Mat a = Mat.ofRows(new double[] {1, 1}, new double[] {1, 1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Cholesky.solve(a, new double[] {1, 1}));
        assertThat(e.getMessage(), containsString("pivot 1"));
    }

    @Test
    void rejectsAMismatchedRightHandSide() {
        assertThrows(IllegalArgumentException.class, () -> Cholesky.solve(Mat.identity(3), new double[2]));
    }

    @Test
    void doesNotModifyItsInputs() {
        Rng rng = new Rng(SEED + 2);
        Mat a = spd(rng);
        double[] b = rng.gaussianVector(6, 1.0);
        Mat aBefore = a.copy();
        double[] bBefore = b.clone();
        Cholesky.solve(a, b);
        assertEquals(aBefore, a);
        assertArrayEquals(bBefore, b, 0.0);
    }
}
