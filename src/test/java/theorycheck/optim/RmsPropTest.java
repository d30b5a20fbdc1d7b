package theorycheck.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class RmsPropTest {
    /** Expected values are the scalar arithmetic of the update; only rounding separates them. */
    private static final double TOL = 1e-15;

    @Test
    void twoStepsByHandWithEpsZero() {
        // lr = 0.01, ρ = 0.9, ε = 0, v₀ = 0 (no bias correction):
        // t = 0: v = 0.1·(0.25, 1) = (0.025, 0.1)                ⇒ θ₁ = θ₀ − 0.01·(0.5/√0.025, −1/√0.1)
        // t = 1: v = 0.9·v + 0.1·(4, 0.0625) = (0.4225, 0.09625) ⇒ θ₂ = θ₁ − 0.01·(2/√0.4225, 0.25/√0.09625)
        double[][] th = Steps.run(new RmsProp(0.01, 0.9, 0.0), 2);
        double[] t1 = {1 - 0.005 / Math.sqrt(0.025), -2 + 0.01 / Math.sqrt(0.1)};
        assertArrayEquals(t1, th[0], TOL);
        // √0.4225 = 0.65 exactly in decimal
        assertArrayEquals(new double[] {t1[0] - 0.02 / 0.65, t1[1] - 0.0025 / Math.sqrt(0.09625)}, th[1], TOL);
    }

    @Test
    void firstStepIsLargerThanLrBecauseThereIsNoBiasCorrection() {
        // v₁ = (1−ρ)g², so the first step is lr/√(1−ρ) ≈ 3.16·lr in each coordinate.
        double[][] th = Steps.run(new RmsProp(0.01, 0.9, 0.0), new double[] {0}, new double[][] {{-4}}, 1);
        assertArrayEquals(new double[] {0.01 / Math.sqrt(0.1)}, th[0], TOL);
    }
}
