package theorycheck.train;

import java.util.function.Function;
import theorycheck.linalg.Cholesky;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Vec;
import theorycheck.loss.Objective;

/**
 * Refinement to a nearby exact minimum: Levenberg–Marquardt steps θ ← θ − (H + μI)⁻¹∇L with the
 * exact Hessian. μ shrinks ×10 after a step that does not raise L and grows ×10 otherwise (or when
 * H + μI is not positive definite), so it behaves like Newton near a strict minimum and like short
 * gradient steps elsewhere. Each step needs the loss of its trial point, which the first-order
 * {@link Trainer} does not ask for; hence a loop of its own.
 */
public final class LevenbergMarquardt {
    /** μ starts here and never drops below {@link #MIN_DAMPING}. */
    static final double START_DAMPING = 1e-3;
    static final double MIN_DAMPING = 1e-15;

    private LevenbergMarquardt() {
    }

    /**
     * Iterates from {@code start} (not modified) until ‖∇L‖ ≤ gradTol or after {@code iterations}
     * (accepted or rejected steps alike); the caller checks what was reached.
     *
     * @param hessian the full Hessian at θ (a new matrix)
     * @return the last accepted iterate, or null if it is not finite
     */
    public static double[] minimize(Objective objective, Function<double[], Mat> hessian, double[] start,
            int iterations, double gradTol) {
        double[] theta = start.clone();
        int p = theta.length;
        double[] g = new double[p];
        double loss = objective.valueAndGradient(theta, null, g);
        double mu = START_DAMPING;
        for (int k = 0; k < iterations && Vec.norm2(g) > gradTol; k++) {
            Mat h = hessian.apply(theta);
            for (int i = 0; i < p; i++) {
                h.set(i, i, h.get(i, i) + mu);
            }
            double[] step;
            try {
                step = Cholesky.solve(h, g);
            } catch (IllegalArgumentException notPd) {
                mu *= 10;
                continue;
            }
            double[] next = theta.clone();
            Vec.axpyInPlace(-1.0, step, next);
            double value = objective.value(next);
            if (value <= loss) {
                theta = next;
                loss = objective.valueAndGradient(theta, null, g);
                mu = Math.max(mu / 10, MIN_DAMPING);
            } else {
                mu *= 10;
            }
        }
        return Vec.isFinite(theta) ? theta : null;
    }
}
