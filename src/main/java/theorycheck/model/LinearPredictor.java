package theorycheck.model;

import theorycheck.linalg.Mat;

/** A model whose output is linear in x: f_θ(x) = ⟨β(θ), x⟩ for an effective weight vector β(θ). */
public interface LinearPredictor extends Model {
    /** Rows taken together in {@link #rowDots} (their dot products side by side) and {@link #weightGradient}. */
    int ROW_BLOCK = 4;

    /**
     * β(θ) written into {@code beta} (length {@link #inputDim()}); θ not modified.
     */
    void effectiveWeights(double[] theta, double[] beta);

    /**
     * The chain rule from β to θ: grad = (∂β/∂θ)ᵀ gBeta. Overwrites grad.
     *
     * @param gBeta gradient with respect to β, not modified; must not be {@code grad}
     */
    void pullbackWeights(double[] theta, double[] gBeta, double[] grad);

    /** β(θ), a new array of length {@link #inputDim()}. */
    default double[] effectiveWeights(double[] theta) {
        double[] beta = new double[inputDim()];
        effectiveWeights(theta, beta);
        return beta;
    }

    /** ⟨β(θ), x⟩ at the selected rows. */
    @Override
    default void predict(double[] theta, Mat x, int[] rows, double[] out) {
        rowDots(effectiveWeights(theta), x, rows, out);
    }

    /**
     * out[i] = ⟨β, x_{row i}⟩ for the selected rows of x (all rows when rows is null). Each sum runs in
     * column order; {@value #ROW_BLOCK} rows run side by side, so no sum waits on another's additions.
     */
    static void rowDots(double[] beta, Mat x, int[] rows, double[] out) {
        double[] xd = x.data();
        int dim = x.cols();
        int count = Model.count(x, rows);
        int i = 0;
        for (; i + ROW_BLOCK <= count; i += ROW_BLOCK) {
            int o0 = Model.row(rows, i) * dim;
            int o1 = Model.row(rows, i + 1) * dim;
            int o2 = Model.row(rows, i + 2) * dim;
            int o3 = Model.row(rows, i + 3) * dim;
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int j = 0; j < dim; j++) {
                double b = beta[j];
                s0 += xd[o0 + j] * b;
                s1 += xd[o1 + j] * b;
                s2 += xd[o2 + j] * b;
                s3 += xd[o3 + j] * b;
            }
            out[i] = s0;
            out[i + 1] = s1;
            out[i + 2] = s2;
            out[i + 3] = s3;
        }
        for (; i < count; i++) {
            int o = Model.row(rows, i) * dim;
            double s = 0;
            for (int j = 0; j < dim; j++) {
                s += xd[o + j] * beta[j];
            }
            out[i] = s;
        }
    }

    /**
     * g = Σᵢ coef[i]·x_{row i} over the selected rows, i.e. Xᵀcoef: the gradient with respect to β,
     * which each parametrization then pulls back through its own β(θ). Overwrites the first x.cols()
     * entries of g. The rows' terms enter each g[j] in row order; a block of {@value #ROW_BLOCK} rows
     * adds its four terms in one visit to g[j] (the same sums as four passes).
     */
    static void weightGradient(Mat x, int[] rows, double[] coef, double[] g) {
        int dim = x.cols();
        java.util.Arrays.fill(g, 0, dim, 0.0);
        double[] xd = x.data();
        int count = Model.count(x, rows);
        int i = 0;
        for (; i + ROW_BLOCK <= count; i += ROW_BLOCK) {
            double c0 = coef[i];
            double c1 = coef[i + 1];
            double c2 = coef[i + 2];
            double c3 = coef[i + 3];
            int o0 = Model.row(rows, i) * dim;
            int o1 = Model.row(rows, i + 1) * dim;
            int o2 = Model.row(rows, i + 2) * dim;
            int o3 = Model.row(rows, i + 3) * dim;
            if (c0 == 0.0 || c1 == 0.0 || c2 == 0.0 || c3 == 0.0) {
                addRow(xd, o0, dim, c0, g);
                addRow(xd, o1, dim, c1, g);
                addRow(xd, o2, dim, c2, g);
                addRow(xd, o3, dim, c3, g);
                continue;
            }
            for (int j = 0; j < dim; j++) {
                double gj = g[j];
                gj += c0 * xd[o0 + j];
                gj += c1 * xd[o1 + j];
                gj += c2 * xd[o2 + j];
                gj += c3 * xd[o3 + j];
                g[j] = gj;
            }
        }
        for (; i < count; i++) {
            addRow(xd, Model.row(rows, i) * dim, dim, coef[i], g);
        }
    }

    /** g += c·x_row, skipped for c = 0 (whose terms could only turn a −0 entry of g into +0). */
    private static void addRow(double[] xd, int o, int dim, double c, double[] g) {
        if (c == 0.0) {
            return;
        }
        for (int j = 0; j < dim; j++) {
            g[j] += c * xd[o + j];
        }
    }
}
