package theorycheck.optim;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LionTest {
    /** Expected values are the scalar arithmetic of Algorithm 2; only rounding separates them. */
    private static final double TOL = 1e-15;

    @Test
    void threeStepsByHandWithTheDefaults() {
        // lr = 0.1, β₁ = 0.9, β₂ = 0.99, λ = 0, m₀ = 0.
        // t = 0: c = 0.1·g₀ = (0.05, −0.1)                    → θ₁ = (0.9, −1.9);  m = 0.01·g₀ = (0.005, −0.01)
        // t = 1: c = 0.9m + 0.1·(2, 0.25) = (0.2045, 0.016)   → θ₂ = (0.8, −2.0);  m = (0.02495, −0.0074)
        // t = 2: c = 0.9m + 0.1·(−1, 1) = (−0.077545, 0.09334) → θ₃ = (0.9, −2.1)
        double[][] th = Steps.run(Lion.withDefaults(0.1), 3);
        assertArrayEquals(new double[] {0.9, -1.9}, th[0], TOL);
        assertArrayEquals(new double[] {0.8, -2.0}, th[1], TOL);
        assertArrayEquals(new double[] {0.9, -2.1}, th[2], TOL);
    }

    @Test
    void directionUsesBetaOneAndMomentumUsesBetaTwo() {
        // β₁ = 0.5, β₂ = 0.9, lr = 0.1, θ₀ = 0, g = 1, −0.15, −0.07:
        // t = 0: c = 0.5                         → θ = −0.1; m = 0.1
        // t = 1: c = 0.05 − 0.075 = −0.025       → θ = 0;    m = 0.09 − 0.015 = 0.075
        // t = 2: c = 0.0375 − 0.035 = 0.0025     → θ = −0.1
        // Swapping β₁ and β₂ gives +1 at t = 1; updating m before forming c gives −1 at t = 2.
        double[][] th = Steps.run(new Lion(0.1, 0.5, 0.9, 0.0), new double[] {0},
                new double[][] {{1}, {-0.15}, {-0.07}}, 3);
        assertEquals(-0.1, th[0][0], TOL);
        assertEquals(0.0, th[1][0], TOL);
        assertEquals(-0.1, th[2][0], TOL);
    }

    @Test
    void weightDecayIsDecoupledAndUsesThetaBeforeTheStep() {
        // β₁ = β₂ = 0, λ = 0.5, lr = 0.1: θ ← θ − 0.1(sign(g) + 0.5θ)
        // θ₁ = (1 − 0.1·1.5, −2 − 0.1·(−1 − 1)) = (0.85, −1.8)
        // θ₂ = (0.85 − 0.1·(1 + 0.425), −1.8 − 0.1·(1 − 0.9)) = (0.7075, −1.81)
        double[][] th = Steps.run(new Lion(0.1, 0.0, 0.0, 0.5), 2);
        assertArrayEquals(new double[] {0.85, -1.8}, th[0], TOL);
        assertArrayEquals(new double[] {0.7075, -1.81}, th[1], TOL);
    }

    @Test
    void zeroGradientAndZeroMomentumMoveOnlyByWeightDecay() {
        double[][] th = Steps.run(new Lion(0.1, 0.9, 0.99, 0.0), new double[] {1, -2},
                new double[][] {{0, 0}}, 1);
        assertArrayEquals(new double[] {1, -2}, th[0], 0.0);
        double[][] decayed = Steps.run(new Lion(0.1, 0.9, 0.99, 0.5), new double[] {1, -2},
                new double[][] {{0, 0}}, 1);
        assertArrayEquals(new double[] {0.95, -1.9}, decayed[0], TOL);
    }

    @Test
    void betasZeroWithoutDecayIsSignDescentBitForBit() {
        double[][] lion = Steps.run(new Lion(0.1, 0.0, 0.0, 0.0), 3);
        double[][] sign = Steps.run(SteepestDescent.signGd(0.1), 3);
        for (int t = 0; t < 3; t++) {
            assertArrayEquals(sign[t], lion[t], 0.0);
        }
    }

    @Test
    void defaultsAreThePapers() {
        assertEquals(new Lion(0.01, 0.9, 0.99, 0.0), Lion.withDefaults(0.01));
        assertEquals("lion(lr=0.01, beta1=0.9, beta2=0.99)", Lion.withDefaults(0.01).describe());
        assertEquals("lion(lr=0.01, beta1=0.9, beta2=0.99, weight_decay=0.1)", new Lion(0.01, 0.9, 0.99, 0.1).describe());
    }

    @Test
    void rejectsBadHyperParameters() {
        assertThat(assertThrows(IllegalArgumentException.class, () -> new Lion(-0.1, 0.9, 0.99, 0))
                .getMessage(), containsString("lr"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> new Lion(0.1, 1.0, 0.99, 0))
                .getMessage(), containsString("beta1"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> new Lion(0.1, 0.9, -0.5, 0))
                .getMessage(), containsString("beta2"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> new Lion(0.1, 0.9, 0.99, -1))
                .getMessage(), containsString("weight_decay"));
    }
}
