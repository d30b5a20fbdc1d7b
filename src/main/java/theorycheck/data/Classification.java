package theorycheck.data;

import theorycheck.linalg.Mat;

/**
 * A binary classification data set: inputs X (m×d, one example per row) and labels yᵢ ∈ {−1, +1}.
 *
 * <p>{@code planted} is a direction that the generator built into the data as a separator through
 * the origin — yᵢ⟨planted, xᵢ⟩ &gt; 0 for every i, unit ℓ2 norm — or {@code null} when the
 * generator plants none (then the data may or may not be separable; see
 * {@link SeparabilityCertificate}). Arrays are wrapped, not copied, like {@link Regression}.
 *
 * @param x m×d inputs, every entry finite
 * @param y length m, every entry exactly −1.0 or +1.0
 * @param planted length d or null
 */
public record Classification(Mat x, double[] y, double[] planted) {
    public Classification {
        if (x == null || y == null) {
            throw new IllegalArgumentException("Classification: x and y must not be null");
        }
        if (x.rows() != y.length) {
            throw new IllegalArgumentException("X has " + x.rows() + " rows but y has " + y.length + " entries");
        }
        for (int i = 0; i < y.length; i++) {
            if (y[i] != 1.0 && y[i] != -1.0) {
                throw new IllegalArgumentException("label y[" + i + "] = " + y[i] + "; labels must be -1 or +1");
            }
        }
        if (!x.isFinite()) {
            throw new IllegalArgumentException("X has a non-finite entry");
        }
        if (planted != null && planted.length != x.cols()) {
            throw new IllegalArgumentException("planted has length " + planted.length + ", X has " + x.cols() + " columns");
        }
    }

    /** Data with no planted separator. */
    public Classification(Mat x, double[] y) {
        this(x, y, null);
    }

    /** m, the number of examples. */
    public int examples() {
        return x.rows();
    }

    /** d, the input dimension. */
    public int dim() {
        return x.cols();
    }

    /** A copy of xᵢ. */
    public double[] input(int i) {
        return x.row(i);
    }

    /** yᵢ. */
    public double label(int i) {
        return y[i];
    }

    /** How many labels are +1. */
    public int positives() {
        int n = 0;
        for (double v : y) {
            if (v > 0) {
                n++;
            }
        }
        return n;
    }
}
