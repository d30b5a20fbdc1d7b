package theorycheck.linalg;

/**
 * Householder QR with column pivoting, A Π = Q R, of a matrix A with at least as many rows as
 * columns (LAPACK {@code dgeqp3}'s factorization, in plain Java), and the least-squares solves
 * it gives.
 *
 * <p>A is held column by column, each column contiguous, so a reflector's dot product and update
 * run over contiguous memory: {@link #ofTranspose} factors Aᵀ of a row-major matrix without
 * copying it into another order (the rows of A are the columns of Aᵀ). Step k swaps in the
 * remaining column of largest norm (lowest index on ties), so |r_00| ≥ |r_11| ≥ … and
 * {@link #diagonalRatio()} = |r_kk|min / |r_00| is a cheap estimate of 1/κ(A): a ratio near 0
 * says A is (nearly) rank-deficient and a rank-revealing SVD should decide instead. The trailing
 * column norms that choose the pivots are downdated step by step and recomputed when cancellation
 * has eaten half their digits (LAPACK's rule); R's diagonal itself is always computed exactly.
 *
 * @see "G. H. Golub, C. F. Van Loan, Matrix Computations, 4th ed., §5.2.1 and §5.4.2"
 */
public final class PivotedQr {
    private static final double SQRT_EPS = Math.sqrt(Math.ulp(1.0));
    private final int rows;
    private final int cols;
    /** Column-major rows×cols: R on and above the diagonal, the reflectors' tails below it. */
    private final double[] a;
    private final double[] tau;
    /** Column k of AΠ is column perm[k] of A. */
    private final int[] perm;

    private PivotedQr(int rows, int cols, double[] a) {
        if (rows < cols) {
            throw new IllegalArgumentException("PivotedQr: " + rows + "x" + cols + " has fewer rows than columns");
        }
        this.rows = rows;
        this.cols = cols;
        this.a = a;
        this.tau = new double[cols];
        this.perm = new int[cols];
        factor();
    }

    /** The factorization of A (m×n, m ≥ n), not modified. */
    public static PivotedQr of(Mat x) {
        return new PivotedQr(x.rows(), x.cols(), Ops.transpose(x).data());
    }

    /** The factorization of Aᵀ for A m×n with m ≤ n, not modified. */
    public static PivotedQr ofTranspose(Mat x) {
        return new PivotedQr(x.cols(), x.rows(), x.data().clone());
    }

    /** |r_kk|min / |r_00| (0 for a zero matrix or a zero pivot; 1 when there are no columns). */
    public double diagonalRatio() {
        if (cols == 0) {
            return 1;
        }
        double first = Math.abs(a[0]);
        double min = first;
        for (int k = 1; k < cols; k++) {
            min = Math.min(min, Math.abs(a[k * rows + k]));
        }
        return first == 0 ? 0 : min / first;
    }

    /**
     * For A = Xᵀ (X wide, full row rank): w = X⁺y, the interpolant of least ℓ2 norm. From
     * Πᵀ X = Rᵀ Qᵀ: solve Rᵀ z = Πᵀ y, then w = Q z.
     *
     * @param y length = columns of A (rows of X)
     * @return a new array of length rows of A
     */
    public double[] minNormInterpolant(double[] y) {
        requireLength(y, cols, "y");
        double[] w = new double[rows];
        for (int k = 0; k < cols; k++) {
            double s = y[perm[k]];
            int col = k * rows;
            for (int i = 0; i < k; i++) {
                s -= a[col + i] * w[i];
            }
            w[k] = s / a[col + k];
        }
        for (int k = cols - 1; k >= 0; k--) {
            reflect(k, w, 0);
        }
        return w;
    }

    /**
     * For A = X (X tall, full column rank): the least-squares solution w = X⁺y. From X Π = Q R:
     * u = R⁻¹ (Qᵀy)[0:n], w = Π u.
     *
     * @param y length = rows of A
     * @return a new array of length columns of A
     */
    public double[] leastSquares(double[] y) {
        requireLength(y, rows, "y");
        double[] c = y.clone();
        for (int k = 0; k < cols; k++) {
            reflect(k, c, 0);
        }
        double[] u = new double[cols];
        for (int k = cols - 1; k >= 0; k--) {
            double s = c[k];
            for (int j = k + 1; j < cols; j++) {
                s -= a[j * rows + k] * u[j];
            }
            u[k] = s / a[k * rows + k];
        }
        double[] w = new double[cols];
        for (int k = 0; k < cols; k++) {
            w[perm[k]] = u[k];
        }
        return w;
    }

    private void factor() {
        double[] norm2 = new double[cols];
        double[] exact2 = new double[cols];
        for (int j = 0; j < cols; j++) {
            perm[j] = j;
            norm2[j] = sumOfSquares(j * rows, rows);
            exact2[j] = norm2[j];
        }
        for (int k = 0; k < cols; k++) {
            int pivot = k;
            for (int j = k + 1; j < cols; j++) {
                if (norm2[j] > norm2[pivot]) {
                    pivot = j;
                }
            }
            if (pivot != k) {
                swapColumns(k, pivot);
                swap(norm2, k, pivot);
                swap(exact2, k, pivot);
                int p = perm[k];
                perm[k] = perm[pivot];
                perm[pivot] = p;
            }
            householder(k);
            int j0 = k + 1;
            for (; j0 + 1 < cols; j0 += 2) {
                applyToPair(k, j0);
            }
            if (j0 < cols) {
                reflect(k, a, j0 * rows);
            }
            for (int j = k + 1; j < cols; j++) {
                // Downdate the norm of column j below row k by r_kj² (LAPACK dlaqp2); recompute it
                // when it has lost more than half its digits to cancellation since it was exact.
                double rkj = a[j * rows + k];
                norm2[j] = Math.max(norm2[j] - rkj * rkj, 0);
                if (norm2[j] <= SQRT_EPS * exact2[j]) {
                    norm2[j] = sumOfSquares(j * rows + k + 1, rows - k - 1);
                    exact2[j] = norm2[j];
                }
            }
        }
    }

    /** The reflector H_k = I − τ v vᵀ (v_k = 1) that maps column k's tail onto r_kk e_k (LAPACK dlarfg). */
    private void householder(int k) {
        int col = k * rows;
        double alpha = a[col + k];
        double sigma = sumOfSquares(col + k + 1, rows - k - 1);
        if (sigma == 0) {
            tau[k] = 0;
            return;
        }
        double norm = Math.sqrt(alpha * alpha + sigma);
        double beta = alpha >= 0 ? -norm : norm;
        tau[k] = (beta - alpha) / beta;
        double scale = 1 / (alpha - beta);
        for (int i = col + k + 1; i < col + rows; i++) {
            a[i] *= scale;
        }
        a[col + k] = beta;
    }

    /** Applies H_k to columns j and j + 1, reading the reflector once for both (the same sums as {@link #reflect} on each). */
    private void applyToPair(int k, int j) {
        double t = tau[k];
        if (t == 0) {
            return;
        }
        int vk = k * rows;
        int c0 = j * rows;
        int c1 = c0 + rows;
        int len = rows - k - 1;
        int p = vk + k + 1;
        int q0 = c0 + k + 1;
        int q1 = c1 + k + 1;
        double s00 = 0;
        double s01 = 0;
        double s02 = 0;
        double s03 = 0;
        double s10 = 0;
        double s11 = 0;
        double s12 = 0;
        double s13 = 0;
        int i = 0;
        for (; i + 3 < len; i += 4) {
            double v0 = a[p + i];
            double v1 = a[p + i + 1];
            double v2 = a[p + i + 2];
            double v3 = a[p + i + 3];
            s00 += v0 * a[q0 + i];
            s01 += v1 * a[q0 + i + 1];
            s02 += v2 * a[q0 + i + 2];
            s03 += v3 * a[q0 + i + 3];
            s10 += v0 * a[q1 + i];
            s11 += v1 * a[q1 + i + 1];
            s12 += v2 * a[q1 + i + 2];
            s13 += v3 * a[q1 + i + 3];
        }
        for (; i < len; i++) {
            s00 += a[p + i] * a[q0 + i];
            s10 += a[p + i] * a[q1 + i];
        }
        double f0 = t * (a[c0 + k] + ((s00 + s01) + (s02 + s03)));
        double f1 = t * (a[c1 + k] + ((s10 + s11) + (s12 + s13)));
        a[c0 + k] -= f0;
        a[c1 + k] -= f1;
        for (i = 0; i < len; i++) {
            double v = a[p + i];
            a[q0 + i] -= f0 * v;
            a[q1 + i] -= f1 * v;
        }
    }

    /** x[offset + i] ← (H_k x)_i for i &lt; rows: a column of {@code a} or a vector (offset 0). */
    private void reflect(int k, double[] x, int offset) {
        double t = tau[k];
        if (t == 0) {
            return;
        }
        int vk = k * rows;
        double f = t * (x[offset + k] + dot(a, vk + k + 1, x, offset + k + 1, rows - k - 1));
        x[offset + k] -= f;
        for (int i = k + 1; i < rows; i++) {
            x[offset + i] -= f * a[vk + i];
        }
    }

    /** Σ u[p+i]·v[q+i], i &lt; len, in four interleaved partial sums (a fixed order). */
    private static double dot(double[] u, int p, double[] v, int q, int len) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < len; i += 4) {
            s0 += u[p + i] * v[q + i];
            s1 += u[p + i + 1] * v[q + i + 1];
            s2 += u[p + i + 2] * v[q + i + 2];
            s3 += u[p + i + 3] * v[q + i + 3];
        }
        for (; i < len; i++) {
            s0 += u[p + i] * v[q + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    private double sumOfSquares(int p, int len) {
        return dot(a, p, a, p, len);
    }

    private void swapColumns(int j, int k) {
        int cj = j * rows;
        int ck = k * rows;
        for (int i = 0; i < rows; i++) {
            double t = a[cj + i];
            a[cj + i] = a[ck + i];
            a[ck + i] = t;
        }
    }

    private static void swap(double[] v, int i, int j) {
        double t = v[i];
        v[i] = v[j];
        v[j] = t;
    }

    private static void requireLength(double[] v, int length, String name) {
        if (v.length != length) {
            throw new IllegalArgumentException("PivotedQr: " + name + " has length " + v.length + ", expected " + length);
        }
    }
}
