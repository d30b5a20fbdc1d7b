package theorycheck.model;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ActivationTest {
    /** GELU against mpmath references, to 1e-14 absolute (stated accuracy: 1.5e-15 on [−7, 7]). */
    private static final double GELU_TOL = 1e-14;
    /** Central differences with h = 1e-6 on O(1) smooth functions. */
    private static final double DERIVATIVE_TOL = 1e-8;

    /** z, gelu(z), gelu'(z), from mpmath. */
    private static final double[][] GELU = {
        {1, 0.8413447460685429, 1.0833154705876864}, {-1, -0.15865525393145707, -0.0833154705876863},
        {0.5, 0.34573123063700656, 0.8674951246561629}, {-0.5, -0.15426876936299344, 0.13250487534383715},
        {2, 1.9544997361036416, 1.085231801078197}, {-2, -0.04550026389635842, -0.0852318010781969},
        {3, 2.99595030590511, 1.011945647204184}, {-3, -0.0040496940948902835, -0.011945647204183927},
        {0.001, 0.000500398942213911, 0.5007978842948414},
    };

    @Test
    void geluMatchesReferenceValues() {
        for (double[] p : GELU) {
            assertEquals(p[1], Activation.GELU.value(p[0]), GELU_TOL, "gelu(" + p[0] + ")");
            assertEquals(p[2], Activation.GELU.derivative(p[0]), GELU_TOL, "gelu'(" + p[0] + ")");
        }
    }

    @Test
    void geluFarLeftTailIsRelativelyAccurate() {
        // gelu(−6) = −5.9195258702261885e-09, gelu(−10) = −7.619853024160526e-23 (mpmath)
        assertEquals(-5.9195258702261885e-09, Activation.GELU.value(-6), 1e-14 * 5.92e-09);
        assertEquals(-7.619853024160526e-23, Activation.GELU.value(-10), 1e-14 * 7.62e-23);
        assertEquals(-0.0, Activation.GELU.value(-40), 0.0);
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void derivativeMatchesCentralDifferences(Activation a) {
        int checked = 0;
        for (double z : new double[] {-2.7, -1.3, -0.4, 0.2, 0.9, 1.6, 3.1}) {
            double h = 1e-6;
            double numeric = (a.value(z + h) - a.value(z - h)) / (2 * h);
            assertThat(a + " at " + z, Math.abs(a.derivative(z) - numeric), lessThanOrEqualTo(DERIVATIVE_TOL));
            checked++;
        }
        assertEquals(7, checked);
    }

    @Test
    void reluConventions() {
        assertEquals(0.0, Activation.RELU.derivative(0.0), 0.0);
        assertEquals(0.0, Activation.RELU.value(-0.0), 0.0);
        assertTrue(Double.isNaN(Activation.RELU.value(Double.NaN)));
        assertEquals(2.5, Activation.RELU.value(2.5), 0.0);
    }

    @Test
    void sigmoidIsFiniteAtExtremes() {
        assertEquals(1.0, Activation.SIGMOID.value(800), 0.0);
        assertEquals(0.0, Activation.SIGMOID.value(-800), 0.0);
        assertEquals(0.0, Activation.SIGMOID.derivative(-800), 0.0);
        assertEquals(0.5, Activation.SIGMOID.value(0), 0.0);
    }

    @Test
    void onlyReluAndLinearArePositivelyHomogeneous() {
        for (Activation a : Activation.values()) {
            boolean expected = a == Activation.RELU || a == Activation.LINEAR;
            assertEquals(expected, a.isPositivelyHomogeneous(), a.key());
        }
    }

    @Test
    void byNameAcceptsEachKey() {
        for (Activation a : Activation.values()) {
            assertSame(a, Activation.byName(a.key()));
        }
        assertEquals("gelu", Activation.GELU.key());
    }

    @Test
    void byNameRejectsAnUnknownNameListingTheAllowedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Activation.byName("Relu2"));
        assertThat(e.getMessage(), allOf(containsString("Relu2"),
                containsString("[gelu, linear, relu, sigmoid, tanh]")));
        // no silent case folding or default either
        assertThrows(IllegalArgumentException.class, () -> Activation.byName("RELU"));
        assertThrows(IllegalArgumentException.class, () -> Activation.byName(""));
        assertFalse(Activation.byName("tanh").isPositivelyHomogeneous());
    }
}
