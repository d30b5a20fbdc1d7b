package theorycheck.reference;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static theorycheck.linalg.Refusals.assertMessage;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.inverse.InvertMatrix;
import org.ojalgo.matrix.decomposition.SingularValue;
import theorycheck.data.RandomDesigns;
import theorycheck.data.Rng;
import theorycheck.linalg.Cholesky;
import theorycheck.linalg.Mat;
import theorycheck.linalg.MatrixChecks;
import theorycheck.linalg.Nd4jBridge;
import theorycheck.linalg.Ops;
import theorycheck.linalg.PivotedQr;
import theorycheck.linalg.Vec;

class MinNormTest {
    private static final long SEED = 20261122L;

    /** A Gaussian 5×12 design has κ(X) ≲ 10; every route to X⁺y agrees to ~κ²ε ≈ 1e-14 relative. */
    private static final double SOLUTION_RELATIVE_TOL = 1e-11;
    /** Residuals and projections of O(1) vectors are exact up to a few hundred roundings. */
    private static final double ABSOLUTE_TOL = 1e-12;
    /**
     * Margin by which ND4J's pinvert answer must miss ours to count as "not minimum-norm": a
     * solution with a null-space component this large relative to ‖X⁺y‖ is not a rounding effect.
     */
    private static final double ND4J_MISS_MARGIN = 0.1;

    private static Mat wide(Rng rng) {
        return RandomDesigns.gaussian(5, 12, 1.0, rng);
    }

    @Test
    void interpolatesAFullRowRankWideSystem() {
        Rng rng = new Rng(SEED);
        Mat x = wide(rng.split());
        double[] y = rng.split().gaussianVector(5, 1.0);
        double[] w = MinNorm.solve(x, y);
        assertThat(Vec.distance(Ops.gemv(x, w, null), y), lessThanOrEqualTo(ABSOLUTE_TOL));
    }

    @Test
    void solutionHasNoNullSpaceComponent() {
        Rng rng = new Rng(SEED + 1);
        Mat x = wide(rng.split());
        double[] w = MinNorm.solve(x, rng.split().gaussianVector(5, 1.0));
        assertThat(Vec.norm2(MinNorm.projectNullSpace(x, w)), lessThanOrEqualTo(ABSOLUTE_TOL));
    }

    @Test
    void equalsTheNormalEquationsFormula() {
        // X⁺y = Xᵀ(XXᵀ)⁻¹y when X has full row rank.
        Rng rng = new Rng(SEED + 2);
        Mat x = wide(rng.split());
        double[] y = rng.split().gaussianVector(5, 1.0);
        double[] alpha = Cholesky.solve(Ops.multTransB(x, x, null), y);
        double[] expected = Ops.gemvT(x, alpha, null);
        assertThat(Vec.relativeError(MinNorm.solve(x, y), expected, 1e-300), lessThanOrEqualTo(SOLUTION_RELATIVE_TOL));
    }

    @Test
    void equalsEjmlPinvTimesY() {
        Rng rng = new Rng(SEED + 3);
        Mat x = wide(rng.split());
        double[] y = rng.split().gaussianVector(5, 1.0);
        assertThat(Vec.relativeError(MinNorm.solve(x, y), ejmlPinvTimes(x, y), 1e-300),
                lessThanOrEqualTo(SOLUTION_RELATIVE_TOL));
    }

    @Test
    void equalsOjalgoPseudoInverseTimesY() {
        Rng rng = new Rng(SEED + 4);
        Mat x = wide(rng.split());
        double[] y = rng.split().gaussianVector(5, 1.0);
        SingularValue<Double> oj = SingularValue.R064.make(MatrixChecks.toOjalgo(x));
        assertTrue(oj.decompose(MatrixChecks.toOjalgo(x)));
        double[] expected = Ops.gemv(MatrixChecks.fromOjalgo(oj.getInverse()), y, null);
        assertThat(Vec.relativeError(MinNorm.solve(x, y), expected, 1e-300), lessThanOrEqualTo(SOLUTION_RELATIVE_TOL));
    }

    @Test
    void equalsEjmlPinvForARankDeficientDesign() {
        Rng rng = new Rng(SEED + 5);
        Mat x = MatrixChecks.lowRank(6, 10, 3, rng.split());
        double[] y = rng.split().gaussianVector(6, 1.0);
        assertEquals(3, MinNorm.rank(x));
        assertThat(Vec.relativeError(MinNorm.solve(x, y), ejmlPinvTimes(x, y), 1e-300),
                lessThanOrEqualTo(SOLUTION_RELATIVE_TOL));
    }

    @Test
    void solvesTheNormalEquationsForATallDesign() {
        // Full column rank: X⁺y is the ordinary least-squares solution (XᵀX)⁻¹Xᵀy.
        Rng rng = new Rng(SEED + 6);
        Mat x = RandomDesigns.gaussian(12, 5, 1.0, rng.split());
        double[] y = rng.split().gaussianVector(12, 1.0);
        double[] expected = Cholesky.solve(Ops.multTransA(x, x, null), Ops.gemvT(x, y, null));
        assertThat(Vec.relativeError(MinNorm.solve(x, y), expected, 1e-300), lessThanOrEqualTo(SOLUTION_RELATIVE_TOL));
    }

    @Test
    void addingANullSpaceVectorIncreasesTheNorm() {
        Rng rng = new Rng(SEED + 7);
        Mat x = wide(rng.split());
        double[] w = MinNorm.solve(x, rng.split().gaussianVector(5, 1.0));
        double normSq = Vec.dot(w, w);
        Rng dirs = rng.split();
        int compared = 0;
        for (int k = 0; k < 20; k++) {
            double[] z = MinNorm.projectNullSpace(x, dirs.gaussianVector(12, 1.0));
            double[] other = Vec.add(w, z);
            // still an interpolant, and Pythagoras: ‖w + z‖² = ‖w‖² + ‖z‖² since w ⟂ null(X)
            assertThat(Vec.distance(Ops.gemv(x, other, null), Ops.gemv(x, w, null)), lessThanOrEqualTo(ABSOLUTE_TOL));
            assertThat(Vec.norm2(other), greaterThan(Vec.norm2(w)));
            assertEquals(normSq + Vec.dot(z, z), Vec.dot(other, other), ABSOLUTE_TOL * (1 + normSq));
            compared++;
        }
        assertEquals(20, compared);
    }

    @Test
    void closestInterpolantIsTheInterpolantNearestTheStart() {
        Rng rng = new Rng(SEED + 8);
        Mat x = wide(rng.split());
        double[] y = rng.split().gaussianVector(5, 1.0);
        double[] w0 = rng.split().gaussianVector(12, 1.0);
        double[] w = MinNorm.closestInterpolant(x, y, w0);
        assertThat("interpolates", Vec.distance(Ops.gemv(x, w, null), y), lessThanOrEqualTo(ABSOLUTE_TOL));
        assertThat("w − w₀ lies in the row space",
                Vec.norm2(MinNorm.projectNullSpace(x, Vec.sub(w, w0))), lessThanOrEqualTo(ABSOLUTE_TOL));
        double best = Vec.distance(w, w0);
        Rng dirs = rng.split();
        for (int k = 0; k < 20; k++) {
            double[] other = Vec.add(w, MinNorm.projectNullSpace(x, dirs.gaussianVector(12, 1.0)));
            assertThat(Vec.distance(other, w0), greaterThanOrEqualTo(best));
        }
    }

    @Test
    void closestInterpolantFromZeroIsTheMinimumNormSolution() {
        Rng rng = new Rng(SEED + 9);
        Mat x = wide(rng.split());
        double[] y = rng.split().gaussianVector(5, 1.0);
        assertThat(Vec.distance(MinNorm.closestInterpolant(x, y, new double[12]), MinNorm.solve(x, y)),
                lessThanOrEqualTo(ABSOLUTE_TOL));
    }

    @Test
    void projectionsSplitAVectorOrthogonally() {
        Rng rng = new Rng(SEED + 10);
        Mat x = wide(rng.split());
        double[] w = rng.split().gaussianVector(12, 1.0);
        double[] row = MinNorm.projectRowSpace(x, w);
        double[] nul = MinNorm.projectNullSpace(x, w);
        assertThat("sum", Vec.distance(Vec.add(row, nul), w), lessThanOrEqualTo(ABSOLUTE_TOL));
        assertThat("orthogonal", Math.abs(Vec.dot(row, nul)), lessThanOrEqualTo(ABSOLUTE_TOL));
        assertThat("idempotent", Vec.distance(MinNorm.projectRowSpace(x, row), row), lessThanOrEqualTo(ABSOLUTE_TOL));
        assertThat("X kills the null-space part", Vec.norm2(Ops.gemv(x, nul, null)), lessThanOrEqualTo(ABSOLUTE_TOL));
    }

    @Test
    void pseudoInverseSatisfiesThePenroseConditions() {
        Mat x = MatrixChecks.lowRank(6, 9, 4, new Rng(SEED + 11));
        Mat p = MinNorm.pseudoInverse(x);
        Mat xp = Ops.mult(x, p, null);
        Mat px = Ops.mult(p, x, null);
        assertThat("X X⁺ X = X", MatrixChecks.relativeFrobenius(Ops.mult(xp, x, null), x),
                lessThanOrEqualTo(SOLUTION_RELATIVE_TOL));
        assertThat("X⁺ X X⁺ = X⁺", MatrixChecks.relativeFrobenius(Ops.mult(px, p, null), p),
                lessThanOrEqualTo(SOLUTION_RELATIVE_TOL));
        assertThat("X X⁺ symmetric", Ops.maxAbsDiff(xp, Ops.transpose(xp)), lessThanOrEqualTo(ABSOLUTE_TOL));
        assertThat("X⁺ X symmetric", Ops.maxAbsDiff(px, Ops.transpose(px)), lessThanOrEqualTo(ABSOLUTE_TOL));
    }

    @Test
    void pseudoInverseMatchesEjml() {
        Mat x = wide(new Rng(SEED + 12));
        DMatrixRMaj expected = new DMatrixRMaj(12, 5);
        CommonOps_DDRM.pinv(MatrixChecks.toEjml(x), expected);
        assertThat(MatrixChecks.relativeFrobenius(MinNorm.pseudoInverse(x), MatrixChecks.fromEjml(expected)),
                lessThanOrEqualTo(SOLUTION_RELATIVE_TOL));
    }

    /** Both routes of solve, wide and tall, at the sizes of the sweeps: QR and SVD give one X⁺y. */
    @Test
    void pivotedQrRouteAgreesWithTheSvdRoute() {
        Rng rng = new Rng(SEED + 20);
        for (int[] shape : new int[][] {{50, 500}, {50, 55}, {50, 50}, {50, 30}, {7, 3}}) {
            Mat x = RandomDesigns.gaussian(shape[0], shape[1], 1.0, rng.split());
            double[] y = rng.split().gaussianVector(shape[0], 1.0);
            assertThat(Arrays.toString(shape), Vec.relativeError(MinNorm.solve(x, y),
                    MinNorm.solveBySvd(x, y), 1e-300), lessThanOrEqualTo(SOLUTION_RELATIVE_TOL));
        }
    }

    /**
     * An ill-conditioned wide X (singular values 1 … 10⁻⁶, κ = 10⁶) still passes the QR route's rank
     * test, and both routes agree to κε·10 ≈ 2·10⁻⁹ relative (both are backward stable).
     */
    @Test
    void illConditionedDesignTakesTheQrRouteAndAgreesWithTheSvd() {
        Rng rng = new Rng(SEED + 22);
        int m = 20;
        int n = 60;
        Mat u = RandomDesigns.randomOrthogonal(m, rng.split());
        Mat v = RandomDesigns.randomOrthogonal(n, rng.split());
        Mat x = new Mat(m, n);
        for (int k = 0; k < m; k++) {
            double s = Math.pow(1e-6, k / (m - 1.0));
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    x.set(i, j, x.get(i, j) + s * u.get(i, k) * v.get(j, k));
                }
            }
        }
        double[] y = rng.split().gaussianVector(m, 1.0);
        assertThat(PivotedQr.ofTranspose(x).diagonalRatio(), greaterThanOrEqualTo(MinNorm.QR_DIAGONAL_RATIO));
        assertThat(Vec.relativeError(MinNorm.solve(x, y), MinNorm.solveBySvd(x, y), 1e-300),
                lessThanOrEqualTo(1e6 * Math.ulp(1.0) * 10));
    }

    /** A rank-deficient X (a repeated row) fails the QR route's rank test and gets the SVD's answer. */
    @Test
    void rankDeficientDesignFallsBackToTheSvd() {
        Rng rng = new Rng(SEED + 21);
        Mat x = RandomDesigns.gaussian(4, 9, 1.0, rng.split());
        System.arraycopy(x.data(), 0, x.data(), 9, 9);
        double[] y = rng.split().gaussianVector(4, 1.0);
        y[1] = y[0];
        assertEquals(3, MinNorm.rank(x));
        assertThat(PivotedQr.ofTranspose(x).diagonalRatio(),
                lessThan(MinNorm.QR_DIAGONAL_RATIO));
        double[] w = MinNorm.solve(x, y);
        assertEquals(0.0, Vec.distance(w, MinNorm.solveBySvd(x, y)), 0.0);
        assertThat(Vec.distance(Ops.gemv(x, w, null), y), lessThanOrEqualTo(ABSOLUTE_TOL));
    }

    @Test
    void zeroDesignGivesTheZeroSolution() {
        double[] w = MinNorm.solve(new Mat(3, 4), new double[] {1, 2, 3});
        assertEquals(0.0, Vec.norm2(w), 0.0);
    }

    @Test
    void rejectsMismatchedShapes() {
        Mat x = new Mat(3, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MinNorm.solve(x, new double[4]));
        assertThat(e.getMessage(), containsString("3x4"));
        assertThrows(IllegalArgumentException.class, () -> MinNorm.projectRowSpace(x, new double[3]));
        assertThrows(IllegalArgumentException.class, () -> MinNorm.closestInterpolant(x, new double[3], new double[3]));
        assertMessage("y has length 4, X is 3x4", () -> MinNorm.closestInterpolant(x, new double[4], new double[4]));
        assertMessage("w0 has length 3, X is 3x4", () -> MinNorm.closestInterpolant(x, new double[3], new double[3]));
    }

    /**
     * Documents the ND4J trap (README, "Numerics"). Observed with ND4J 1.0.0-M2.1 on this seed:
     * {@code pinvert} returns a 12×5 DOUBLE matrix whose product with y interpolates the data but
     * is a basic solution (QR-based, exactly zero in the last 7 coordinates): ‖w‖ ≈ 16.2 against
     * ‖X⁺y‖ ≈ 0.83, and ND4J's 12×5 matrix differs from X⁺ by ≈ 14× ‖X⁺‖_F. Its answer carries a large
     * null-space component, so it is not the minimum-norm solution.
     */
    @Test
    void nd4jPinvertIsNotMinimumNormForAWideMatrix() {
        Rng rng = new Rng(SEED + 13);
        Mat x = wide(rng.split());
        double[] y = rng.split().gaussianVector(5, 1.0);
        INDArray pinv = InvertMatrix.pinvert(Nd4jBridge.toNd4j(x), false);
        assertEquals(DataType.DOUBLE, pinv.dataType());
        double[] theirs = Ops.gemv(Nd4jBridge.fromNd4j(pinv), y, null);
        double[] ours = MinNorm.solve(x, y);

        // It does solve the system ...
        assertThat(Vec.distance(Ops.gemv(x, theirs, null), y), lessThanOrEqualTo(ABSOLUTE_TOL * 10));
        // ... but is not the min-norm solution: it differs from ours by far more than rounding,
        // is longer, and the difference lies in the null space of X.
        assertThat(Vec.relativeError(theirs, ours, 1e-300), greaterThan(ND4J_MISS_MARGIN));
        assertThat(Vec.norm2(theirs), greaterThan((1 + ND4J_MISS_MARGIN) * Vec.norm2(ours)));
        assertThat(Vec.norm2(MinNorm.projectNullSpace(x, theirs)), greaterThan(ND4J_MISS_MARGIN * Vec.norm2(ours)));
    }

    private static double[] ejmlPinvTimes(Mat x, double[] y) {
        DMatrixRMaj pinv = new DMatrixRMaj(x.cols(), x.rows());
        CommonOps_DDRM.pinv(MatrixChecks.toEjml(x), pinv);
        DMatrixRMaj w = new DMatrixRMaj(x.cols(), 1);
        CommonOps_DDRM.mult(pinv, MatrixChecks.ejmlColumn(y), w);
        return w.getData();
    }
}
