package theorycheck.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The line search the Newton solvers share, on one-parameter functions where the accepted step is
 * known: it halves t until the Armijo bound holds (or, where the decrease it asks for is below rounding,
 * until f does not rise beyond rounding), and gives up halving below t = 1e-12.
 */
class ArmijoBacktrackingTest {
    /** One step of the search from w with the given value, gradient and step; returns {w', f(w'), ∇f(w')}. */
    private static double[] search(ArmijoBacktracking.ValueAndGradient f, double w, double value, double grad,
            double step) {
        double[] wv = {w};
        double[] g = {grad};
        double v = ArmijoBacktracking.step(f, wv, g, value, new double[] {step}, new double[1], new double[1]);
        return new double[] {wv[0], v, g[0]};
    }

    /** f(w) = ½w². */
    private static double half(double[] w, double[] grad) {
        grad[0] = w[0];
        return 0.5 * w[0] * w[0];
    }

    @Test
    void anOvershootThatRaisesTheValueIsHalved() {
        // from w = 1 (f = ½, f' = 1) the step 2 + 2⁻¹³ lands at −1 − 2⁻¹³, where f exceeds ½ by ≈ 1.2e-4:
        // far beyond rounding, so rejected, though by less than the 1e-4·t·|slope| ≈ 2e-4 that a bound
        // of the wrong sign would allow. Then t = ½ and w' = 1 − ½(2 + 2⁻¹³) = −2⁻¹⁴ exactly, with its
        // value and gradient handed back.
        double[] r = search(ArmijoBacktrackingTest::half, 1, 0.5, 1, 2 + 0x1p-13);
        assertArrayEquals(new double[] {-0x1p-14, 0.5 * 0x1p-28, -0x1p-14}, r, 0.0);
    }

    @Test
    void aFullStepThatLowersTheValueIsTakenWhole() {
        // the Newton step of ½w² from w = 3 is 3: t = 1 reaches the minimum
        assertArrayEquals(new double[] {0, 0, 0}, search(ArmijoBacktrackingTest::half, 3, 4.5, 3, 3), 0.0);
    }

    @Test
    void aRiseWithinRoundingIsAcceptedWhereArmijoCannotSeeTheDecrease() {
        // a value 4 + 2⁻⁴⁹ (≈ 4.4e-16 relative, below the 1e-15 rounding allowance) wherever the step lands,
        // with a slope so small (1e-12) that the decrease Armijo asks for, 1e-16, is below rounding too:
        // near a minimum the step must still be taken, at t = 1
        ArmijoBacktracking.ValueAndGradient flat = (w, g) -> {
            g[0] = 0;
            return 4 + 0x1p-49;
        };
        assertEquals(0.0, search(flat, 1, 4, 1e-12, 1)[0], 0.0);
    }

    @Test
    void aDecreaseSmallerThanArmijoAsksIsHalvedAwayFromTheMinimum() {
        // f(w) = ½w² from w = 1 with the step 2 − 2⁻²⁰: t = 1 lands at −1 + 2⁻²⁰, a decrease of ≈ 9.5e-7,
        // far above rounding but below the 1e-4·t·|slope| ≈ 2e-4 Armijo asks for: rejected (a search that
        // took any decrease would stop here). t = ½ lands at 2⁻²¹.
        double[] r = search(ArmijoBacktrackingTest::half, 1, 0.5, 1, 2 - 0x1p-20);
        assertEquals(0x1p-21, r[0], 0.0);
    }

    @Test
    void theSearchEndsBelowAStepOf1e12EvenWhenNothingDecreases() {
        // along an ascent direction of ½w² no step lowers f: after 40 halvings t = 2⁻⁴⁰ < 1e-12 is taken
        double[] r = search(ArmijoBacktrackingTest::half, 1, 0.5, 1, -1);
        assertEquals(1 + 0x1p-40, r[0], 0.0);
    }
}
