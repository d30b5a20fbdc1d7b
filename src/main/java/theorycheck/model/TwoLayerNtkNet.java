package theorycheck.model;

import theorycheck.data.Rng;
import theorycheck.linalg.Mat;

/**
 * A bias-free two-layer ReLU network in the NTK parametrization:
 *
 * <pre>
 *   f_θ(x) = (1/√k) Σ_{j=1..k} a_j · relu(w_jᵀx),   θ = (W, a), W ∈ ℝ^{k×d}, a ∈ ℝ^k,
 * </pre>
 *
 * with the 1/√k written into the model rather than into the initialization, so the weights start
 * at unit scale (w_j ~ N(0, I_d), a_j ~ N(0, 1)) and the tangent kernel has a width-independent
 * limit. Layout: θ = [vec(W) row-major, a]. The model is 2-homogeneous: f_{cθ} = c²f_θ (c &gt; 0).
 *
 * @see "A. Jacot, F. Gabriel, C. Hongler, Neural tangent kernel, NeurIPS 2018"
 */
public final class TwoLayerNtkNet implements Model {
    private final int d;
    private final int k;
    private final double outScale;

    /**
     * @param d input dimension ≥ 1
     * @param k width ≥ 1
     */
    public TwoLayerNtkNet(int d, int k) {
        if (d < 1 || k < 1) {
            throw new IllegalArgumentException("need d, k ≥ 1, got d=" + d + " k=" + k);
        }
        this.d = d;
        this.k = k;
        this.outScale = 1 / Math.sqrt(k);
    }

    @Override
    public int numParams() {
        return k * d + k;
    }

    @Override
    public int inputDim() {
        return d;
    }

    public int width() {
        return k;
    }

    /** w_j ~ N(0, I_d), a_j ~ N(0, 1), independent. */
    public double[] initialize(Rng rng) {
        return rng.gaussianVector(numParams(), 1.0);
    }

    /**
     * An "unbiased" start with f_θ₀ ≡ 0: neurons come in pairs j, j + k/2 with the same
     * w ~ N(0, I_d) and opposite output weights ±a, a ~ N(0, 1). k must be even.
     */
    public double[] initializeUnbiased(Rng rng) {
        if (k % 2 != 0) {
            throw new IllegalArgumentException("an unbiased start pairs neurons: width must be even, got " + k);
        }
        int h = k / 2;
        double[] theta = new double[numParams()];
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < d; i++) {
                double w = rng.gaussian();
                theta[j * d + i] = w;
                theta[(j + h) * d + i] = w;
            }
        }
        for (int j = 0; j < h; j++) {
            double a = rng.gaussian();
            theta[k * d + j] = a;
            theta[k * d + j + h] = -a;
        }
        return theta;
    }

    @Override
    public void predict(double[] theta, Mat x, int[] rows, double[] out) {
        int cnt = Model.count(x, rows);
        double[] xd = x.data();
        for (int i = 0; i < cnt; i++) {
            int xo = Model.row(rows, i) * d;
            double s = 0;
            for (int j = 0; j < k; j++) {
                double z = preActivation(theta, j, xd, xo);
                if (z > 0) {
                    s += theta[k * d + j] * z;
                }
            }
            out[i] = outScale * s;
        }
    }

    @Override
    public void pullback(double[] theta, Mat x, int[] rows, double[] coef, double[] grad) {
        java.util.Arrays.fill(grad, 0.0);
        int cnt = Model.count(x, rows);
        double[] xd = x.data();
        for (int i = 0; i < cnt; i++) {
            double c = coef[i] * outScale;
            if (c == 0) {
                continue;
            }
            int xo = Model.row(rows, i) * d;
            for (int j = 0; j < k; j++) {
                double z = preActivation(theta, j, xd, xo);
                int wo = j * d;
                if (z > 0) {
                    // ∂f/∂a_j = relu(z)/√k, ∂f/∂w_j = a_j·1(z > 0)·x/√k
                    grad[k * d + j] += c * z;
                    double ca = c * theta[k * d + j];
                    for (int q = 0; q < d; q++) {
                        grad[wo + q] += ca * xd[xo + q];
                    }
                }
            }
        }
    }

    /**
     * The number of (unit j, row i) pairs whose ReLU is active at one parameter vector and not at the
     * other: 1(w_jᵀxᵢ &gt; 0) differs between theta0 and theta. Where no pair flips, f is bilinear in (W, a)
     * between the two points, so f_θ − f_θ₀ − J_θ₀(θ − θ₀) is exactly the second-order term; each flipped
     * pair adds a kink term of the size of its pre-activation change.
     */
    public int activationFlips(double[] theta0, double[] theta, Mat x) {
        double[] xd = x.data();
        int flips = 0;
        for (int i = 0; i < x.rows(); i++) {
            for (int j = 0; j < k; j++) {
                if ((preActivation(theta0, j, xd, i * d) > 0) != (preActivation(theta, j, xd, i * d) > 0)) {
                    flips++;
                }
            }
        }
        return flips;
    }

    /** w_jᵀx for the input stored at xd[xo .. xo + d). */
    private double preActivation(double[] theta, int j, double[] xd, int xo) {
        double z = 0;
        int wo = j * d;
        for (int q = 0; q < d; q++) {
            z += theta[wo + q] * xd[xo + q];
        }
        return z;
    }

    @Override
    public String toString() {
        return "2-layer ReLU, NTK parametrization (d=" + d + ", k=" + k + ")";
    }
}
