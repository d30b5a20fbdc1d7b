package theorycheck.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ClopperPearsonTest {
    @Test
    void zeroAndAllSuccessesHaveClosedForms() {
        double[] none = ClopperPearson.interval(0, 10, 0.05);
        assertEquals(0, none[0], 0);
        assertEquals(1 - Math.pow(0.025, 0.1), none[1], 1e-12);
        double[] all = ClopperPearson.interval(10, 10, 0.05);
        assertEquals(Math.pow(0.025, 0.1), all[0], 1e-12);
        assertEquals(1, all[1], 0);
    }

    @Test
    void tabulatedValue() {
        // 5 of 10 at 95%: [0.187086, 0.812914] (standard table; symmetric)
        double[] ci = ClopperPearson.interval(5, 10, 0.05);
        assertEquals(0.187086, ci[0], 1e-6);
        assertEquals(0.812914, ci[1], 1e-6);
    }

    @Test
    void endsSolveTheTailEquations() {
        double[] ci = ClopperPearson.interval(7, 200, 0.05);
        assertEquals(0.025, ClopperPearson.upperTail(200, 7, ci[0]), 1e-10);
        assertEquals(0.025, ClopperPearson.lowerTail(200, 7, ci[1]), 1e-10);
    }

    @Test
    void rejectsBadCounts() {
        assertThrows(IllegalArgumentException.class, () -> ClopperPearson.interval(3, 2, 0.05));
        assertThrows(IllegalArgumentException.class, () -> ClopperPearson.interval(1, 2, 0));
    }
}
