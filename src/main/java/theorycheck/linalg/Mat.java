package theorycheck.linalg;

import java.util.Arrays;
import java.util.Objects;

/**
 * A dense row-major matrix of doubles. A column vector is an {@code n×1} Mat.
 *
 * <p>The array is exposed ({@link #data()}) so that kernels can loop over it without copies;
 * operations that change a matrix say so in their name ({@code ...InPlace}) or take it as output.
 */
public final class Mat {
    private final int rows;
    private final int cols;
    private final double[] data;

    /** Wraps {@code data} (not copied) as a {@code rows×cols} row-major matrix. */
    public Mat(int rows, int cols, double[] data) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("negative shape " + rows + "x" + cols);
        }
        Objects.requireNonNull(data, "data");
        if (data.length != (long) rows * cols) {
            throw new IllegalArgumentException("data length " + data.length + " != " + rows + "x" + cols);
        }
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    public Mat(int rows, int cols) {
        this(rows, cols, new double[Math.multiplyExact(rows, cols)]);
    }

    /** A column vector that wraps {@code values} (not copied). */
    public static Mat column(double... values) {
        return new Mat(values.length, 1, values);
    }

    public static Mat identity(int n) {
        Mat m = new Mat(n, n);
        for (int i = 0; i < n; i++) {
            m.data[i * n + i] = 1.0;
        }
        return m;
    }

    /** Builds a matrix from rows, copying them. */
    public static Mat ofRows(double[]... rowValues) {
        int r = rowValues.length;
        int c = r == 0 ? 0 : rowValues[0].length;
        Mat m = new Mat(r, c);
        for (int i = 0; i < r; i++) {
            if (rowValues[i].length != c) {
                throw new IllegalArgumentException("ragged row " + i);
            }
            System.arraycopy(rowValues[i], 0, m.data, i * c, c);
        }
        return m;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Number of entries. */
    public int size() {
        return data.length;
    }

    public boolean isVector() {
        return cols == 1 || rows == 1;
    }

    /** The backing array, row-major. Modified through it by in-place kernels. */
    public double[] data() {
        return data;
    }

    public double get(int r, int c) {
        return data[r * cols + c];
    }

    public void set(int r, int c, double v) {
        data[r * cols + c] = v;
    }

    /** Entry {@code i} of a vector (either orientation). */
    public double get(int i) {
        return data[i];
    }

    public void set(int i, double v) {
        data[i] = v;
    }

    public Mat copy() {
        return new Mat(rows, cols, data.clone());
    }

    public Mat reshape(int r, int c) {
        return new Mat(r, c, data);
    }

    public double[] row(int r) {
        return Arrays.copyOfRange(data, r * cols, (r + 1) * cols);
    }

    public double[] column(int c) {
        double[] out = new double[rows];
        for (int r = 0; r < rows; r++) {
            out[r] = data[r * cols + c];
        }
        return out;
    }

    public boolean sameShape(Mat other) {
        return rows == other.rows && cols == other.cols;
    }

    /** True when every entry is finite. */
    public boolean isFinite() {
        for (double v : data) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mat m && m.rows == rows && m.cols == cols && Arrays.equals(m.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        if (data.length <= 16) {
            return "Mat" + rows + "x" + cols + Arrays.toString(data);
        }
        return "Mat" + rows + "x" + cols;
    }
}
