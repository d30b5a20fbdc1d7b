package theorycheck.model;

import theorycheck.linalg.Mat;

/** f_w(x) = ⟨w, x⟩, no bias. Parameters are the weights themselves. */
public final class LinearModel implements LinearPredictor, TwiceDifferentiable {
    private final int dim;

    public LinearModel(int dim) {
        if (dim <= 0) {
            throw new IllegalArgumentException("dimension must be positive, got " + dim);
        }
        this.dim = dim;
    }

    @Override
    public int numParams() {
        return dim;
    }

    @Override
    public int inputDim() {
        return dim;
    }

    @Override
    public void predict(double[] w, Mat x, int[] rows, double[] out) {
        LinearPredictor.rowDots(w, x, rows, out);
    }

    @Override
    public void pullback(double[] w, Mat x, int[] rows, double[] coef, double[] grad) {
        LinearPredictor.weightGradient(x, rows, coef, grad);
    }

    /** ∇²f = 0, so only the Gauss–Newton part Σ_i gnCoef_i ⟨x_i, v⟩ x_i remains. */
    @Override
    public void curvaturePullback(double[] w, Mat x, int[] rows, double[] coef, double[] gnCoef, double[] v,
            double[] out) {
        if (out == v) {
            throw new IllegalArgumentException("out must not alias v");
        }
        java.util.Arrays.fill(out, 0.0);
        double[] xd = x.data();
        int n = x.cols();
        int count = Model.count(x, rows);
        for (int i = 0; i < count; i++) {
            double c = gnCoef[i];
            if (c == 0.0) {
                continue;
            }
            int o = Model.row(rows, i) * n;
            double jv = 0;
            for (int j = 0; j < n; j++) {
                jv += xd[o + j] * v[j];
            }
            double s = c * jv;
            for (int j = 0; j < n; j++) {
                out[j] += s * xd[o + j];
            }
        }
    }

    @Override
    public void effectiveWeights(double[] w, double[] beta) {
        System.arraycopy(w, 0, beta, 0, dim);
    }

    /** β = w, so the gradient with respect to w is the one with respect to β. */
    @Override
    public void pullbackWeights(double[] w, double[] gBeta, double[] grad) {
        System.arraycopy(gBeta, 0, grad, 0, dim);
    }
}
