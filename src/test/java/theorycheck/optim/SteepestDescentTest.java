package theorycheck.optim;

import theorycheck.linalg.Norm;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import theorycheck.data.Rng;
import theorycheck.linalg.Vec;
import theorycheck.linalg.Norm;

class SteepestDescentTest {
    /** Expected values are the scalar arithmetic of the update; only rounding separates them. */
    private static final double TOL = 1e-15;
    private static final long SEED = 20261201L;

    // Steps.GRADS: g₀ = (0.5, −1), g₁ = (2, 0.25), g₂ = (−1, 1); θ₀ = (1, −2); lr = 0.1 throughout.

    @Test
    void normalizedGdThreeStepsByHand() {
        // θ ← θ − 0.1·g/‖g‖₂ with ‖g₀‖₂ = √1.25, ‖g₁‖₂ = √4.0625, ‖g₂‖₂ = √2
        double[][] th = Steps.run(SteepestDescent.normalizedGd(0.1), 3);
        double[] t1 = {1 - 0.05 / Math.sqrt(1.25), -2 + 0.1 / Math.sqrt(1.25)};
        double[] t2 = {t1[0] - 0.2 / Math.sqrt(4.0625), t1[1] - 0.025 / Math.sqrt(4.0625)};
        double[] t3 = {t2[0] + 0.1 / Math.sqrt(2), t2[1] - 0.1 / Math.sqrt(2)};
        assertArrayEquals(t1, th[0], TOL);
        assertArrayEquals(t2, th[1], TOL);
        assertArrayEquals(t3, th[2], TOL);
    }

    @Test
    void signGdThreeStepsByHand() {
        // θ ← θ − 0.1·sign(g): signs (+, −), (+, +), (−, +)
        double[][] th = Steps.run(SteepestDescent.signGd(0.1), 3);
        assertArrayEquals(new double[] {0.9, -1.9}, th[0], TOL);
        assertArrayEquals(new double[] {0.8, -2.0}, th[1], TOL);
        assertArrayEquals(new double[] {0.9, -2.1}, th[2], TOL);
    }

    @Test
    void coordinateDescentThreeStepsByHandWithATie() {
        // j = argmax|g_j|: g₀ → j = 1 (sign −), g₁ → j = 0 (sign +), g₂ = (−1, 1) is a tie → j = 0 (sign −)
        double[][] th = Steps.run(SteepestDescent.coordinateDescent(0.1), 3);
        assertArrayEquals(new double[] {1.0, -1.9}, th[0], TOL);
        assertArrayEquals(new double[] {0.9, -1.9}, th[1], TOL);
        assertArrayEquals(new double[] {1.0, -1.9}, th[2], TOL);
    }

    @Test
    void unnormalizedL2IsGradientDescentBitForBit() {
        double[][] sd = Steps.run(new SteepestDescent(Norm.L2, 0.1, false), 3);
        double[][] gd = Steps.run(new GradientDescent(0.1), 3);
        for (int t = 0; t < 3; t++) {
            assertArrayEquals(gd[t], sd[t], 0.0);
        }
    }

    @Test
    void unnormalizedLinfScalesSignByTheL1NormThreeStepsByHand() {
        // ‖g₀‖₁ = 1.5, ‖g₁‖₁ = 2.25, ‖g₂‖₁ = 2: θ ← θ − 0.1·‖g‖₁·sign(g)
        double[][] th = Steps.run(new SteepestDescent(Norm.LINF, 0.1, false), 3);
        assertArrayEquals(new double[] {0.85, -1.85}, th[0], TOL);
        assertArrayEquals(new double[] {0.625, -2.075}, th[1], TOL);
        assertArrayEquals(new double[] {0.825, -2.275}, th[2], TOL);
    }

    @Test
    void unnormalizedL1IsGaussSouthwellThreeStepsByHand() {
        // θ_j ← θ_j − 0.1·g_j at the greedy j: (−1 at j=1), (2 at j=0), tie (−1 at j=0)
        double[][] th = Steps.run(new SteepestDescent(Norm.L1, 0.1, false), 3);
        assertArrayEquals(new double[] {1.0, -1.9}, th[0], TOL);
        assertArrayEquals(new double[] {0.8, -1.9}, th[1], TOL);
        assertArrayEquals(new double[] {0.9, -1.9}, th[2], TOL);
    }

    @Test
    void l1TiesGoToTheSmallestIndexWhateverTheSigns() {
        double[][] th = Steps.run(SteepestDescent.coordinateDescent(0.5), new double[] {0, 0, 0},
                new double[][] {{1, -2, 2}}, 1);
        assertArrayEquals(new double[] {0, 0.5, 0}, th[0], 0.0);
        assertEquals(1, SteepestDescent.greedyCoordinate(new double[] {1, -3, -3, 3}));
        assertEquals(-1, SteepestDescent.greedyCoordinate(new double[] {0, -0.0, 0}));
    }

    @Test
    void zeroGradientMakesNoStepForEveryNormAndNormalization() {
        int checked = 0;
        for (Norm norm : Norm.values()) {
            for (boolean normalized : new boolean[] {true, false}) {
                double[][] th = Steps.run(new SteepestDescent(norm, 0.1, normalized), new double[] {1, -2},
                        new double[][] {{0, 0}, {0, -0.0}}, 2);
                assertArrayEquals(new double[] {1, -2}, th[1], 0.0, norm + " normalized=" + normalized);
                checked++;
            }
        }
        assertEquals(6, checked);
    }

    @Test
    void signDescentLeavesCoordinatesWithZeroPartialDerivativeInPlace() {
        double[][] th = Steps.run(SteepestDescent.signGd(0.1), new double[] {1, -2, 3},
                new double[][] {{0, 3, -1e-300}}, 1);
        assertArrayEquals(new double[] {1, -2.1, 3.1}, th[0], TOL);
    }

    @ParameterizedTest
    @EnumSource(Norm.class)
    void normalizedStepIsAUnitVectorAttainingTheDualNorm(Norm norm) {
        // Δ = (θ₀ − θ₁)/lr must satisfy ‖Δ‖ = 1 and ⟨g, Δ⟩ = ‖g‖_* (the defining argmax).
        double[] g = new Rng(SEED).gaussianVector(7, 1.0);
        double[] delta = stepDirection(new SteepestDescent(norm, 0.25, true), g);
        assertEquals(1.0, norm.of(delta), 1e-15);
        assertEquals(norm.dual().of(g), Vec.dot(g, delta), 1e-14);
    }

    @ParameterizedTest
    @EnumSource(Norm.class)
    void unnormalizedStepHasTheDualNormAsLength(Norm norm) {
        // sΔ with s = ‖g‖_*: ‖sΔ‖ = ‖g‖_* and ⟨g, sΔ⟩ = ‖g‖_*².
        double[] g = new Rng(SEED + 1).gaussianVector(7, 1.0);
        double[] step = stepDirection(new SteepestDescent(norm, 0.25, false), g);
        double dual = norm.dual().of(g);
        assertEquals(dual, norm.of(step), 1e-14);
        assertEquals(dual * dual, Vec.dot(g, step), 1e-13);
    }

    @Test
    void dualNormsPairUp() {
        assertSame(Norm.L2, Norm.L2.dual());
        assertSame(Norm.L1, Norm.LINF.dual());
        assertSame(Norm.LINF, Norm.L1.dual());
        double[] u = {3, -4, 0};
        assertEquals(5.0, Norm.L2.of(u), 0.0);
        assertEquals(4.0, Norm.LINF.of(u), 0.0);
        assertEquals(7.0, Norm.L1.of(u), 0.0);
    }

    @Test
    void decayShrinksTheStepAsOneOverTPlusOneToTheDecay() {
        // sign descent with decay 0.5: lr_t = 0.1/√(t+1), whatever |g|
        double[][] th = Steps.run(new SteepestDescent(Norm.LINF, 0.1, true, 0.5), new double[] {0},
                new double[][] {{3}, {0.2}, {7}}, 3);
        assertEquals(-0.1, th[0][0], TOL);
        assertEquals(-0.1 - 0.1 / Math.sqrt(2), th[1][0], TOL);
        assertEquals(-0.1 - 0.1 / Math.sqrt(2) - 0.1 / Math.sqrt(3), th[2][0], TOL);
        // normalized GD with decay 1: steps 0.3, 0.15, 0.1 along the unit gradient
        double[][] ngd = Steps.run(new SteepestDescent(Norm.L2, 0.3, true, 1.0), new double[] {0, 0},
                new double[][] {{3, 4}, {0, -2}, {-5, 0}}, 3);
        assertArrayEquals(new double[] {-0.18, -0.24}, ngd[0], TOL);
        assertArrayEquals(new double[] {-0.18, -0.09}, ngd[1], TOL);
        assertArrayEquals(new double[] {-0.08, -0.09}, ngd[2], TOL);
    }

    @Test
    void aNanGradientIsNeverHidden() {
        int checked = 0;
        for (Norm norm : Norm.values()) {
            for (boolean normalized : new boolean[] {true, false}) {
                double[][] th = Steps.run(new SteepestDescent(norm, 0.1, normalized), new double[] {1, -2},
                        new double[][] {{5, Double.NaN}}, 1);
                assertTrue(Double.isNaN(th[0][1]), norm + " normalized=" + normalized);
                checked++;
            }
        }
        assertEquals(6, checked);
    }

    @Test
    void describeUsesTheRegisteredNames() {
        assertEquals("normalized-gd(lr=0.1)", SteepestDescent.normalizedGd(0.1).describe());
        assertEquals("sign-gd(lr=0.1, decay=0.5)", new SteepestDescent(Norm.LINF, 0.1, true, 0.5).describe());
        assertEquals("coordinate-descent", SteepestDescent.coordinateDescent(0.1).name());
        List<String> unnormalized = new ArrayList<>();
        for (Norm norm : List.of(Norm.L2, Norm.LINF, Norm.L1)) {
            unnormalized.add(new SteepestDescent(norm, 0.1, false).name());
        }
        assertEquals(List.of("steepest-descent-l2", "steepest-descent-linf", "steepest-descent-l1"), unnormalized);
    }

    @Test
    void rejectsBadHyperParameters() {
        assertThat(assertThrows(IllegalArgumentException.class, () -> new SteepestDescent(Norm.L2, 0, true))
                .getMessage(), containsString("lr"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> new SteepestDescent(Norm.L2, 0.1, true, -1))
                .getMessage(), containsString("decay"));
        assertThrows(NullPointerException.class, () -> new SteepestDescent(null, 0.1, true));
    }

    /** (θ₀ − θ₁)/lr for one step from θ₀ = 0. */
    private static double[] stepDirection(SteepestDescent sd, double[] g) {
        double[] theta = new double[g.length];
        sd.start(g.length).step(theta, g.clone(), 0);
        return Vec.scale(-1 / sd.lr(), theta);
    }
}
