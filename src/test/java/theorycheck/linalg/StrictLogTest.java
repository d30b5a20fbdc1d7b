package theorycheck.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link StrictLog#log} against {@link StrictMath#log} bit for bit over the whole double range:
 * fdlibm's branch boundaries (|f| &lt; 2⁻²⁰, the two polynomial forms, the √2 normalization),
 * subnormals, every binade, ±0, negatives, ±∞ and NaN.
 */
class StrictLogTest {
    private static final int RANDOM_DRAWS = 2_000_000;

    private static final BitExactness BITS = new BitExactness("log", StrictLog::log, StrictMath::log);

    @Test
    void specialValues() {
        assertEquals(Double.NEGATIVE_INFINITY, StrictLog.log(0.0));
        assertEquals(Double.NEGATIVE_INFINITY, StrictLog.log(-0.0));
        assertTrue(Double.isNaN(StrictLog.log(-1.0)));
        assertTrue(Double.isNaN(StrictLog.log(Double.NaN)));
        assertEquals(Double.POSITIVE_INFINITY, StrictLog.log(Double.POSITIVE_INFINITY));
        assertEquals(0.0, StrictLog.log(1.0));
        for (double x : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MAX_VALUE,
                Double.MIN_VALUE, Double.MIN_NORMAL, -Double.MIN_VALUE, 1.0, 2.0, 0.5, Math.E}) {
            BITS.assertSameBits(x);
        }
    }

    /** Powers of two and √2 multiples in every binade (the normalization switch), and 1 ± small f. */
    @Test
    void binadesAndBranchBoundaries() {
        for (int k = -1074; k <= 1023; k++) {
            double p = Math.scalb(1.0, k);
            BITS.assertSameBitsAround(p);
            BITS.assertSameBitsAround(p * Math.sqrt(2));
            BITS.assertSameBitsAround(p * 1.5);
        }
        for (int e = 1; e <= 52; e++) {
            BITS.assertSameBitsAround(1 + Math.scalb(1.0, -e));
            BITS.assertSameBitsAround(1 - Math.scalb(1.0, -e));
        }
        BITS.assertSameBitsAround(Double.longBitsToDouble(0x3FF6147A00000000L));
        BITS.assertSameBitsAround(Double.longBitsToDouble(0x3FF6B85100000000L));
    }

    @Test
    void randomArgumentsOverEveryScale() {
        SplittableRandom rng = new SplittableRandom(20261204L);
        for (int i = 0; i < RANDOM_DRAWS; i++) {
            double x = switch (i % 4) {
                case 0 -> rng.nextDouble(); // the Gaussian sampler's range
                case 1 -> rng.nextDouble(0.5, 2);
                case 2 -> Double.longBitsToDouble(rng.nextLong()); // any double, NaN payloads included
                default -> 1 + rng.nextDouble(-1e-6, 1e-6);
            };
            BITS.assertSameBits(x);
        }
    }
}
