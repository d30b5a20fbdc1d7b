package theorycheck.reference;

import theorycheck.linalg.Mat;

/**
 * The infinite-width tangent kernel of {@link theorycheck.model.TwoLayerNtkNet}
 * (f(x) = (1/√k) Σ a_j relu(w_jᵀx), w_j ~ N(0, I_d), a_j ~ N(0, 1), both layers trained).
 *
 * <p>With θ the angle between x and x', and the arc-cosine kernels of Cho &amp; Saul,
 *
 * <pre>
 *   E[relu(wᵀx) relu(wᵀx')]   = (‖x‖‖x'‖ / 2π) · (sin θ + (π − θ) cos θ)     (output-layer part)
 *   E[1(wᵀx &gt; 0) 1(wᵀx' &gt; 0)] = (π − θ) / 2π                               (first-layer part, × a² ⟨x, x'⟩)
 *   Θ∞(x, x') = (‖x‖‖x'‖ / 2π)(sin θ + (π − θ) cos θ) + ⟨x, x'⟩ (π − θ) / 2π.
 * </pre>
 *
 * The first term is the gradient with respect to a (∂f/∂a_j = relu(w_jᵀx)/√k), the second the
 * gradient with respect to W (∂f/∂w_j = a_j 1(w_jᵀx &gt; 0) x/√k), each averaged over the k neurons.
 *
 * @see "Y. Cho, L. Saul, Kernel methods for deep learning, NeurIPS 2009"
 */
public final class ArcCosineKernel {
    private ArcCosineKernel() {
    }

    /** Which parameters' gradients the kernel counts. */
    public enum Part {
        /** Θ∞: both layers trained. */
        BOTH,
        /** Only the output weights a trained: the random-features (NNGP) kernel E[relu relu]. */
        OUTPUT_ONLY
    }

    /** The kernel value for two inputs (not modified). */
    public static double value(double[] x, double[] xp, Part part) {
        double nx = 0, nxp = 0, dot = 0;
        for (int i = 0; i < x.length; i++) {
            nx += x[i] * x[i];
            nxp += xp[i] * xp[i];
            dot += x[i] * xp[i];
        }
        nx = Math.sqrt(nx);
        nxp = Math.sqrt(nxp);
        if (nx == 0 || nxp == 0) {
            return 0;
        }
        double cos = Math.max(-1, Math.min(1, dot / (nx * nxp)));
        double theta = Math.acos(cos);
        double out = nx * nxp / (2 * Math.PI) * (Math.sin(theta) + (Math.PI - theta) * cos);
        return part == Part.OUTPUT_ONLY ? out : out + dot * (Math.PI - theta) / (2 * Math.PI);
    }

    /** K_ij = value(a_i, b_j), a new rows(a)×rows(b) matrix. */
    public static Mat gram(Mat a, Mat b, Part part) {
        Mat k = new Mat(a.rows(), b.rows());
        for (int i = 0; i < a.rows(); i++) {
            double[] ai = a.row(i);
            for (int j = 0; j < b.rows(); j++) {
                k.set(i, j, value(ai, b.row(j), part));
            }
        }
        return k;
    }
}
