package theorycheck.linalg;

/**
 * ln x with exactly the bits of {@link StrictMath#log}: fdlibm's {@code e_log.c} (the algorithm the
 * JDK specifies for StrictMath, error below 1 ulp), written out in Java like {@link StrictExp}. On
 * JDK 17 {@code StrictMath.log} is a native call; this version compiles inline, which matters in
 * the Gaussian sampler (one log per two draws).
 *
 * <p>Method (fdlibm): write x = 2^k·(1 + f) with √2/2 &lt; 1 + f &lt; √2, then
 * ln(1 + f) = 2s + s·R(s²) with s = f/(2 + f) and R a degree-7 Remez polynomial, and add k·ln2
 * (ln2 split as in {@link StrictExp}).
 */
public final class StrictLog {
    private static final double TWO54 = Double.longBitsToDouble(0x4350000000000000L);
    private static final double LG1 = Double.longBitsToDouble(0x3FE5555555555593L);
    private static final double LG2 = Double.longBitsToDouble(0x3FD999999997FA04L);
    private static final double LG3 = Double.longBitsToDouble(0x3FD2492494229359L);
    private static final double LG4 = Double.longBitsToDouble(0x3FCC71C51D8E78AFL);
    private static final double LG5 = Double.longBitsToDouble(0x3FC7466496CB03DEL);
    private static final double LG6 = Double.longBitsToDouble(0x3FC39A09D078C69FL);
    private static final double LG7 = Double.longBitsToDouble(0x3FC2F112DF3E5244L);

    private StrictLog() {
    }

    /** ln x, equal to {@code StrictMath.log(x)} for every double x. */
    public static double log(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int hx = (int) (bits >>> 32);
        if (hx < 0x00100000 || hx >= 0x7ff00000) {
            return outsideNormals(x, bits);
        }
        return normal(x, bits, hx, 0);
    }

    /** Zero, negative, subnormal (scaled up by 2⁵⁴ first), +∞ and NaN. */
    private static double outsideNormals(double x, long bits) {
        int hx = (int) (bits >>> 32);
        if (hx >= 0x00100000) { // +∞ or NaN
            return x + x;
        }
        if (((hx & 0x7fffffff) | (int) bits) == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (hx < 0) {
            return (x - x) / 0.0; // fdlibm's NaN (sign bit set), as StrictMath gives
        }
        double scaled = x * TWO54;
        long scaledBits = Double.doubleToRawLongBits(scaled);
        return normal(scaled, scaledBits, (int) (scaledBits >>> 32), -54);
    }

    /**
     * ln x for a positive normal x whose high word is hx, plus k·ln2. Kept apart from the rare cases
     * so that it stays under the JIT's inlining limit for hot code (325 bytecodes).
     */
    private static double normal(double x, long bits, int hx, int k) {
        k += (hx >> 20) - 1023;
        hx &= 0x000fffff;
        int i = (hx + 0x95f64) & 0x100000;
        // normalize x or x/2 into [√2/2, √2)
        x = Double.longBitsToDouble(((long) (hx | (i ^ 0x3ff00000)) << 32) | (bits & 0xffffffffL));
        k += i >> 20;
        double f = x - 1.0;
        if ((0x000fffff & (2 + hx)) < 3) { // |f| < 2^−20
            return nearOne(f, k);
        }
        double s = f / (2.0 + f);
        double dk = k;
        double z = s * s;
        i = hx - 0x6147a;
        double w = z * z;
        int j = 0x6b851 - hx;
        double t1 = w * (LG2 + w * (LG4 + w * LG6));
        double t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
        i |= j;
        double r = t2 + t1;
        if (i > 0) {
            double hfsq = 0.5 * f * f;
            if (k == 0) {
                return f - (hfsq - s * (hfsq + r));
            }
            return dk * StrictExp.LN2_HI - ((hfsq - (s * (hfsq + r) + dk * StrictExp.LN2_LO)) - f);
        }
        if (k == 0) {
            return f - s * (f - r);
        }
        return dk * StrictExp.LN2_HI - ((s * (f - r) - dk * StrictExp.LN2_LO) - f);
    }

    /** ln(1 + f) + k·ln2 for |f| &lt; 2⁻²⁰. */
    private static double nearOne(double f, int k) {
        if (f == 0) {
            if (k == 0) {
                return 0;
            }
            double dk = k;
            return dk * StrictExp.LN2_HI + dk * StrictExp.LN2_LO;
        }
        double r = f * f * (0.5 - 0.33333333333333333 * f);
        if (k == 0) {
            return f - r;
        }
        double dk = k;
        return dk * StrictExp.LN2_HI - ((r - dk * StrictExp.LN2_LO) - f);
    }
}
