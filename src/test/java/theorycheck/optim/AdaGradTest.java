package theorycheck.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class AdaGradTest {
    /** Expected values are the scalar arithmetic of the update; only rounding separates them. */
    private static final double TOL = 1e-15;

    @Test
    void threeStepsByHandWithEpsZero() {
        // lr = 0.1, ε = 0: s accumulates g².
        // t = 0: s = (0.25, 1)          ⇒ θ₁ = θ₀ − 0.1·sign(g₀) = (0.9, −1.9)
        // t = 1: s = (4.25, 1.0625)     ⇒ θ₂ = θ₁ − 0.1·(2/√4.25, 0.25/√1.0625)
        // t = 2: s = (5.25, 2.0625)     ⇒ θ₃ = θ₂ − 0.1·(−1/√5.25, 1/√2.0625)
        double[][] th = Steps.run(new AdaGrad(0.1, 0.0), 3);
        assertArrayEquals(new double[] {0.9, -1.9}, th[0], TOL);
        double[] t2 = {0.9 - 0.2 / Math.sqrt(4.25), -1.9 - 0.025 / Math.sqrt(1.0625)};
        assertArrayEquals(t2, th[1], TOL);
        assertArrayEquals(new double[] {t2[0] + 0.1 / Math.sqrt(5.25), t2[1] - 0.1 / Math.sqrt(2.0625)}, th[2], TOL);
    }

    @Test
    void epsilonIsAddedAfterTheSquareRoot() {
        // g = (0.5, −1), ε = 0.5: θ₁ = θ₀ − 0.1·g/(|g| + 0.5).
        double[][] th = Steps.run(new AdaGrad(0.1, 0.5), 1);
        assertArrayEquals(new double[] {0.95, -2 + 0.1 / 1.5}, th[0], TOL);
    }

    @Test
    void zeroGradientWithEpsZeroTakesNoStep() {
        double[][] th = Steps.run(new AdaGrad(0.1, 0.0), new double[] {3}, new double[][] {{0}}, 1);
        assertArrayEquals(new double[] {3}, th[0], 0.0);
    }
}
