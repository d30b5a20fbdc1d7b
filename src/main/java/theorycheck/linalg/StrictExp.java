package theorycheck.linalg;

/**
 * e^x with exactly the bits of {@link StrictMath#exp}: fdlibm's {@code e_exp.c} (the algorithm the
 * JDK specifies for StrictMath, error below 1 ulp), written out here with its constants as bit
 * patterns and without the JDK's word-access helpers, so the JIT compiles it inline into the loss
 * loops. It is about twice as fast there, and the training results stay bit for bit what they were.
 *
 * <p>Method (fdlibm): reduce x = k·ln2 + r with |r| ≤ ½ln2 (ln2 split into a high part whose
 * products with k are exact and a low part), approximate e^r by a rational function of a degree-5
 * Remez polynomial in r², and scale by 2^k through the exponent bits.
 */
public final class StrictExp {
    private static final double O_THRESHOLD = Double.longBitsToDouble(0x40862E42FEFA39EFL); // 709.78…
    private static final double U_THRESHOLD = Double.longBitsToDouble(0xC0874910D52D3051L); // −745.13…
    static final double LN2_HI = Double.longBitsToDouble(0x3FE62E42FEE00000L);
    static final double LN2_LO = Double.longBitsToDouble(0x3DEA39EF35793C76L);
    private static final double INV_LN2 = Double.longBitsToDouble(0x3FF71547652B82FEL);
    private static final double P1 = Double.longBitsToDouble(0x3FC555555555553EL);
    private static final double P2 = Double.longBitsToDouble(0xBF66C16C16BEBD93L);
    private static final double P3 = Double.longBitsToDouble(0x3F11566AAF25DE2CL);
    private static final double P4 = Double.longBitsToDouble(0xBEBBBD41C5D26BF1L);
    private static final double P5 = Double.longBitsToDouble(0x3E66376972BEA4D0L);
    private static final double TWO_M1000 = Double.longBitsToDouble(0x0170000000000000L); // 2^−1000

    private StrictExp() {
    }

    /** e^x, equal to {@code StrictMath.exp(x)} for every double x. */
    public static double exp(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int hx = (int) (bits >>> 32) & 0x7fffffff; // high word of |x|
        if (hx >= 0x40862E42) { // |x| ≥ 709.78: overflow, underflow, ±∞ or NaN, or just inside the range
            if (hx >= 0x7ff00000 || x > O_THRESHOLD || x < U_THRESHOLD) {
                return beyondRange(x);
            }
        } else if (hx < 0x3e300000) { // |x| < 2^−28
            return 1.0 + x;
        }
        return inRange(x, hx, bits < 0);
    }

    /** ±∞, NaN, and x beyond the overflow or underflow threshold. */
    private static double beyondRange(double x) {
        if (x != x) {
            return x + x;
        }
        return x > 0 ? Double.POSITIVE_INFINITY : 0.0;
    }

    /**
     * The reduction, the polynomial and the scaling, for 2^−28 ≤ |x| ≤ the thresholds. Kept apart from
     * the rare cases so that the method stays under the JIT's inlining limit for hot code (325
     * bytecodes): the whole function was 359 and was called, not inlined.
     */
    private static double inRange(double x, int hx, boolean negative) {
        double hi = 0;
        double lo = 0;
        int k = 0;
        if (hx > 0x3fd62e42) { // |x| > ½ln2
            if (hx < 0x3FF0A2B2) { // and |x| < 1.5·ln2
                hi = negative ? x + LN2_HI : x - LN2_HI;
                lo = negative ? -LN2_LO : LN2_LO;
                k = negative ? -1 : 1;
            } else {
                k = (int) (INV_LN2 * x + (negative ? -0.5 : 0.5));
                double t = k;
                hi = x - t * LN2_HI; // exact: t·LN2_HI has at most 43 significant bits
                lo = t * LN2_LO;
            }
            x = hi - lo;
        }
        double t = x * x;
        double c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
        if (k == 0) {
            return 1.0 - ((x * c) / (c - 2.0) - x);
        }
        double y = 1.0 - ((lo - (x * c) / (2.0 - c)) - hi);
        if (k >= -1021) {
            return Double.longBitsToDouble(Double.doubleToRawLongBits(y) + ((long) k << 52));
        }
        return Double.longBitsToDouble(Double.doubleToRawLongBits(y) + ((long) (k + 1000) << 52)) * TWO_M1000;
    }
}
