package theorycheck.optim;

import java.util.Objects;
import theorycheck.linalg.Norm;
import theorycheck.linalg.Vec;

/**
 * Steepest descent with respect to a norm ‖·‖: θ ← θ − η_t · s · Δ, where
 * Δ = argmax_{‖u‖≤1} ⟨g, u⟩ is the unit steepest direction and s = 1 ({@code normalized}) or
 * s = ‖g‖_* (the dual norm; the classic unnormalized method, for which ⟨g, sΔ⟩ = ‖g‖_*²).
 *
 * <table>
 *   <caption>Directions and dual norms</caption>
 *   <tr><th>norm</th><th>Δ</th><th>‖g‖_*</th><th>normalized</th><th>unnormalized step sΔ</th></tr>
 *   <tr><td>L2</td><td>g/‖g‖₂</td><td>‖g‖₂</td><td>normalized GD</td><td>g (plain GD)</td></tr>
 *   <tr><td>LINF</td><td>sign(g)</td><td>‖g‖₁</td><td>sign descent</td><td>‖g‖₁·sign(g)</td></tr>
 *   <tr><td>L1</td><td>sign(g_j)e_j, j = argmax|g_j|</td><td>‖g‖∞</td><td>greedy coordinate descent with a
 *   fixed step</td><td>g_j e_j (Gauss–Southwell coordinate descent)</td></tr>
 * </table>
 *
 * <p>Ties and conventions: the maximiser is not unique for L∞ when some g_j = 0 and for L1 when
 * several |g_j| are maximal. This class takes sign(0) = 0 for L∞ (coordinates with a zero partial
 * derivative do not move) and the <em>smallest</em> index among the maximal |g_j| for L1. A zero
 * gradient makes no step for every norm. The step schedule is η_t = lr / (t+1)^{decay}
 * ({@code decay = 0}: constant step), as in {@link Adam}.
 *
 * <p>Non-finite gradients are never hidden: a NaN entry makes θ NaN (for L1 the first NaN entry
 * is the selected coordinate). An infinite entry makes θ non-finite, except for the normalized L∞
 * and L1 steps, which use only signs and so stay finite by definition.
 *
 * <p>On linearly separable data with an exponentially tailed loss, steepest descent with small
 * steps converges in direction to the max-margin separator for the same norm (L2: the SVM
 * solution; L∞: max ℓ∞-margin; L1: max ℓ1-margin).
 *
 * @see "S. Gunasekar, J. Lee, D. Soudry, N. Srebro, Characterizing implicit bias in terms of
 *     optimization geometry, ICML 2018"
 * @see "S. Boyd, L. Vandenberghe, Convex Optimization, §9.4 (steepest descent method), 2004"
 */
public record SteepestDescent(Norm norm, double lr, boolean normalized, double decay) implements Optimizer {
    public SteepestDescent {
        Objects.requireNonNull(norm, "norm");
        Hyper.positive("lr", lr);
        Hyper.nonNegative("decay", decay);
    }

    /** Constant step ({@code decay = 0}). */
    public SteepestDescent(Norm norm, double lr, boolean normalized) {
        this(norm, lr, normalized, 0.0);
    }

    /** Normalized gradient descent: θ ← θ − η g/‖g‖₂. */
    public static SteepestDescent normalizedGd(double lr) {
        return new SteepestDescent(Norm.L2, lr, true);
    }

    /** Sign descent (normalized L∞ steepest descent): θ ← θ − η sign(g). */
    public static SteepestDescent signGd(double lr) {
        return new SteepestDescent(Norm.LINF, lr, true);
    }

    /**
     * Normalized L1 steepest descent: θ_j ← θ_j − η sign(g_j) at j = argmax|g_j| (smallest such j).
     * The Gauss–Southwell step θ_j ← θ_j − η g_j is {@code new SteepestDescent(Norm.L1, lr, false)}.
     */
    public static SteepestDescent coordinateDescent(double lr) {
        return new SteepestDescent(Norm.L1, lr, true);
    }

    /**
     * The name {@link Optimizers#byName} builds this configuration from: "normalized-gd", "sign-gd",
     * "coordinate-descent" for the normalized methods, "steepest-descent-l2|linf|l1" otherwise.
     */
    public String name() {
        if (normalized) {
            return switch (norm) {
                case L2 -> "normalized-gd";
                case LINF -> "sign-gd";
                case L1 -> "coordinate-descent";
            };
        }
        return "steepest-descent-" + norm.key();
    }

    @Override
    public String describe() {
        return name() + "(lr=" + lr + (decay == 0 ? "" : ", decay=" + decay) + ")";
    }

    @Override
    public Stepper start(int dim) {
        return (theta, g, t) -> {
            double step = decay == 0 ? lr : lr / StrictMath.pow(t + 1, decay);
            descend(norm, theta, g, step, normalized);
        };
    }

    /** The norm that defines the steepest direction. */
    /** θ ← θ − step·s·Δ for the geometry of {@code norm} (see the class javadoc); θ modified, g not modified. */
    static void descend(Norm norm, double[] theta, double[] g, double step, boolean normalized) {
        switch (norm) {
            case L2 -> {
                if (normalized) {
                    double n = Vec.norm2(g);
                    if (n == 0) {
                        return;
                    }
                    for (int i = 0; i < theta.length; i++) {
                        theta[i] -= step * (g[i] / n);
                    }
                } else {
                    // ‖g‖₂ · g/‖g‖₂ is g; written as such so that the step is bit-identical to GD
                    for (int i = 0; i < theta.length; i++) {
                        theta[i] -= step * g[i];
                    }
                }
            }
            case LINF -> {
                double s = normalized ? step : step * Vec.norm1(g);
                if (s == 0) {
                    return;
                }
                for (int i = 0; i < theta.length; i++) {
                    theta[i] -= s * Math.signum(g[i]);
                }
            }
            case L1 -> {
                int j = greedyCoordinate(g);
                if (j < 0) {
                    return;
                }
                theta[j] -= normalized ? step * Math.signum(g[j]) : step * g[j];
            }
        }
    }

    /** Smallest index of a maximal |g_j|, the first NaN if any, or −1 if g = 0. */
    static int greedyCoordinate(double[] g) {
        int best = -1;
        double max = 0;
        for (int j = 0; j < g.length; j++) {
            double a = Math.abs(g[j]);
            if (Double.isNaN(a)) {
                return j;
            }
            if (a > max) {
                max = a;
                best = j;
            }
        }
        return best;
    }
}
