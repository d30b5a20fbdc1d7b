package theorycheck.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VecTest {
    @Test
    void medianOfOddAndEvenCountsLeavesTheInputAlone() {
        double[] v = {5, 1, 4, 2, 3};
        assertEquals(3.0, Vec.median(v));
        assertArrayEquals(new double[] {5, 1, 4, 2, 3}, v);
        assertEquals(2.5, Vec.median(new double[] {4, 1, 3, 2}));
        assertTrue(Double.isNaN(Vec.median(new double[0])));
    }

    @Test
    void minAndMaxAreNaNWhenEmpty() {
        assertEquals(-2.0, Vec.min(new double[] {3, -2, 7}));
        assertEquals(7.0, Vec.max(new double[] {3, -2, 7}));
        assertTrue(Double.isNaN(Vec.min(new double[0])) && Double.isNaN(Vec.max(new double[0])));
    }

    @Test
    void relativeErrorIsTheDistanceOverTheReferenceNormWithAFloor() {
        // ‖(3,4) − (0,0)‖ = 5 against a zero reference: the floor decides
        assertEquals(5.0 / 1e-3, Vec.relativeError(new double[] {3, 4}, new double[] {0, 0}, 1e-3));
        // ‖(1,1) − (0,1)‖ / ‖(0,1)‖ = 1
        assertEquals(1.0, Vec.relativeError(new double[] {1, 1}, new double[] {0, 1}, 0.0));
    }
}
