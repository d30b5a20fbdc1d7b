package theorycheck.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class ExponentialLossTest implements MarginLossContract {
    /** StrictMath.exp and Math.exp may differ by an ulp or so. */
    private static final double NAIVE_REL_TOL = 1e-14;
    /** Central difference with h = 1e-6 relative to the value: truncation ≈ h²/6, rounding ≈ 1e-16/h. */
    private static final double FD_STEP = 1e-6;
    private static final double FD_REL_TOL = 1e-8;

    private final Loss loss = ExponentialLoss.INSTANCE;

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

    @Override
    public Loss loss() {
        return loss;
    }

    @Override
    public String expectedName() {
        return "exponential";
    }

    @Override
    public double fdStep() {
        return FD_STEP;
    }

    @Override
    public double fdTolerance(double fd) {
        return FD_REL_TOL * Math.abs(fd);
    }

    @Override
    public double naiveValue(double f, double y) {
        return Math.exp(-y * f);
    }

    @Override
    public double naiveDerivative(double f, double y) {
        return -y * Math.exp(-y * f);
    }

    @Override
    public double naiveRelativeTolerance() {
        return NAIVE_REL_TOL;
    }
}
