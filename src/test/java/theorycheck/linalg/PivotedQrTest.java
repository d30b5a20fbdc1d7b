package theorycheck.linalg;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static theorycheck.linalg.Refusals.assertMessage;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import theorycheck.data.RandomDesigns;
import theorycheck.data.Rng;

/** The pivoted QR's solves against EJML's pseudoinverse, an independent implementation. */
class PivotedQrTest {
    private static final long SEED = 20261204L;
    /** Gaussian designs of these shapes have κ ≲ 10³; two backward-stable routes agree to ~κε·10. */
    private static final double RELATIVE_TOL = 1e-10;

    /** Wide designs through Xᵀ = QR (min-norm interpolant), tall ones through X = QR (least squares). */
    @Test
    void bothSolvesArePinvTimesY() {
        Rng rng = new Rng(SEED);
        for (int[] shape : new int[][] {{5, 12}, {30, 31}, {20, 200}, {1, 4}, {12, 5}, {31, 30}, {200, 20}, {4, 1}}) {
            Mat x = RandomDesigns.gaussian(shape[0], shape[1], 1.0, rng.split());
            double[] y = rng.split().gaussianVector(shape[0], 1.0);
            double[] w = shape[0] <= shape[1] ? PivotedQr.ofTranspose(x).minNormInterpolant(y)
                    : PivotedQr.of(x).leastSquares(y);
            assertThat(Vec.relativeError(w, ejmlPinvTimes(x, y), 1e-300), lessThanOrEqualTo(RELATIVE_TOL));
        }
    }

    /** Columns of very different norms: the pivots come largest first, whatever the column order. */
    @Test
    void pivotsBringTheLargestColumnFirst() {
        Mat x = new Mat(4, 3, new double[] {0, 0, 5, 0, 1e-3, 0, 0, 0, 1, 1, 0, 0});
        PivotedQr qr = PivotedQr.of(x);
        assertEquals(1e-3 / Math.sqrt(26), qr.diagonalRatio(), 1e-15);
        double[] y = {1, 2, 3, 4};
        assertThat(Vec.relativeError(qr.leastSquares(y), ejmlPinvTimes(x, y), 1e-300), lessThanOrEqualTo(RELATIVE_TOL));
    }

    @Test
    void rankDeficientDesignHasANearZeroDiagonalRatio() {
        Mat x = RandomDesigns.gaussian(4, 9, 1.0, new Rng(SEED + 2));
        System.arraycopy(x.data(), 0, x.data(), 27, 9);
        assertThat(PivotedQr.ofTranspose(x).diagonalRatio(), lessThanOrEqualTo(1e-14));
        assertEquals(0.0, PivotedQr.ofTranspose(new Mat(2, 3)).diagonalRatio(), 0.0);
        assertThat(PivotedQr.ofTranspose(RandomDesigns.gaussian(4, 9, 1.0, new Rng(SEED + 3))).diagonalRatio(),
                greaterThan(1e-3));
    }

    @Test
    void refusesAWideInputAndWrongLengths() {
        Mat wide = new Mat(2, 3);
        assertMessage("PivotedQr: 2x3 has fewer rows than columns", () -> PivotedQr.of(wide));
        assertMessage("PivotedQr: y has length 3, expected 2", () -> PivotedQr.ofTranspose(wide).minNormInterpolant(new double[3]));
        assertMessage("PivotedQr: y has length 2, expected 3", () -> PivotedQr.of(new Mat(3, 2)).leastSquares(new double[2]));
    }

    private static double[] ejmlPinvTimes(Mat x, double[] y) {
        DMatrixRMaj pinv = new DMatrixRMaj(x.cols(), x.rows());
        CommonOps_DDRM.pinv(MatrixChecks.toEjml(x), pinv);
        return Ops.gemv(MatrixChecks.fromEjml(pinv), y, null);
    }
}
