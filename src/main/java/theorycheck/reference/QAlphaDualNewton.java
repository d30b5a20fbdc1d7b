package theorycheck.reference;

import theorycheck.linalg.Cholesky;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Ops;
import theorycheck.linalg.Svd;
import theorycheck.linalg.Vec;

/**
 * Minimizes a separable potential Φ(β) = s·Σⱼ φ(βⱼ/s) — Q_α ({@link QAlphaInterpolant}) or R_α
 * ({@link ExplicitRegularizer}) — over the interpolating set {β : Xβ = y} by
 * Newton's method on its dual.
 *
 * <p>With φ strictly convex and φ' = h⁻¹ for an increasing link h, the KKT conditions are
 * ∇Φ(β) = h⁻¹(β/s) = Xᵀμ and Xβ = y, i.e. β(μ) = s·h(Xᵀμ) with μ a minimizer of the smooth convex
 * dual
 * <pre>
 *   ψ(μ) = s·Σⱼ φ*((Xᵀμ)ⱼ) − yᵀμ,   ∇ψ = Xβ(μ) − y,   ∇²ψ = s·X diag(h'(Xᵀμ)) Xᵀ,
 * </pre>
 * where φ* is the convex conjugate. Stationarity holds by construction at every iterate, so the
 * only condition left to reach is primal feasibility; the answer is accepted only when
 * ‖Xβ − y‖ ≤ {@link #FEASIBILITY_TOL}·‖y‖. The Newton step is damped by backtracking (Armijo on ψ);
 * near the optimum ψ's decrease falls below rounding, and a step is then accepted when it reduces the
 * residual ‖∇ψ‖ instead. Needs X of full row rank (∇²ψ positive definite).
 */
final class QAlphaDualNewton {
    /** Relative feasibility ‖Xβ − y‖/‖y‖ at which the dual is solved (β is then exact to ~κ(X)·this). Rounding in ψ stalls the line search near 1e-12–1e-11 on some instances. */
    static final double FEASIBILITY_TOL = 1e-10;
    static final int MAX_ITERATIONS = 1000;
    private static final int MAX_HALVINGS = 200;
    private static final double ARMIJO = 1e-4;
    /** Largest change of any zⱼ in one step: cosh and sinh change by at most e^4 per iteration. */
    private static final double Z_CAP = 4;
    /**
     * Above this spread of the weights s·h'(z) the Hessian is formed in the SVD of its square root
     * instead: forming XDXᵀ squares the condition number, and Cholesky then "succeeds" on a matrix
     * whose small-weight directions are lost to rounding, giving a useless Newton direction.
     */
    private static final double GRADED_RATIO = 1e8;

    /** The link of a potential: β/s = h(z), its derivative, and the conjugate φ*(z). */
    interface Link {
        double h(double z);

        double hPrime(double z);

        double conjugate(double z);

        /** |z| must stay below this (∞ when h is defined everywhere). */
        double domainBound();
    }

    /**
     * @param beta the interpolant s·h(Xᵀμ)
     * @param mu the dual variable (Xᵀμ = ∇Φ(β))
     * @param iterations Newton iterations taken
     * @param relativeResidual ‖Xβ − y‖/‖y‖
     * @param converged relativeResidual ≤ {@link #FEASIBILITY_TOL}
     */
    record Solution(double[] beta, double[] mu, int iterations, double relativeResidual, boolean converged) {
    }

    private QAlphaDualNewton() {
    }

    static Solution solve(Mat x, double[] y, double s, Link link) {
        if (!(s > 0) || !Double.isFinite(s)) {
            throw new IllegalArgumentException("potential scale must be positive and finite, got " + s);
        }
        if (y.length != x.rows()) {
            throw new IllegalArgumentException("y has length " + y.length + ", X has " + x.rows() + " rows");
        }
        int m = x.rows(), d = x.cols();
        double yNorm = Math.max(Vec.norm2(y), Double.MIN_NORMAL);
        double[] mu = new double[m];
        double[] z = new double[d];
        double psi = dualValue(z, mu, y, s, link);
        double[] grad = gradient(x, y, z, s, link);
        int it = 0;
        double res = Vec.norm2(grad) / yNorm;
        while (res > FEASIBILITY_TOL && it < MAX_ITERATIONS) {
            it++;
            double[] dir = newtonDirection(x, z, grad, s, link);
            if (dir == null) {
                break;
            }
            double[] dz = Ops.gemvT(x, dir, null);
            double slope = Vec.dot(grad, dir);
            // a Newton step from far away (small s) can be ~1/s long; no step moves z by more than Z_CAP
            double t = Math.min(1, Z_CAP / Vec.normInf(dz));
            boolean accepted = false;
            double[] zNew = new double[d];
            double[] muNew = new double[m];
            for (int k = 0; k < MAX_HALVINGS && !accepted; k++, t *= 0.5) {
                if (!inDomain(z, dz, t, link.domainBound(), zNew)) {
                    continue;
                }
                for (int i = 0; i < m; i++) {
                    muNew[i] = mu[i] + t * dir[i];
                }
                double psiNew = dualValue(zNew, muNew, y, s, link);
                if (!Double.isFinite(psiNew)) {
                    continue;
                }
                boolean armijo = psiNew <= psi + ARMIJO * t * slope;
                boolean belowRounding = Math.abs(t * slope) <= 1e-13 * (Math.abs(psi) + 1);
                if (armijo) {
                    accepted = true;
                } else if (belowRounding) {
                    double[] gNew = gradient(x, y, zNew, s, link);
                    accepted = Vec.norm2(gNew) < (1 - ARMIJO * t) * Vec.norm2(grad);
                }
                if (accepted) {
                    psi = psiNew;
                }
            }
            if (!accepted) {
                break;
            }
            mu = muNew;
            z = zNew;
            grad = gradient(x, y, z, s, link);
            res = Vec.norm2(grad) / yNorm;
        }
        double[] beta = new double[d];
        for (int j = 0; j < d; j++) {
            beta[j] = s * link.h(z[j]);
        }
        return new Solution(beta, mu, it, res, res <= FEASIBILITY_TOL);
    }

    private static boolean inDomain(double[] z, double[] dz, double t, double bound, double[] out) {
        for (int j = 0; j < z.length; j++) {
            out[j] = z[j] + t * dz[j];
            if (!(Math.abs(out[j]) < bound)) {
                return false;
            }
        }
        return true;
    }

    private static double dualValue(double[] z, double[] mu, double[] y, double s, Link link) {
        double sum = 0;
        for (double zj : z) {
            sum += link.conjugate(zj);
        }
        return s * sum - Vec.dot(y, mu);
    }

    private static double[] gradient(Mat x, double[] y, double[] z, double s, Link link) {
        double[] beta = new double[z.length];
        for (int j = 0; j < z.length; j++) {
            beta[j] = s * link.h(z[j]);
        }
        double[] g = Ops.gemv(x, beta, null);
        for (int i = 0; i < g.length; i++) {
            g[i] -= y[i];
        }
        return g;
    }

    /** −(∇²ψ)⁻¹∇ψ, or null when the Hessian is numerically singular. */
    private static double[] newtonDirection(Mat x, double[] z, double[] grad, double s, Link link) {
        int m = x.rows(), d = x.cols();
        double[] w = new double[d];
        for (int j = 0; j < d; j++) {
            w[j] = s * link.hPrime(z[j]);
        }
        Mat h = new Mat(m, m);
        double[] xd = x.data(), hd = h.data();
        double[] row = new double[d];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < d; j++) {
                row[j] = xd[i * d + j] * w[j];
            }
            for (int k = 0; k <= i; k++) {
                double acc = 0;
                int o = k * d;
                for (int j = 0; j < d; j++) {
                    acc += row[j] * xd[o + j];
                }
                hd[i * m + k] = acc;
                hd[k * m + i] = acc;
            }
        }
        double wMax = 0, wMin = Double.POSITIVE_INFINITY;
        for (double v : w) {
            wMax = Math.max(wMax, v);
            wMin = Math.min(wMin, v);
        }
        double[] dir;
        if (wMax > GRADED_RATIO * wMin) {
            dir = graded(x, w, wMax, grad);
        } else {
            try {
                dir = Cholesky.solve(h, grad);
            } catch (IllegalArgumentException notPositiveDefinite) {
                dir = graded(x, w, wMax, grad);
            }
        }
        if (dir == null) {
            return null;
        }
        for (int i = 0; i < m; i++) {
            dir[i] = -dir[i];
        }
        return Vec.isFinite(dir) ? dir : null;
    }

    /**
     * H⁻¹g for H = BᵀB, B = diag(√w)·Xᵀ, from the SVD B = UΣVᵀ: H⁻¹g = VΣ⁻²Vᵀg. Used when the
     * weights w span so many orders of magnitude (s·cosh z from s to ~1) that forming H loses the
     * small ones and Cholesky fails; one-sided Jacobi keeps small singular values of such graded
     * matrices to high relative accuracy (Demmel and Veselić 1992).
     */
    private static double[] graded(Mat x, double[] w, double wMax, double[] g) {
        // B is built from w/wMax so that its entries stay far from underflow when s is tiny
        int m = x.rows(), d = x.cols();
        Mat b = new Mat(d, m);
        for (int j = 0; j < d; j++) {
            double sw = Math.sqrt(w[j] / wMax);
            for (int i = 0; i < m; i++) {
                b.set(j, i, sw * x.get(i, j));
            }
        }
        Svd.Result svd = Svd.decompose(b);
        double[] s = svd.s();
        if (s.length < m || !(s[m - 1] > 0)) {
            return null;
        }
        double[] c = Ops.gemvT(svd.v(), g, null);
        for (int k = 0; k < c.length; k++) {
            c[k] /= s[k] * s[k] * wMax;
        }
        return Ops.gemv(svd.v(), c, null);
    }
}
