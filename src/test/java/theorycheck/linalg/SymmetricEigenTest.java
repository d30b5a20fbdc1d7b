package theorycheck.linalg;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;
import theorycheck.data.RandomDesigns;
import theorycheck.data.Rng;

class SymmetricEigenTest {
    private static final long SEED = 20261122L;

    /** Jacobi eigenvalues carry absolute error O(ε‖A‖₂); with n ≤ 12 and ‖A‖₂ ≤ 10, 1e-13 leaves margin. */
    private static final double EIGENVALUE_TOL = 1e-13;
    /** ‖Av − λv‖ of a backward-stable decomposition is O(nε‖A‖). */
    private static final double RESIDUAL_TOL = 1e-13;
    /** Eigenvectors of well-separated eigenvalues (gap ≥ 0.5 here) are accurate to O(ε‖A‖/gap). */
    private static final double EIGENVECTOR_TOL = 1e-12;

    /** A random symmetric n×n matrix (G + Gᵀ)/2. */
    private static Mat randomSymmetric(int n, Rng rng) {
        Mat g = RandomDesigns.gaussian(n, n, 1.0, rng);
        Mat s = new Mat(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s.set(i, j, 0.5 * (g.get(i, j) + g.get(j, i)));
            }
        }
        return s;
    }

    @Test
    void recoversAKnownSpectrum() {
        double[] lambda = {7.5, 3.0, 1.0, 0.5, 0.0, -0.25, -2.0, -6.0};
        Mat a = RandomDesigns.symmetricWithEigenvalues(8, new Rng(SEED), lambda);
        SymmetricEigen.Result eig = SymmetricEigen.decompose(a);
        assertArrayEquals(lambda, eig.values(), EIGENVALUE_TOL);
        assertEquals(7.5, eig.max(), EIGENVALUE_TOL);
        assertEquals(-6.0, eig.min(), EIGENVALUE_TOL);
    }

    @Test
    void recoversARepeatedEigenvalue() {
        double[] lambda = {2.0, 2.0, 2.0, 1.0, 0.0, 0.0};
        Mat a = RandomDesigns.symmetricWithEigenvalues(6, new Rng(SEED + 1), lambda);
        SymmetricEigen.Result eig = SymmetricEigen.decompose(a);
        assertTrue(eig.converged());
        assertArrayEquals(lambda, eig.values(), EIGENVALUE_TOL);
        assertThat(MatrixChecks.orthonormalityError(eig.vectors()), lessThanOrEqualTo(RESIDUAL_TOL));
    }

    @Test
    void eigenvaluesMatchEjml() {
        Mat a = randomSymmetric(12, new Rng(SEED + 2));
        EigenDecomposition_F64<DMatrixRMaj> ejml = DecompositionFactory_DDRM.eig(12, true, true);
        assertTrue(ejml.decompose(MatrixChecks.toEjml(a)));
        double[] expected = new double[12];
        for (int i = 0; i < 12; i++) {
            assertEquals(0.0, ejml.getEigenvalue(i).imaginary, 0.0, "symmetric EJML path gives real eigenvalues");
            expected[i] = ejml.getEigenvalue(i).real;
        }
        Arrays.sort(expected);
        double[] ours = SymmetricEigen.decompose(a).values().clone();
        Arrays.sort(ours);
        assertArrayEquals(expected, ours, EIGENVALUE_TOL);
    }

    @Test
    void eigenvectorsMatchEjmlUpToSign() {
        double[] lambda = {4.0, 3.0, 2.0, 1.0, -1.0};
        Mat a = RandomDesigns.symmetricWithEigenvalues(5, new Rng(SEED + 3), lambda);
        EigenDecomposition_F64<DMatrixRMaj> ejml = DecompositionFactory_DDRM.eig(5, true, true);
        assertTrue(ejml.decompose(MatrixChecks.toEjml(a)));
        SymmetricEigen.Result eig = SymmetricEigen.decompose(a);
        int compared = 0;
        for (int i = 0; i < 5; i++) {
            double value = ejml.getEigenvalue(i).real;
            int k = indexOfClosest(eig.values(), value);
            double[] theirs = ejml.getEigenVector(i).getData();
            double[] ours = eig.vector(k);
            double sign = Math.signum(Vec.dot(theirs, ours));
            assertArrayEquals(Vec.scale(1 / Vec.norm2(theirs), theirs), Vec.scale(sign, ours), EIGENVECTOR_TOL);
            compared++;
        }
        assertEquals(5, compared);
    }

    @Test
    void eigenpairsSatisfyTheEigenEquation() {
        Mat a = randomSymmetric(10, new Rng(SEED + 4));
        SymmetricEigen.Result eig = SymmetricEigen.decompose(a);
        for (int k = 0; k < 10; k++) {
            double[] v = eig.vector(k);
            double[] r = Ops.gemv(a, v, null);
            Vec.axpyInPlace(-eig.values()[k], v, r);
            assertThat("‖Av − λv‖ for k = " + k, Vec.norm2(r), lessThanOrEqualTo(RESIDUAL_TOL));
        }
    }

    @Test
    void eigenvectorsAreOrthonormal() {
        SymmetricEigen.Result eig = SymmetricEigen.decompose(randomSymmetric(10, new Rng(SEED + 5)));
        assertThat(MatrixChecks.orthonormalityError(eig.vectors()), lessThanOrEqualTo(RESIDUAL_TOL));
    }

    @Test
    void reconstructsTheMatrix() {
        Mat a = randomSymmetric(9, new Rng(SEED + 6));
        SymmetricEigen.Result eig = SymmetricEigen.decompose(a);
        Mat ql = eig.vectors().copy();
        for (int i = 0; i < 9; i++) {
            for (int j = 0; j < 9; j++) {
                ql.set(i, j, ql.get(i, j) * eig.values()[j]);
            }
        }
        assertThat(MatrixChecks.relativeFrobenius(Ops.multTransB(ql, eig.vectors(), null), a),
                lessThanOrEqualTo(RESIDUAL_TOL));
    }

    @Test
    void valuesAreDescendingAndConverged() {
        SymmetricEigen.Result eig = SymmetricEigen.decompose(randomSymmetric(12, new Rng(SEED + 7)));
        assertTrue(eig.converged(), "not converged after " + eig.sweeps() + " sweeps");
        assertThat(eig.sweeps(), lessThanOrEqualTo(15));
        assertThat(eig.offDiagonal(), lessThanOrEqualTo(1e-15));
        for (int i = 1; i < 12; i++) {
            assertTrue(eig.values()[i - 1] >= eig.values()[i], Arrays.toString(eig.values()));
        }
    }

    @Test
    void diagonalMatrixIsItsOwnDecomposition() {
        Mat d = Mat.ofRows(new double[] {1, 0, 0}, new double[] {0, 5, 0}, new double[] {0, 0, -2});
        SymmetricEigen.Result eig = SymmetricEigen.decompose(d);
        assertArrayEquals(new double[] {5, 1, -2}, eig.values(), 0.0);
        assertEquals(1, eig.sweeps(), "one sweep finds nothing to rotate");
        assertEquals(1.0, eig.vectors().get(1, 0), 0.0);
    }

    @Test
    void handComputedTwoByTwo() {
        // [[2, 1], [1, 2]] has eigenvalues 3 and 1 with eigenvectors (1, 1)/√2 and (1, −1)/√2.
        SymmetricEigen.Result eig = SymmetricEigen.decompose(Mat.ofRows(new double[] {2, 1}, new double[] {1, 2}));
        assertArrayEquals(new double[] {3, 1}, eig.values(), 1e-15);
        double r = 1 / Math.sqrt(2);
        double s = Math.signum(eig.vectors().get(0, 0));
        assertArrayEquals(new double[] {r, r}, Vec.scale(s, eig.vector(0)), 1e-15);
    }

    @Test
    void acceptsRoundingLevelAsymmetry() {
        Mat a = randomSymmetric(4, new Rng(SEED + 8));
        a.set(0, 1, a.get(0, 1) * (1 + 1e-15));
        assertTrue(SymmetricEigen.decompose(a).converged());
    }

    @Test
    void rejectsANonSymmetricMatrix() {
        Mat a = Mat.ofRows(new double[] {1, 2}, new double[] {0, 1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.decompose(a));
        assertThat(e.getMessage(), allOf(containsString("not symmetric"), containsString("1.0E-12")));
    }

    @Test
    void rejectsANonSquareMatrix() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SymmetricEigen.decompose(new Mat(2, 3)));
        assertThat(e.getMessage(), containsString("2x3"));
    }

    @Test
    void doesNotModifyItsInput() {
        Mat a = randomSymmetric(5, new Rng(SEED + 9));
        Mat before = a.copy();
        SymmetricEigen.decompose(a);
        assertEquals(before, a);
    }

    private static int indexOfClosest(double[] values, double target) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (Math.abs(values[i] - target) < Math.abs(values[best] - target)) {
                best = i;
            }
        }
        return best;
    }
}
