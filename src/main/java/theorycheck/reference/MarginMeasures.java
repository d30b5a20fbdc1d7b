package theorycheck.reference;

import theorycheck.linalg.Norm;
import theorycheck.data.Classification;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Ops;
import theorycheck.linalg.Vec;

/**
 * Margins of a linear classifier x ↦ ⟨w, x⟩ on a {@link Classification}, and the angle between
 * two directions. The max-margin results concern directions only (the iterates of GD on separable
 * data grow without bound), so a margin is compared after normalizing w in a named {@link Norm}.
 */
public final class MarginMeasures {
    private MarginMeasures() {
    }

    /**
     * The signed margins yᵢ⟨w, xᵢ⟩, i = 1..m.
     *
     * @param w length d, not modified
     * @param data not modified
     * @param out length m, modified; may be null (then allocated)
     * @return out
     */
    public static double[] margins(double[] w, Classification data, double[] out) {
        checkDim(w, data);
        Mat x = data.x();
        if (out != null && (out.length != x.rows() || out == w)) {
            throw new IllegalArgumentException("margins: output must be a distinct array of length " + x.rows());
        }
        out = Ops.gemv(x, w, out);
        for (int i = 0; i < out.length; i++) {
            out[i] *= data.label(i);
        }
        return out;
    }

    /**
     * γ(w) = minᵢ yᵢ⟨w, xᵢ⟩ (unnormalized; positive iff w separates the data).
     *
     * @param w length d, not modified
     * @param data at least one example, not modified
     */
    public static double margin(double[] w, Classification data) {
        if (data.examples() == 0) {
            throw new IllegalArgumentException("margin of an empty data set is undefined");
        }
        double min = Double.POSITIVE_INFINITY;
        for (double v : margins(w, data, null)) {
            min = Math.min(min, v);
        }
        return min;
    }

    /**
     * γ(w)/‖w‖: the margin of the direction of w, scale-free; the quantity that the max-margin
     * solutions in {@link MaxMargin} maximize for the same norm.
     *
     * @param w length d, not modified
     * @param data not modified
     * @param norm the norm that defines "unit direction"
     * @throws IllegalArgumentException if ‖w‖ is 0 or not finite
     */
    public static double normalizedMargin(double[] w, Classification data, Norm norm) {
        double n = norm.of(w);
        if (!(n > 0) || Double.isInfinite(n)) {
            throw new IllegalArgumentException("normalized margin needs 0 < ‖w‖ < ∞, got " + norm + " norm " + n);
        }
        return margin(w, data) / n;
    }

    /**
     * The angle between a and b in radians, in [0, π]: 2·atan2(‖â − b̂‖₂, ‖â + b̂‖₂) with
     * â = a/‖a‖₂ (Kahan's formula). Unlike acos of the cosine it keeps full relative accuracy
     * for nearly parallel (and nearly opposite) vectors, where acos loses half the digits: an
     * angle of 1e-9 comes out as 1e-9, not as 0 or 1.5e-8.
     *
     * @param a not modified
     * @param b same length, not modified
     * @throws IllegalArgumentException if either is 0 or not finite
     */
    public static double angle(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("angle: lengths differ: " + a.length + " and " + b.length);
        }
        double[] ua = Norm.L2.normalize(a);
        double[] ub = Norm.L2.normalize(b);
        return 2 * Math.atan2(Vec.distance(ua, ub), Vec.norm2(Vec.add(ua, ub)));
    }

    private static void checkDim(double[] w, Classification data) {
        if (w.length != data.dim()) {
            throw new IllegalArgumentException("w has length " + w.length + ", data have dimension " + data.dim());
        }
    }
}
