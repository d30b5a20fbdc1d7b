package theorycheck.reference;

import theorycheck.linalg.Mat;
import theorycheck.linalg.Ops;
import theorycheck.linalg.SymmetricEigen;

/**
 * Stationary covariance of SGD near a quadratic minimum, and the Lyapunov equations behind it.
 *
 * <p>On L(θ) = ½(θ − θ*)ᵀH(θ − θ*) with mini-batch gradient noise ξ_t of covariance C/B (C the
 * per-example gradient covariance, B the batch size, ξ_t independent of θ_t), SGD with step α,
 * θ_{t+1} = θ_t − α(H(θ_t − θ*) + ξ_t), is the linear recursion e_{t+1} = A e_t − αξ_t with
 * A = I − αH. Its stationary covariance (it exists iff the spectral radius of A is below 1, i.e.
 * 0 &lt; αλ_i &lt; 2 for every eigenvalue of H) solves the discrete Lyapunov equation
 *
 * <pre>
 *   Σ = A Σ Aᵀ + α² C/B.
 * </pre>
 *
 * With H = U diag(λ) Uᵀ and C̃ = UᵀCU it is, exactly and for any C (commuting with H or not),
 *
 * <pre>
 *   Σ = U Σ̃ Uᵀ,   Σ̃_ij = α² C̃_ij / (B (1 − (1 − αλ_i)(1 − αλ_j)))
 *                       = α C̃_ij / (B (λ_i + λ_j − αλ_iλ_j)).
 * </pre>
 *
 * Dropping the O(α²) term gives the continuous (small-step) Lyapunov equation HΣ + ΣH = αC/B, with
 * Σ̃_ij = α C̃_ij / (B(λ_i + λ_j)); for C = σ²I the variance along eigendirection i is
 * ασ²/(2Bλ_i) (exactly: ασ²/(Bλ_i(2 − αλ_i))).
 *
 * <p>{@link #smith} solves the general equation Σ = AΣAᵀ + Q by the doubling iteration, for a
 * cross-check and for non-symmetric A.
 *
 * @see "S. Mandt, M. D. Hoffman, D. M. Blei, Stochastic gradient descent as approximate Bayesian inference, JMLR 2017"
 */
public final class Lyapunov {
    private Lyapunov() {
    }

    /**
     * The exact stationary covariance of SGD on a quadratic (the discrete Lyapunov solution).
     *
     * @param h Hessian, symmetric positive definite, not modified
     * @param c per-example gradient-noise covariance, symmetric, not modified
     * @param alpha step α &gt; 0 with αλ_max(H) &lt; 2
     * @param batch B ≥ 1
     * @return a new symmetric d×d matrix
     * @throws IllegalArgumentException if shapes disagree or the step is outside the stable range
     */
    public static Mat sgdStationary(Mat h, Mat c, double alpha, int batch) {
        return inEigenbasis(h, c, alpha, batch, true);
    }

    /**
     * The small-step limit: the solution of HΣ + ΣH = αC/B (arguments as in
     * {@link #sgdStationary}; the step need not be stable, only positive).
     */
    public static Mat continuousLimit(Mat h, Mat c, double alpha, int batch) {
        return inEigenbasis(h, c, alpha, batch, false);
    }

    private static Mat inEigenbasis(Mat h, Mat c, double alpha, int batch, boolean discrete) {
        int d = h.rows();
        if (h.cols() != d || c.rows() != d || c.cols() != d) {
            throw new IllegalArgumentException("H and C must be d×d of the same d");
        }
        if (!(alpha > 0) || batch < 1) {
            throw new IllegalArgumentException("need α > 0 and B ≥ 1, got α=" + alpha + " B=" + batch);
        }
        SymmetricEigen.Result eig = SymmetricEigen.decompose(h);
        double[] lam = eig.values();
        if (!(eig.min() > 0)) {
            throw new IllegalArgumentException("H must be positive definite, λ_min = " + eig.min());
        }
        if (discrete && !(alpha * eig.max() < 2)) {
            throw new IllegalArgumentException("no stationary covariance: αλ_max = " + alpha * eig.max() + " ≥ 2");
        }
        Mat u = eig.vectors();
        Mat ct = Ops.multTransA(u, Ops.mult(c, u, null), null);
        Mat st = new Mat(d, d);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double denom = lam[i] + lam[j] - (discrete ? alpha * lam[i] * lam[j] : 0.0);
                st.set(i, j, alpha * ct.get(i, j) / (batch * denom));
            }
        }
        return symmetrize(Ops.mult(u, Ops.multTransB(st, u, null), null));
    }

    /** The outcome of {@link #smith}: the solution, whether it converged, doubling steps used, and the last increment's relative size. */
    public record Solution(Mat sigma, boolean converged, int iterations, double lastIncrement) {
    }

    /**
     * Σ = Σ_{k≥0} Aᵏ Q (Aᵀ)ᵏ, the solution of Σ = AΣAᵀ + Q, by Smith's doubling iteration
     * Σ ← Σ + MΣMᵀ, M ← M², which sums 2ᵏ terms after k steps. It converges iff the spectral radius
     * of A is below 1; it stops when ‖MΣMᵀ‖_F ≤ relTol·‖Σ‖_F (the neglected tail is then of the
     * same relative size when the spectral radius is not too close to 1).
     *
     * @param a d×d, not modified
     * @param q d×d symmetric, not modified
     * @param relTol stopping tolerance, &gt; 0
     * @param maxIterations doubling steps allowed (each doubles the number of terms)
     */
    public static Solution smith(Mat a, Mat q, double relTol, int maxIterations) {
        if (a.rows() != a.cols() || q.rows() != a.rows() || q.cols() != a.rows()) {
            throw new IllegalArgumentException("A and Q must be d×d of the same d");
        }
        Mat sigma = q.copy();
        Mat m = a.copy();
        double inc = Double.POSITIVE_INFINITY;
        for (int k = 1; k <= maxIterations; k++) {
            Mat add = Ops.mult(m, Ops.multTransB(sigma, m, null), null);
            sigma = Ops.addScaled(sigma, 1.0, add, null);
            inc = frobenius(add) / Math.max(frobenius(sigma), Double.MIN_NORMAL);
            if (!Double.isFinite(inc)) {
                return new Solution(sigma, false, k, inc);
            }
            if (inc <= relTol) {
                return new Solution(symmetrize(sigma), true, k, inc);
            }
            m = Ops.mult(m, m, null);
        }
        return new Solution(symmetrize(sigma), false, maxIterations, inc);
    }

    /** A = I − αH, the map e ↦ Ae of SGD's error on the quadratic (before the noise); a new matrix. */
    public static Mat transition(Mat h, double alpha) {
        Mat a = Ops.scale(-alpha, h);
        for (int i = 0; i < h.rows(); i++) {
            a.set(i, i, a.get(i, i) + 1);
        }
        return a;
    }

    /** ‖Σ − AΣAᵀ − Q‖_F / ‖Q‖_F: how well Σ solves the discrete equation. */
    public static double residual(Mat sigma, Mat a, Mat q) {
        Mat asa = Ops.mult(a, Ops.multTransB(sigma, a, null), null);
        Mat r = Ops.addScaled(Ops.addScaled(sigma, -1.0, asa, null), -1.0, q, null);
        return frobenius(r) / Math.max(frobenius(q), Double.MIN_NORMAL);
    }

    private static double frobenius(Mat a) {
        double s = 0;
        for (double v : a.data()) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    private static Mat symmetrize(Mat a) {
        int d = a.rows();
        Mat out = new Mat(d, d);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                out.set(i, j, 0.5 * (a.get(i, j) + a.get(j, i)));
            }
        }
        return out;
    }
}
