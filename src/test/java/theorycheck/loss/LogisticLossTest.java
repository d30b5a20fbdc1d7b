package theorycheck.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static theorycheck.loss.MarginLossContract.assertRelative;

import org.junit.jupiter.api.Test;

class LogisticLossTest implements MarginLossContract {
    /** Relative agreement with the naive formula for |z| ≤ 10, where 1 + e^{−z} keeps ≥ 11 digits of e^{−z}. */
    private static final double NAIVE_REL_TOL = 1e-10;
    /** Central difference with h = 1e-5: truncation O(h²) ≈ 1e-10, rounding ≈ 1e-16/h ≈ 1e-11. */
    private static final double FD_STEP = 1e-5;
    private static final double FD_ABS_TOL = 1e-8;

    private final Loss loss = LogisticLoss.INSTANCE;

    @Test
    void valueAtZeroIsLogTwo() {
        assertEquals(Math.log(2), loss.value(0, 1), 1e-16);
        assertEquals(Math.log(2), loss.value(0, -1), 1e-16);
        assertEquals(-0.5, loss.derivative(0, 1), 0);
        assertEquals(0.5, loss.derivative(0, -1), 0);
    }

    @Test
    void finiteAtExtremeMargins() {
        for (double y : LABELS) {
            for (double z : new double[] {-800, 800}) {
                double f = z * y;
                double v = loss.value(f, y);
                double d = loss.derivative(f, y);
                assertTrue(Double.isFinite(v), "value at z=" + z + ", y=" + y + " is " + v);
                assertTrue(Double.isFinite(d), "derivative at z=" + z + ", y=" + y + " is " + d);
            }
        }
        // z = −800: ℓ = 800 + log1p(e^{−800}) = 800 exactly in double, |∂ℓ/∂f| = 1
        assertEquals(800.0, loss.value(-800, 1), 0);
        assertEquals(-1.0, loss.derivative(-800, 1), 0);
        assertEquals(1.0, loss.derivative(800, -1), 0);
        // z = +800: the true value e^{−800} is below Double.MIN_VALUE
        assertEquals(0.0, loss.value(800, 1), 0);
        assertEquals(0.0, loss.derivative(800, 1), 0);
    }

    @Test
    void keepsPrecisionWhereNaiveFormRoundsToZero() {
        // at z = 40 the naive log(1 + e^{−40}) is exactly 0; log1p keeps ≈ e^{−40}
        double z = 40;
        assertEquals(0.0, Math.log(1 + Math.exp(-z)), 0);
        assertRelative(Math.exp(-z), loss.value(z, 1), 1e-15, "value at z=40");
        assertRelative(-Math.exp(-z), loss.derivative(z, 1), 1e-15, "derivative at z=40");
    }

    @Override
    public Loss loss() {
        return loss;
    }

    @Override
    public String expectedName() {
        return "logistic";
    }

    @Override
    public double fdStep() {
        return FD_STEP;
    }

    @Override
    public double fdTolerance(double fd) {
        return FD_ABS_TOL;
    }

    @Override
    public double naiveValue(double f, double y) {
        return Math.log(1 + Math.exp(-y * f));
    }

    @Override
    public double naiveDerivative(double f, double y) {
        double e = Math.exp(-y * f);
        return -y * e / (1 + e);
    }

    @Override
    public double naiveRelativeTolerance() {
        return NAIVE_REL_TOL;
    }
}
