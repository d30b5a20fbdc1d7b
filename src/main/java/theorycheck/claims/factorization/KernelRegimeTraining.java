package theorycheck.claims.factorization;

import theorycheck.data.Rng;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Ops;
import theorycheck.linalg.SymmetricEigen;
import theorycheck.linalg.Vec;
import theorycheck.loss.FullBatchObjective;
import theorycheck.model.TwoLayerNtkNet;
import theorycheck.optim.GradientDescent;
import theorycheck.train.TrainConfig;
import theorycheck.train.TrainResult;
import theorycheck.train.Trainer;

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
        // losses at the start and the end only; no blow-up rule (the hand-off to kernel GD compares end points)
        TrainConfig config = new TrainConfig(steps, 0, 0, Math.max(1, steps), Double.POSITIVE_INFINITY, 0);
        TrainResult run = Trainer.run(new ScaledSquares(net, theta0, x, y, alpha), new GradientDescent(eta / alpha),
                theta0, config);
        return run.diverged() ? null : run.theta();
    }

    /**
     * (1/α)·½Σᵢ rᵢ² with r = α(f_θ − f_θ₀) − y, whose gradient is J_θᵀr: with step η/α, GD on it is
     * θ ← θ − (η/α)·J_θᵀr, the step η/α² on ½Σᵢ rᵢ² of Chizat, Oyallon &amp; Bach.
     */
    private static final class ScaledSquares extends FullBatchObjective {
        private final TwoLayerNtkNet net;
        private final Mat x;
        private final double[] y;
        private final double alpha;
        private final double[] f0;
        private final double[] f;
        private final double[] r;

        ScaledSquares(TwoLayerNtkNet net, double[] theta0, Mat x, double[] y, double alpha) {
            super(net.numParams(), x.rows());
            this.net = net;
            this.x = x;
            this.y = y;
            this.alpha = alpha;
            this.f0 = new double[x.rows()];
            net.predict(theta0, x, null, f0);
            this.f = new double[x.rows()];
            this.r = new double[x.rows()];
        }

        @Override
        protected double valueAndGradient(double[] theta, double[] grad) {
            net.predict(theta, x, null, f);
            double half = 0;
            for (int i = 0; i < r.length; i++) {
                r[i] = alpha * (f[i] - f0[i]) - y[i];
                half += 0.5 * r[i] * r[i];
            }
            if (grad != null) {
                net.pullback(theta, x, null, r, grad);
            }
            return half / alpha;
        }
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

    /** Largest eigenvalue of a symmetric PSD matrix. */
    static double lambdaMax(Mat k) {
        return SymmetricEigen.decompose(k).max();
    }
}
