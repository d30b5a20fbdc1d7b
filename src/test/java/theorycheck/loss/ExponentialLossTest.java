package theorycheck.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExponentialLossTest {
    /** StrictMath.exp and Math.exp may differ by an ulp or so. */
    private static final double NAIVE_REL_TOL = 1e-14;
    /** Central difference with h = 1e-6 relative to the value: truncation ≈ h²/6, rounding ≈ 1e-16/h. */
    private static final double FD_STEP = 1e-6;
    private static final double FD_REL_TOL = 1e-8;

    private static final double[] LABELS = {-1.0, 1.0};
    private final Loss loss = ExponentialLoss.INSTANCE;

    @Test
    void valueMatchesNaiveFormulaInModerateRange() {
        int compared = 0;
        for (double y : LABELS) {
            for (double f = -10; f <= 10; f += 0.25) {
                assertRelative(Math.exp(-y * f), loss.value(f, y), NAIVE_REL_TOL, "value at f=" + f + ", y=" + y);
                compared++;
            }
        }
        assertEquals(2 * 81, compared);
    }

    @Test
    void derivativeMatchesNaiveFormulaInModerateRange() {
        int compared = 0;
        for (double y : LABELS) {
            for (double f = -10; f <= 10; f += 0.25) {
                assertRelative(-y * Math.exp(-y * f), loss.derivative(f, y), NAIVE_REL_TOL,
                        "derivative at f=" + f + ", y=" + y);
                compared++;
            }
        }
        assertEquals(2 * 81, compared);
    }

    @Test
    void finiteAtLargeCorrectMargin() {
        // z = +800: e^{−800} underflows to 0, which is the nearest double
        for (double y : LABELS) {
            double f = 800 * y;
            assertEquals(0.0, loss.value(f, y), 0);
            assertEquals(0.0, loss.derivative(f, y), 0);
        }
    }

    @Test
    void overflowsToSignedInfinityNotNaNAtLargeWrongMargin() {
        // z = −800: e^{800} > Double.MAX_VALUE, so the only honest double is +∞; it must never be NaN
        for (double y : LABELS) {
            double f = -800 * y;
            double v = loss.value(f, y);
            double d = loss.derivative(f, y);
            assertFalse(Double.isNaN(v) || Double.isNaN(d), "NaN at z=-800, y=" + y);
            assertEquals(Double.POSITIVE_INFINITY, v);
            assertEquals(-y * Double.POSITIVE_INFINITY, d);
        }
    }

    @Test
    void valueAtZeroIsOne() {
        assertEquals(1.0, loss.value(0, 1), 0);
        assertEquals(-1.0, loss.derivative(0, 1), 0);
        assertEquals(1.0, loss.derivative(0, -1), 0);
    }

    @Test
    void derivativeMatchesCentralDifference() {
        int compared = 0;
        for (double y : LABELS) {
            for (double f = -20; f <= 20; f += 0.5) {
                double fd = (loss.value(f + FD_STEP, y) - loss.value(f - FD_STEP, y)) / (2 * FD_STEP);
                assertRelative(fd, loss.derivative(f, y), FD_REL_TOL, "at f=" + f + ", y=" + y);
                compared++;
            }
        }
        assertEquals(2 * 81, compared);
    }

    @Test
    void rejectsLabelsOtherThanPlusMinusOne() {
        for (double y : new double[] {0.0, 0.5, 2.0, -2.0, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> loss.value(1.0, y));
            assertTrue(e.getMessage().contains("labels −1 or +1"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> loss.derivative(1.0, y));
        }
    }

    @Test
    void hasName() {
        assertEquals("exponential", loss.name());
    }

    private static void assertRelative(double expected, double actual, double relTol, String what) {
        double err = Math.abs(actual - expected);
        assertTrue(err <= relTol * Math.abs(expected),
                () -> what + ": expected " + expected + ", got " + actual + " (relative error "
                        + err / Math.abs(expected) + " > " + relTol + ")");
    }
}
