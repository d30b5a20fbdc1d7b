package theorycheck.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.DoubleUnaryOperator;

/** Bit-for-bit comparison of a Java port of an fdlibm function with its {@link StrictMath} original. */
final class BitExactness {
    private final String name;
    private final DoubleUnaryOperator port;
    private final DoubleUnaryOperator strict;

    BitExactness(String name, DoubleUnaryOperator port, DoubleUnaryOperator strict) {
        this.name = name;
        this.port = port;
        this.strict = strict;
    }

    void assertSameBits(double x) {
        long expected = Double.doubleToRawLongBits(strict.applyAsDouble(x));
        long actual = Double.doubleToRawLongBits(port.applyAsDouble(x));
        assertEquals(expected, actual, () -> name + "(" + x + ") = " + port.applyAsDouble(x) + ", StrictMath gives "
                + strict.applyAsDouble(x));
    }

    /** The value and its neighbours a few ulps either side. */
    void assertSameBitsAround(double x) {
        double lo = x;
        double hi = x;
        for (int i = 0; i < 4; i++) {
            assertSameBits(lo);
            assertSameBits(hi);
            lo = Math.nextDown(lo);
            hi = Math.nextUp(hi);
        }
    }
}
