package theorycheck.reference;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import theorycheck.data.Classification;

/**
 * Test helper: brute-force solution of the max-margin LPs in small dimension by enumerating
 * vertices. Over v = (w, γ) ∈ ℝ^{d+1} the feasible set {a_k·v ≤ b_k} is a pointed polyhedron (w is
 * bounded, γ bounded above), so max γ is attained at a vertex: a point where d + 1 linearly
 * independent constraints hold with equality. Every (d+1)-subset of the constraints is solved
 * (EJML LU) and kept if feasible. Exact up to rounding, and independent of any LP code.
 */
final class LpVertices {
    /** A vertex counts as feasible when no constraint is violated by more than this (O(1) data). */
    private static final double FEASIBILITY_TOL = 1e-9;
    /** Subsets whose |det| is below this (rows scaled to unit length) are treated as singular. */
    private static final double SINGULAR_TOL = 1e-10;

    private LpVertices() {
    }

    /**
     * @param gamma the optimum
     * @param w a maximizing w (one of possibly many)
     * @param subsets how many (d+1)-subsets were examined
     * @param feasibleVertices how many of them gave a feasible vertex
     */
    record Best(double gamma, double[] w, int subsets, int feasibleVertices) {
    }

    /** max γ s.t. yᵢ⟨w, xᵢ⟩ ≥ γ and −1 ≤ wⱼ ≤ 1. */
    static Best maxMarginLInf(Classification data) {
        int d = data.dim();
        double[][] rows = new double[data.examples() + 2 * d][];
        double[] rhs = new double[rows.length];
        int k = marginRows(data, rows);
        for (int j = 0; j < d; j++) {
            for (double sign : new double[] {1, -1}) {
                rows[k] = new double[d + 1];
                rows[k][j] = sign;
                rhs[k++] = 1;
            }
        }
        return maximize(rows, rhs, d);
    }

    /** max γ s.t. yᵢ⟨w, xᵢ⟩ ≥ γ and ‖w‖₁ ≤ 1, written as s·w ≤ 1 for all 2^d sign patterns s. */
    static Best maxMarginL1(Classification data) {
        int d = data.dim();
        int patterns = 1 << d;
        double[][] rows = new double[data.examples() + patterns][];
        double[] rhs = new double[rows.length];
        int k = marginRows(data, rows);
        for (int p = 0; p < patterns; p++) {
            rows[k] = new double[d + 1];
            for (int j = 0; j < d; j++) {
                rows[k][j] = ((p >> j) & 1) == 0 ? 1 : -1;
            }
            rhs[k++] = 1;
        }
        return maximize(rows, rhs, d);
    }

    /** Rows γ − yᵢ⟨w, xᵢ⟩ ≤ 0; returns the number written. */
    private static int marginRows(Classification data, double[][] rows) {
        int d = data.dim();
        for (int i = 0; i < data.examples(); i++) {
            rows[i] = new double[d + 1];
            for (int j = 0; j < d; j++) {
                rows[i][j] = -data.label(i) * data.x().get(i, j);
            }
            rows[i][d] = 1;
        }
        return data.examples();
    }

    private static Best maximize(double[][] rows, double[] rhs, int d) {
        int n = d + 1;
        int[] subset = new int[n];
        for (int i = 0; i < n; i++) {
            subset[i] = i;
        }
        double bestGamma = Double.NEGATIVE_INFINITY;
        double[] bestW = null;
        int subsets = 0;
        int feasible = 0;
        while (true) {
            subsets++;
            double[] v = solve(rows, rhs, subset);
            if (v != null && isFeasible(rows, rhs, v)) {
                feasible++;
                if (v[d] > bestGamma) {
                    bestGamma = v[d];
                    bestW = java.util.Arrays.copyOf(v, d);
                }
            }
            // next subset in lexicographic order
            int i = n - 1;
            while (i >= 0 && subset[i] == rows.length - n + i) {
                i--;
            }
            if (i < 0) {
                break;
            }
            subset[i]++;
            for (int j = i + 1; j < n; j++) {
                subset[j] = subset[j - 1] + 1;
            }
        }
        return new Best(bestGamma, bestW, subsets, feasible);
    }

    private static double[] solve(double[][] rows, double[] rhs, int[] subset) {
        int n = subset.length;
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        DMatrixRMaj b = new DMatrixRMaj(n, 1);
        DMatrixRMaj scaled = new DMatrixRMaj(n, n);
        for (int r = 0; r < n; r++) {
            double norm = 0;
            for (int c = 0; c < n; c++) {
                a.set(r, c, rows[subset[r]][c]);
                norm += rows[subset[r]][c] * rows[subset[r]][c];
            }
            norm = Math.sqrt(norm);
            for (int c = 0; c < n; c++) {
                scaled.set(r, c, rows[subset[r]][c] / norm);
            }
            b.set(r, 0, rhs[subset[r]]);
        }
        if (Math.abs(CommonOps_DDRM.det(scaled)) < SINGULAR_TOL) {
            return null;
        }
        DMatrixRMaj v = new DMatrixRMaj(n, 1);
        if (!CommonOps_DDRM.solve(a, b, v)) {
            return null;
        }
        return v.getData();
    }

    private static boolean isFeasible(double[][] rows, double[] rhs, double[] v) {
        for (int k = 0; k < rows.length; k++) {
            double s = 0;
            for (int c = 0; c < v.length; c++) {
                s += rows[k][c] * v[c];
            }
            if (s > rhs[k] + FEASIBILITY_TOL) {
                return false;
            }
        }
        return true;
    }
}
