package theorycheck.claims.factorization;

import java.util.ArrayList;
import java.util.List;
import theorycheck.data.MatrixSensing;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Ops;
import theorycheck.linalg.Svd;
import theorycheck.linalg.SymmetricEigen;
import theorycheck.linalg.Vec;

/**
 * GD on the matrix-sensing loss L(U) = (1/2m) Σ_i (⟨A_i, UUᵀ⟩ − y_i)² with a full-width
 * U ∈ ℝ^{n×n}: ∇L = (2/m)·S·U with S = Σ_i r_i A_i (A_i symmetric), r_i the residuals.
 *
 * <p>Step rule: constant η = c / L̂ with L̂ = 4·λmax(X*)·σmax(𝒜)²/m, an upper bound on the Hessian
 * norm at X* (‖H[V]‖ ≤ (2/m)‖𝒜‖²·‖VUᵀ + UVᵀ‖·‖U‖ ≤ 4‖𝒜‖²λmax(UUᵀ)/m·‖V‖), where 𝒜 is the m×n²
 * measurement matrix.
 */
final class FactorizationSensingGd {
    enum Status { CONVERGED, BUDGET, DIVERGED }

    /**
     * @param u final factor, n×n row-major
     * @param steps recorded steps
     * @param topEigen topEigen[j][t]: j-th largest eigenvalue of UUᵀ (= σ_j(UUᵀ)) at steps[t], j < 3
     * @param distance ‖UUᵀ − X*‖_F/‖X*‖_F at steps[t]
     */
    record Run(Status status, long stepsTaken, double[] u, double[] steps, double[][] topEigen, double[] distance) {
    }

    static final int TRACKED = 3;

    private FactorizationSensingGd() {
    }

    /** η = c / (4·λmax(X*)·σmax(𝒜)²/m). */
    static double step(MatrixSensing s, double c) {
        double smax = Svd.decompose(s.measurements()).s()[0];
        double lmax = SymmetricEigen.decompose(s.xStar()).max();
        return c / (4 * lmax * smax * smax / s.m());
    }

    /**
     * Runs GD from {@code init} until ‖𝒜(UUᵀ) − y‖/‖y‖ ≤ tol, divergence, or maxSteps; records the
     * top eigenvalues of UUᵀ and the distance to X* at about 60 log-spaced steps.
     */
    static Run run(MatrixSensing s, double[] init, double eta, double tol, long maxSteps) {
        int n = s.n(), m = s.m(), w = n * n;
        double[] a = s.measurements().data();
        double[] y = s.y();
        double yNorm = Vec.norm2(y);
        double[] u = init.clone();
        double[] r = new double[m];
        List<double[]> rec = new ArrayList<>();
        long nextRecord = 0;
        Status status = Status.BUDGET;
        long t = 0;
        for (; t <= maxSteps; t++) {
            double[] p = Ops.multTransB(new Mat(n, n, u), new Mat(n, n, u), null).data();
            double rn = Math.sqrt(s.residual(p, r)) / yNorm;
            if (!Double.isFinite(rn) || rn > 1e12) {
                status = Status.DIVERGED;
                break;
            }
            boolean done = rn <= tol;
            if (t >= nextRecord || done || t == maxSteps) {
                rec.add(snapshot(s, t, p));
                nextRecord = Math.max(t + 1, (long) Math.ceil(t * 1.15));
            }
            if (done) {
                status = Status.CONVERGED;
                break;
            }
            if (t == maxSteps) {
                break;
            }
            double[] sum = new double[w];
            for (int i = 0; i < m; i++) {
                double c = r[i];
                int o = i * w;
                for (int j = 0; j < w; j++) {
                    sum[j] += c * a[o + j];
                }
            }
            double[] g = Ops.mult(new Mat(n, n, sum), new Mat(n, n, u), null).data();
            double f = eta * 2.0 / m;
            for (int j = 0; j < w; j++) {
                u[j] -= f * g[j];
            }
        }
        double[] steps = new double[rec.size()];
        double[][] top = new double[TRACKED][rec.size()];
        double[] dist = new double[rec.size()];
        for (int k = 0; k < rec.size(); k++) {
            double[] e = rec.get(k);
            steps[k] = e[0];
            dist[k] = e[1];
            for (int j = 0; j < TRACKED; j++) {
                top[j][k] = e[2 + j];
            }
        }
        return new Run(status, Math.min(t, maxSteps), u, steps, top, dist);
    }

    /** [step, distance, λ₁, λ₂, λ₃] of P = UUᵀ. */
    private static double[] snapshot(MatrixSensing s, long t, double[] p) {
        double[] e = SymmetricEigen.decompose(new Mat(s.n(), s.n(), p.clone())).values();
        double[] out = new double[2 + TRACKED];
        out[0] = t;
        out[1] = distance(s, p);
        for (int j = 0; j < TRACKED; j++) {
            out[2 + j] = j < e.length ? Math.max(e[j], 0) : 0;
        }
        return out;
    }

    /** ‖P − X*‖_F/‖X*‖_F. */
    static double distance(MatrixSensing s, double[] p) {
        double[] x = s.xStar().data();
        double d = 0, z = 0;
        for (int j = 0; j < x.length; j++) {
            d += (p[j] - x[j]) * (p[j] - x[j]);
            z += x[j] * x[j];
        }
        return Math.sqrt(d / z);
    }

    /** Eigenvalues of UUᵀ, descending, clipped at 0 (UUᵀ is PSD; negatives are round-off). */
    static double[] spectrum(int n, double[] u) {
        double[] e = SymmetricEigen.decompose(Ops.multTransB(new Mat(n, n, u), new Mat(n, n, u), null)).values();
        for (int j = 0; j < e.length; j++) {
            e[j] = Math.max(e[j], 0);
        }
        return e;
    }
}
