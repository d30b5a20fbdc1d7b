package theorycheck.measure;

import theorycheck.linalg.Vec;

/**
 * sup over test points of the loss change between two linear predictors,
 * sup_{‖x‖ ≤ r, y ∈ Y} |ℓ(⟨w, x⟩, y) − ℓ(⟨w', x⟩, y)| — the quantity uniform stability bounds.
 *
 * <p>The loss depends on x only through (⟨w, x⟩, ⟨w', x⟩), so x can be taken in span{w, w'}: a
 * component outside the span uses norm and changes nothing. The sup is taken over a polar grid of
 * the disk of radius r in that plane ({@link #RADII} radii × {@link #ANGLES} angles). A grid value
 * is attained by an actual test point, so the result is a lower estimate of the sup: when it exceeds
 * a bound, the bound is violated.
 */
public final class LossDifferenceSup {
    /** Radii of the polar grid (uniform in (0, r]). */
    public static final int RADII = 24;
    /** Angles of the polar grid (uniform in [0, 2π)). */
    public static final int ANGLES = 360;

    private LossDifferenceSup() {
    }

    /** A loss of a prediction and a label. */
    @FunctionalInterface
    public interface PredictionLoss {
        double value(double prediction, double label);
    }

    /**
     * @param w first predictor, not modified
     * @param w2 second predictor, same length, not modified
     * @param radius r &gt; 0, the bound on ‖x‖
     * @param labels the label values to try (e.g. {−1, +1}, or {−B, B} for a loss convex in y)
     */
    public static double overBall(double[] w, double[] w2, double radius, double[] labels, PredictionLoss loss) {
        if (w.length != w2.length) {
            throw new IllegalArgumentException("predictors differ in length: " + w.length + " vs " + w2.length);
        }
        // orthonormal basis (u1, u2) of span{w, w'}; coordinates of w and w' in it
        double n1 = Vec.norm2(w);
        double[] u1 = n1 > 0 ? Vec.scale(1 / n1, w) : unit(w.length, 0);
        double[] rest = Vec.sub(w2, Vec.scale(Vec.dot(w2, u1), u1));
        double nr = Vec.norm2(rest);
        double a1 = Vec.dot(w, u1);
        double b1 = Vec.dot(w2, u1);
        double b2 = nr; // w has no u2 component
        double best = 0;
        for (int k = 1; k <= RADII; k++) {
            double rho = radius * k / RADII;
            for (int j = 0; j < ANGLES; j++) {
                double t = 2 * Math.PI * j / ANGLES;
                double c = rho * Math.cos(t);
                double s = rho * Math.sin(t);
                double p = a1 * c;
                double q = b1 * c + b2 * s;
                for (double y : labels) {
                    best = Math.max(best, Math.abs(loss.value(p, y) - loss.value(q, y)));
                }
            }
        }
        return best;
    }

    private static double[] unit(int n, int k) {
        double[] e = new double[n];
        e[k] = 1;
        return e;
    }
}
