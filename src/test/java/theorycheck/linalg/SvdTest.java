package theorycheck.linalg;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ojalgo.matrix.decomposition.SingularValue;
import theorycheck.data.RandomDesigns;
import theorycheck.data.Rng;

class SvdTest {
    private static final long SEED = 20261122L;

    /** Backward error of a stable SVD of a ≤ 12×12 matrix is a few hundred ε at most. */
    private static final double RECONSTRUCTION_TOL = 1e-13;
    /** Jacobi stops at pairwise orthogonality ≤ max(1e-15, √m·ε); over ≤ 12 columns that sums well below this. */
    private static final double ORTHONORMALITY_TOL = 1e-13;
    /** Singular values are perturbed by at most ε‖A‖₂·(small constant) in both libraries; ‖A‖₂ ≲ 10 here. */
    private static final double SINGULAR_VALUE_TOL = 1e-12;
    /** X⁺ of the well-conditioned cases has norm ≲ 10; two stable solvers agree to ~κ·ε relative. */
    private static final double PINV_RELATIVE_TOL = 1e-10;
    /** Hand-computed cases have exact answers; only a few roundings stand between. */
    private static final double EXACT_TOL = 1e-14;

    record Case(String name, Mat a, int rank) {
        @Override
        public String toString() {
            return name + " " + a.rows() + "x" + a.cols();
        }
    }

    static Stream<Case> cases() {
        Rng rng = new Rng(SEED);
        return Stream.of(
                new Case("tall", RandomDesigns.gaussian(9, 4, 1.0, rng.split()), 4),
                new Case("wide", RandomDesigns.gaussian(4, 9, 1.0, rng.split()), 4),
                new Case("square", RandomDesigns.gaussian(6, 6, 1.0, rng.split()), 6),
                new Case("rank-deficient wide", MatrixChecks.lowRank(5, 8, 3, rng.split()), 3),
                new Case("rank-deficient tall", MatrixChecks.lowRank(8, 5, 2, rng.split()), 2),
                new Case("row vector", RandomDesigns.gaussian(1, 7, 1.0, rng.split()), 1),
                new Case("column vector", RandomDesigns.gaussian(7, 1, 1.0, rng.split()), 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reconstructsTheMatrix(Case c) {
        Svd.Result svd = Svd.decompose(c.a());
        assertThat(MatrixChecks.relativeFrobenius(svd.reconstruct(), c.a()), lessThanOrEqualTo(RECONSTRUCTION_TOL));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hasThinShapes(Case c) {
        Svd.Result svd = Svd.decompose(c.a());
        int r = Math.min(c.a().rows(), c.a().cols());
        assertEquals(r, svd.s().length);
        assertEquals(c.a().rows(), svd.u().rows());
        assertEquals(r, svd.u().cols());
        assertEquals(c.a().cols(), svd.v().rows());
        assertEquals(r, svd.v().cols());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void leftSingularVectorsAreOrthonormal(Case c) {
        assertThat(MatrixChecks.orthonormalityError(Svd.decompose(c.a()).u()), lessThanOrEqualTo(ORTHONORMALITY_TOL));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rightSingularVectorsAreOrthonormal(Case c) {
        assertThat(MatrixChecks.orthonormalityError(Svd.decompose(c.a()).v()), lessThanOrEqualTo(ORTHONORMALITY_TOL));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void singularValuesAreNonNegativeAndDescending(Case c) {
        double[] s = Svd.decompose(c.a()).s();
        for (int i = 0; i < s.length; i++) {
            assertTrue(s[i] >= 0, "s[" + i + "] = " + s[i]);
            if (i > 0) {
                assertTrue(s[i - 1] >= s[i], "s not descending at " + i + ": " + Arrays.toString(s));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void converges(Case c) {
        Svd.Result svd = Svd.decompose(c.a());
        assertTrue(svd.converged(), "not converged after " + svd.sweeps() + " sweeps");
        assertThat(svd.sweeps(), lessThanOrEqualTo(20));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void revealsTheRank(Case c) {
        Svd.Result svd = Svd.decompose(c.a());
        double cutoff = Math.max(c.a().rows(), c.a().cols()) * Math.ulp(1.0) * svd.s()[0];
        assertEquals(c.rank(), svd.rank(cutoff), () -> "singular values " + Arrays.toString(svd.s()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void singularValuesMatchEjml(Case c) {
        int m = c.a().rows();
        int n = c.a().cols();
        SingularValueDecomposition_F64<DMatrixRMaj> ejml = DecompositionFactory_DDRM.svd(m, n, false, false, true);
        assertTrue(ejml.decompose(MatrixChecks.toEjml(c.a())));
        double[] expected = MatrixChecks.descending(Arrays.copyOf(ejml.getSingularValues(), ejml.numberOfSingularValues()));
        assertArrayEquals(expected, Svd.decompose(c.a()).s(), SINGULAR_VALUE_TOL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void singularValuesMatchOjalgo(Case c) {
        SingularValue<Double> oj = SingularValue.R064.make(MatrixChecks.toOjalgo(c.a()));
        assertTrue(oj.decompose(MatrixChecks.toOjalgo(c.a())));
        double[] all = new double[Math.min(c.a().rows(), c.a().cols())];
        oj.getSingularValues(all);
        assertArrayEquals(MatrixChecks.descending(all), Svd.decompose(c.a()).s(), SINGULAR_VALUE_TOL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void pseudoInverseFromFactorsMatchesEjmlPinv(Case c) {
        DMatrixRMaj pinv = new DMatrixRMaj(c.a().cols(), c.a().rows());
        CommonOps_DDRM.pinv(MatrixChecks.toEjml(c.a()), pinv);
        Mat ours = pseudoInverse(Svd.decompose(c.a()), c.a());
        assertThat(MatrixChecks.relativeFrobenius(ours, MatrixChecks.fromEjml(pinv)),
                lessThanOrEqualTo(PINV_RELATIVE_TOL));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void minNormSolutionFromFactorsMatchesOjalgo(Case c) {
        // ojAlgo's SVD inverse is the pseudoinverse. (Its getSolution(rhs) throws a dimension
        // error for wide matrices in 55.0.1, so the inverse is applied here instead.)
        double[] y = new Rng(SEED + 1).gaussianVector(c.a().rows(), 1.0);
        SingularValue<Double> oj = SingularValue.R064.make(MatrixChecks.toOjalgo(c.a()));
        assertTrue(oj.decompose(MatrixChecks.toOjalgo(c.a())));
        double[] expected = Ops.gemv(MatrixChecks.fromOjalgo(oj.getInverse()), y, null);
        double[] ours = Ops.gemv(pseudoInverse(Svd.decompose(c.a()), c.a()), y, null);
        assertThat(Vec.relativeError(ours, expected, 1e-300), lessThanOrEqualTo(PINV_RELATIVE_TOL));
    }

    @Test
    void diagonalMatrixHasItsAbsoluteDiagonalAsSingularValues() {
        Mat a = Mat.ofRows(new double[] {1, 0, 0}, new double[] {0, -3, 0}, new double[] {0, 0, 2});
        Svd.Result svd = Svd.decompose(a);
        assertArrayEquals(new double[] {3, 2, 1}, svd.s(), EXACT_TOL);
        // The singular vectors of a diagonal matrix are signed unit vectors, in the order of |a_ii|.
        assertEquals(1.0, Math.abs(svd.v().get(1, 0)), EXACT_TOL);
        assertEquals(1.0, Math.abs(svd.v().get(2, 1)), EXACT_TOL);
        assertEquals(1.0, Math.abs(svd.v().get(0, 2)), EXACT_TOL);
    }

    @Test
    void handComputedTwoByThree() {
        // A = [[3, 2, 2], [2, 3, -2]]: AAᵀ = [[17, 8], [8, 17]] has eigenvalues 25 and 9, so
        // s = (5, 3), u₁ = (1, 1)/√2, u₂ = (1, −1)/√2, v₁ = (1, 1, 0)/√2, v₂ = (1, −1, 4)/√18.
        Mat a = Mat.ofRows(new double[] {3, 2, 2}, new double[] {2, 3, -2});
        Svd.Result svd = Svd.decompose(a);
        assertArrayEquals(new double[] {5, 3}, svd.s(), EXACT_TOL);
        double r2 = Math.sqrt(2);
        double r18 = Math.sqrt(18);
        assertColumnUpToSign(new double[] {1 / r2, 1 / r2}, svd.u().column(0));
        assertColumnUpToSign(new double[] {1 / r2, -1 / r2}, svd.u().column(1));
        assertColumnUpToSign(new double[] {1 / r2, 1 / r2, 0}, svd.v().column(0));
        assertColumnUpToSign(new double[] {1 / r18, -1 / r18, 4 / r18}, svd.v().column(1));
    }

    @Test
    void signsOfFactorsAgree() {
        // Whatever sign each pair takes, A v_i = s_i u_i must hold.
        Mat a = RandomDesigns.gaussian(5, 11, 1.0, new Rng(SEED + 2));
        Svd.Result svd = Svd.decompose(a);
        for (int i = 0; i < svd.size(); i++) {
            double[] av = Ops.gemv(a, svd.v().column(i), null);
            double[] su = Vec.scale(svd.s()[i], svd.u().column(i));
            assertThat("A v_" + i + " vs s_i u_i", Vec.distance(av, su), lessThanOrEqualTo(RECONSTRUCTION_TOL * 10));
        }
    }

    @Test
    void zeroMatrixHasZeroSingularValuesAndOrthonormalFactors() {
        Svd.Result svd = Svd.decompose(new Mat(3, 5));
        assertArrayEquals(new double[3], svd.s(), 0.0);
        assertTrue(svd.converged());
        assertThat(MatrixChecks.orthonormalityError(svd.u()), lessThanOrEqualTo(ORTHONORMALITY_TOL));
        assertThat(MatrixChecks.orthonormalityError(svd.v()), lessThanOrEqualTo(ORTHONORMALITY_TOL));
    }

    @Test
    void exactlyRepeatedColumnKeepsOrthonormalU() {
        // Two equal columns give one exactly zero singular value, whose u must be filled in.
        Mat a = Mat.ofRows(new double[] {1, 1, 2}, new double[] {3, 3, -1}, new double[] {0, 0, 5},
                new double[] {2, 2, 2});
        Svd.Result svd = Svd.decompose(a);
        assertEquals(0.0, svd.s()[2], EXACT_TOL * svd.s()[0]);
        assertThat(MatrixChecks.orthonormalityError(svd.u()), lessThanOrEqualTo(ORTHONORMALITY_TOL));
        assertThat(MatrixChecks.relativeFrobenius(svd.reconstruct(), a), lessThanOrEqualTo(RECONSTRUCTION_TOL));
    }

    @Test
    void doesNotModifyItsInput() {
        Mat a = RandomDesigns.gaussian(4, 6, 1.0, new Rng(SEED + 3));
        Mat before = a.copy();
        Svd.decompose(a);
        assertEquals(before, a);
    }

    @Test
    void rejectsNonFiniteEntries() {
        Mat a = Mat.ofRows(new double[] {1, Double.NaN}, new double[] {0, 1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Svd.decompose(a));
        assertThat(e.getMessage(), containsString("non-finite"));
    }

    /** V diag(1/s_i) Uᵀ over s_i above NumPy's default cutoff. */
    private static Mat pseudoInverse(Svd.Result svd, Mat a) {
        double cutoff = Math.max(a.rows(), a.cols()) * Math.ulp(1.0) * svd.s()[0];
        Mat vs = svd.v().copy();
        for (int i = 0; i < vs.rows(); i++) {
            for (int j = 0; j < vs.cols(); j++) {
                double s = svd.s()[j];
                vs.set(i, j, s > cutoff ? vs.get(i, j) / s : 0.0);
            }
        }
        return Ops.multTransB(vs, svd.u(), null);
    }

    private static void assertColumnUpToSign(double[] expected, double[] actual) {
        double sign = Math.signum(Vec.dot(expected, actual));
        assertArrayEquals(expected, Vec.scale(sign, actual), EXACT_TOL);
    }
}
