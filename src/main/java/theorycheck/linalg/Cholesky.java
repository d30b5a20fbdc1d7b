package theorycheck.linalg;

/**
 * Cholesky factorization A = L Lᵀ of a symmetric positive definite matrix, and solves with it.
 *
 * <p>Only the lower triangle of A is read; symmetry is the caller's contract (a Gram matrix plus a
 * ridge term is symmetric by construction). A pivot that is not strictly positive and finite means
 * A is not positive definite (up to rounding) and is reported, never patched with a jitter.
 */
public final class Cholesky {
    private Cholesky() {
    }

    /**
     * The lower-triangular L with A = L Lᵀ.
     *
     * @param spd n×n symmetric positive definite, not modified (only the lower triangle is read)
     * @return a new n×n lower-triangular matrix
     * @throws IllegalArgumentException if spd is not square or not positive definite, naming the
     *     failing pivot
     */
    public static Mat lower(Mat spd) {
        int n = spd.rows();
        if (spd.cols() != n) {
            throw new IllegalArgumentException("Cholesky: matrix is " + spd.rows() + "x" + spd.cols() + ", not square");
        }
        double[] a = spd.data();
        Mat l = new Mat(n, n);
        double[] ld = l.data();
        for (int j = 0; j < n; j++) {
            double d = a[j * n + j];
            for (int k = 0; k < j; k++) {
                d -= ld[j * n + k] * ld[j * n + k];
            }
            if (!(d > 0) || !Double.isFinite(d)) {
                throw new IllegalArgumentException("Cholesky: matrix is not positive definite (pivot " + j + " of " + n
                        + " is " + d + ")");
            }
            double ljj = Math.sqrt(d);
            ld[j * n + j] = ljj;
            for (int i = j + 1; i < n; i++) {
                double s = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    s -= ld[i * n + k] * ld[j * n + k];
                }
                ld[i * n + j] = s / ljj;
            }
        }
        return l;
    }

    /**
     * x = A⁻¹b for symmetric positive definite A, by L Lᵀ x = b.
     *
     * @param spd n×n symmetric positive definite, not modified
     * @param b length n, not modified
     * @return a new array x
     * @throws IllegalArgumentException if A is not positive definite or the lengths disagree
     */
    public static double[] solve(Mat spd, double[] b) {
        if (b.length != spd.rows()) {
            throw new IllegalArgumentException("Cholesky: b has length " + b.length + ", matrix is " + spd.rows() + "x"
                    + spd.cols());
        }
        return solveWithLower(lower(spd), b);
    }

    /** x with L Lᵀ x = b, for a factor from {@link #lower}; l and b not modified. */
    public static double[] solveWithLower(Mat l, double[] b) {
        int n = l.rows();
        if (l.cols() != n || b.length != n) {
            throw new IllegalArgumentException("Cholesky: factor is " + l.rows() + "x" + l.cols() + ", b has length "
                    + b.length);
        }
        double[] ld = l.data();
        double[] x = b.clone();
        for (int i = 0; i < n; i++) { // L z = b
            double s = x[i];
            for (int k = 0; k < i; k++) {
                s -= ld[i * n + k] * x[k];
            }
            x[i] = s / ld[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--) { // Lᵀ x = z
            double s = x[i];
            for (int k = i + 1; k < n; k++) {
                s -= ld[k * n + i] * x[k];
            }
            x[i] = s / ld[i * n + i];
        }
        return x;
    }
}
