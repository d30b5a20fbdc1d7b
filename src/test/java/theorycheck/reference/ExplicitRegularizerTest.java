package theorycheck.reference;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import theorycheck.data.RandomDesigns;
import theorycheck.data.Rng;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Ops;
import theorycheck.linalg.Vec;

class ExplicitRegularizerTest {
    private static final long SEED = 20261122L;
    /** Golden-section on a smooth 1-D function: the minimum value to ~ε, the minimizer to ~√ε. */
    private static final double VALUE_TOL = 1e-10;
    private static final double LINE_SEARCH_TOL = 1e-6;

    /** r(b) by brute force: min over s = v₋ ≥ 0 of (√(b + s²) − 1)² + (s − 1)², for b ≥ 0. */
    private static double bruteForceR(double b) {
        double lo = 0, hi = 10 + Math.sqrt(b);
        double g = (Math.sqrt(5) - 1) / 2;
        java.util.function.DoubleUnaryOperator f = s -> {
            double p = Math.sqrt(b + s * s) - 1;
            return p * p + (s - 1) * (s - 1);
        };
        for (int i = 0; i < 300; i++) {
            double a = hi - g * (hi - lo), c = lo + g * (hi - lo);
            if (f.applyAsDouble(a) <= f.applyAsDouble(c)) {
                hi = c;
            } else {
                lo = a;
            }
        }
        return f.applyAsDouble(0.5 * (lo + hi));
    }

    @Test
    void closedFormMatchesBruteForceAndIsEven() {
        for (double b : new double[] {0, 0.01, 0.5, 1, 3, 17, 400}) {
            assertEquals(bruteForceR(b), ExplicitRegularizer.r(b), VALUE_TOL * Math.max(1, b));
            assertEquals(ExplicitRegularizer.r(b), ExplicitRegularizer.r(-b), 0.0);
        }
    }

    @Test
    void satisfiesTheSlidesQuartic() {
        // the quartic's coefficients are O(b⁴); its residual at the root is O(ε·(r⁴ + b⁴))
        for (double b : new double[] {0.01, 0.5, 1, 3, 17, 400}) {
            double r = ExplicitRegularizer.r(b);
            double scale = Math.pow(Math.max(r, Math.abs(b)), 4) + 1;
            assertThat("b=" + b, Math.abs(ExplicitRegularizer.quartic(r, b)) / scale, lessThanOrEqualTo(1e-12));
            // and a wrong value is not a root
            assertThat(Math.abs(ExplicitRegularizer.quartic(1.1 * r, b)) / scale, greaterThan(1e-8));
        }
    }

    @Test
    void conjugateIsTheLegendreTransform() {
        // r*(λ) = sup_b (λb − r(b)), attained at b(λ); check against a brute-force sup over a b grid
        for (double lambda : new double[] {-0.9, -0.2, 0.05, 0.5, 0.97}) {
            double best = Double.NEGATIVE_INFINITY;
            double bStar = ExplicitRegularizer.b(lambda);
            for (int i = -2000; i <= 2000; i++) {
                double b = bStar * (1 + i * 1e-4);
                best = Math.max(best, lambda * b - ExplicitRegularizer.r(b));
            }
            assertEquals(best, 2 * lambda * lambda / (1 - lambda * lambda), 1e-9 * Math.max(1, best));
        }
    }

    @Test
    void multiplierIsOddAndExactlyZeroAtZero() {
        // r is even, so its derivative λ(b) is odd: λ(−b) = −λ(b), and λ(0) = 0 exactly (no bisection residue)
        assertEquals(0.0, ExplicitRegularizer.multiplier(0.0), 0.0);
        for (double b : new double[] {1e-6, 0.3, 7}) {
            assertEquals(-ExplicitRegularizer.multiplier(b), ExplicitRegularizer.multiplier(-b), 0.0);
        }
    }

    @Test
    void multiplierIsTheDerivative() {
        for (double b : new double[] {-5, -0.3, 0.1, 2, 50}) {
            double h = 1e-6 * Math.max(1, Math.abs(b));
            double fd = (ExplicitRegularizer.r(b + h) - ExplicitRegularizer.r(b - h)) / (2 * h);
            assertEquals(ExplicitRegularizer.multiplier(b), fd, 1e-7);
        }
    }

    @Test
    void interpolantSatisfiesKktAndMatchesLineSearch() {
        Rng rng = new Rng(SEED);
        Mat x = RandomDesigns.gaussian(4, 5, 1.0, rng.split());
        double[] y = rng.gaussianVector(4, 1.0);
        for (double alpha : new double[] {0.05, 0.5, 2}) {
            ExplicitRegularizer.Result res = ExplicitRegularizer.solve(x, y, alpha);
            assertTrue(res.converged());
            double[] grad = new double[5];
            for (int j = 0; j < 5; j++) {
                grad[j] = ExplicitRegularizer.multiplier(res.beta()[j] / (alpha * alpha));
            }
            assertThat(Vec.norm2(MinNorm.projectNullSpace(x, grad)) / Vec.norm2(grad), lessThanOrEqualTo(1e-9));
            double[] ref = InterpolantLineSearch.minimize(x, y, b -> ExplicitRegularizer.value(b, alpha), 50);
            assertThat("α=" + alpha, Vec.distance(res.beta(), ref) / Vec.norm2(ref), lessThanOrEqualTo(LINE_SEARCH_TOL));
        }
    }

    @Test
    void convergesOnALargerProblem() {
        Rng rng = new Rng(SEED + 1);
        Mat x = RandomDesigns.gaussian(10, 30, 1.0, rng.split());
        double[] y = Ops.gemv(x, RandomDesigns.sparseGaussian(30, 3, rng.split()), null);
        for (double alpha : new double[] {1e-3, 0.3, 10}) {
            ExplicitRegularizer.Result res = ExplicitRegularizer.solve(x, y, alpha);
            assertTrue(res.converged(), "α=" + alpha + " residual " + res.relativeResidual());
        }
    }
}
