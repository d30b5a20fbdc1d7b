package theorycheck.model;

import theorycheck.linalg.Mat;

/**
 * A scalar-output model f_θ(x) with an exact parameter gradient.
 *
 * <p>Rows are selected by index so that mini-batches need no copies; {@code rows == null} means
 * every row of {@code x}.
 */
public interface Model {
    int numParams();

    int inputDim();

    /**
     * out[i] = f_θ(x_{rows[i]}).
     *
     * @param theta parameters, not modified
     * @param x inputs, one per row, not modified
     * @param rows selected rows, or null for all
     * @param out outputs, modified; length = number of selected rows
     */
    void predict(double[] theta, Mat x, int[] rows, double[] out);

    /**
     * grad = Σ_i coef[i] · ∂f_θ(x_{rows[i]})/∂θ (a vector–Jacobian product).
     *
     * @param coef one coefficient per selected row, not modified
     * @param grad modified (overwritten), length {@link #numParams()}
     */
    void pullback(double[] theta, Mat x, int[] rows, double[] coef, double[] grad);

    /** The coefficient of a selected row in a pullback, computed from that row's prediction. */
    @FunctionalInterface
    interface Coefficients {
        /**
         * @param i position among the selected rows
         * @param prediction f_θ(x_{rows[i]})
         */
        double at(int i, double prediction);

        /** coef[i] = at(i, out[i]) for the first {@code count} rows, asked in row order. */
        default void fill(int count, double[] out, double[] coef) {
            for (int i = 0; i < count; i++) {
                coef[i] = at(i, out[i]);
            }
        }
    }

    /**
     * {@link #predict} and then {@link #pullback} with coef[i] = coefficients.at(i, out[i]), asked
     * in row order. Models override it to share the forward pass between the two; any override
     * gives the same out, coef and grad, bit for bit, as this default.
     *
     * @param out predictions, modified
     * @param coef the coefficients used, modified
     * @param grad modified (overwritten)
     */
    default void predictAndPullback(double[] theta, Mat x, int[] rows, Coefficients coefficients, double[] out,
            double[] coef, double[] grad) {
        predict(theta, x, rows, out);
        coefficients.fill(count(x, rows), out, coef);
        pullback(theta, x, rows, coef, grad);
    }

    /** Number of rows selected by {@code rows}. */
    static int count(Mat x, int[] rows) {
        return rows == null ? x.rows() : rows.length;
    }

    /** The row index of the i-th selected row. */
    static int row(int[] rows, int i) {
        return rows == null ? i : rows[i];
    }
}
