package theorycheck.linalg;

/**
 * A copy of a matrix X held twice, as one array per row and one array per column, for the two
 * products a full-batch gradient needs each step: Xv and Xᵀc.
 *
 * <p>Why the copies: the JIT turns a loop into vector instructions when each array it reads is
 * read at the loop index itself. A loop along a row of a row-major {@link Mat} that reads four
 * rows reads one array at four offsets unknown at compile time, and stays scalar; the same loop
 * over four separate arrays runs four lanes at a time (measured on the 50×200 min-norm problem:
 * Xv 3.5 → 1.3 µs). Each sum is the one {@code theorycheck.model.LinearPredictor} forms, term for
 * term in the same order, so results are equal bit for bit (SplitMatTest).
 *
 * <p>The copy is taken once; later changes to the source matrix are not seen.
 */
public final class SplitMat {
    /** Columns (in {@link #times}) or rows (in {@link #transposeTimes}) that enter a sum in one visit. */
    private static final int BLOCK = 4;

    private final int rows;
    private final int cols;
    private final double[][] rowArrays;
    private final double[][] columnArrays;

    public SplitMat(Mat x) {
        this.rows = x.rows();
        this.cols = x.cols();
        this.rowArrays = new double[rows][];
        this.columnArrays = new double[cols][rows];
        double[] d = x.data();
        for (int i = 0; i < rows; i++) {
            rowArrays[i] = java.util.Arrays.copyOfRange(d, i * cols, (i + 1) * cols);
            for (int j = 0; j < cols; j++) {
                columnArrays[j][i] = d[i * cols + j];
            }
        }
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /**
     * out[i] = ⟨x_i, v⟩ for every row: each sum starts at 0 and adds x_ij·v_j in column order; the
     * loop runs along the rows, {@value #BLOCK} columns entering each out[i] in one visit.
     */
    public void times(double[] v, double[] out) {
        java.util.Arrays.fill(out, 0, rows, 0.0);
        int j = 0;
        for (; j + BLOCK <= cols; j += BLOCK) {
            double v0 = v[j];
            double v1 = v[j + 1];
            double v2 = v[j + 2];
            double v3 = v[j + 3];
            double[] c0 = columnArrays[j];
            double[] c1 = columnArrays[j + 1];
            double[] c2 = columnArrays[j + 2];
            double[] c3 = columnArrays[j + 3];
            for (int i = 0; i < rows; i++) {
                double s = out[i];
                s += c0[i] * v0;
                s += c1[i] * v1;
                s += c2[i] * v2;
                s += c3[i] * v3;
                out[i] = s;
            }
        }
        for (; j < cols; j++) {
            double vj = v[j];
            double[] c = columnArrays[j];
            for (int i = 0; i < rows; i++) {
                out[i] += c[i] * vj;
            }
        }
    }

    /**
     * g = Σₖ coef[k]·x_{row k} over the selected rows (all when {@code selected} is null), i.e. Xᵀcoef;
     * overwrites the first {@link #cols()} entries of g. The rows' terms enter each g[j] in row order,
     * and a row with coefficient 0 adds nothing (its terms could only turn a −0 entry into +0).
     */
    public void transposeTimes(int[] selected, double[] coef, double[] g) {
        java.util.Arrays.fill(g, 0, cols, 0.0);
        int count = selected == null ? rows : selected.length;
        int k = 0;
        for (; k + BLOCK <= count; k += BLOCK) {
            double a0 = coef[k];
            double a1 = coef[k + 1];
            double a2 = coef[k + 2];
            double a3 = coef[k + 3];
            double[] r0 = row(selected, k);
            double[] r1 = row(selected, k + 1);
            double[] r2 = row(selected, k + 2);
            double[] r3 = row(selected, k + 3);
            if (a0 == 0.0 || a1 == 0.0 || a2 == 0.0 || a3 == 0.0) {
                addRow(r0, a0, g);
                addRow(r1, a1, g);
                addRow(r2, a2, g);
                addRow(r3, a3, g);
                continue;
            }
            for (int j = 0; j < cols; j++) {
                double gj = g[j];
                gj += a0 * r0[j];
                gj += a1 * r1[j];
                gj += a2 * r2[j];
                gj += a3 * r3[j];
                g[j] = gj;
            }
        }
        for (; k < count; k++) {
            addRow(row(selected, k), coef[k], g);
        }
    }

    private double[] row(int[] selected, int k) {
        return rowArrays[selected == null ? k : selected[k]];
    }

    private void addRow(double[] r, double a, double[] g) {
        if (a == 0.0) {
            return;
        }
        for (int j = 0; j < cols; j++) {
            g[j] += a * r[j];
        }
    }
}
