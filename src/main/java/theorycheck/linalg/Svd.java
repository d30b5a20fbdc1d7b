package theorycheck.linalg;

import java.util.Arrays;

/**
 * Thin singular value decomposition A = U diag(s) Vᵀ by one-sided Jacobi (Hestenes 1958), in
 * plain Java.
 *
 * <p>For an m×n matrix with r = min(m, n): U is m×r with orthonormal columns, s has length r and
 * is sorted descending, V is n×r with orthonormal columns. One-sided Jacobi rotates pairs of
 * columns of W = A·V until every pair is orthogonal; then s_j = ‖w_j‖ and u_j = w_j / s_j. It
 * works on a matrix with at least as many rows as columns, so a wide A is decomposed as Aᵀ and
 * the factors are swapped. It is slower than Golub–Kahan but simple, and it computes small
 * singular values to high relative accuracy.
 *
 * <p>Why not ND4J: {@code Nd4j.linalg().svd} is broken in 1.0.0-M2.1 and
 * {@code InvertMatrix.pinvert} does not give the minimum-norm solution for wide matrices.
 *
 * <p>Stopping rule: a sweep visits every column pair (p, q) and rotates it when
 * |w_pᵀw_q| &gt; tol·‖w_p‖‖w_q‖, with tol = max(1e-15, √m·ε) (ε = 2⁻⁵², the √m as in LAPACK
 * {@code dgesvj}, because the rounding error of an m-term dot product grows with m). The
 * decomposition has converged when a sweep rotates nothing; after {@link #MAX_SWEEPS} sweeps it
 * stops and says it has not converged.
 *
 * @see "M. R. Hestenes, Inversion of matrices by biorthogonalization, J. SIAM 6 (1958)"
 * @see "J. Demmel, K. Veselić, Jacobi's method is more accurate than QR, SIMAX 13 (1992)"
 */
public final class Svd {
    /** Sweep cap; well-conditioned inputs of the sizes used here converge in 5–12 sweeps. */
    public static final int MAX_SWEEPS = 100;

    private static final double EPS = Math.ulp(1.0);
    /** Rows of the pair order run side by side (see decomposeTall). */
    private static final int BLOCK = 4;

    private Svd() {
    }

    /**
     * A thin SVD.
     *
     * @param u m×r, orthonormal columns (left singular vectors)
     * @param s r singular values, descending, all ≥ 0
     * @param v n×r, orthonormal columns (right singular vectors)
     * @param converged whether the last sweep found every column pair orthogonal within tolerance
     * @param sweeps number of sweeps made
     * @param orthogonality largest |w_pᵀw_q| / (‖w_p‖‖w_q‖) seen in the last sweep, before rotating
     */
    public record Result(Mat u, double[] s, Mat v, boolean converged, int sweeps, double orthogonality) {
        /** r = min(m, n). */
        public int size() {
            return s.length;
        }

        /** Number of singular values above {@code cutoff}. */
        public int rank(double cutoff) {
            int k = 0;
            while (k < s.length && s[k] > cutoff) {
                k++;
            }
            return k;
        }

        /** U diag(s) Vᵀ, a new m×n matrix. */
        public Mat reconstruct() {
            Mat us = u.copy();
            int r = s.length;
            double[] d = us.data();
            for (int i = 0; i < us.rows(); i++) {
                for (int j = 0; j < r; j++) {
                    d[i * r + j] *= s[j];
                }
            }
            return Ops.multTransB(us, v, null);
        }
    }

    /**
     * Thin SVD of {@code a}.
     *
     * @param a m×n, finite entries, not modified
     * @return the decomposition; {@link Result#converged()} is false if the sweep cap was reached
     * @throws IllegalArgumentException if an entry is not finite
     */
    public static Result decompose(Mat a) {
        if (!a.isFinite()) {
            throw new IllegalArgumentException("Svd: matrix has a non-finite entry");
        }
        if (a.rows() < a.cols()) {
            // A = (Aᵀ)ᵀ = (U' S V'ᵀ)ᵀ = V' S U'ᵀ
            Result t = decomposeTall(Ops.transpose(a));
            return new Result(t.v(), t.s(), t.u(), t.converged(), t.sweeps(), t.orthogonality());
        }
        return decomposeTall(a);
    }

    /** One-sided Jacobi on m×n with m ≥ n. */
    private static Result decomposeTall(Mat a) {
        int m = a.rows();
        int n = a.cols();
        // Columns are stored contiguously (column-major, w[j] is column j) so that the inner
        // loops of dots and rotations run over consecutive memory.
        double[][] w = new double[n][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                w[j][i] = a.get(i, j);
            }
        }
        double[][] v = new double[n][n];
        for (int j = 0; j < n; j++) {
            v[j][j] = 1.0;
        }
        double tol = Math.max(1e-15, Math.sqrt(m) * EPS);
        double[] norms = new double[n];
        int[] stepP = new int[BLOCK];
        int[] stepQ = new int[BLOCK];
        double[] gammas = new double[BLOCK];
        boolean converged = n <= 1;
        int sweeps = 0;
        double worst = 0;
        while (!converged && sweeps < MAX_SWEEPS) {
            sweeps++;
            worst = 0;
            boolean rotated = false;
            for (int j = 0; j < n; j++) {
                norms[j] = dot(w[j], w[j]);
            }
            // Rows of the cyclic order, (p, p+1), (p, p+2), …, (p, n−1), are run BLOCK at a time,
            // row p + j two steps behind row p + j − 1: the pairs of one step touch distinct
            // columns, and every column still sees its pairs in the cyclic order, so the result is
            // that of the plain loop, bit for bit, while the dot products of a step run side by side.
            for (int p0 = 0; p0 < n - 1; p0 += BLOCK) {
                int rowsInBlock = Math.min(BLOCK, n - 1 - p0);
                int lastStep = n - 1 + 2 * (rowsInBlock - 1);
                for (int step = p0 + 1; step <= lastStep; step++) {
                    int active = 0;
                    for (int j = 0; j < rowsInBlock; j++) {
                        int p = p0 + j;
                        int q = step - 2 * j;
                        if (q > p && q < n && norms[p] != 0 && norms[q] != 0) { // a zero column is orthogonal to everything
                            stepP[active] = p;
                            stepQ[active] = q;
                            active++;
                        }
                    }
                    dots(w, stepP, stepQ, active, gammas);
                    for (int k = 0; k < active; k++) {
                        int p = stepP[k];
                        int q = stepQ[k];
                        double alpha = norms[p];
                        double beta = norms[q];
                        double gamma = gammas[k];
                        double rel = Math.abs(gamma) / Math.sqrt(alpha) / Math.sqrt(beta);
                        worst = Math.max(worst, rel);
                        if (rel <= tol) {
                            continue;
                        }
                        rotated = true;
                        // Rotation that makes columns p and q orthogonal (Rutishauser's stable form).
                        double zeta = (beta - alpha) / (2 * gamma);
                        double t = Math.signum(zeta) / (Math.abs(zeta) + Math.hypot(1.0, zeta));
                        if (zeta == 0) {
                            t = 1.0;
                        }
                        double c = 1 / Math.sqrt(1 + t * t);
                        double sn = c * t;
                        rotate(w[p], w[q], c, sn);
                        rotate(v[p], v[q], c, sn);
                        // Exact update of the squared norms after the rotation; recomputing would cost
                        // another two dots per pair and is done afresh at the next sweep anyway.
                        norms[p] = alpha - t * gamma;
                        norms[q] = beta + t * gamma;
                        if (norms[p] < 0 || norms[q] < 0) { // cancellation left a rounding-level negative
                            norms[p] = dot(w[p], w[p]);
                            norms[q] = dot(w[q], w[q]);
                        }
                    }
                }
            }
            converged = !rotated;
        }

        double[] s = new double[n];
        for (int j = 0; j < n; j++) {
            s[j] = Vec.norm2(w[j]);
        }
        Integer[] order = new Integer[n];
        for (int j = 0; j < n; j++) {
            order[j] = j;
        }
        Arrays.sort(order, (i, j) -> Double.compare(s[j], s[i]));

        Mat u = new Mat(m, n);
        Mat vOut = new Mat(n, n);
        double[] sorted = new double[n];
        boolean[] missing = new boolean[n];
        for (int k = 0; k < n; k++) {
            int j = order[k];
            sorted[k] = s[j];
            for (int i = 0; i < n; i++) {
                vOut.set(i, k, v[j][i]);
            }
            if (s[j] == 0) {
                missing[k] = true;
                continue;
            }
            for (int i = 0; i < m; i++) {
                u.set(i, k, w[j][i] / s[j]);
            }
        }
        completeOrthonormal(u, missing);
        return new Result(u, sorted, vOut, converged, sweeps, worst);
    }

    /**
     * Fills the columns of u flagged {@code missing} (those of zero singular values, where
     * w_j / s_j is undefined) with unit vectors orthogonal to all other columns, so that U keeps
     * orthonormal columns for rank-deficient input.
     */
    private static void completeOrthonormal(Mat u, boolean[] missing) {
        int m = u.rows();
        int n = u.cols();
        boolean[] filled = new boolean[n];
        for (int k = 0; k < n; k++) {
            filled[k] = !missing[k];
        }
        for (int k = 0; k < n; k++) {
            if (!missing[k]) {
                continue;
            }
            // The standard basis vector with the largest component outside span(filled columns).
            double[] best = null;
            double bestNorm = -1;
            for (int e = 0; e < m; e++) {
                double[] cand = new double[m];
                cand[e] = 1.0;
                for (int pass = 0; pass < 2; pass++) { // twice is enough (Kahan–Parlett)
                    for (int c = 0; c < n; c++) {
                        if (!filled[c]) {
                            continue;
                        }
                        double d = 0;
                        for (int i = 0; i < m; i++) {
                            d += u.get(i, c) * cand[i];
                        }
                        for (int i = 0; i < m; i++) {
                            cand[i] -= d * u.get(i, c);
                        }
                    }
                }
                double nrm = Vec.norm2(cand);
                if (nrm > bestNorm) {
                    bestNorm = nrm;
                    best = cand;
                }
            }
            for (int i = 0; i < m; i++) {
                u.set(i, k, best[i] / bestNorm);
            }
            filled[k] = true;
        }
    }

    /**
     * out[k] = w[p[k]]ᵀw[q[k]] for k &lt; count, up to four at once in one loop: each sum is taken in
     * index order, exactly as {@link #dot}, but the four chains of additions overlap.
     */
    private static void dots(double[][] w, int[] p, int[] q, int count, double[] out) {
        if (count < 3) {
            for (int k = 0; k < count; k++) {
                out[k] = dot(w[p[k]], w[q[k]]);
            }
            return;
        }
        double[] a0 = w[p[0]];
        double[] b0 = w[q[0]];
        double[] a1 = w[p[1]];
        double[] b1 = w[q[1]];
        double[] a2 = w[p[2]];
        double[] b2 = w[q[2]];
        double[] a3 = count == 4 ? w[p[3]] : a2; // three pairs: the third is summed twice
        double[] b3 = count == 4 ? w[q[3]] : b2;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        for (int i = 0; i < a0.length; i++) {
            s0 += a0[i] * b0[i];
            s1 += a1[i] * b1[i];
            s2 += a2[i] * b2[i];
            s3 += a3[i] * b3[i];
        }
        out[0] = s0;
        out[1] = s1;
        out[2] = s2;
        if (count == 4) {
            out[3] = s3;
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** (a, b) ← (c·a − s·b, s·a + c·b). */
    private static void rotate(double[] a, double[] b, double c, double s) {
        for (int i = 0; i < a.length; i++) {
            double x = a[i];
            double y = b[i];
            a[i] = c * x - s * y;
            b[i] = s * x + c * y;
        }
    }
}
