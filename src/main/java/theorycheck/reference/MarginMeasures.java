package theorycheck.reference;

import theorycheck.data.Classification;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Norm;
import theorycheck.linalg.Ops;
import theorycheck.linalg.StrictLog;
import theorycheck.linalg.Vec;
import theorycheck.model.Model;

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

    /**
     * The normalized margin of an L-homogeneous model (Lyu &amp; Li 2020):
     * <pre>  γ(θ) = minᵢ yᵢ f_θ(xᵢ) / ‖θ‖₂^L ,</pre>
     * scale-free exactly when f_{cθ} = c^L f_θ for c &gt; 0 (e.g. a bias-free ReLU
     * {@link theorycheck.model.Mlp} with L weight layers). Dividing by ‖θ‖₂ instead of ‖θ‖₂^L is not a
     * margin: it grows without bound along the ray cθ.
     *
     * @param model the network, not modified
     * @param theta parameters, not modified
     * @param data not modified
     * @param degree the homogeneity degree L ≥ 1 (not checked against the model)
     * @throws IllegalArgumentException if ‖θ‖₂ is 0 or not finite, or degree &lt; 1
     */
    public static double homogeneousNormalizedMargin(Model model, double[] theta, Classification data, int degree) {
        return minOf(modelMargins(model, theta, data)) / normPower(theta, degree);
    }

    /**
     * Lyu &amp; Li's (2020) smoothed margin for the logistic loss, the quantity their Theorem 4.1 shows
     * to be non-decreasing under gradient flow once the summed loss L(θ) = Σᵢ log(1 + e^{−qᵢ}),
     * qᵢ = yᵢ f_θ(xᵢ), is below log 2:
     * <pre>  γ̃(θ) = log(1 / (e^{L(θ)} − 1)) / ‖θ‖₂^L .</pre>
     * It bounds the normalized margin from below, γ̃ ≤ γ, and
     * γ̃ ≥ γ − (log m + L(θ))/‖θ‖₂^L. Computed in log space so that it stays finite when L underflows
     * (then −log L = −log Σ e^{−qᵢ}, a log-sum-exp). NaN when L(θ) ≥ log 2 (no finite value).
     *
     * @param degree the homogeneity degree L ≥ 1
     */
    public static double logisticSmoothedMargin(Model model, double[] theta, Classification data, int degree) {
        double[] q = modelMargins(model, theta, data);
        double total = 0;
        for (double v : q) {
            total += v > 0 ? StrictMath.log1p(StrictMath.exp(-v)) : -v + StrictMath.log1p(StrictMath.exp(v));
        }
        if (!(total < StrictLog.log(2))) {
            return Double.NaN;
        }
        double logOfInverse;
        if (total > 1e-8) {
            logOfInverse = -StrictLog.log(StrictMath.expm1(total));
        } else {
            // e^L − 1 = L(1 + O(L)) and L = Σ e^{−qᵢ}(1 + O(e^{−qᵢ})): −log of a log-sum-exp, to O(1e-8)
            double min = minOf(q);
            double sum = 0;
            for (double v : q) {
                sum += StrictMath.exp(-(v - min));
            }
            logOfInverse = min - StrictLog.log(sum);
        }
        return logOfInverse / normPower(theta, degree);
    }

    private static double[] modelMargins(Model model, double[] theta, Classification data) {
        if (model.inputDim() != data.dim() || theta.length != model.numParams()) {
            throw new IllegalArgumentException("model (input " + model.inputDim() + ", " + model.numParams()
                    + " parameters) does not match θ of length " + theta.length + " and data of dimension " + data.dim());
        }
        double[] q = new double[data.examples()];
        model.predict(theta, data.x(), null, q);
        for (int i = 0; i < q.length; i++) {
            q[i] *= data.label(i);
        }
        return q;
    }

    private static double minOf(double[] v) {
        double min = Double.POSITIVE_INFINITY;
        for (double x : v) {
            min = Math.min(min, x);
        }
        return min;
    }

    private static double normPower(double[] theta, int degree) {
        if (degree < 1) {
            throw new IllegalArgumentException("homogeneity degree must be ≥ 1, got " + degree);
        }
        double n = Vec.norm2(theta);
        if (!(n > 0) || Double.isInfinite(n)) {
            throw new IllegalArgumentException("normalized margin needs 0 < ‖θ‖₂ < ∞, got " + n);
        }
        return StrictMath.pow(n, degree);
    }

    private static void checkDim(double[] w, Classification data) {
        if (w.length != data.dim()) {
            throw new IllegalArgumentException("w has length " + w.length + ", data have dimension " + data.dim());
        }
    }
}
