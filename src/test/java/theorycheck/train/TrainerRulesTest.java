package theorycheck.train;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import theorycheck.linalg.Vec;
import theorycheck.optim.GradientDescent;

/**
 * The trainer's stopping, divergence and checking rules on one-parameter objectives whose GD runs
 * have closed forms. GD with step η on ½θ² multiplies θ by 1 − η each step; when 1 − η is a power
 * of two (or −1024 and the like) every iterate, loss and gradient is exact in binary floating point,
 * so the step at which a rule fires is known exactly and the comparisons use no tolerance.
 */
class TrainerRulesTest {
    private static TrainResult run(ScalarObjective f, double lr, double theta0, TrainConfig config) {
        return Trainer.run(f, new GradientDescent(lr), new double[] {theta0}, config);
    }

    @Test
    void toleranceRulesStopAtTheFirstStepStrictlyBelowThem() {
        // η = ½ from θ₀ = 2: θ_t = ‖∇L(θ_t)‖ = 2^(1−t), L_t = 2·4^(−t). A tolerance equal to step 3's
        // value is not "below" it, so each rule fires at step 4.
        TrainResult byLoss = run(ScalarObjective.parabola(0), 0.5, 2.0,
                new TrainConfig(100, 0, 2 * Math.pow(4, -3), 1, 1e12, 0));
        assertEquals(RunStatus.CONVERGED, byLoss.status(), byLoss.detail());
        assertTrue(byLoss.converged());
        assertFalse(byLoss.diverged());
        assertEquals(4, byLoss.steps());
        assertEquals(2 * Math.pow(4, -4), byLoss.loss(), 0.0);
        TrainResult byGradient = run(ScalarObjective.parabola(0), 0.5, 2.0, new TrainConfig(100, 0.25, 0, 1, 1e12, 0));
        assertEquals(RunStatus.CONVERGED, byGradient.status(), byGradient.detail());
        assertEquals(4, byGradient.steps());
        assertEquals(0.125, byGradient.gradNorm(), 0.0);
    }

    @Test
    void aSwitchedOffLossRuleIgnoresANegativeLoss() {
        // ½θ² − 1 is negative from the start; lossTol = 0 means "no loss rule", not "stop below 0",
        // so the run spends its budget: θ₆ = 2⁻⁶, L₆ = 2⁻¹³ − 1.
        TrainResult r = run(ScalarObjective.parabola(-1), 0.5, 1.0, new TrainConfig(6, 0, 0, 1, 1e12, 0));
        assertEquals(RunStatus.BUDGET_EXHAUSTED, r.status(), r.detail());
        assertFalse(r.converged());
        assertEquals(6, r.steps());
        assertEquals(0x1p-13 - 1, r.loss(), 0.0);
    }

    @Test
    void blowUpIsTheFirstLossStrictlyAboveTheFactorTimesTheLargerOfStartAndOne() {
        // η = 3: θ_t = θ₀(−2)^t and L_t = L₀·4^t. Factor 64 from θ₀ = 2 (L₀ = 2): the limit 128 equals
        // L₃, which does not exceed it; L₄ = 512 does. The blown-up iterate is finite and returned.
        TrainResult big = run(ScalarObjective.parabola(0), 3.0, 2.0, new TrainConfig(100, 0, 0, 1, 64, 0));
        assertEquals(RunStatus.DIVERGED, big.status(), big.detail());
        assertTrue(big.diverged());
        assertFalse(big.converged());
        assertThat(big.detail(), containsString("exceeded"));
        assertEquals(4, big.steps());
        assertEquals(512, big.loss(), 0.0);
        assertArrayEquals(new double[] {32}, big.theta(), 0.0);
        // from θ₀ = ½ (L₀ = ⅛ < 1) the limit is 64·1, not 64·⅛: L₄ = 32 stays below it, L₅ = 128 does not
        TrainResult small = run(ScalarObjective.parabola(0), 3.0, 0.5, new TrainConfig(100, 0, 0, 1, 64, 0));
        assertEquals(RunStatus.DIVERGED, small.status(), small.detail());
        assertEquals(5, small.steps());
        assertEquals(128, small.loss(), 0.0);
    }

    @Test
    void checkingEveryKStepsStopsAtTheFirstCheckedStepBelowTheTolerance() {
        // L_t = 2·4^(−t) drops below 2·4^(−3) at t = 4. Checked every k steps (and no recording, which
        // would add checks) the run sees it at the first multiple of k from 4 on, with that step's loss.
        int[] everys = {1, 2, 3, 5};
        int[] stops = {4, 4, 6, 5};
        for (int i = 0; i < everys.length; i++) {
            TrainResult r = run(ScalarObjective.parabola(0), 0.5, 2.0,
                    new TrainConfig(100, 0, 2 * Math.pow(4, -3), everys[i], 1e12, 0));
            assertEquals(RunStatus.CONVERGED, r.status(), r.detail());
            assertEquals(stops[i], r.steps(), "checkEvery " + everys[i]);
            assertEquals(2 * Math.pow(4, -stops[i]), r.loss(), 0.0, "checkEvery " + everys[i]);
        }
    }

    @Test
    void theLastStepOfTheBudgetIsCheckedOffTheCheckGrid() {
        // budget 7 checked every 5: the result reports step 7's loss and gradient, not step 5's
        TrainResult r = run(ScalarObjective.parabola(0), 0.5, 2.0, new TrainConfig(7, 0, 0, 5, 1e12, 0));
        assertEquals(RunStatus.BUDGET_EXHAUSTED, r.status(), r.detail());
        assertEquals(7, r.steps());
        assertArrayEquals(new double[] {0x1p-6}, r.theta(), 0.0);
        assertEquals(0x1p-13, r.loss(), 0.0);
        assertEquals(0x1p-6, r.gradNorm(), 0.0);
    }

    @Test
    void eachStepCostsOneGradientAndTheLossIsPaidOnlyAtChecks() {
        // Budget 10 checked every 5: value and gradient together at the start and at steps 5 and 10; the
        // gradient alone before steps 2–5 and 7–10, whose θ was not checked. θ₁₀ = 2·2⁻¹⁰ exactly shows
        // every step used ∇L at its own θ.
        ScalarObjective f = ScalarObjective.parabola(0);
        TrainResult r = run(f, 0.5, 2.0, new TrainConfig(10, 0, 0, 5, 1e12, 0));
        assertArrayEquals(new double[] {0x1p-9}, r.theta(), 0.0);
        assertEquals(3, f.valueAndGradientCalls, "start, step 5, step 10");
        assertEquals(8, f.gradientOnlyCalls, "one gradient for each of the 8 steps taken from an unchecked θ");
    }

    @Test
    void aNonFiniteGradientBetweenChecksEndsTheRunAtThatStep() {
        // η = 1025: θ_t = (−1024)^t = 2^(10t) in size, exact until the step from θ₁₀₂ = 2¹⁰²⁰ computes
        // 1025·2¹⁰²⁰ > Double.MAX_VALUE, so θ₁₀₃ = −∞. No loss check falls before step 1000: only the
        // gradient test can stop the run, and it must do so at step 103.
        TrainResult r = run(ScalarObjective.parabola(0), 1025, 1.0, new TrainConfig(1000, 0, 0, 1000, 1e12, 0));
        assertEquals(RunStatus.DIVERGED, r.status(), r.detail());
        assertEquals("non-finite gradient at step 103", r.detail());
        assertEquals(103, r.steps());
        assertTrue(Vec.isFinite(r.theta()));
    }

    @Test
    void aGradientThatOverflowsBeforeTheIterateReturnsThatFiniteIterate() {
        // L(θ) = −θ⁴/4 with η = 1: θ ← θ + θ³ from 1 gives 2, 10, 1010, … ; θ₇ ≈ 2e243 is finite but its
        // gradient −θ₇³ is −∞. With no loss check before step 1000, the last finite iterate is θ₇ itself,
        // not the last checked one (θ₀).
        ScalarObjective quartic = new ScalarObjective(t -> -t * t * t * t / 4, t -> -t * t * t);
        TrainResult r = run(quartic, 1.0, 1.0, new TrainConfig(1000, 0, 0, 1000, 1e12, 0));
        double expected = 1.0;
        for (int k = 0; k < 7; k++) {
            expected -= 1.0 * (-expected * expected * expected);
        }
        assertEquals(RunStatus.DIVERGED, r.status(), r.detail());
        assertEquals("non-finite gradient at step 7", r.detail());
        assertEquals(expected, r.theta()[0], 0.0);
        assertTrue(Double.isFinite(expected) && expected > 1e240, () -> "θ₇ = " + r.theta()[0]);
    }

    @Test
    void anInfiniteGradientUnderAFiniteLossIsDivergence() {
        // L(θ) = √|θ| is finite everywhere but its slope is infinite at 0
        ScalarObjective cusp = new ScalarObjective(t -> Math.sqrt(Math.abs(t)),
                t -> Math.copySign(0.5 / Math.sqrt(Math.abs(t)), t));
        TrainResult atStart = run(cusp, 1.0, 0.0, new TrainConfig(10, 0, 0, 1, 1e12, 0));
        assertEquals(RunStatus.DIVERGED, atStart.status());
        assertEquals(0, atStart.steps());
        assertEquals("non-finite at the start", atStart.detail());
        // from θ₀ = 1 the slope is ½, so η = 2 lands exactly on the cusp: the check after step 1 ends
        // the run and returns θ₀, the last iterate whose loss, gradient and parameters were all finite
        TrainResult landed = run(cusp, 2.0, 1.0, new TrainConfig(10, 0, 0, 1, 1e12, 0));
        assertEquals(RunStatus.DIVERGED, landed.status(), landed.detail());
        assertEquals("non-finite loss, gradient or parameters at step 1", landed.detail());
        assertArrayEquals(new double[] {1.0}, landed.theta(), 0.0);
    }

    @Test
    void parametersOverflowingAreDivergenceEvenWhereLossAndGradientStayFinite() {
        // L(θ) = 2·arctan θ is bounded, with slope 2/(1 + θ²) ∈ (0, 2] vanishing at ±∞. One step of
        // η = Double.MAX_VALUE from 0 sends θ to −∞, where L = −π and L' = 0 are finite (and below the
        // gradient tolerance): only the parameter test keeps this from reading as convergence.
        ScalarObjective bounded = new ScalarObjective(t -> 2 * Math.atan(t), t -> 2 / (1 + t * t));
        TrainResult r = run(bounded, Double.MAX_VALUE, 0.0, new TrainConfig(10, 1e-8, 0, 1, 1e12, 0));
        assertEquals(RunStatus.DIVERGED, r.status(), r.detail());
        assertEquals(1, r.steps());
        assertArrayEquals(new double[] {0.0}, r.theta(), 0.0);
    }

    @Test
    void aStopRuleIsAskedAtTheStartAtEachCheckAndAtTheBudgetAndEndsTheRunAsConverged() {
        // η = ½ from θ₀ = 2: θ_t = 2^(1−t). Checked every 3 steps with budget 7, the rule sees steps
        // 0, 3, 6 and 7; "θ ≤ 2^−5" first holds at t = 6 (θ = 2^−5), so the run ends there.
        java.util.List<Long> asked = new java.util.ArrayList<>();
        StopRule small = (t, theta, loss) -> {
            asked.add(t);
            return theta[0] <= Math.pow(2, -5) ? "θ small" : null;
        };
        TrainResult r = Trainer.run(ScalarObjective.parabola(0), new GradientDescent(0.5), BatchSampler.full(),
                new double[] {2.0}, new TrainConfig(7, 0, 0, 3, 1e12, 0), java.util.Map.of(),
                Trainer.Hooks.stopWhen(small));
        assertEquals(RunStatus.CONVERGED, r.status());
        assertEquals("θ small", r.detail());
        assertEquals(6, r.steps());
        assertEquals(Math.pow(2, -5), r.theta()[0], 0.0);
        assertEquals(java.util.List.of(0L, 3L, 6L), asked);
        // never met: asked at 0, 3, 6 and the budget 7, which ends the run as BUDGET_EXHAUSTED
        asked.clear();
        TrainResult never = Trainer.run(ScalarObjective.parabola(0), new GradientDescent(0.5), BatchSampler.full(),
                new double[] {2.0}, new TrainConfig(7, 0, 0, 3, 1e12, 0), java.util.Map.of(),
                Trainer.Hooks.stopWhen((t, theta, loss) -> {
                    asked.add(t);
                    return null;
                }));
        assertEquals(RunStatus.BUDGET_EXHAUSTED, never.status());
        assertEquals(java.util.List.of(0L, 3L, 6L, 7L), asked);
    }

    @Test
    void anObserverSeesTheStartAndEveryKthIterateUpToTheLastStepTaken() {
        // θ_t = 2^(1−t); every 4 steps of a budget of 10: θ₀, θ₄, θ₈ (θ₁₀ is not a multiple of 4)
        java.util.Map<Long, Double> seen = new java.util.LinkedHashMap<>();
        Trainer.run(ScalarObjective.parabola(0), new GradientDescent(0.5), BatchSampler.full(), new double[] {2.0},
                new TrainConfig(10, 0, 0, 1, 1e12, 0), java.util.Map.of(),
                Trainer.Hooks.observing(4, (t, theta) -> seen.put(t, theta[0])));
        assertEquals(java.util.Map.of(0L, 2.0, 4L, Math.pow(2, -3), 8L, Math.pow(2, -7)), seen);
        assertEquals(java.util.List.of(0L, 4L, 8L), java.util.List.copyOf(seen.keySet()));
    }

    @Test
    void aStepRuleIsAskedOncePerStepWithTheIterateAndItsGradient() {
        // η_t = 2^−(t+1) on ½θ² from θ₀ = 1: θ_{t+1} = θ_t(1 − 2^−(t+1)), exact in binary floating point
        java.util.List<Double> gradients = new java.util.ArrayList<>();
        theorycheck.optim.StepSize halving = (t, theta, g) -> {
            gradients.add(g[0]);
            assertEquals(theta[0], g[0], 0.0); // ∇½θ² = θ
            return Math.pow(2, -(t + 1));
        };
        TrainResult r = Trainer.run(ScalarObjective.parabola(0), GradientDescent.with(halving, "η=2^−(t+1)"),
                new double[] {1.0}, new TrainConfig(4, 0, 0, 1, 1e12, 0));
        double expected = 1.0;
        for (int t = 0; t < 4; t++) {
            assertEquals(expected, gradients.get(t), 0.0);
            expected *= 1 - Math.pow(2, -(t + 1));
        }
        assertEquals(expected, r.theta()[0], 0.0);
        assertEquals(4, gradients.size());
    }
}
