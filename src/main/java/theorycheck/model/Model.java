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

    /** Number of rows selected by {@code rows}. */
    static int count(Mat x, int[] rows) {
        return rows == null ? x.rows() : rows.length;
    }

    /** The row index of the i-th selected row. */
    static int row(int[] rows, int i) {
        return rows == null ? i : rows[i];
    }
}
