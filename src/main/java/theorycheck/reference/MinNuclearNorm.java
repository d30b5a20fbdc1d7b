package theorycheck.reference;

import theorycheck.linalg.Cholesky;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Ops;
import theorycheck.linalg.SymmetricEigen;

/**
 * The minimum-nuclear-norm PSD matrix consistent with linear measurements:
 *
 * <pre>
 *   minimize tr(X)  subject to  ⟨A_i, X⟩ = y_i (i = 1..m),  X ⪰ 0,
 * </pre>
 *
 * (on PSD matrices the nuclear norm is the trace), for symmetric A_i given as rows vec(A_i) of an
 * m×n² matrix with linearly independent rows.
 *
 * <p>Method: ADMM (Boyd et al. 2011, §5) on the splitting X = Z with X in the affine set
 * {𝒜(X) = y} and Z in the PSD cone, in scaled form with U the scaled dual:
 * X ← Π_aff(Z − U − I/ρ), Z ← Π_psd(X + U), U ← U + X − Z. Π_aff(V) = V − 𝒜*(𝒜𝒜*)⁻¹(𝒜(V) − y)
 * uses one Cholesky factor of the m×m Gram matrix 𝒜𝒜*; Π_psd clips negative eigenvalues
 * ({@link SymmetricEigen}). ρ is rebalanced when one residual exceeds the other tenfold (§3.4.1).
 * Stopping rule: primal residual ‖X − Z‖_F ≤ tol·max(‖X‖_F, ‖Z‖_F) and dual residual
 * ρ‖Z − Z_prev‖_F ≤ tol·‖ρU‖_F.
 *
 * <p>Optimality certificate (KKT): at a solution the unscaled dual Λ = ρU satisfies Λ ⪯ 0,
 * ⟨Λ, Z⟩ = 0 and I + Λ = 𝒜*(ν). The result reports ν fitted by least squares, the slack
 * S = I − 𝒜*(ν) (dual feasible when S ⪰ 0), its smallest eigenvalue, and the duality gap
 * tr(Z) − yᵀν; a small gap with S ⪰ 0 (up to tolerance) and a feasible Z proves Z optimal up to
 * that gap, independently of how the iterates got there.
 *
 * @see "S. Boyd et al., Distributed optimization and statistical learning via ADMM, FnT ML 3 (2011)"
 * @see "B. Recht, M. Fazel, P. Parrilo, Guaranteed minimum-rank solutions of linear matrix equations via nuclear norm minimization, SIAM Review 52 (2010)"
 */
public final class MinNuclearNorm {
    private MinNuclearNorm() {
    }

    /**
     * @param x the PSD solution Z, n×n
     * @param nu dual multipliers, length m
     * @param converged whether the stopping rule was met within the budget
     * @param iterations ADMM iterations made
     * @param primalResidual ‖X − Z‖_F / max(‖X‖_F, ‖Z‖_F) at the end
     * @param dualResidual ρ‖Z − Z_prev‖_F / ‖ρU‖_F at the end
     * @param measurementResidual ‖𝒜(Z) − y‖₂ / ‖y‖₂
     * @param trace tr(Z), the primal objective
     * @param dualObjective yᵀν
     * @param slackMinEigenvalue λ_min(I − 𝒜*(ν)), ≥ 0 for a dual-feasible ν
     */
    public record Result(Mat x, double[] nu, boolean converged, int iterations, double primalResidual,
            double dualResidual, double measurementResidual, double trace, double dualObjective,
            double slackMinEigenvalue) {
        /** (tr(Z) − yᵀν) / max(tr(Z), 1e-300): the relative duality gap. */
        public double relativeGap() {
            return (trace - dualObjective) / Math.max(Math.abs(trace), 1e-300);
        }
    }

    /**
     * Solves the problem.
     *
     * @param a m×n² measurement rows vec(A_i) of symmetric A_i, linearly independent; not modified
     * @param y measurements, not modified
     * @param n side of X
     * @param tol relative residual tolerance, in (0, 1)
     * @param maxIterations iteration budget ≥ 1
     * @throws IllegalArgumentException on shape mismatch or dependent measurements
     */
    public static Result solve(Mat a, double[] y, int n, double tol, int maxIterations) {
        int m = a.rows();
        int p = n * n;
        if (a.cols() != p || y.length != m) {
            throw new IllegalArgumentException("measurements are " + a.rows() + "x" + a.cols() + ", y has " + y.length
                    + ", n² = " + p);
        }
        if (!(tol > 0 && tol < 1) || maxIterations < 1) {
            throw new IllegalArgumentException("need tol in (0, 1) and maxIterations ≥ 1");
        }
        if (m > n * (n + 1) / 2) {
            // symmetric A_i span at most n(n+1)/2 dimensions, so the Gram matrix 𝒜𝒜* is singular
            throw new IllegalArgumentException(m + " measurements of a symmetric " + n + "x" + n
                    + " matrix cannot be linearly independent (at most n(n+1)/2 = " + n * (n + 1) / 2 + ")");
        }
        Mat gramLower = Cholesky.lower(Ops.multTransB(a, a, null));
        double[] xv = new double[p];
        double[] z = new double[p];
        double[] u = new double[p];
        double rho = 1.0;
        double pri = Double.NaN, dual = Double.NaN;
        boolean converged = false;
        int it = 0;
        while (it < maxIterations) {
            it++;
            double[] v = new double[p];
            for (int i = 0; i < p; i++) {
                v[i] = z[i] - u[i];
            }
            for (int i = 0; i < n; i++) {
                v[i * n + i] -= 1 / rho;
            }
            xv = projectAffine(a, gramLower, y, v);
            double[] w = new double[p];
            for (int i = 0; i < p; i++) {
                w[i] = xv[i] + u[i];
            }
            double[] zPrev = z;
            z = projectPsd(new Mat(n, n, w)).data();
            double r2 = 0, s2 = 0, nx = 0, nz = 0, nu2 = 0;
            for (int i = 0; i < p; i++) {
                u[i] += xv[i] - z[i];
                double r = xv[i] - z[i];
                double s = z[i] - zPrev[i];
                r2 += r * r;
                s2 += s * s;
                nx += xv[i] * xv[i];
                nz += z[i] * z[i];
                nu2 += u[i] * u[i];
            }
            pri = Math.sqrt(r2) / Math.max(Math.sqrt(Math.max(nx, nz)), 1e-300);
            dual = Math.sqrt(s2) / Math.max(Math.sqrt(nu2), 1e-300);
            if (pri <= tol && dual <= tol) {
                converged = true;
                break;
            }
            if (pri > 10 * dual) {
                rho *= 2;
                scaleInPlace(u, 0.5);
            } else if (dual > 10 * pri) {
                rho /= 2;
                scaleInPlace(u, 2);
            }
        }
        return certify(a, gramLower, y, n, new Mat(n, n, z), u, rho, converged, it, pri, dual);
    }

    private static Result certify(Mat a, Mat gramLower, double[] y, int n, Mat z, double[] u, double rho,
            boolean converged, int it, double pri, double dual) {
        // ν = argmin ‖𝒜*(ν) − vec(I + Λ)‖ with Λ = ρU
        double[] target = new double[n * n];
        for (int i = 0; i < target.length; i++) {
            target[i] = rho * u[i];
        }
        for (int i = 0; i < n; i++) {
            target[i * n + i] += 1;
        }
        double[] nu = Cholesky.solveWithLower(gramLower, Ops.gemv(a, target, null));
        double[] adjoint = Ops.gemvT(a, nu, null);
        Mat slack = Mat.identity(n);
        for (int i = 0; i < adjoint.length; i++) {
            slack.data()[i] -= adjoint[i];
        }
        symmetrizeInPlace(slack);
        double slackMin = SymmetricEigen.decompose(slack).min();
        double[] az = Ops.gemv(a, z.data(), null);
        double res = 0, ny = 0, dualObj = 0;
        for (int i = 0; i < y.length; i++) {
            res += (az[i] - y[i]) * (az[i] - y[i]);
            ny += y[i] * y[i];
            dualObj += y[i] * nu[i];
        }
        return new Result(z, nu, converged, it, pri, dual, Math.sqrt(res / Math.max(ny, 1e-300)), Ops.trace(z), dualObj,
                slackMin);
    }

    private static double[] projectAffine(Mat a, Mat gramLower, double[] y, double[] v) {
        double[] r = Ops.gemv(a, v, null);
        for (int i = 0; i < r.length; i++) {
            r[i] -= y[i];
        }
        double[] c = Cholesky.solveWithLower(gramLower, r);
        double[] corr = Ops.gemvT(a, c, null);
        double[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] -= corr[i];
        }
        return out;
    }

    /** The nearest PSD matrix in Frobenius norm: Q max(Λ, 0) Qᵀ of the symmetric part of w. */
    public static Mat projectPsd(Mat w) {
        Mat s = w.copy();
        symmetrizeInPlace(s);
        SymmetricEigen.Result e = SymmetricEigen.decompose(s);
        int n = s.rows();
        Mat q = e.vectors();
        double[] out = new double[n * n];
        for (int k = 0; k < n; k++) {
            double lam = e.values()[k];
            if (lam <= 0) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                double qi = lam * q.get(i, k);
                for (int j = 0; j < n; j++) {
                    out[i * n + j] += qi * q.get(j, k);
                }
            }
        }
        return new Mat(n, n, out);
    }

    private static void symmetrizeInPlace(Mat s) {
        int n = s.rows();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double v = 0.5 * (s.get(i, j) + s.get(j, i));
                s.set(i, j, v);
                s.set(j, i, v);
            }
        }
    }

    private static void scaleInPlace(double[] v, double s) {
        for (int i = 0; i < v.length; i++) {
            v[i] *= s;
        }
    }
}
