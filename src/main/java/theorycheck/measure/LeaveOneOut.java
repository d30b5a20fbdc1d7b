package theorycheck.measure;

import theorycheck.linalg.Cholesky;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Ops;
import theorycheck.linalg.Vec;

/**
 * Exact leave-one-out and replace-one retraining: the training set is edited and the learner run
 * again from scratch, so no influence-function or Sherman–Morrison approximation enters.
 */
public final class LeaveOneOut {
    private LeaveOneOut() {
    }

    /** A deterministic learner: (X, y) ↦ w. Must not modify its arguments. */
    @FunctionalInterface
    public interface Learner {
        double[] fit(Mat x, double[] y);
    }

    /** X without row i (a new matrix); x not modified. */
    public static Mat withoutRow(Mat x, int i) {
        int m = x.rows();
        int d = x.cols();
        if (i < 0 || i >= m) {
            throw new IllegalArgumentException("row " + i + " out of 0.." + (m - 1));
        }
        double[] out = new double[(m - 1) * d];
        System.arraycopy(x.data(), 0, out, 0, i * d);
        System.arraycopy(x.data(), (i + 1) * d, out, i * d, (m - 1 - i) * d);
        return new Mat(m - 1, d, out);
    }

    /** y without entry i (a new array); y not modified. */
    public static double[] withoutEntry(double[] y, int i) {
        double[] out = new double[y.length - 1];
        System.arraycopy(y, 0, out, 0, i);
        System.arraycopy(y, i + 1, out, i, y.length - 1 - i);
        return out;
    }

    /** X with row i replaced by {@code row} (a new matrix); x not modified. */
    public static Mat withRow(Mat x, int i, double[] row) {
        if (row.length != x.cols()) {
            throw new IllegalArgumentException("row has length " + row.length + ", X has " + x.cols() + " columns");
        }
        Mat out = x.copy();
        System.arraycopy(row, 0, out.data(), i * x.cols(), row.length);
        return out;
    }

    /** y with entry i replaced by v (a new array). */
    public static double[] withEntry(double[] y, int i, double v) {
        double[] out = y.clone();
        out[i] = v;
        return out;
    }

    /** w_{S\i} for every i = 0..m−1, each by retraining on the m − 1 remaining examples. */
    public static double[][] removeEach(Mat x, double[] y, Learner learner) {
        double[][] out = new double[x.rows()][];
        for (int i = 0; i < x.rows(); i++) {
            out[i] = learner.fit(withoutRow(x, i), withoutEntry(y, i));
        }
        return out;
    }

    /** Δᵢ = ‖w_S − w_{S\i}‖₂ for every i, with w_S = learner(X, y). */
    public static double[] parameterChanges(Mat x, double[] y, Learner learner) {
        double[] w = learner.fit(x, y);
        double[][] loo = removeEach(x, y, learner);
        double[] out = new double[loo.length];
        for (int i = 0; i < loo.length; i++) {
            out[i] = Vec.distance(w, loo[i]);
        }
        return out;
    }

    /**
     * w_{S\i} = X₋ᵢᵀ(K₋ᵢ + cI)⁻¹y₋ᵢ for every i, K = XXᵀ: exact ridge retraining in dual form on each
     * S\i, sharing the Gram matrix (O(m³) per i instead of O(m²d)). c is the ridge constant of the
     * dual system: c = λ for the unnormalized (XᵀX + λI)⁻¹Xᵀy, c = (m − 1)λ for
     * {@link theorycheck.reference.Ridge}'s (1/2n)‖Xw − y‖² + (λ/2)‖w‖² on n = m − 1 examples.
     */
    public static double[][] ridgeRemoveEach(Mat x, double[] y, double c) {
        int m = x.rows();
        Mat k = Ops.multTransB(x, x, null);
        double[][] out = new double[m][];
        for (int i = 0; i < m; i++) {
            Mat ki = new Mat(m - 1, m - 1);
            double[] yi = withoutEntry(y, i);
            for (int a = 0, ra = 0; a < m; a++) {
                if (a == i) {
                    continue;
                }
                for (int b = 0, rb = 0; b < m; b++) {
                    if (b == i) {
                        continue;
                    }
                    ki.set(ra, rb, k.get(a, b) + (ra == rb ? c : 0));
                    rb++;
                }
                ra++;
            }
            double[] alpha = Cholesky.solve(ki, yi);
            out[i] = Ops.gemvT(withoutRow(x, i), alpha, null);
        }
        return out;
    }
}
