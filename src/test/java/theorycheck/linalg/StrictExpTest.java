package theorycheck.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link StrictExp#exp} against {@link StrictMath#exp} bit for bit, and against the JIT's
 * {@link Math#exp} within 1 ulp, over the whole double range: the branch boundaries of fdlibm's
 * argument reduction, overflow and underflow thresholds, subnormal results, ±0, ±∞ and NaN.
 */
class StrictExpTest {
    private static final int RANDOM_DRAWS = 2_000_000;

    private static final BitExactness BITS = new BitExactness("exp", StrictExp::exp, StrictMath::exp);

    @Test
    void specialValues() {
        assertEquals(Double.POSITIVE_INFINITY, StrictExp.exp(Double.POSITIVE_INFINITY));
        assertEquals(0.0, StrictExp.exp(Double.NEGATIVE_INFINITY));
        assertTrue(Double.isNaN(StrictExp.exp(Double.NaN)));
        assertEquals(1.0, StrictExp.exp(0.0));
        assertEquals(1.0, StrictExp.exp(-0.0));
        assertEquals(Double.POSITIVE_INFINITY, StrictExp.exp(710.0));
        assertEquals(0.0, StrictExp.exp(-746.0));
        for (double x : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MAX_VALUE,
                -Double.MAX_VALUE, Double.MIN_VALUE, -Double.MIN_VALUE, 1.0, -1.0}) {
            BITS.assertSameBits(x);
        }
    }

    /** Overflow (709.78…), underflow (−745.13…), the 2^−1021 scaling switch and the reduction branches. */
    @Test
    void thresholdsAndBranchBoundaries() {
        double ln2 = Math.log(2);
        for (double x : new double[] {Double.longBitsToDouble(0x40862E42FEFA39EFL),
                Double.longBitsToDouble(0xC0874910D52D3051L), Double.longBitsToDouble(0x40862E4200000000L),
                -Double.longBitsToDouble(0x40862E4200000000L), -1021 * ln2, -1022 * ln2, -1020.5 * ln2, 0.5 * ln2,
                -0.5 * ln2, 1.5 * ln2, -1.5 * ln2, Double.longBitsToDouble(0x3fd62e4300000000L),
                Double.longBitsToDouble(0x3FF0A2B200000000L), Math.scalb(1.0, -28), -Math.scalb(1.0, -28), 1e-300}) {
            BITS.assertSameBitsAround(x);
        }
        for (int k = -1080; k <= 1030; k++) { // every binade the result can land in, at half-integer multiples
            BITS.assertSameBitsAround(k * ln2);
            BITS.assertSameBitsAround((k + 0.5) * ln2);
        }
    }

    @Test
    void randomArgumentsOverEveryScale() {
        SplittableRandom rng = new SplittableRandom(20261122L);
        for (int i = 0; i < RANDOM_DRAWS; i++) {
            double x = switch (i % 4) {
                case 0 -> rng.nextDouble(-760, 760);
                case 1 -> rng.nextDouble(-3, 3);
                case 2 -> Double.longBitsToDouble(rng.nextLong()); // any double, NaN payloads included
                default -> rng.nextDouble(-1e-7, 1e-7);
            };
            BITS.assertSameBits(x);
        }
    }

    /** fdlibm's error bound: within 1 ulp of the JIT's own exp wherever the result is finite and normal. */
    @Test
    void withinOneUlpOfMathExp() {
        SplittableRandom rng = new SplittableRandom(20261123L);
        for (int i = 0; i < RANDOM_DRAWS / 4; i++) {
            double x = rng.nextDouble(-708, 709);
            double ours = StrictExp.exp(x);
            double reference = Math.exp(x);
            assertTrue(Math.abs(ours - reference) <= Math.ulp(reference), () -> "exp(" + x + ") = " + ours
                    + ", Math.exp gives " + reference);
        }
    }
}
