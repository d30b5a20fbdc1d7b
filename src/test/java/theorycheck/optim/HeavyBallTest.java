package theorycheck.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HeavyBallTest {
    /** Hand-computed decimal values; a few roundings separate them from the double result. */
    private static final double TOL = 1e-15;

    @Test
    void threeStepsByHand() {
        // lr = 0.1, β = 0.9, v₀ = 0:
        // v₁ = −0.1·(0.5, −1) = (−0.05, 0.1);              θ₁ = (0.95, −1.9)
        // v₂ = 0.9·v₁ − 0.1·(2, 0.25) = (−0.245, 0.065);  θ₂ = (0.705, −1.835)
        // v₃ = 0.9·v₂ − 0.1·(−1, 1) = (−0.1205, −0.0415); θ₃ = (0.5845, −1.8765)
        double[][] th = Steps.run(new HeavyBall(0.1, 0.9), 3);
        assertArrayEquals(new double[] {0.95, -1.9}, th[0], TOL);
        assertArrayEquals(new double[] {0.705, -1.835}, th[1], TOL);
        assertArrayEquals(new double[] {0.5845, -1.8765}, th[2], TOL);
    }

    @Test
    void matchesTheTwoStepRecurrence() {
        // θ_{t+1} = θ_t − η g_t + β(θ_t − θ_{t−1}), the form stated in the javadoc.
        double[][] th = Steps.run(new HeavyBall(0.1, 0.9), 3);
        for (int i = 0; i < 2; i++) {
            double expected = th[1][i] - 0.1 * Steps.GRADS[2][i] + 0.9 * (th[1][i] - th[0][i]);
            assertArrayEquals(new double[] {expected}, new double[] {th[2][i]}, TOL);
        }
    }

    @Test
    void betaZeroIsGradientDescent() {
        double[][] hb = Steps.run(new HeavyBall(0.1, 0.0), 3);
        double[][] gd = Steps.run(new GradientDescent(0.1), 3);
        for (int t = 0; t < 3; t++) {
            assertArrayEquals(gd[t], hb[t], 0.0);
        }
    }

    @Test
    void rejectsBetaOutsideTheUnitInterval() {
        assertThrows(IllegalArgumentException.class, () -> new HeavyBall(0.1, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new HeavyBall(0.1, -0.1));
    }
}
