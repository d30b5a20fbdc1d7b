package theorycheck.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ojalgo.matrix.store.R064Store;
import org.ojalgo.structure.Access2D;
import theorycheck.data.Rng;
import theorycheck.data.RandomDesigns;

/**
 * Test helpers shared by the linear-algebra and reference tests: conversions to the two
 * independent libraries (EJML, ojAlgo), and the error measures the tests assert on.
 */
public final class MatrixChecks {
    private MatrixChecks() {
    }

    public static DMatrixRMaj toEjml(Mat m) {
        return new DMatrixRMaj(m.rows(), m.cols(), true, m.data().clone());
    }

    public static Mat fromEjml(DMatrixRMaj d) {
        return new Mat(d.numRows, d.numCols, d.data.clone());
    }

    public static DMatrixRMaj ejmlColumn(double[] v) {
        return new DMatrixRMaj(v.length, 1, true, v.clone());
    }

    public static R064Store toOjalgo(Mat m) {
        R064Store s = R064Store.FACTORY.make(m.rows(), m.cols());
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                s.set(i, j, m.get(i, j));
            }
        }
        return s;
    }

    public static Mat fromOjalgo(Access2D<?> a) {
        Mat m = new Mat((int) a.countRows(), (int) a.countColumns());
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                m.set(i, j, a.doubleValue(i, j));
            }
        }
        return m;
    }

    /** ‖A − B‖_F / max(‖B‖_F, 1e-300). */
    public static double relativeFrobenius(Mat a, Mat reference) {
        return Vec.relativeError(a.data(), reference.data(), 1e-300);
    }

    /** max |QᵀQ − I|: how far the columns of Q are from orthonormal. */
    public static double orthonormalityError(Mat q) {
        Mat g = Ops.multTransA(q, q, null);
        return Ops.maxAbsDiff(g, Mat.identity(q.cols()));
    }

    /** An m×n Gaussian matrix of rank k (a product of m×k and k×n Gaussian factors). */
    public static Mat lowRank(int m, int n, int k, Rng rng) {
        return Ops.mult(RandomDesigns.gaussian(m, k, 1.0, rng), RandomDesigns.gaussian(k, n, 1.0, rng), null);
    }

    /** Largest |a_i − b_i| over equal-length arrays. */
    public static double maxAbsDiff(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("lengths " + a.length + " and " + b.length);
        }
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d = Math.max(d, Math.abs(a[i] - b[i]));
        }
        return d;
    }

    /** A sorted copy of v, largest first. */
    public static double[] descending(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        for (int i = 0; i < s.length / 2; i++) {
            double t = s[i];
            s[i] = s[s.length - 1 - i];
            s[s.length - 1 - i] = t;
        }
        return s;
    }
}
