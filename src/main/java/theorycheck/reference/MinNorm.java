package theorycheck.reference;

import theorycheck.linalg.Mat;
import theorycheck.linalg.Ops;
import theorycheck.linalg.PivotedQr;
import theorycheck.linalg.Svd;
import theorycheck.linalg.Vec;

/**
 * The minimum-norm least-squares solution w = X⁺y and the projections built from the
 * Moore–Penrose pseudoinverse X⁺, through a thin SVD X = U diag(s) Vᵀ ({@link Svd}).
 *
 * <p>X⁺ = V diag(1/s_i) Uᵀ over the singular values counted as non-zero, s_i &gt; max(m, n)·ε·s_max
 * (ε = 2⁻⁵², the cutoff of NumPy's {@code matrix_rank} and MATLAB's {@code pinv}); smaller ones
 * are rounding noise of a rank-deficient X and are treated as 0. For a wide X of full row rank
 * X⁺ = Xᵀ(XXᵀ)⁻¹ and X⁺y is the interpolant of least ℓ2 norm, the point GD from w₀ = 0 converges
 * to on least squares.
 *
 * <p>{@link #solve} computes X⁺y by pivoted Householder QR ({@link PivotedQr}, LAPACK's
 * {@code gelsy} route) when X is clearly of full rank, several times cheaper than the Jacobi SVD
 * for the wide designs of the sweeps, and by the SVD otherwise.
 */
public final class MinNorm {
    private static final double EPS = Math.ulp(1.0);
    /**
     * {@link #solve} takes the pivoted-QR route when |r_kk|min/|r_00| is at least this: pivoted QR's
     * smallest diagonal tracks σ_min within a modest factor on all but contrived matrices, so X
     * is then of full rank by a margin of ~10⁵ over the SVD's cutoff max(m, n)·ε·s_max (≤ 10⁻¹³
     * here), and QR's answer is the same X⁺y to rounding (both backward stable). Below it the
     * rank-revealing SVD decides.
     */
    static final double QR_DIAGONAL_RATIO = 1e-8;

    private MinNorm() {
    }

    /** The cutoff max(m, n)·ε·s_max below which singular values count as zero. */
    public static double rankCutoff(Mat x, double sMax) {
        return Math.max(x.rows(), x.cols()) * EPS * sMax;
    }

    /** Numerical rank: the number of s_i above {@link #rankCutoff}. */
    public static int rank(Mat x) {
        Svd.Result svd = decompose(x);
        return svd.rank(rankCutoff(x, sMax(svd)));
    }

    /**
     * w = X⁺y: among the minimizers of ‖Xw − y‖₂, the one of least ‖w‖₂.
     *
     * @param x m×n design, not modified
     * @param y length m, not modified
     * @return a new array of length n
     */
    public static double[] solve(Mat x, double[] y) {
        checkRows(x, y, "y");
        boolean wide = x.rows() <= x.cols();
        PivotedQr qr = wide ? PivotedQr.ofTranspose(x) : PivotedQr.of(x);
        if (qr.diagonalRatio() >= QR_DIAGONAL_RATIO) {
            return wide ? qr.minNormInterpolant(y) : qr.leastSquares(y);
        }
        return solveBySvd(x, y);
    }

    /** X⁺y through the SVD, whatever X's rank: the route {@link #solve} falls back on. */
    static double[] solveBySvd(Mat x, double[] y) {
        Svd.Result svd = decompose(x);
        int r = svd.rank(rankCutoff(x, sMax(svd)));
        // w = Σ_{i<r} v_i (u_iᵀy) / s_i
        double[] coef = Ops.gemvT(svd.u(), y, null);
        double[] w = new double[x.cols()];
        Mat v = svd.v();
        int k = v.cols();
        double[] vd = v.data();
        for (int i = 0; i < r; i++) {
            double c = coef[i] / svd.s()[i];
            for (int j = 0; j < w.length; j++) {
                w[j] += vd[j * k + i] * c;
            }
        }
        return w;
    }

    /**
     * w = w₀ + X⁺(y − Xw₀): the least-squares solution nearest to w₀ in ℓ2 (for a wide X of full
     * row rank, the interpolant nearest to w₀; GD on least squares from w₀ converges to it).
     *
     * @param x m×n, not modified
     * @param y length m, not modified
     * @param w0 length n, not modified
     * @return a new array of length n
     */
    public static double[] closestInterpolant(Mat x, double[] y, double[] w0) {
        checkRows(x, y, "y");
        checkCols(x, w0, "w0");
        double[] residual = Vec.sub(y, Ops.gemv(x, w0, null));
        return Vec.add(w0, solve(x, residual));
    }

    /**
     * X⁺X w = V_r V_rᵀ w: the orthogonal projection of w onto the row space of X.
     *
     * @param x m×n, not modified
     * @param w length n, not modified
     * @return a new array of length n
     */
    public static double[] projectRowSpace(Mat x, double[] w) {
        checkCols(x, w, "w");
        Svd.Result svd = decompose(x);
        int r = svd.rank(rankCutoff(x, sMax(svd)));
        Mat v = svd.v();
        int k = v.cols();
        double[] vd = v.data();
        double[] out = new double[w.length];
        for (int i = 0; i < r; i++) {
            double c = 0;
            for (int j = 0; j < w.length; j++) {
                c += vd[j * k + i] * w[j];
            }
            for (int j = 0; j < w.length; j++) {
                out[j] += vd[j * k + i] * c;
            }
        }
        return out;
    }

    /**
     * w − X⁺X w: the orthogonal projection of w onto the null space of X (the part of w that the
     * data cannot see, and that GD on least squares never changes).
     *
     * @param x m×n, not modified
     * @param w length n, not modified
     * @return a new array of length n
     */
    public static double[] projectNullSpace(Mat x, double[] w) {
        return Vec.sub(w, projectRowSpace(x, w));
    }

    /**
     * X⁺ = V diag(1/s_i) Uᵀ (singular values at or below the cutoff dropped).
     *
     * @param x m×n, not modified
     * @return a new n×m matrix
     */
    public static Mat pseudoInverse(Mat x) {
        Svd.Result svd = decompose(x);
        int r = svd.rank(rankCutoff(x, sMax(svd)));
        int m = x.rows();
        int n = x.cols();
        Mat u = svd.u();
        Mat v = svd.v();
        int k = svd.size();
        Mat p = new Mat(n, m);
        double[] pd = p.data();
        for (int i = 0; i < r; i++) {
            double inv = 1 / svd.s()[i];
            for (int a = 0; a < n; a++) {
                double va = v.data()[a * k + i] * inv;
                for (int b = 0; b < m; b++) {
                    pd[a * m + b] += va * u.data()[b * k + i];
                }
            }
        }
        return p;
    }

    private static Svd.Result decompose(Mat x) {
        Svd.Result svd = Svd.decompose(x);
        if (!svd.converged()) {
            throw new IllegalStateException("MinNorm: SVD of the " + x.rows() + "x" + x.cols()
                    + " design did not converge in " + svd.sweeps() + " sweeps (orthogonality "
                    + svd.orthogonality() + ")");
        }
        return svd;
    }

    private static double sMax(Svd.Result svd) {
        return svd.size() == 0 ? 0 : svd.s()[0];
    }

    private static void checkRows(Mat x, double[] y, String name) {
        if (y.length != x.rows()) {
            throw new IllegalArgumentException(name + " has length " + y.length + ", X is " + x.rows() + "x" + x.cols());
        }
    }

    private static void checkCols(Mat x, double[] w, String name) {
        if (w.length != x.cols()) {
            throw new IllegalArgumentException(name + " has length " + w.length + ", X is " + x.rows() + "x" + x.cols());
        }
    }
}
