package theorycheck.claims.factorization;

import theorycheck.data.Rng;
import theorycheck.linalg.Cholesky;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Ops;
import theorycheck.linalg.SymmetricEigen;
import theorycheck.linalg.Vec;
import theorycheck.model.TwoLayerNtkNet;

/**
 * Shared parts of the kernel-regime checks: the data (inputs on the unit sphere, a smooth target),
 * full-batch GD on an output-scaled two-layer net, and the prediction of kernel GD.
 */
final class KernelRegimeTraining {
    private KernelRegimeTraining() {
    }

    /** Train/test inputs uniform on S^{d−1}, y = tanh(2⟨u, x⟩) with u uniform on the sphere. */
    record Data(Mat x, double[] y, Mat xTest, double[] yTest) {
        static Data draw(int n, int nTest, int d, Rng rng) {
            double[] u = unit(rng.gaussianVector(d, 1.0));
            Mat x = sphere(n, d, rng);
            Mat xt = sphere(nTest, d, rng);
            return new Data(x, target(x, u), xt, target(xt, u));
        }

        private static Mat sphere(int n, int d, Rng rng) {
            Mat x = new Mat(n, d);
            for (int i = 0; i < n; i++) {
                System.arraycopy(unit(rng.gaussianVector(d, 1.0)), 0, x.data(), i * d, d);
            }
            return x;
        }

        private static double[] target(Mat x, double[] u) {
            double[] p = Ops.gemv(x, u, null);
            for (int i = 0; i < p.length; i++) {
                p[i] = Math.tanh(2 * p[i]);
            }
            return p;
        }

        private static double[] unit(double[] v) {
            double s = Vec.norm2(v);
            for (int i = 0; i < v.length; i++) {
                v[i] /= s;
            }
            return v;
        }
    }

    /**
     * Full-batch GD on L(θ) = ½Σᵢ(α(f_θ(xᵢ) − f_θ₀(xᵢ)) − yᵢ)² with step η/α² (Chizat, Oyallon &amp;
     * Bach 2019), i.e. θ ← θ − (η/α)·J_θᵀ r. At α = 1 and an unbiased start (f_θ₀ ≡ 0) this is plain
     * GD on the NTK-parametrized net; α = 1/√k turns it into the mean-field parametrization (1/k)
     * with step η·k. Returns θ_T, or null when an iterate is not finite.
     */
    static double[] train(TwoLayerNtkNet net, double[] theta0, Mat x, double[] y, double alpha, double eta,
            int steps) {
        int n = x.rows();
        double[] f0 = new double[n];
        net.predict(theta0, x, null, f0);
        double[] theta = theta0.clone();
        double[] f = new double[n];
        double[] r = new double[n];
        double[] g = new double[theta.length];
        for (int t = 0; t < steps; t++) {
            net.predict(theta, x, null, f);
            for (int i = 0; i < n; i++) {
                r[i] = alpha * (f[i] - f0[i]) - y[i];
            }
            net.pullback(theta, x, null, r, g);
            double c = eta / alpha;
            for (int p = 0; p < theta.length; p++) {
                theta[p] -= c * g[p];
            }
            if (!Double.isFinite(theta[0]) || !Double.isFinite(r[0])) {
                return null;
            }
        }
        return theta;
    }

    /** α(f_θ(x) − f_θ₀(x)) at the rows of x. */
    static double[] scaledOutput(TwoLayerNtkNet net, double[] theta, double[] theta0, Mat x, double alpha) {
        double[] f = new double[x.rows()];
        double[] f0 = new double[x.rows()];
        net.predict(theta, x, null, f);
        net.predict(theta0, x, null, f0);
        for (int i = 0; i < f.length; i++) {
            f[i] = alpha * (f[i] - f0[i]);
        }
        return f;
    }

    /**
     * Kernel GD from h₀ = 0 with step η for T steps, at the test points: the training residual obeys
     * r_T = −(I − ηK)^T y, so h_T(x) = K(x, X) K⁻¹ (I − (I − ηK)^T) y (K⁻¹ by Cholesky). As T → ∞
     * this is kernel regression K(x, X)K⁻¹y.
     */
    static double[] kernelGd(Mat kTrain, Mat kTestTrain, double[] y, double eta, int steps) {
        int n = y.length;
        double[] r = y.clone();
        for (int t = 0; t < steps; t++) {
            double[] kr = Ops.gemv(kTrain, r, null);
            for (int i = 0; i < n; i++) {
                r[i] -= eta * kr[i];
            }
        }
        double[] fit = new double[n];
        for (int i = 0; i < n; i++) {
            fit[i] = y[i] - r[i];
        }
        return Ops.gemv(kTestTrain, Cholesky.solve(kTrain, fit), null);
    }

    /** Largest eigenvalue of a symmetric PSD matrix. */
    static double lambdaMax(Mat k) {
        return SymmetricEigen.decompose(k).max();
    }
}
