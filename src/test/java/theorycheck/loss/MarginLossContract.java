package theorycheck.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * What every margin loss ℓ(y·f) with labels ±1 must do, whatever its formula: a derivative that a
 * central difference confirms, one error for a label other than ±1, and its name. A loss's test
 * implements this and adds the checks of its own formula.
 */
interface MarginLossContract {
    double[] LABELS = {-1.0, 1.0};

    Loss loss();

    String expectedName();

    /** The central-difference step the loss's test uses. */
    double fdStep();

    /** How far the derivative may be from the central difference {@code fd} (truncation plus rounding). */
    double fdTolerance(double fd);

    /** ℓ(y·f) by its textbook formula, in {@link Math}'s arithmetic (fine for |f| ≤ 10). */
    double naiveValue(double f, double y);

    /** dℓ/df by its textbook formula. */
    double naiveDerivative(double f, double y);

    /** Relative agreement with the naive formulas required for |f| ≤ 10 (why: in each test). */
    double naiveRelativeTolerance();

    @Test
    default void valueAndDerivativeMatchTheNaiveFormulasInModerateRange() {
        int compared = 0;
        for (double y : LABELS) {
            for (double f = -10; f <= 10; f += 0.25) {
                String at = " at f=" + f + ", y=" + y;
                assertRelative(naiveValue(f, y), loss().value(f, y), naiveRelativeTolerance(), "value" + at);
                assertRelative(naiveDerivative(f, y), loss().derivative(f, y), naiveRelativeTolerance(), "derivative" + at);
                compared++;
            }
        }
        assertEquals(2 * 81, compared);
    }

    @Test
    default void derivativeMatchesCentralDifference() {
        int compared = 0;
        for (double y : LABELS) {
            for (double f = -20; f <= 20; f += 0.5) {
                double h = fdStep();
                double fd = (loss().value(f + h, y) - loss().value(f - h, y)) / (2 * h);
                double d = loss().derivative(f, y);
                String at = "at f=" + f + ", y=" + y;
                assertTrue(Math.abs(d - fd) <= fdTolerance(fd), () -> at + ": derivative " + d + ", central difference " + fd);
                compared++;
            }
        }
        assertEquals(2 * 81, compared);
    }

    @Test
    default void rejectsLabelsOtherThanPlusMinusOne() {
        for (double y : new double[] {0.0, 0.5, 2.0, -2.0, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> loss().value(1.0, y));
            assertTrue(e.getMessage().contains("labels −1 or +1"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> loss().derivative(1.0, y));
        }
    }

    @Test
    default void hasName() {
        assertEquals(expectedName(), loss().name());
    }

    static void assertRelative(double expected, double actual, double relTol, String what) {
        double err = Math.abs(actual - expected);
        assertTrue(err <= relTol * Math.abs(expected),
                () -> what + ": expected " + expected + ", got " + actual + " (relative error "
                        + err / Math.abs(expected) + " > " + relTol + ")");
    }
}
