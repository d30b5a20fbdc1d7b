package theorycheck.claims;

import theorycheck.linalg.Mat;
import theorycheck.linalg.SymmetricEigen;

/**
 * f(U) = ‖UUᵀ − M‖²_F with M = u*u*ᵀ and U ∈ ℝ^{n×k} (θ = vec(U), row-major), with its exact
 * derivatives:
 * <ul>
 *   <li>∇f(U) = 4(UUᵀ − M)U,</li>
 *   <li>H(U)[V] = 4[(VUᵀ + UVᵀ)U + (UUᵀ − M)V] (the directional derivative of ∇f along V; exact,
 *   since ∇f is a polynomial in U).</li>
 * </ul>
 * The full Hessian is assembled column by column from H(U)[e_j].
 */
final class FactorizationSaddle {
    final int n;
    final int k;
    final double[] uStar;

    FactorizationSaddle(double[] uStar, int k) {
        this.n = uStar.length;
        this.k = k;
        this.uStar = uStar.clone();
    }

    /** UUᵀ − u*u*ᵀ, n×n row-major. */
    double[] residual(double[] u) {
        double[] r = new double[n * n];
        for (int p = 0; p < n; p++) {
            for (int q = 0; q < n; q++) {
                double s = 0;
                for (int c = 0; c < k; c++) {
                    s += u[p * k + c] * u[q * k + c];
                }
                r[p * n + q] = s - uStar[p] * uStar[q];
            }
        }
        return r;
    }

    double value(double[] u) {
        double s = 0;
        for (double v : residual(u)) {
            s += v * v;
        }
        return s;
    }

    /** ‖UUᵀ − M‖_F / ‖M‖_F. */
    double relativeDistance(double[] u) {
        return Math.sqrt(value(u)) / starNormSq();
    }

    /** ‖u*‖² (= ‖M‖_F). */
    double starNormSq() {
        double s = 0;
        for (double v : uStar) {
            s += v * v;
        }
        return s;
    }

    double[] gradient(double[] u) {
        return times(4, multiply(residual(u), u));
    }

    /** H(U)[V] = 4[(VUᵀ + UVᵀ)U + (UUᵀ − M)V]. */
    double[] hessianTimes(double[] u, double[] v) {
        double[] sym = new double[n * n];
        for (int p = 0; p < n; p++) {
            for (int q = 0; q < n; q++) {
                double s = 0;
                for (int c = 0; c < k; c++) {
                    s += v[p * k + c] * u[q * k + c] + u[p * k + c] * v[q * k + c];
                }
                sym[p * n + q] = s;
            }
        }
        double[] a = multiply(sym, u);
        double[] b = multiply(residual(u), v);
        for (int i = 0; i < a.length; i++) {
            a[i] = 4 * (a[i] + b[i]);
        }
        return a;
    }

    /** The exact nk×nk Hessian, symmetrized (it is symmetric up to round-off). */
    Mat hessian(double[] u) {
        int d = n * k;
        double[] h = new double[d * d];
        double[] e = new double[d];
        for (int j = 0; j < d; j++) {
            e[j] = 1;
            double[] col = hessianTimes(u, e);
            e[j] = 0;
            for (int i = 0; i < d; i++) {
                h[i * d + j] = col[i];
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
                double m = 0.5 * (h[i * d + j] + h[j * d + i]);
                h[i * d + j] = m;
                h[j * d + i] = m;
            }
        }
        return new Mat(d, d, h);
    }

    /**
     * The Hessian by central differences of the exact gradient, column j = (∇f(U + h e_j) − ∇f(U −
     * h e_j))/2h: an independent check of {@link #hessianTimes}. ∇f is cubic, so the error is
     * exactly (h²/6)·∂³∇f, O(h²).
     */
    Mat finiteDifferenceHessian(double[] u, double h) {
        int d = n * k;
        double[] out = new double[d * d];
        for (int j = 0; j < d; j++) {
            double[] plus = u.clone();
            double[] minus = u.clone();
            plus[j] += h;
            minus[j] -= h;
            double[] gp = gradient(plus);
            double[] gm = gradient(minus);
            for (int i = 0; i < d; i++) {
                out[i * d + j] = (gp[i] - gm[i]) / (2 * h);
            }
        }
        return new Mat(d, d, out);
    }

    static double[] eigenvalues(Mat h) {
        SymmetricEigen.Result r = SymmetricEigen.decompose(h);
        if (!r.converged()) {
            return null;
        }
        return r.values();
    }

    /** n×n times n×k (row-major). */
    private double[] multiply(double[] a, double[] u) {
        double[] out = new double[n * k];
        for (int p = 0; p < n; p++) {
            for (int q = 0; q < n; q++) {
                double apq = a[p * n + q];
                for (int c = 0; c < k; c++) {
                    out[p * k + c] += apq * u[q * k + c];
                }
            }
        }
        return out;
    }

    private static double[] times(double s, double[] v) {
        for (int i = 0; i < v.length; i++) {
            v[i] *= s;
        }
        return v;
    }
}
