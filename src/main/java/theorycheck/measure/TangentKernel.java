package theorycheck.measure;

import theorycheck.linalg.Mat;
import theorycheck.linalg.Ops;
import theorycheck.model.Model;

/**
 * The empirical tangent kernel of a scalar model at θ:
 * K_θ(x, x') = ⟨∇_θ f_θ(x), ∇_θ f_θ(x')⟩, computed from the exact per-example gradients
 * (one {@link Model#pullback} per input with coefficient 1).
 *
 * @see "A. Jacot, F. Gabriel, C. Hongler, Neural tangent kernel, NeurIPS 2018"
 */
public final class TangentKernel {
    private TangentKernel() {
    }

    /**
     * The Jacobian J with row i = ∇_θ f_θ(x_i).
     *
     * @param theta parameters, not modified
     * @param x inputs, one per row, not modified
     * @return a new rows(x)×numParams matrix
     */
    public static Mat jacobian(Model model, double[] theta, Mat x) {
        int m = x.rows();
        int p = model.numParams();
        Mat j = new Mat(m, p);
        double[] g = new double[p];
        double[] one = {1.0};
        for (int i = 0; i < m; i++) {
            model.pullback(theta, x, new int[] {i}, one, g);
            System.arraycopy(g, 0, j.data(), i * p, p);
        }
        return j;
    }

    /** K with K_ij = K_θ(a_i, b_j), a new rows(a)×rows(b) matrix; a, b, θ not modified. */
    public static Mat gram(Model model, double[] theta, Mat a, Mat b) {
        Mat ja = jacobian(model, theta, a);
        Mat jb = a == b ? ja : jacobian(model, theta, b);
        return Ops.multTransB(ja, jb, null);
    }
}
