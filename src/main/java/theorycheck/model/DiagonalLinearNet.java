package theorycheck.model;

import theorycheck.linalg.Mat;

/**
 * Depth-D diagonal linear network: θ = (u, v) ∈ ℝ^{2d}, β = u^D − v^D (entrywise powers),
 * f_θ(x) = ⟨β, x⟩. D = 2 is the "w₊² − w₋²" model of Woodworth et al. (2020).
 */
public final class DiagonalLinearNet implements LinearPredictor, TwiceDifferentiable {
    private final int dim;
    private final int depth;

    public DiagonalLinearNet(int dim, int depth) {
        if (dim <= 0) {
            throw new IllegalArgumentException("dimension must be positive, got " + dim);
        }
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be at least 1, got " + depth);
        }
        this.dim = dim;
        this.depth = depth;
    }

    public int depth() {
        return depth;
    }

    /** θ with u = v = α·1, so that β(θ) = 0. */
    public double[] uniformInit(double alpha) {
        double[] theta = new double[2 * dim];
        java.util.Arrays.fill(theta, alpha);
        return theta;
    }

    @Override
    public int numParams() {
        return 2 * dim;
    }

    @Override
    public int inputDim() {
        return dim;
    }

    @Override
    public void effectiveWeights(double[] theta, double[] beta) {
        for (int j = 0; j < dim; j++) {
            beta[j] = pow(theta[j], depth) - pow(theta[dim + j], depth);
        }
    }

    @Override
    public void pullback(double[] theta, Mat x, int[] rows, double[] coef, double[] grad) {
        // g_β = Xᵀ coef, in the first half of grad, then chain rule through β = u^D − v^D.
        LinearPredictor.weightGradient(x, rows, coef, grad);
        chainRule(theta, grad, grad);
    }

    @Override
    public void pullbackWeights(double[] theta, double[] gBeta, double[] grad) {
        if (gBeta == grad) {
            throw new IllegalArgumentException("gBeta must not be grad");
        }
        chainRule(theta, gBeta, grad);
    }

    /**
     * ∂L/∂u = D u^{D−1} ⊙ g_β, ∂L/∂v = −D v^{D−1} ⊙ g_β. Entry j of gBeta is read before grad[j] and
     * grad[d + j] are written, so gBeta may be the first half of grad.
     */
    private void chainRule(double[] theta, double[] gBeta, double[] grad) {
        for (int j = 0; j < dim; j++) {
            double gb = gBeta[j];
            grad[j] = gb * depth * pow(theta[j], depth - 1);
            grad[dim + j] = -gb * depth * pow(theta[dim + j], depth - 1);
        }
    }

    /**
     * With β = u^D − v^D: ∇f_i = (D u^{D−1} ⊙ x_i, −D v^{D−1} ⊙ x_i) and ∇²f_i is diagonal,
     * diag(D(D−1) u^{D−2} ⊙ x_i, −D(D−1) v^{D−2} ⊙ x_i). Both parts go through β: the Jacobian of β
     * is diagonal, so ⟨∇f_i, w⟩ = ⟨x_i, Jβ w⟩ and the sums over rows reduce to Xᵀ(·).
     */
    @Override
    public void curvaturePullback(double[] theta, Mat x, int[] rows, double[] coef, double[] gnCoef, double[] w,
            double[] out) {
        if (out == w) {
            throw new IllegalArgumentException("out must not alias v");
        }
        double[] dBeta = new double[dim]; // Jβ·w
        for (int j = 0; j < dim; j++) {
            dBeta[j] = depth * (pow(theta[j], depth - 1) * w[j] - pow(theta[dim + j], depth - 1) * w[dim + j]);
        }
        double[] gnBeta = new double[dim]; // Σ_i gnCoef_i ⟨x_i, Jβ w⟩ x_i
        double[] gBeta = new double[dim]; // Σ_i coef_i x_i
        double[] xd = x.data();
        int count = Model.count(x, rows);
        for (int i = 0; i < count; i++) {
            int o = Model.row(rows, i) * dim;
            double jv = 0;
            for (int j = 0; j < dim; j++) {
                jv += xd[o + j] * dBeta[j];
            }
            double s = gnCoef[i] * jv;
            double c = coef[i];
            for (int j = 0; j < dim; j++) {
                gnBeta[j] += s * xd[o + j];
                gBeta[j] += c * xd[o + j];
            }
        }
        double curv = depth * (depth - 1); // 0 for D = 1, where β is linear in θ
        for (int j = 0; j < dim; j++) {
            double u = theta[j];
            double vv = theta[dim + j];
            double du = depth * pow(u, depth - 1);
            double dv = depth * pow(vv, depth - 1);
            double cu = depth >= 2 ? curv * pow(u, depth - 2) : 0.0;
            double cv = depth >= 2 ? curv * pow(vv, depth - 2) : 0.0;
            out[j] = du * gnBeta[j] + gBeta[j] * cu * w[j];
            out[dim + j] = -dv * gnBeta[j] - gBeta[j] * cv * w[dim + j];
        }
    }

    private static double pow(double b, int e) {
        double r = 1;
        for (int i = 0; i < e; i++) {
            r *= b;
        }
        return r;
    }
}
