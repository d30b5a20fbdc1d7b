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
    void oneTrialHasClosedForms() {
        // n = 1: P(X ≥ 1 | p) = p and P(X ≤ 0 | p) = 1 − p, so the ends are α/2 and 1 − α/2
        double[] fail = ClopperPearson.interval(0, 1, 0.1);
        assertEquals(0, fail[0], 0);
        assertEquals(0.95, fail[1], 1e-13);
        double[] success = ClopperPearson.interval(1, 1, 0.1);
        assertEquals(0.05, success[0], 1e-13);
        assertEquals(1, success[1], 0);
    }

    @Test
    void tailsAtCertainOutcomes() {
        // p = 0: X = 0 surely; p = 1: X = n surely
        assertEquals(1, ClopperPearson.lowerTail(6, 0, 0.0), 0);
        assertEquals(0, ClopperPearson.upperTail(6, 1, 0.0), 0);
        assertEquals(1, ClopperPearson.upperTail(6, 6, 1.0), 0);
        assertEquals(0, ClopperPearson.lowerTail(6, 5, 1.0), 0);
    }

    @Test
    void rejectsBadCounts() {
        assertThrows(IllegalArgumentException.class, () -> ClopperPearson.interval(3, 2, 0.05));
        assertThrows(IllegalArgumentException.class, () -> ClopperPearson.interval(-1, 2, 0.05));
        assertThrows(IllegalArgumentException.class, () -> ClopperPearson.interval(0, 0, 0.05));
        assertThrows(IllegalArgumentException.class, () -> ClopperPearson.interval(1, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> ClopperPearson.interval(1, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> ClopperPearson.interval(1, 2, Double.NaN));
    }
}
