package theorycheck.optim;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AdamTest {
    /** Expected values below are written as the scalar arithmetic of Algorithm 1; only rounding separates them. */
    private static final double TOL = 1e-15;

    @Test
    void twoStepsByHandWithEpsZero() {
        // lr = 0.1, β₁ = 0.9, β₂ = 0.999, ε = 0.
        // t = 0: m = 0.1 g₀, v = 0.001 g₀², m̂ = g₀, v̂ = g₀² ⇒ θ₁ = θ₀ − 0.1·sign(g₀) = (0.9, −1.9).
        // t = 1, coordinate 0: m = 0.9·0.05 + 0.1·2 = 0.245,        v = 0.999·0.00025 + 0.001·4 = 0.00424975
        //        coordinate 1: m = 0.9·(−0.1) + 0.1·0.25 = −0.065, v = 0.999·0.001 + 0.001·0.0625 = 0.0010615
        //        m̂ = m / (1 − 0.81), v̂ = v / (1 − 0.998001).
        double c1 = 1 - 0.81;
        double c2 = 1 - 0.998001;
        double step0 = 0.1 * (0.245 / c1) / Math.sqrt(0.00424975 / c2);
        double step1 = 0.1 * (-0.065 / c1) / Math.sqrt(0.0010615 / c2);
        double[][] th = Steps.run(new Adam(0.1, 0.9, 0.999, 0.0, 0.0), 2);
        assertArrayEquals(new double[] {0.9, -1.9}, th[0], TOL);
        assertArrayEquals(new double[] {0.9 - step0, -1.9 - step1}, th[1], TOL);
        // the same steps evaluated outside Java (0.0884376…, −0.0469468…), to 7 digits
        assertEquals(0.9 - 0.0884376, th[1][0], 1e-7);
        assertEquals(-1.9 + 0.0469468, th[1][1], 1e-7);
    }

    @Test
    void biasCorrectionMakesTheFirstStepLrTimesSign() {
        // Without bias correction the first step would be lr·(1−β₁)/√(1−β₂)·sign(g) ≈ 3.16·lr.
        double[][] th = Steps.run(new Adam(0.1, 0.9, 0.999, 0.0, 0.0), new double[] {0, 0},
                new double[][] {{1e-3, -50}}, 1);
        assertArrayEquals(new double[] {-0.1, 0.1}, th[0], TOL);
    }

    @Test
    void epsilonEntersTheDenominatorAfterTheSquareRoot() {
        // One step with ε = 0.5, g = (0.5, −1): θ₁ = θ₀ − 0.1·g/(|g| + 0.5) = (1 − 0.05, −2 + 0.1/1.5).
        double[][] th = Steps.run(new Adam(0.1, 0.9, 0.999, 0.5, 0.0), 1);
        assertArrayEquals(new double[] {0.95, -2 + 0.1 / 1.5}, th[0], TOL);
    }

    @Test
    void epsZeroWithAZeroGradientCoordinateTakesNoStep() {
        double[][] th = Steps.run(new Adam(0.1, 0.9, 0.999, 0.0, 0.0), new double[] {1, 1},
                new double[][] {{0, 2}, {0, 2}}, 2);
        assertEquals(1.0, th[1][0], 0.0);
        assertEquals(1 - 0.2, th[1][1], TOL);
    }

    @Test
    void decayShrinksTheStepAsOneOverTPlusOneToTheDecay() {
        // β₁ = β₂ = 0, ε = 0 make each step lr_t·sign(g); decay 0.5 gives lr_t = 0.1/√(t+1).
        double[][] th = Steps.run(new Adam(0.1, 0.0, 0.0, 0.0, 0.5), new double[] {0},
                new double[][] {{3}, {0.2}, {7}}, 3);
        assertEquals(-0.1, th[0][0], TOL);
        assertEquals(-0.1 - 0.1 / Math.sqrt(2), th[1][0], TOL);
        assertEquals(-0.1 - 0.1 / Math.sqrt(2) - 0.1 / Math.sqrt(3), th[2][0], TOL);
    }

    @Test
    void defaultsAreTheCommonOnes() {
        Adam a = Adam.withDefaults(0.01);
        assertEquals(0.9, a.beta1(), 0.0);
        assertEquals(0.999, a.beta2(), 0.0);
        assertEquals(1e-8, a.eps(), 0.0);
        assertEquals(0.0, a.decay(), 0.0);
    }

    @Test
    void rejectsBadHyperParameters() {
        assertThat(assertThrows(IllegalArgumentException.class, () -> new Adam(0.1, 1.0, 0.999, 1e-8, 0))
                .getMessage(), containsString("beta1"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> new Adam(0.1, 0.9, 0.999, -1, 0))
                .getMessage(), containsString("eps"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> new Adam(0.1, 0.9, 0.999, 1e-8, -1))
                .getMessage(), containsString("decay"));
    }
}
