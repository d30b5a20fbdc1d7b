package theorycheck.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import theorycheck.optim.GradientDescent;

class TrainConfigTest {
    @Test
    void rejectsSettingsWithNoMeaning() {
        assertThrows(IllegalArgumentException.class, () -> new TrainConfig(-1, 0, 0, 1, 1e12, 0));
        assertThrows(IllegalArgumentException.class, () -> new TrainConfig(10, -1e-8, 0, 1, 1e12, 0));
        assertThrows(IllegalArgumentException.class, () -> new TrainConfig(10, 0, -1e-8, 1, 1e12, 0));
        assertThrows(IllegalArgumentException.class, () -> new TrainConfig(10, Double.NaN, 0, 1, 1e12, 0));
        assertThrows(IllegalArgumentException.class, () -> new TrainConfig(10, 0, 0, 0, 1e12, 0));
        assertThrows(IllegalArgumentException.class, () -> new TrainConfig(10, 0, 0, 1, Double.NaN, 0));
        assertThrows(IllegalArgumentException.class, () -> new TrainConfig(10, 0, 0, 1, 1e12, -1));
        // a blow-up factor of 1 would call any loss increase divergence; it must exceed 1
        assertThrows(IllegalArgumentException.class, () -> new TrainConfig(10, 0, 0, 1, 1.0, 0));
        new TrainConfig(10, 0, 0, 1, Math.nextUp(1.0), 0);
    }

    @Test
    void aZeroStepBudgetReturnsTheStartEvaluated() {
        // maxSteps = 0 is a valid request: θ₀ itself, with its loss and gradient norm
        ScalarObjective f = ScalarObjective.parabola(0);
        TrainResult r = Trainer.run(f, new GradientDescent(0.5), new double[] {3.0}, new TrainConfig(0, 0, 0, 1, 1e12, 5));
        assertEquals(RunStatus.BUDGET_EXHAUSTED, r.status(), r.detail());
        assertEquals(0, r.steps());
        assertArrayEquals(new double[] {3.0}, r.theta(), 0.0);
        assertEquals(4.5, r.loss(), 0.0);
        assertEquals(3.0, r.gradNorm(), 0.0);
        assertEquals(java.util.List.of(0L), r.trajectory().steps());
    }
}
