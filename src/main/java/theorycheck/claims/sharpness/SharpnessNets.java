package theorycheck.claims.sharpness;

import java.util.Arrays;
import java.util.Map;
import theorycheck.data.RandomDesigns;
import theorycheck.data.Rng;
import theorycheck.linalg.Mat;
import theorycheck.loss.EmpiricalRisk;
import theorycheck.model.Activation;
import theorycheck.model.Init;
import theorycheck.model.Mlp;
import theorycheck.model.Model;
import theorycheck.optim.GradientDescent;
import theorycheck.train.BatchSampler;
import theorycheck.train.TrainConfig;
import theorycheck.train.TrainResult;
import theorycheck.train.Trainer;

/**
 * Small networks for the sharpness claims: teacher data, a plain full-batch GD loop, a Levenberg–Marquardt
 * polish to a critical point, the function-preserving rescalings of ReLU nets and the check that
 * two parameter vectors compute the same function.
 */
final class SharpnessNets {
    private SharpnessNets() {
    }

    /** Inputs N(0, I_d) and targets of a random tanh teacher with one hidden layer of width 4. */
    static Mat inputs(int n, int d, Rng rng) {
        return RandomDesigns.gaussian(n, d, 1.0, rng);
    }

    static double[] teacherTargets(Mat x, Rng rng) {
        Mlp teacher = new Mlp(x.cols(), new int[] {4}, Activation.TANH, false);
        double[] w = teacher.initialize(Init.STANDARD, rng);
        double[] y = new double[x.rows()];
        teacher.predict(w, x, null, y);
        return y;
    }

    /** ±1 labels of the sign of the same kind of teacher. */
    static double[] teacherLabels(Mat x, Rng rng) {
        double[] f = teacherTargets(x, rng);
        double[] y = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            y[i] = f[i] >= 0 ? 1.0 : -1.0;
        }
        return y;
    }

    /**
     * Full-batch GD θ ← θ − η∇L for a fixed number of steps.
     *
     * @return the final θ, or null if the loss became non-finite (a diverged run)
     */
    static double[] gd(EmpiricalRisk risk, double[] start, double eta, int steps) {
        // the loss is evaluated at the start and the end only; no blow-up rule, so a large finite loss is an answer
        TrainConfig config = new TrainConfig(steps, 0, 0, Math.max(1, steps), Double.POSITIVE_INFINITY, 0);
        TrainResult run = Trainer.run(risk, new GradientDescent(eta), start, config);
        return run.diverged() ? null : run.theta();
    }

    /**
     * Full-batch GD until the training loss first drops to {@code target}.
     *
     * @return θ at that step, or null if the loss never got there within maxSteps or became non-finite
     */
    static double[] gdUntil(EmpiricalRisk risk, double[] start, double eta, double target, int maxSteps) {
        TrainConfig config = new TrainConfig(maxSteps, 0, 0, 1, Double.POSITIVE_INFINITY, 0);
        TrainResult run = Trainer.run(risk, new GradientDescent(eta), BatchSampler.full(), start, config, Map.of(),
                Trainer.Hooks.stopWhen((t, theta, loss) -> loss <= target ? "training loss at the target" : null));
        return run.converged() ? run.theta() : null;
    }

    /**
     * Layer rescaling of a ReLU net: W_l, b_l ← a·W_l, a·b_l and W_{l+1} ← W_{l+1}/a (layer l
     * 0-based, not the last). Leaves f unchanged for a &gt; 0 because relu(a z) = a relu(z).
     */
    static double[] layerRescale(Mlp net, double[] theta, int layer, double a) {
        double[] scales = new double[net.fanOut(layer)];
        Arrays.fill(scales, a);
        return neuronRescale(net, theta, layer, scales);
    }

    /**
     * Per-neuron rescaling: row r of W_l and b_l[r] times a_r, column r of W_{l+1} divided by a_r.
     * Leaves a ReLU net's function unchanged for a_r &gt; 0.
     */
    static double[] neuronRescale(Mlp net, double[] theta, int layer, double[] a) {
        if (layer >= net.depth() - 1 || a.length != net.fanOut(layer)) {
            throw new IllegalArgumentException("layer " + layer + " with " + a.length + " scales");
        }
        double[] out = theta.clone();
        int n = net.fanIn(layer);
        int w = net.weightOffset(layer);
        for (int r = 0; r < a.length; r++) {
            for (int k = 0; k < n; k++) {
                out[w + r * n + k] *= a[r];
            }
        }
        net.biasOffset(layer).ifPresent(b -> {
            for (int r = 0; r < a.length; r++) {
                out[b + r] *= a[r];
            }
        });
        int next = net.weightOffset(layer + 1);
        int nextIn = net.fanIn(layer + 1);
        for (int q = 0; q < net.fanOut(layer + 1); q++) {
            for (int r = 0; r < a.length; r++) {
                out[next + q * nextIn + r] /= a[r];
            }
        }
        return out;
    }

    /** The diagonal d with θ' = d ⊙ θ for a per-neuron rescaling (1 on untouched entries). */
    static double[] neuronRescaleDiagonal(Mlp net, int layer, double[] a) {
        double[] ones = new double[net.numParams()];
        Arrays.fill(ones, 1.0);
        return neuronRescale(net, ones, layer, a);
    }

    /** Relative gap between two (model, θ) pairs as functions on x, as {@link #functionGap(Model, double[], double[], Mat)}. */
    static double functionGap(Model m1, double[] theta1, Model m2, double[] theta2, Mat x) {
        double[] f1 = new double[x.rows()];
        double[] f2 = new double[x.rows()];
        m1.predict(theta1, x, null, f1);
        m2.predict(theta2, x, null, f2);
        double gap = 0;
        double scale = 1;
        for (int i = 0; i < f1.length; i++) {
            gap = Math.max(gap, Math.abs(f1[i] - f2[i]));
            scale = Math.max(scale, Math.abs(f1[i]));
        }
        return gap / scale;
    }

    /** max_i |f_θ₁(x_i) − f_θ₂(x_i)| / max(1, max_i |f_θ₁(x_i)|): how far two parameter vectors are as functions. */
    static double functionGap(Model model, double[] theta1, double[] theta2, Mat x) {
        return functionGap(model, theta1, model, theta2, x);
    }

    /** D⁻¹ H D⁻¹ for a diagonal D given by its entries: the Hessian law of θ' = Dθ with L'(θ') = L(D⁻¹θ'). */
    static Mat congruenceByInverse(Mat h, double[] dg) {
        int p = dg.length;
        Mat out = new Mat(p, p);
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                out.set(i, j, h.get(i, j) / (dg[i] * dg[j]));
            }
        }
        return out;
    }
}
