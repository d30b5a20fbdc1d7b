package theorycheck.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static theorycheck.linalg.MatrixChecks.fromEjml;
import static theorycheck.linalg.MatrixChecks.toEjml;
import static theorycheck.linalg.Refusals.assertMessage;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import theorycheck.data.Rng;

/**
 * Products, transposes and entrywise operations of {@link Ops} and {@link Mat}, against EJML (an
 * independent implementation) and small known answers; bad shapes are refused with one line.
 */
class OpsTest {
    private static final double TOL = 1e-12;

    /** A Gaussian matrix with about a third of its entries exactly zero (the kernels skip zeros). */
    private static Mat sparseGaussian(int rows, int cols, long seed) {
        Rng rng = new Rng(seed);
        Mat m = new Mat(rows, cols, rng.gaussianVector(rows * cols, 1.0));
        for (int i = 0; i < m.size(); i += 3) {
            m.set(i, 0.0);
        }
        return m;
    }

    /** An output matrix full of garbage: a kernel must overwrite, not accumulate into, it. */
    private static Mat garbage(int rows, int cols) {
        Mat c = new Mat(rows, cols);
        java.util.Arrays.fill(c.data(), 7.5);
        return c;
    }

    private static void assertClose(Mat expected, Mat actual) {
        assertEquals(expected.rows(), actual.rows());
        assertEquals(expected.cols(), actual.cols());
        assertTrue(Ops.maxAbsDiff(expected, actual) <= TOL * (1 + Vec.normInf(expected.data())),
                "max |Δ| " + Ops.maxAbsDiff(expected, actual));
    }

    /** a·b, atᵀ·b and a·btᵀ against EJML, each into a fresh and into a garbage-filled output. */
    private static void assertProductsMatchEjml(Mat a, Mat b, Mat at, Mat bt) {
        int m = a.rows(), n = b.cols();
        DMatrixRMaj ab = new DMatrixRMaj(m, n);
        CommonOps_DDRM.mult(toEjml(a), toEjml(b), ab);
        DMatrixRMaj atB = new DMatrixRMaj(m, n);
        CommonOps_DDRM.multTransA(toEjml(at), toEjml(b), atB);
        DMatrixRMaj aBt = new DMatrixRMaj(m, n);
        CommonOps_DDRM.multTransB(toEjml(a), toEjml(bt), aBt);
        assertClose(fromEjml(ab), Ops.mult(a, b, null));
        assertClose(fromEjml(ab), Ops.mult(a, b, garbage(m, n)));
        assertClose(fromEjml(atB), Ops.multTransA(at, b, null));
        assertClose(fromEjml(atB), Ops.multTransA(at, b, garbage(m, n)));
        assertClose(fromEjml(aBt), Ops.multTransB(a, bt, null));
        assertClose(fromEjml(aBt), Ops.multTransB(a, bt, garbage(m, n)));
    }

    @Test
    void smallProductsAgreeWithEjmlAndOverwriteTheirOutput() {
        assertProductsMatchEjml(sparseGaussian(7, 5, 1), sparseGaussian(5, 6, 2), sparseGaussian(5, 7, 3),
                sparseGaussian(6, 5, 4));
        Mat out = garbage(7, 6);
        assertSame(out, Ops.mult(sparseGaussian(7, 5, 1), sparseGaussian(5, 6, 2), out),
                "the given output is the one returned");
    }

    @Test
    void productsAboveTheBlasThresholdAgreeWithEjml() {
        // 130·120·130 = 2.03·10⁶ multiply-adds: past Ops.BLAS_THRESHOLD, so ND4J computes them
        assertTrue(Ops.viaBlas(130, 120, 130));
        assertProductsMatchEjml(sparseGaussian(130, 120, 5), sparseGaussian(120, 130, 6), sparseGaussian(120, 130, 7),
                sparseGaussian(130, 120, 8));
    }

    @Test
    void productsGoToBlasOnlyAboveTwoMillionMultiplyAdds() {
        assertFalse(Ops.viaBlas(100, 100, 200), "exactly 2·10⁶ stays on the heap");
        assertTrue(Ops.viaBlas(100, 100, 201));
        assertTrue(Ops.viaBlas(2_000_001, 1, 1));
        assertFalse(Ops.viaBlas(1, 1, 2_000_000));
        assertTrue(Ops.viaBlas(50_000, 50_000, 50_000), "no int overflow: 1.25·10¹⁴");
    }

    @Test
    void matrixVectorProductsAgreeWithEjml() {
        Mat a = sparseGaussian(6, 4, 9);
        double[] x = {0.0, -1.5, 2.0, 0.25};
        double[] z = {1.0, 0.0, -2.0, 0.5, 0.0, 3.0};
        DMatrixRMaj ax = new DMatrixRMaj(6, 1);
        CommonOps_DDRM.mult(toEjml(a), MatrixChecks.ejmlColumn(x), ax);
        DMatrixRMaj atz = new DMatrixRMaj(4, 1);
        CommonOps_DDRM.multTransA(toEjml(a), MatrixChecks.ejmlColumn(z), atz);
        assertArrayEquals(ax.getData(), Ops.gemv(a, x, null), TOL);
        double[] y = {9, 9, 9, 9, 9, 9};
        assertSame(y, Ops.gemv(a, x, y));
        assertArrayEquals(ax.getData(), y, TOL);
        assertArrayEquals(atz.getData(), Ops.gemvT(a, z, null), TOL);
        double[] w = {9, 9, 9, 9};
        assertSame(w, Ops.gemvT(a, z, w));
        assertArrayEquals(atz.getData(), w, TOL);
    }

    @Test
    void badShapesAndAliasedOutputsAreRefusedWithOneLine() {
        Mat a = new Mat(2, 3);
        Mat b = new Mat(3, 2);
        assertMessage("mult: inner dimensions 3 and 2 differ", () -> Ops.mult(a, a, null));
        assertMessage("multTransA: inner dimensions 2 and 3 differ", () -> Ops.multTransA(a, b, null));
        assertMessage("multTransB: inner dimensions 3 and 2 differ", () -> Ops.multTransB(a, b, null));
        assertMessage("output is 2x3, expected 2x2", () -> Ops.mult(a, b, new Mat(2, 3)));
        assertMessage("output is 3x2, expected 2x2", () -> Ops.mult(a, b, new Mat(3, 2)));
        Mat square = new Mat(2, 2);
        assertMessage("output aliases an input", () -> Ops.mult(square, square.copy(), square));
        assertMessage("output aliases an input", () -> Ops.mult(square.copy(), square, square));
        assertMessage("output aliases an input", () -> Ops.mult(square, square.copy(), square.reshape(2, 2)));
        assertMessage("output aliases an input", () -> Ops.mult(square.copy(), square, square.reshape(2, 2)));
        assertMessage("gemv: x has length 2, A is 2x3", () -> Ops.gemv(a, new double[2], null));
        assertMessage("gemv: bad output", () -> Ops.gemv(a, new double[3], new double[3]));
        double[] x2 = new double[2];
        assertMessage("gemv: bad output", () -> Ops.gemv(square, x2, x2));
        assertMessage("gemvT: x has length 3, A is 2x3", () -> Ops.gemvT(a, new double[3], null));
        assertMessage("gemvT: bad output", () -> Ops.gemvT(a, new double[2], new double[2]));
        assertMessage("gemvT: bad output", () -> Ops.gemvT(square, x2, x2));
        assertMessage("addScaled: shapes differ", () -> Ops.addScaled(a, 1, b, null));
        assertMessage("addScaled: shapes differ", () -> Ops.addScaled(a, 1, new Mat(2, 2), null));
        assertMessage("maxAbsDiff: shapes differ", () -> Ops.maxAbsDiff(a, b));
        assertMessage("maxAbsDiff: shapes differ", () -> Ops.maxAbsDiff(a, new Mat(2, 2)));
        assertMessage("negative shape -1x2", () -> new Mat(-1, 2, new double[0]));
        assertMessage("negative shape 2x-1", () -> new Mat(2, -1, new double[0]));
        assertMessage("data length 5 != 2x3", () -> new Mat(2, 3, new double[5]));
        assertMessage("ragged row 1", () -> Mat.ofRows(new double[] {1, 2}, new double[] {3}));
        assertMessage("lengths differ: 2 and 3", () -> Vec.dot(new double[2], new double[3]));
        assertMessage("lengths differ: 2 and 3", () -> Vec.add(new double[2], new double[3]));
        assertMessage("lengths differ: 2 and 3", () -> Vec.sub(new double[2], new double[3]));
        assertMessage("lengths differ: 2 and 3", () -> Vec.axpyInPlace(1, new double[2], new double[3]));
    }


    @Test
    void entrywiseOperationsTransposeAndSelectionGiveKnownAnswers() {
        Mat a = Mat.ofRows(new double[] {1, -2, 3}, new double[] {4, 5, -6});
        Mat b = Mat.ofRows(new double[] {0.5, 0, 1}, new double[] {-1, 2, 0});
        assertEquals(Mat.ofRows(new double[] {2, -2, 5}, new double[] {2, 9, -6}), Ops.addScaled(a, 2, b, null));
        Mat alias = a.copy();
        assertSame(alias, Ops.addScaled(alias, -1, b, alias), "addScaled may write into its first input");
        assertEquals(Mat.ofRows(new double[] {0.5, -2, 2}, new double[] {5, 3, -6}), alias);
        assertEquals(Mat.ofRows(new double[] {-3, 6, -9}, new double[] {-12, -15, 18}), Ops.scale(-3, a));
        assertEquals(Mat.ofRows(new double[] {1, -2, 3}, new double[] {4, 5, -6}), a, "scale leaves its input");
        assertEquals(Mat.ofRows(new double[] {1, 4}, new double[] {-2, 5}, new double[] {3, -6}), Ops.transpose(a));
        assertEquals(6.0, Ops.trace(a), 0.0); // 1 + 5 on a non-square matrix
        assertEquals(6.0, Ops.trace(Ops.transpose(a)), 0.0);
        assertEquals(6.0, Ops.maxAbsDiff(a, Ops.scale(0, a).reshape(2, 3)), 0.0);
        assertEquals(7.0, Ops.maxAbsDiff(a, Ops.addScaled(a, 1, Mat.ofRows(new double[] {0, 0, 0},
                new double[] {0, 0, -7}), null)), 0.0);
        assertEquals(Mat.ofRows(new double[] {4, 5, -6}, new double[] {1, -2, 3}, new double[] {4, 5, -6}),
                Ops.selectRows(a, new int[] {1, 0, 1}));
        assertArrayEquals(new double[] {30, 10, 30}, Ops.selectEntries(new double[] {10, 20, 30}, new int[] {2, 0, 2}));
    }

    @Test
    void matrixAccessorsCopiesAndEquality() {
        Mat a = Mat.ofRows(new double[] {1, 2, 3}, new double[] {4, 5, 6});
        assertEquals(2, a.rows());
        assertEquals(3, a.cols());
        assertEquals(6, a.size());
        assertEquals(6.0, a.get(1, 2), 0.0);
        assertEquals(4.0, a.get(3), 0.0);
        assertArrayEquals(new double[] {4, 5, 6}, a.row(1));
        assertArrayEquals(new double[] {2, 5}, a.column(1));
        assertFalse(a.isVector());
        assertTrue(Mat.column(1, 2).isVector());
        assertTrue(new Mat(1, 4).isVector());
        assertEquals(Mat.ofRows(new double[] {1, 0, 0}, new double[] {0, 1, 0}, new double[] {0, 0, 1}), Mat.identity(3));
        Mat c = a.copy();
        c.set(0, 1, -2);
        c.set(5, 0);
        assertEquals(2.0, a.get(0, 1), 0.0, "a copy does not share its entries");
        assertEquals(-2.0, c.get(0, 1), 0.0);
        assertEquals(0.0, c.get(1, 2), 0.0);
        Mat r = a.reshape(3, 2);
        assertEquals(Mat.ofRows(new double[] {1, 2}, new double[] {3, 4}, new double[] {5, 6}), r);
        assertSame(a.data(), r.data(), "reshape shares the entries");
        assertTrue(a.sameShape(new Mat(2, 3)));
        assertFalse(a.sameShape(new Mat(3, 2)));
        assertFalse(a.sameShape(new Mat(2, 2)));
        assertEquals(a, a.copy());
        assertEquals(a.hashCode(), a.copy().hashCode());
        assertNotEquals(a, r);
        assertNotEquals(a, Mat.ofRows(new double[] {1, 2, 3}, new double[] {4, 5, 7}));
        assertNotEquals(a.hashCode(), r.hashCode());
        assertNotEquals(a, "Mat2x3");
        assertEquals("Mat2x3[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]", a.toString());
        assertEquals("Mat5x4", new Mat(5, 4).toString());
        assertEquals("Mat4x4[" + "0.0, ".repeat(15) + "0.0]", new Mat(4, 4).toString());
        assertTrue(a.isFinite());
        c.set(0, Double.NaN);
        assertFalse(c.isFinite());
        c.set(0, Double.POSITIVE_INFINITY);
        assertFalse(c.isFinite());
    }

    @Test
    void vectorNormsDistancesAndCosinesGiveKnownAnswers() {
        double[] v = {3, -4, 0};
        assertEquals(5.0, Vec.norm2(v), 0.0);
        assertEquals(7.0, Vec.norm1(v), 0.0);
        assertEquals(4.0, Vec.normInf(v), 0.0);
        assertEquals(0.0, Vec.norm2(new double[3]), 0.0);
        // the scaling keeps 3-4-5 exact where squaring would overflow or underflow
        assertEquals(5e200, Vec.norm2(new double[] {3e200, -4e200}), 1e186);
        assertEquals(5e-200, Vec.norm2(new double[] {-3e-200, 4e-200}), 1e-214);
        assertEquals(Double.POSITIVE_INFINITY, Vec.norm2(new double[] {1, Double.NEGATIVE_INFINITY}), 0.0);
        assertEquals(-9.0, Vec.dot(new double[] {1, 2, 3}, new double[] {-1, 2, -4}), 0.0);
        assertArrayEquals(new double[] {0, 4, -1}, Vec.add(new double[] {1, 2, 3}, new double[] {-1, 2, -4}));
        assertArrayEquals(new double[] {2, 0, 7}, Vec.sub(new double[] {1, 2, 3}, new double[] {-1, 2, -4}));
        assertArrayEquals(new double[] {-2, -4, -6}, Vec.scale(-2, new double[] {1, 2, 3}));
        double[] y = {1, 1, 1};
        Vec.axpyInPlace(2, new double[] {1, -1, 0.5}, y);
        assertArrayEquals(new double[] {3, -1, 2}, y);
        assertEquals(5.0, Vec.distance(new double[] {1, 1}, new double[] {4, -3}), 0.0);
        assertEquals(0.5, Vec.relativeError(new double[] {3, 4}, new double[] {6, 8}, 1e-3), 0.0);
        assertEquals(5.0, Vec.relativeError(new double[] {3, 4}, new double[2], 1.0), 0.0,
                "a zero reference divides by the floor");
        assertEquals(5.0 / 10.0, Vec.relativeError(new double[] {3, 4}, new double[2], 10.0), 0.0);
        assertEquals(1.0, Vec.cosine(new double[] {1, 2}, new double[] {2, 4}), 1e-15);
        assertEquals(-1.0, Vec.cosine(new double[] {1, 2}, new double[] {-3, -6}), 1e-15);
        assertEquals(0.0, Vec.cosine(new double[] {1, 2}, new double[] {-2, 1}), 0.0);
        assertEquals(0.6, Vec.cosine(new double[] {1, 0}, new double[] {3, 4}), 1e-15);
        assertTrue(Double.isNaN(Vec.cosine(new double[] {1, 2}, new double[2])));
        assertTrue(Vec.isFinite(new double[] {1, -1e308}));
        assertFalse(Vec.isFinite(new double[] {1, Double.NaN}));
        assertFalse(Vec.isFinite(new double[] {Double.NEGATIVE_INFINITY, 1}));
    }
}
