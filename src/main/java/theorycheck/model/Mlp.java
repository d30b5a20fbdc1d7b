package theorycheck.model;

import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalInt;
import theorycheck.data.Rng;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Vec;

/**
 * A fully connected network with scalar output:
 * h₀ = x; h_l = σ(W_l h_{l−1} + b_l) for l = 1..L−1; f_θ(x) = W_L h_{L−1} + b_L,
 * with hidden widths n₁..n_{L−1} ({@code widths}), so L = widths.length + 1 weight layers and no
 * activation on the output. With {@code bias = false} every b_l is absent; a bias-free net with a
 * positively homogeneous activation (ReLU, linear) satisfies f_{cθ} = c^L f_θ for c &gt; 0.
 *
 * <p>Parameter layout (flat θ): layer by layer l = 1..L, first W_l (n_l × n_{l−1}, row-major, so
 * entry (r, k) is at {@code weightOffset(l−1) + r·n_{l−1} + k}), then b_l (n_l entries) if
 * {@code bias}. Layers are indexed from 0 in the API: layer i maps n_i to n_{i+1} (n₀ = d, n_L = 1).
 *
 * <p>{@link #pullback} is exact backpropagation, one selected row at a time, using scratch buffers
 * held by the instance (sized by the widths, not the batch): one instance is used by one thread.
 *
 * @see "K. Lyu, J. Li, Gradient descent maximizes the margin of homogeneous neural networks, ICLR 2020"
 */
public final class Mlp implements TwiceDifferentiable {
    private final int inputDim;
    private final int[] widths;
    private final Activation activation;
    private final boolean bias;
    private final int layers;
    private final int[] fanIn;
    private final int[] fanOut;
    private final int[] weightOffset;
    private final int[] biasOffset;
    private final int numParams;
    // scratch: pre-activations and activations of hidden layers, and two backprop buffers
    private final double[][] pre;
    private final double[][] post;
    private double[] delta;
    private double[] deltaPrev;

    /**
     * @param inputDim d &gt; 0
     * @param widths hidden widths, each &gt; 0; may be empty (then f_θ(x) = ⟨w, x⟩ + b); copied
     * @param activation σ of the hidden layers
     * @param bias whether every layer has a bias vector
     */
    public Mlp(int inputDim, int[] widths, Activation activation, boolean bias) {
        if (inputDim <= 0) {
            throw new IllegalArgumentException("input dimension must be positive, got " + inputDim);
        }
        Objects.requireNonNull(widths, "widths");
        Objects.requireNonNull(activation, "activation");
        for (int w : widths) {
            if (w <= 0) {
                throw new IllegalArgumentException("hidden widths must be positive, got " + Arrays.toString(widths));
            }
        }
        this.inputDim = inputDim;
        this.widths = widths.clone();
        this.activation = activation;
        this.bias = bias;
        this.layers = widths.length + 1;
        this.fanIn = new int[layers];
        this.fanOut = new int[layers];
        this.weightOffset = new int[layers];
        this.biasOffset = new int[layers];
        int offset = 0;
        int maxWidth = 1;
        for (int l = 0; l < layers; l++) {
            fanIn[l] = l == 0 ? inputDim : widths[l - 1];
            fanOut[l] = l == layers - 1 ? 1 : widths[l];
            maxWidth = Math.max(maxWidth, Math.max(fanIn[l], fanOut[l]));
            weightOffset[l] = offset;
            offset = Math.addExact(offset, Math.multiplyExact(fanOut[l], fanIn[l]));
            biasOffset[l] = bias ? offset : -1;
            if (bias) {
                offset = Math.addExact(offset, fanOut[l]);
            }
        }
        this.numParams = offset;
        this.pre = new double[layers - 1][];
        this.post = new double[layers - 1][];
        for (int l = 0; l < layers - 1; l++) {
            pre[l] = new double[widths[l]];
            post[l] = new double[widths[l]];
        }
        this.delta = new double[maxWidth];
        this.deltaPrev = new double[maxWidth];
    }

    @Override
    public int numParams() {
        return numParams;
    }

    @Override
    public int inputDim() {
        return inputDim;
    }

    /** L, the number of weight layers (hidden widths + 1). */
    public int depth() {
        return layers;
    }

    /** The hidden widths (a copy). */
    public int[] widths() {
        return widths.clone();
    }

    public Activation activation() {
        return activation;
    }

    public boolean hasBias() {
        return bias;
    }

    /** Input size of layer l (0-based): d for l = 0, else widths[l−1]. */
    public int fanIn(int l) {
        Objects.checkIndex(l, layers);
        return fanIn[l];
    }

    /** Output size of layer l (0-based): widths[l], or 1 for the last layer. */
    public int fanOut(int l) {
        Objects.checkIndex(l, layers);
        return fanOut[l];
    }

    /** Index in θ of W_l's entry (0, 0). */
    public int weightOffset(int l) {
        Objects.checkIndex(l, layers);
        return weightOffset[l];
    }

    /** Index in θ of b_l's first entry; empty without biases. */
    public OptionalInt biasOffset(int l) {
        Objects.checkIndex(l, layers);
        return bias ? OptionalInt.of(biasOffset[l]) : OptionalInt.empty();
    }

    /**
     * L when f_{cθ}(x) = c^L f_θ(x) for all c &gt; 0, which holds for a bias-free net with a positively
     * homogeneous activation (ReLU, linear), and for any bias-free depth-1 net (which never applies σ);
     * empty otherwise. This is the degree in the normalized margin min_i y_i f_θ(x_i)/‖θ‖₂^L of
     * Lyu &amp; Li (2020).
     */
    public OptionalInt homogeneityDegree() {
        boolean homogeneous = !bias && (layers == 1 || activation.isPositivelyHomogeneous());
        return homogeneous ? OptionalInt.of(layers) : OptionalInt.empty();
    }

    /**
     * Fresh parameters: weights drawn layer by layer in θ order, each entry N(0, init.std(fan_in)²),
     * biases 0 (no draws consumed for them).
     *
     * @param rng modified (draws consumed)
     * @return a new θ of length {@link #numParams()}
     */
    public double[] initialize(Init init, Rng rng) {
        Objects.requireNonNull(init, "init");
        double[] theta = new double[numParams];
        for (int l = 0; l < layers; l++) {
            double std = init.std(fanIn[l]);
            int end = weightOffset[l] + fanOut[l] * fanIn[l];
            for (int i = weightOffset[l]; i < end; i++) {
                theta[i] = std * rng.gaussian();
            }
        }
        return theta;
    }

    @Override
    public void predict(double[] theta, Mat x, int[] rows, double[] out) {
        checkShapes(theta, x);
        double[] xd = x.data();
        int count = Model.count(x, rows);
        for (int i = 0; i < count; i++) {
            out[i] = forward(theta, xd, Model.row(rows, i) * inputDim);
        }
    }

    @Override
    public void pullback(double[] theta, Mat x, int[] rows, double[] coef, double[] grad) {
        startPullback(theta, x, grad);
        double[] xd = x.data();
        int count = Model.count(x, rows);
        for (int i = 0; i < count; i++) {
            double c = coef[i];
            if (c == 0.0) {
                continue;
            }
            int xo = Model.row(rows, i) * inputDim;
            forward(theta, xd, xo);
            backward(theta, xd, xo, c, grad);
        }
    }

    /** One forward pass per row serves both the prediction and the backprop. */
    @Override
    public void predictAndPullback(double[] theta, Mat x, int[] rows, Coefficients coefficients, double[] out,
            double[] coef, double[] grad) {
        startPullback(theta, x, grad);
        double[] xd = x.data();
        int count = Model.count(x, rows);
        for (int i = 0; i < count; i++) {
            int xo = Model.row(rows, i) * inputDim;
            double f = forward(theta, xd, xo);
            out[i] = f;
            double c = coefficients.at(i, f);
            coef[i] = c;
            if (c != 0.0) {
                backward(theta, xd, xo, c, grad);
            }
        }
    }

    /**
     * Forward-over-reverse (Pearlmutter's R-operator) one selected row at a time: a forward pass,
     * a forward pass of the directional derivatives R{z_l} = V_l h_{l−1} + W_l R{h_{l−1}} + R{b_l},
     * R{h_l} = σ'(z_l) ⊙ R{z_l}, then backprop of δ with δ_L = coef_i together with its directional
     * derivative, R{δ_L} = gnCoef_i·R{f}, R{δ_{l−1}} = (V_lᵀδ_l + W_lᵀR{δ_l}) ⊙ σ'(z_{l−1}) +
     * (W_lᵀδ_l) ⊙ σ''(z_{l−1}) ⊙ R{z_{l−1}}, and R{∂/∂W_l} = R{δ_l} h_{l−1}ᵀ + δ_l R{h_{l−1}}ᵀ.
     * For ReLU σ'' = 0 (exact away from the kinks, a set of measure zero).
     */
    @Override
    public void curvaturePullback(double[] theta, Mat x, int[] rows, double[] coef, double[] gnCoef, double[] v,
            double[] out) {
        checkShapes(theta, x);
        if (v.length != numParams || out.length != numParams) {
            throw new IllegalArgumentException("v and out must have length " + numParams);
        }
        if (out == v) {
            throw new IllegalArgumentException("out must not alias v");
        }
        Arrays.fill(out, 0.0);
        int maxWidth = delta.length;
        double[][] rPre = new double[layers - 1][];
        double[][] rPost = new double[layers - 1][];
        for (int l = 0; l < layers - 1; l++) {
            rPre[l] = new double[widths[l]];
            rPost[l] = new double[widths[l]];
        }
        double[] d = new double[maxWidth];
        double[] rd = new double[maxWidth];
        double[] dNext = new double[maxWidth];
        double[] rdNext = new double[maxWidth];
        double[] xd = x.data();
        int count = Model.count(x, rows);
        for (int i = 0; i < count; i++) {
            if (coef[i] == 0.0 && gnCoef[i] == 0.0) {
                continue;
            }
            int xo = Model.row(rows, i) * inputDim;
            forward(theta, xd, xo);
            double rf = directionalForward(theta, v, xd, xo, rPre, rPost);
            d[0] = coef[i];
            rd[0] = gnCoef[i] * rf;
            for (int l = layers - 1; l >= 0; l--) {
                int n = fanIn[l];
                int w = weightOffset[l];
                double[] in = l == 0 ? xd : post[l - 1];
                int inOffset = l == 0 ? xo : 0;
                for (int r = 0; r < fanOut[l]; r++) {
                    double dr = d[r];
                    double rdr = rd[r];
                    int row = w + r * n;
                    for (int k = 0; k < n; k++) {
                        out[row + k] += rdr * in[inOffset + k];
                    }
                    if (l > 0) {
                        double[] rIn = rPost[l - 1];
                        for (int k = 0; k < n; k++) {
                            out[row + k] += dr * rIn[k];
                        }
                    }
                    if (bias) {
                        out[biasOffset[l] + r] += rdr;
                    }
                }
                if (l == 0) {
                    break;
                }
                double[] z = pre[l - 1];
                double[] rz = rPre[l - 1];
                for (int k = 0; k < n; k++) {
                    dNext[k] = 0.0;
                    rdNext[k] = 0.0;
                }
                for (int r = 0; r < fanOut[l]; r++) {
                    double dr = d[r];
                    double rdr = rd[r];
                    int row = w + r * n;
                    for (int k = 0; k < n; k++) {
                        dNext[k] += theta[row + k] * dr; // (W_lᵀδ_l)_k
                        rdNext[k] += v[row + k] * dr + theta[row + k] * rdr;
                    }
                }
                for (int k = 0; k < n; k++) {
                    double g = dNext[k];
                    double s1 = activation.derivative(z[k]);
                    dNext[k] = g * s1;
                    rdNext[k] = rdNext[k] * s1 + g * activation.secondDerivative(z[k]) * rz[k];
                }
                double[] t = d;
                d = dNext;
                dNext = t;
                t = rd;
                rd = rdNext;
                rdNext = t;
            }
        }
    }

    /** R{f} = ⟨∇f_θ(x), v⟩ at the row last passed to forward, filling R{z_l}, R{h_l}. */
    private double directionalForward(double[] theta, double[] v, double[] xd, int xo, double[][] rPre,
            double[][] rPost) {
        for (int l = 0; l < layers; l++) {
            int n = fanIn[l];
            int w = weightOffset[l];
            double[] in = l == 0 ? xd : post[l - 1];
            int inOffset = l == 0 ? xo : 0;
            double[] rIn = l == 0 ? null : rPost[l - 1];
            for (int r = 0; r < fanOut[l]; r++) {
                double s = bias ? v[biasOffset[l] + r] : 0.0;
                int row = w + r * n;
                for (int k = 0; k < n; k++) {
                    s += v[row + k] * in[inOffset + k];
                }
                if (rIn != null) {
                    for (int k = 0; k < n; k++) {
                        s += theta[row + k] * rIn[k];
                    }
                }
                if (l == layers - 1) {
                    return s;
                }
                rPre[l][r] = s;
                rPost[l][r] = activation.derivative(pre[l][r]) * s;
            }
        }
        throw new AssertionError("unreachable: the last layer returns");
    }

    /**
     * ‖∂/∂W_l‖_F of a gradient at θ, one entry per layer (biases excluded), e.g. to watch gradients
     * vanish with depth. θ is only checked for shape; neither array is modified.
     */
    public double[] layerGradientNorms(double[] theta, double[] grad) {
        if (theta.length != numParams || grad.length != numParams) {
            throw new IllegalArgumentException("θ and gradient must have length " + numParams + ", got "
                    + theta.length + " and " + grad.length);
        }
        return layerNorms(grad);
    }

    /** ‖W_l‖_F of a parameter-shaped vector v (θ or a gradient), one entry per layer; v not modified. */
    public double[] layerNorms(double[] v) {
        if (v.length != numParams) {
            throw new IllegalArgumentException("vector has length " + v.length + ", model has " + numParams);
        }
        double[] norms = new double[layers];
        for (int l = 0; l < layers; l++) {
            norms[l] = Vec.norm2(
                    Arrays.copyOfRange(v, weightOffset[l], weightOffset[l] + fanOut[l] * fanIn[l]));
        }
        return norms;
    }

    @Override
    public String toString() {
        return "mlp(d=" + inputDim + ", widths=" + Arrays.toString(widths) + ", " + activation.key()
                + ", bias=" + bias + ")";
    }

    /** f_θ(x) for the row of xd starting at xo, filling pre/post for the hidden layers. */
    private double forward(double[] theta, double[] xd, int xo) {
        double[] in = xd;
        int inOffset = xo;
        for (int l = 0; l < layers - 1; l++) {
            double[] z = pre[l];
            affine(theta, l, in, inOffset, z);
            double[] h = post[l];
            for (int r = 0; r < z.length; r++) {
                h[r] = activation.value(z[r]);
            }
            in = h;
            inOffset = 0;
        }
        int l = layers - 1; // one output unit
        int w = weightOffset[l];
        double s = bias ? theta[biasOffset[l]] : 0.0;
        for (int k = 0; k < fanIn[l]; k++) {
            s += theta[w + k] * in[inOffset + k];
        }
        return s;
    }

    /**
     * z = W_l·in + b_l, each z_r summed as b_r + W_{r0}in_0 + W_{r1}in_1 + … in that order. A layer
     * with fewer inputs than units (the first layer of a net on low-dimensional data) sweeps all
     * units for one input at a time, so the inner loop runs over the units, not over one or two
     * inputs; the sums are the same.
     */
    private void affine(double[] theta, int l, double[] in, int inOffset, double[] z) {
        int n = fanIn[l];
        int units = fanOut[l];
        int w = weightOffset[l];
        if (n < units) {
            for (int r = 0; r < units; r++) {
                z[r] = bias ? theta[biasOffset[l] + r] : 0.0;
            }
            for (int k = 0; k < n; k++) {
                double a = in[inOffset + k];
                for (int r = 0; r < units; r++) {
                    z[r] += theta[w + r * n + k] * a;
                }
            }
            return;
        }
        for (int r = 0; r < units; r++) {
            double s = bias ? theta[biasOffset[l] + r] : 0.0;
            int row = w + r * n;
            for (int k = 0; k < n; k++) {
                s += theta[row + k] * in[inOffset + k];
            }
            z[r] = s;
        }
    }

    /** grad += c·∂f/∂θ at the row last passed to forward. */
    private void backward(double[] theta, double[] xd, int xo, double c, double[] grad) {
        delta[0] = c;
        for (int l = layers - 1; l >= 0; l--) {
            int n = fanIn[l];
            int w = weightOffset[l];
            double[] in = l == 0 ? xd : post[l - 1];
            int inOffset = l == 0 ? xo : 0;
            int units = fanOut[l];
            // each entry of grad gets one term per row, so the loop order does not change it
            if (n < units) {
                for (int k = 0; k < n; k++) {
                    double a = in[inOffset + k];
                    for (int r = 0; r < units; r++) {
                        grad[w + r * n + k] += delta[r] * a;
                    }
                }
            } else {
                for (int r = 0; r < units; r++) {
                    double d = delta[r];
                    int row = w + r * n;
                    for (int k = 0; k < n; k++) {
                        grad[row + k] += d * in[inOffset + k];
                    }
                }
            }
            if (bias) {
                int b = biasOffset[l];
                for (int r = 0; r < units; r++) {
                    grad[b + r] += delta[r];
                }
            }
            if (l == 0) {
                break;
            }
            // δ_{l−1} = (W_lᵀ δ_l) ⊙ σ'(pre_{l−1})
            double[] z = pre[l - 1];
            for (int k = 0; k < n; k++) {
                deltaPrev[k] = 0.0;
            }
            for (int r = 0; r < fanOut[l]; r++) {
                double d = delta[r];
                int row = w + r * n;
                for (int k = 0; k < n; k++) {
                    deltaPrev[k] += theta[row + k] * d;
                }
            }
            for (int k = 0; k < n; k++) {
                deltaPrev[k] *= activation.derivative(z[k]);
            }
            double[] t = delta;
            delta = deltaPrev;
            deltaPrev = t;
        }
    }

    /** Checks shapes and zeroes grad, which the rows then accumulate into. */
    private void startPullback(double[] theta, Mat x, double[] grad) {
        checkShapes(theta, x);
        if (grad.length != numParams) {
            throw new IllegalArgumentException("gradient has length " + grad.length + ", model has " + numParams);
        }
        Arrays.fill(grad, 0.0);
    }

    private void checkShapes(double[] theta, Mat x) {
        if (theta.length != numParams) {
            throw new IllegalArgumentException("θ has length " + theta.length + ", model has " + numParams);
        }
        if (x.cols() != inputDim) {
            throw new IllegalArgumentException("X has " + x.cols() + " columns, model expects " + inputDim);
        }
    }
}
