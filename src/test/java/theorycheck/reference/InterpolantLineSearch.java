package theorycheck.reference;

import java.util.function.ToDoubleFunction;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Vec;

/**
 * Test helper: an independent minimizer of a convex potential over {Xβ = y} when the null space of
 * X is one-dimensional (m = d − 1): β(t) = β₀ + t·n with β₀ = X⁺y and n spanning the null space,
 * minimized over t by golden-section search. No duality, no Newton — only function values.
 */
final class InterpolantLineSearch {
    private InterpolantLineSearch() {
    }

    static double[] minimize(Mat x, double[] y, ToDoubleFunction<double[]> potential, double halfWidth) {
        double[] b0 = MinNorm.solve(x, y);
        double[] n = nullDirection(x);
        double lo = -halfWidth, hi = halfWidth;
        double g = (Math.sqrt(5) - 1) / 2;
        for (int i = 0; i < 300 && hi - lo > 1e-15 * (1 + Math.abs(lo)); i++) {
            double a = hi - g * (hi - lo), b = lo + g * (hi - lo);
            if (potential.applyAsDouble(along(b0, n, a)) <= potential.applyAsDouble(along(b0, n, b))) {
                hi = b;
            } else {
                lo = a;
            }
        }
        return along(b0, n, 0.5 * (lo + hi));
    }

    /** The unit vector spanning the null space of an (d−1)×d matrix: the projection of a generic vector. */
    static double[] nullDirection(Mat x) {
        double[] e = new double[x.cols()];
        for (int j = 0; j < e.length; j++) {
            e[j] = 1.0 / (j + 1.7);
        }
        double[] n = MinNorm.projectNullSpace(x, e);
        return Vec.scale(1 / Vec.norm2(n), n);
    }

    private static double[] along(double[] b0, double[] n, double t) {
        double[] b = b0.clone();
        Vec.axpyInPlace(t, n, b);
        return b;
    }
}
