package theorycheck.reference;

import theorycheck.linalg.Mat;

/**
 * The explicit regularizer that "initialize at α·1" would be if GD were ℓ2-biased in parameter
 * space (Woodworth et al., COLT 2020, Section 5): for β = F(w) = w₊² − w₋²,
 * <pre>
 *   R_α(β) = min_{F(w)=β} ‖w − α1‖² = α²·Σⱼ r(βⱼ/α²),   r(b) = min_{v₊²−v₋²=b} (v₊−1)² + (v₋−1)².
 * </pre>
 * r has a parametric closed form. The Lagrange conditions give v₊ = 1/(1−λ), v₋ = 1/(1+λ) with the
 * multiplier λ = r'(b) ∈ (−1, 1) (both factors positive; a negative one only moves away from 1), so
 * <pre>
 *   b(λ) = 4λ/(1−λ²)²,   r = (λ/(1−λ))² + (λ/(1+λ))²,   b'(λ) = 4(1+3λ²)/(1−λ²)³ &gt; 0.
 * </pre>
 * b is an increasing bijection (−1, 1) → ℝ, so r' is increasing and r strictly convex. The slides
 * state r(b) as a root of r⁴ − 6r³ + (12−2b²)r² − (8+10b²)r + b² + b⁴ = 0
 * ({@link #quartic}); the core test checks that this closed form satisfies it.
 *
 * <p>argmin R_α s.t. Xβ = y is solved as {@link QAlphaInterpolant} is, on the dual, with link
 * β/α² = b(λ), λ = Xᵀμ, and conjugate r*(λ) = λ·b(λ) − r(b(λ)) = 2λ²/(1 − λ²).
 */
public final class ExplicitRegularizer {
    private static final QAlphaDualNewton.Link LINK = new QAlphaDualNewton.Link() {
        @Override
        public double h(double lambda) {
            return b(lambda);
        }

        @Override
        public double hPrime(double lambda) {
            double u = (1 - lambda) * (1 + lambda);
            return 4 * (1 + 3 * lambda * lambda) / (u * u * u);
        }

        @Override
        public double conjugate(double lambda) {
            // λ·b(λ) − r(b(λ)) simplifies to 2λ²/(1−λ²); the difference form cancels catastrophically near |λ| = 1
            return 2 * lambda * lambda / ((1 - lambda) * (1 + lambda));
        }

        @Override
        public double domainBound() {
            return 1.0;
        }
    };

    private ExplicitRegularizer() {
    }

    /** Same fields as {@link QAlphaInterpolant.Result}; dual μ with r'(β/α²) = Xᵀμ. */
    public record Result(double[] beta, double[] dual, int iterations, double relativeResidual, boolean converged) {
    }

    /** argmin R_α(β) s.t. Xβ = y; x of full row rank, not modified. */
    public static Result solve(Mat x, double[] y, double alpha) {
        QAlphaDualNewton.Solution s = QAlphaDualNewton.solve(x, y, alpha * alpha, LINK);
        return new Result(s.beta(), s.mu(), s.iterations(), s.relativeResidual(), s.converged());
    }

    /** b(λ) = 4λ/(1−λ²)². */
    static double b(double lambda) {
        double u = (1 - lambda) * (1 + lambda);
        return 4 * lambda / (u * u);
    }

    static double rOfMultiplier(double lambda) {
        double p = lambda / (1 - lambda), n = lambda / (1 + lambda);
        return p * p + n * n;
    }

    /** The multiplier λ = r'(b) ∈ (−1, 1): the root of b(λ) = b, by bisection (b is increasing). */
    public static double multiplier(double b) {
        if (b == 0) {
            return 0;
        }
        double lo = 0, hi = 1;
        double target = Math.abs(b);
        for (int i = 0; i < 200 && hi - lo > 0; i++) {
            double mid = 0.5 * (lo + hi);
            if (mid == lo || mid == hi) {
                break;
            }
            if (b(mid) < target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.copySign(0.5 * (lo + hi), b);
    }

    /** r(b) = min over v₊² − v₋² = b of (v₊−1)² + (v₋−1)². */
    public static double r(double b) {
        return rOfMultiplier(multiplier(b));
    }

    /** R_α(β) = α²·Σ r(βⱼ/α²). */
    public static double value(double[] beta, double alpha) {
        double a2 = alpha * alpha;
        double sum = 0;
        for (double v : beta) {
            sum += r(v / a2);
        }
        return a2 * sum;
    }

    /** The slides' quartic in r for a given b: r⁴ − 6r³ + (12 − 2b²)r² − (8 + 10b²)r + b² + b⁴. */
    public static double quartic(double r, double b) {
        double b2 = b * b;
        return (((r - 6) * r + 12 - 2 * b2) * r - (8 + 10 * b2)) * r + b2 + b2 * b2;
    }
}
