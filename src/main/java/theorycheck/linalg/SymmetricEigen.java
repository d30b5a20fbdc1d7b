package theorycheck.linalg;

import java.util.Arrays;

/**
 * Eigen-decomposition A = Q diag(λ) Qᵀ of a real symmetric matrix by the cyclic Jacobi method.
 *
 * <p>Each sweep visits every off-diagonal pair (p, q) in row order and applies the plane rotation
 * that zeroes a_pq (Rutishauser's formulas, as in Golub &amp; Van Loan §8.5). The method has
 * converged when a sweep finds every |a_pq| ≤ tol·‖A‖_F with tol = ε (2⁻⁵²): off-diagonal
 * entries are only ever mixed with other off-diagonal entries, so they shrink quadratically down
 * to that level rather than stalling at a rounding floor. Eigenvalues come out with absolute
 * error of order ε‖A‖₂.
 *
 * @see "G. H. Golub, C. F. Van Loan, Matrix Computations, 4th ed., §8.5 (Jacobi methods)"
 */
public final class SymmetricEigen {
    /** Sweep cap; Jacobi converges quadratically, typically in 6–10 sweeps. */
    public static final int MAX_SWEEPS = 100;

    /** Largest relative asymmetry max|a_ij − a_ji| / max|a_ij| accepted as rounding. */
    public static final double SYMMETRY_TOL = 1e-12;

    private static final double EPS = Math.ulp(1.0);

    private SymmetricEigen() {
    }

    /**
     * @param values eigenvalues, descending
     * @param vectors n×n orthogonal matrix whose column k is the eigenvector of values[k]
     * @param converged whether a sweep found every off-diagonal entry below tolerance
     * @param sweeps number of sweeps made
     * @param offDiagonal Frobenius norm of the off-diagonal part left at the end, relative to ‖A‖_F
     */
    public record Result(double[] values, Mat vectors, boolean converged, int sweeps, double offDiagonal) {
        /** values[0]. */
        public double max() {
            return values[0];
        }

        /** values[n−1]. */
        public double min() {
            return values[values.length - 1];
        }

        /** Column k of {@link #vectors()}. */
        public double[] vector(int k) {
            return vectors.column(k);
        }
    }

    /**
     * Eigen-decomposition of a symmetric matrix.
     *
     * @param a n×n symmetric, finite, not modified; only its symmetric part is used, after the check
     * @throws IllegalArgumentException if a is not square, has a non-finite entry, or its relative
     *     asymmetry exceeds {@link #SYMMETRY_TOL}
     */
    public static Result decompose(Mat a) {
        int n = a.rows();
        if (a.cols() != n) {
            throw new IllegalArgumentException("SymmetricEigen: matrix is " + a.rows() + "x" + a.cols() + ", not square");
        }
        if (!a.isFinite()) {
            throw new IllegalArgumentException("SymmetricEigen: matrix has a non-finite entry");
        }
        double scale = 0;
        double asym = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                scale = Math.max(scale, Math.abs(a.get(i, j)));
                asym = Math.max(asym, Math.abs(a.get(i, j) - a.get(j, i)));
            }
        }
        if (asym > SYMMETRY_TOL * scale) {
            throw new IllegalArgumentException("SymmetricEigen: matrix is not symmetric: max|a_ij − a_ji| = " + asym
                    + " exceeds " + SYMMETRY_TOL + " × max|a_ij| = " + SYMMETRY_TOL * scale);
        }
        // Work on the symmetrized copy, so rounding-level asymmetry cannot bias the result.
        double[][] w = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                w[i][j] = 0.5 * (a.get(i, j) + a.get(j, i));
            }
        }
        double[][] q = new double[n][n];
        for (int i = 0; i < n; i++) {
            q[i][i] = 1.0;
        }
        double frob = 0;
        for (double[] row : w) {
            frob += Vec.dot(row, row);
        }
        frob = Math.sqrt(frob);
        double threshold = EPS * frob;

        boolean converged = n <= 1 || frob == 0;
        int sweeps = 0;
        while (!converged && sweeps < MAX_SWEEPS) {
            sweeps++;
            boolean rotated = false;
            for (int p = 0; p < n - 1; p++) {
                for (int r = p + 1; r < n; r++) {
                    double apr = w[p][r];
                    if (Math.abs(apr) <= threshold) {
                        continue;
                    }
                    rotated = true;
                    rotate(w, q, p, r, n);
                }
            }
            converged = !rotated;
        }

        double off = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    off += w[i][j] * w[i][j];
                }
            }
        }
        double offRel = frob == 0 ? 0 : Math.sqrt(off) / frob;

        double[] diag = new double[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            diag[i] = w[i][i];
            order[i] = i;
        }
        Arrays.sort(order, (i, j) -> Double.compare(diag[j], diag[i]));
        double[] values = new double[n];
        Mat vectors = new Mat(n, n);
        for (int k = 0; k < n; k++) {
            int j = order[k];
            values[k] = diag[j];
            for (int i = 0; i < n; i++) {
                vectors.set(i, k, q[i][j]);
            }
        }
        return new Result(values, vectors, converged, sweeps, offRel);
    }

    /** A ← JᵀAJ and Q ← QJ for the rotation J in plane (p, r) that zeroes a_pr. */
    private static void rotate(double[][] a, double[][] q, int p, int r, int n) {
        double apr = a[p][r];
        double theta = (a[r][r] - a[p][p]) / (2 * apr);
        double t;
        if (Math.abs(theta) > 1e150) {
            t = 0.5 / theta; // θ² would overflow; t ≈ 1/(2θ)
        } else {
            t = (theta >= 0 ? 1.0 : -1.0) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        }
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        a[p][p] -= t * apr;
        a[r][r] += t * apr;
        a[p][r] = 0;
        a[r][p] = 0;
        for (int k = 0; k < n; k++) {
            if (k == p || k == r) {
                continue;
            }
            double akp = a[k][p];
            double akr = a[k][r];
            double nkp = c * akp - s * akr;
            double nkr = s * akp + c * akr;
            a[k][p] = nkp;
            a[p][k] = nkp;
            a[k][r] = nkr;
            a[r][k] = nkr;
        }
        for (int k = 0; k < n; k++) {
            double qkp = q[k][p];
            double qkr = q[k][r];
            q[k][p] = c * qkp - s * qkr;
            q[k][r] = s * qkp + c * qkr;
        }
    }
}
