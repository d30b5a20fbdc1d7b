package theorycheck.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogLogFitTest {
    @Test
    void anExactPowerLawGivesItsExponent() {
        double[] x = {1, 2, 4, 8, 16};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 3 * Math.pow(x[i], -0.5);
        }
        assertEquals(-0.5, LogLogFit.slope(x, y), 1e-14);
    }

    @Test
    void noiseAroundAPowerLawGivesTheLeastSquaresSlope() {
        // log y = 2 log x + e with e = (+0.1, −0.1, +0.1, −0.1): by hand, s = 2 + Σ(u−ū)e / Σ(u−ū)², u = log x
        double[] x = {1, Math.E, Math.E * Math.E, Math.exp(3)};
        double[] e = {0.1, -0.1, 0.1, -0.1};
        double[] y = new double[4];
        for (int i = 0; i < 4; i++) {
            y[i] = Math.exp(2 * Math.log(x[i]) + e[i]);
        }
        // u = 0, 1, 2, 3; ū = 1.5; Σ(u−ū)e = −0.15 + 0.05 + 0.05 − 0.15 = −0.2; Σ(u−ū)² = 5
        assertEquals(2 - 0.2 / 5, LogLogFit.slope(x, y), 1e-12);
    }

    @Test
    void aNarrowRangeFarFromOneIsFittedWithoutCancellation() {
        // x = 10⁸ + i: log x ≈ 18.4 with a spread of 10⁻⁸, and log y ≈ 60 (c = e⁵⁰). The fit must centre
        // before it multiplies: Σu² − n·ū² would cancel all but a few of 16 digits here. Each log has an
        // absolute error ≈ ulp(18.4) ≈ 4e-15, i.e. 4e-7 of a 10⁻⁸ spacing, so the slope is good to ~1e-6.
        double[] x = new double[9];
        double[] y = new double[9];
        for (int i = 0; i < x.length; i++) {
            x[i] = 1e8 + i;
            y[i] = Math.exp(50 + 2.5 * Math.log(x[i]));
        }
        assertEquals(2.5, LogLogFit.slope(x, y), 2.5 * 1e-5);
    }

    @Test
    void pointsWithoutALogarithmAreLeftOutAndFewerThanThreeGiveNaN() {
        double[] x = {1, 2, 4, 8};
        assertEquals(1.0, LogLogFit.slope(x, new double[] {1, 2, 4, 0}), 1e-14);
        assertEquals(1.0, LogLogFit.slope(x, new double[] {1, Double.NaN, 4, 8}), 1e-14);
        assertTrue(Double.isNaN(LogLogFit.slope(x, new double[] {1, 2, 0, -1})));
        assertThrows(IllegalArgumentException.class, () -> LogLogFit.slope(x, new double[] {1, 2}));
    }
}
