package theorycheck.model;

import theorycheck.linalg.Mat;

/** A model whose output is linear in x: f_θ(x) = ⟨β(θ), x⟩ for an effective weight vector β(θ). */
public interface LinearPredictor extends Model {
    /** β(θ), a new array of length {@link #inputDim()}. */
    double[] effectiveWeights(double[] theta);

    /** ⟨β(θ), x⟩ at the selected rows. */
    @Override
    default void predict(double[] theta, Mat x, int[] rows, double[] out) {
        rowDots(effectiveWeights(theta), x, rows, out);
    }

    /** out[i] = ⟨β, x_{row i}⟩ for the selected rows of x (all rows when rows is null). */
    static void rowDots(double[] beta, Mat x, int[] rows, double[] out) {
        double[] xd = x.data();
        int dim = x.cols();
        int count = Model.count(x, rows);
        for (int i = 0; i < count; i++) {
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
     * entries of g.
     */
    static void weightGradient(Mat x, int[] rows, double[] coef, double[] g) {
        int dim = x.cols();
        java.util.Arrays.fill(g, 0, dim, 0.0);
        double[] xd = x.data();
        int count = Model.count(x, rows);
        for (int i = 0; i < count; i++) {
            double c = coef[i];
            if (c == 0.0) {
                continue;
            }
            int o = Model.row(rows, i) * dim;
            for (int j = 0; j < dim; j++) {
                g[j] += c * xd[o + j];
            }
        }
    }
}
