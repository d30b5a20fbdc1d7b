package theorycheck.optim;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GradientDescentTest {
    /** Hand-computed values are decimal; a few roundings separate them from the double result. */
    private static final double TOL = 1e-15;

    @Test
    void threeStepsByHand() {
        // θ₁ = (1, −2) − 0.1·(0.5, −1) = (0.95, −1.9)
        // θ₂ = θ₁ − 0.1·(2, 0.25) = (0.75, −1.925)
        // θ₃ = θ₂ − 0.1·(−1, 1) = (0.85, −2.025)
        double[][] th = Steps.run(new GradientDescent(0.1), 3);
        assertArrayEquals(new double[] {0.95, -1.9}, th[0], TOL);
        assertArrayEquals(new double[] {0.75, -1.925}, th[1], TOL);
        assertArrayEquals(new double[] {0.85, -2.025}, th[2], TOL);
    }

    @Test
    void doesNotModifyTheGradient() {
        double[] g = {1, 2};
        new GradientDescent(0.1).start(2).step(new double[2], g, 0);
        assertArrayEquals(new double[] {1, 2}, g, 0.0);
    }

    @Test
    void rejectsANonPositiveStep() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GradientDescent(-0.1));
        assertThat(e.getMessage(), containsString("lr"));
        assertThrows(IllegalArgumentException.class, () -> new GradientDescent(0.0));
        assertThrows(IllegalArgumentException.class, () -> new GradientDescent(Double.NaN));
    }
}
