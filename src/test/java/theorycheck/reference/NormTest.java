package theorycheck.reference;

import theorycheck.linalg.Norm;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NormTest {
    private static final double[] V = {3, -4, 0};
    /** One division per entry after an exactly computed norm: off by at most one rounding. */
    private static final double ROUNDING_TOL = 2e-16;

    @Test
    void normsOfAKnownVector() {
        assertEquals(7.0, Norm.L1.of(V), 0.0);
        assertEquals(5.0, Norm.L2.of(V), 0.0);
        assertEquals(4.0, Norm.LINF.of(V), 0.0);
    }

    @Test
    void dualsPairL1WithLInfAndL2WithItself() {
        assertSame(Norm.LINF, Norm.L1.dual());
        assertSame(Norm.L1, Norm.LINF.dual());
        assertSame(Norm.L2, Norm.L2.dual());
    }

    @Test
    void normalizeGivesAUnitVectorInThatNorm() {
        assertArrayEquals(new double[] {3 / 7.0, -4 / 7.0, 0}, Norm.L1.normalize(V), ROUNDING_TOL);
        assertArrayEquals(new double[] {0.6, -0.8, 0}, Norm.L2.normalize(V), ROUNDING_TOL);
        assertArrayEquals(new double[] {0.75, -1, 0}, Norm.LINF.normalize(V), ROUNDING_TOL);
    }

    @Test
    void normalizeDoesNotModifyItsArgument() {
        double[] v = V.clone();
        Norm.L2.normalize(v);
        assertArrayEquals(V, v, 0.0);
    }

    @Test
    void normalizeRejectsZeroAndNonFiniteVectors() {
        for (Norm n : Norm.values()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> n.normalize(new double[2]));
            assertThat(e.getMessage(), containsString(n.name()));
            assertThrows(IllegalArgumentException.class, () -> n.normalize(new double[] {Double.NaN, 1}));
        }
    }
}
