package theorycheck.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Reference values are mpmath (50 digits) rounded to the nearest double. */
class ErrorFunctionTest {
    /** Stated accuracy of erf: absolute error below 1.5e-15 everywhere. */
    private static final double ERF_ABS = 1.5e-15;
    /** Stated accuracy of erfc where it is a continued fraction or 1 − erf with erfc ≥ 0.47. */
    private static final double ERFC_REL_TAIL = 1e-14;
    /** Stated accuracy of erfc on [0.5, 2), where 1 − erf cancels. */
    private static final double ERFC_REL_MID = 2e-13;

    private static final double[][] ERF = {
        {0.1, 0.1124629160182849}, {0.5, 0.5204998778130465}, {1, 0.8427007929497149},
        {1.5, 0.9661051464753108}, {1.9999, 0.9953201979070294}, {2, 0.9953222650189527},
        {2.5, 0.999593047982555}, {3, 0.9999779095030014}, {4, 0.9999999845827421},
        {5.5, 0.9999999999999927},
    };

    private static final double[][] ERFC_TAIL = {
        {0.25, 0.7236736098317631}, {2, 0.004677734981047266}, {3, 2.209049699858544e-05},
        {5, 1.537459794428035e-12}, {10, 2.088487583762545e-45}, {20, 5.395865611607901e-176},
        {26, 5.663192408856143e-296},
    };

    @Test
    void erfMatchesReferenceValuesOnBothSidesOfTheSwitch() {
        for (double[] p : ERF) {
            assertEquals(p[1], ErrorFunction.erf(p[0]), ERF_ABS, "erf(" + p[0] + ")");
            assertEquals(-p[1], ErrorFunction.erf(-p[0]), ERF_ABS, "erf(" + -p[0] + ")");
        }
    }

    @Test
    void erfcIsRelativelyAccurateInTheTail() {
        for (double[] p : ERFC_TAIL) {
            assertEquals(p[1], ErrorFunction.erfc(p[0]), ERFC_REL_TAIL * p[1], "erfc(" + p[0] + ")");
        }
    }

    @Test
    void erfcInTheCancellationRangeMeetsItsStatedBound() {
        assertEquals(0.15729920705028513, ErrorFunction.erfc(1), ERFC_REL_MID * 0.15729920705028513);
        assertEquals(1 + 0.8427007929497149, ErrorFunction.erfc(-1), ERF_ABS);
    }

    @Test
    void specialValues() {
        assertEquals(0.0, ErrorFunction.erf(0), 0.0);
        assertEquals(1.0, ErrorFunction.erf(Double.POSITIVE_INFINITY), 0.0);
        assertEquals(-1.0, ErrorFunction.erf(Double.NEGATIVE_INFINITY), 0.0);
        assertEquals(1.0, ErrorFunction.erf(40), 0.0);
        assertEquals(0.0, ErrorFunction.erfc(30), 0.0);
        assertEquals(0.0, ErrorFunction.erfc(Double.POSITIVE_INFINITY), 0.0);
        assertEquals(2.0, ErrorFunction.erfc(Double.NEGATIVE_INFINITY), 0.0);
        assertTrue(Double.isNaN(ErrorFunction.erf(Double.NaN)));
        assertTrue(Double.isNaN(ErrorFunction.erfc(Double.NaN)));
    }

    @Test
    void erfIsOddBitForBit() {
        for (double x = -7; x <= 7; x += 0.037) {
            assertEquals(-ErrorFunction.erf(x), ErrorFunction.erf(-x), 0.0);
        }
    }

    @Test
    void normalCdfAndPdf() {
        assertEquals(0.5, ErrorFunction.normalCdf(0), 0.0);
        assertEquals(0.8413447460685429, ErrorFunction.normalCdf(1), 1e-15);
        // Φ(−10) = 7.619853024160526e-24 (relative accuracy in the lower tail)
        assertEquals(7.619853024160526e-24, ErrorFunction.normalCdf(-10), 1e-14 * 7.619853024160526e-24);
        assertEquals(0.3989422804014327, ErrorFunction.normalPdf(0), 1e-16);
        assertEquals(0.24197072451914337, ErrorFunction.normalPdf(1), 1e-16);
    }
}
