package theorycheck.linalg;

/**
 * Basic dense operations on {@link Mat}. Outputs come last, may be {@code null} (then a new
 * matrix is allocated) and are returned; an output that aliases an input is rejected.
 */
public final class Ops {
    /** Above this many multiply-adds a product is sent to ND4J's BLAS. */
    static final long BLAS_THRESHOLD = 2_000_000L;

    private Ops() {
    }

    /**
     * c = a·b.
     *
     * @param a m×k, not modified
     * @param b k×n, not modified
     * @param c m×n, modified; may be null
     */
    public static Mat mult(Mat a, Mat b, Mat c) {
        checkInner(a.cols(), b.rows(), "mult");
        c = output(c, a.rows(), b.cols(), a, b);
        if (viaBlas(a.rows(), a.cols(), b.cols())) {
            return Nd4jBridge.gemm(a, false, b, false, c);
        }
        int m = a.rows(), k = a.cols(), n = b.cols();
        double[] ad = a.data(), bd = b.data(), cd = c.data();
        java.util.Arrays.fill(cd, 0.0);
        for (int i = 0; i < m; i++) {
            int ci = i * n;
            for (int p = 0; p < k; p++) {
                double aip = ad[i * k + p];
                if (aip == 0.0) {
                    continue;
                }
                int bp = p * n;
                for (int j = 0; j < n; j++) {
                    cd[ci + j] += aip * bd[bp + j];
                }
            }
        }
        return c;
    }

    /**
     * c = aᵀ·b.
     *
     * @param a k×m, not modified
     * @param b k×n, not modified
     * @param c m×n, modified; may be null
     */
    public static Mat multTransA(Mat a, Mat b, Mat c) {
        checkInner(a.rows(), b.rows(), "multTransA");
        c = output(c, a.cols(), b.cols(), a, b);
        if (viaBlas(a.rows(), a.cols(), b.cols())) {
            return Nd4jBridge.gemm(a, true, b, false, c);
        }
        int k = a.rows(), m = a.cols(), n = b.cols();
        double[] ad = a.data(), bd = b.data(), cd = c.data();
        java.util.Arrays.fill(cd, 0.0);
        for (int p = 0; p < k; p++) {
            int ap = p * m, bp = p * n;
            for (int i = 0; i < m; i++) {
                double api = ad[ap + i];
                if (api == 0.0) {
                    continue;
                }
                int ci = i * n;
                for (int j = 0; j < n; j++) {
                    cd[ci + j] += api * bd[bp + j];
                }
            }
        }
        return c;
    }

    /**
     * c = a·bᵀ.
     *
     * @param a m×k, not modified
     * @param b n×k, not modified
     * @param c m×n, modified; may be null
     */
    public static Mat multTransB(Mat a, Mat b, Mat c) {
        checkInner(a.cols(), b.cols(), "multTransB");
        c = output(c, a.rows(), b.rows(), a, b);
        if (viaBlas(a.rows(), a.cols(), b.rows())) {
            return Nd4jBridge.gemm(a, false, b, true, c);
        }
        int m = a.rows(), k = a.cols(), n = b.rows();
        double[] ad = a.data(), bd = b.data(), cd = c.data();
        for (int i = 0; i < m; i++) {
            int ai = i * k;
            for (int j = 0; j < n; j++) {
                int bj = j * k;
                double s = 0.0;
                for (int p = 0; p < k; p++) {
                    s += ad[ai + p] * bd[bj + p];
                }
                cd[i * n + j] = s;
            }
        }
        return c;
    }

    /** y = A·x for a vector x (length cols); y has length rows. y modified, may be null. */
    public static double[] gemv(Mat a, double[] x, double[] y) {
        int m = a.rows(), n = a.cols();
        if (x.length != n) {
            throw new IllegalArgumentException("gemv: x has length " + x.length + ", A is " + m + "x" + n);
        }
        if (y == null) {
            y = new double[m];
        } else if (y.length != m || y == x) {
            throw new IllegalArgumentException("gemv: bad output");
        }
        double[] ad = a.data();
        for (int i = 0; i < m; i++) {
            int o = i * n;
            double s = 0.0;
            for (int j = 0; j < n; j++) {
                s += ad[o + j] * x[j];
            }
            y[i] = s;
        }
        return y;
    }

    /** y = Aᵀ·x for a vector x (length rows); y has length cols. y modified, may be null. */
    public static double[] gemvT(Mat a, double[] x, double[] y) {
        int m = a.rows(), n = a.cols();
        if (x.length != m) {
            throw new IllegalArgumentException("gemvT: x has length " + x.length + ", A is " + m + "x" + n);
        }
        if (y == null) {
            y = new double[n];
        } else if (y.length != n || y == x) {
            throw new IllegalArgumentException("gemvT: bad output");
        }
        java.util.Arrays.fill(y, 0.0);
        double[] ad = a.data();
        for (int i = 0; i < m; i++) {
            double xi = x[i];
            if (xi == 0.0) {
                continue;
            }
            int o = i * n;
            for (int j = 0; j < n; j++) {
                y[j] += ad[o + j] * xi;
            }
        }
        return y;
    }

    /** Rows {@code idx} of A, in that order, as a new matrix. */
    public static Mat selectRows(Mat a, int[] idx) {
        Mat out = new Mat(idx.length, a.cols());
        for (int i = 0; i < idx.length; i++) {
            System.arraycopy(a.data(), idx[i] * a.cols(), out.data(), i * a.cols(), a.cols());
        }
        return out;
    }

    public static double[] selectEntries(double[] v, int[] idx) {
        double[] out = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = v[idx[i]];
        }
        return out;
    }

    public static Mat transpose(Mat a) {
        Mat t = new Mat(a.cols(), a.rows());
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < a.cols(); j++) {
                t.data()[j * a.rows() + i] = a.data()[i * a.cols() + j];
            }
        }
        return t;
    }

    /** c = a + s·b, entrywise. c may be null or alias a. */
    public static Mat addScaled(Mat a, double s, Mat b, Mat c) {
        if (!a.sameShape(b)) {
            throw new IllegalArgumentException("addScaled: shapes differ");
        }
        c = c == null ? new Mat(a.rows(), a.cols()) : c;
        double[] ad = a.data(), bd = b.data(), cd = c.data();
        for (int i = 0; i < ad.length; i++) {
            cd[i] = ad[i] + s * bd[i];
        }
        return c;
    }

    public static Mat scale(double s, Mat a) {
        Mat c = a.copy();
        double[] d = c.data();
        for (int i = 0; i < d.length; i++) {
            d[i] *= s;
        }
        return c;
    }

    public static double trace(Mat a) {
        double t = 0;
        for (int i = 0; i < Math.min(a.rows(), a.cols()); i++) {
            t += a.get(i, i);
        }
        return t;
    }

    /** Largest |a_ij − b_ij|. */
    public static double maxAbsDiff(Mat a, Mat b) {
        if (!a.sameShape(b)) {
            throw new IllegalArgumentException("maxAbsDiff: shapes differ");
        }
        double m = 0;
        for (int i = 0; i < a.size(); i++) {
            m = Math.max(m, Math.abs(a.data()[i] - b.data()[i]));
        }
        return m;
    }

    /**
     * Whether a product of this many multiply-adds goes to ND4J's BLAS. Either path computes the same
     * product (to rounding); the choice is about speed only.
     */
    static boolean viaBlas(long m, long k, long n) {
        return m * k * n > BLAS_THRESHOLD;
    }

    private static void checkInner(int left, int right, String op) {
        if (left != right) {
            throw new IllegalArgumentException(op + ": inner dimensions " + left + " and " + right + " differ");
        }
    }

    private static Mat output(Mat c, int rows, int cols, Mat a, Mat b) {
        if (c == null) {
            return new Mat(rows, cols);
        }
        if (c == a || c == b || c.data() == a.data() || c.data() == b.data()) {
            throw new IllegalArgumentException("output aliases an input");
        }
        if (c.rows() != rows || c.cols() != cols) {
            throw new IllegalArgumentException("output is " + c.rows() + "x" + c.cols() + ", expected " + rows + "x" + cols);
        }
        return c;
    }
}
