package theorycheck.train;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import theorycheck.data.RandomDesigns;
import theorycheck.data.Rng;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Vec;
import theorycheck.loss.EmpiricalRisk;
import theorycheck.loss.SquaredLoss;
import theorycheck.model.LinearModel;
import theorycheck.optim.GradientDescent;
import theorycheck.optim.HeavyBall;
import theorycheck.optim.Sam;
import theorycheck.reference.GramSpectrum;
import theorycheck.reference.MinNorm;

class TrainerTest {
    private static final long SEED = 20261122L;
    private static final int M = 5;
    private static final int N = 12;
    private static final double GRAD_TOL = 1e-10;

    /** Least-squares problem: wide 5×12 Gaussian design, Gaussian targets. */
    private record Problem(Mat x, double[] y, EmpiricalRisk risk, GramSpectrum.Result spectrum) {
        static Problem make(long seed) {
            Rng rng = new Rng(seed);
            Mat x = RandomDesigns.gaussian(M, N, 1.0, rng.split());
            double[] y = rng.split().gaussianVector(M, 1.0);
            return new Problem(x, y, new EmpiricalRisk(new LinearModel(N), SquaredLoss.INSTANCE, x, y), GramSpectrum.of(x));
        }

        /**
         * On the row space the loss is a quadratic with curvature ≥ λ_min(non-zero), so ‖∇L‖ &lt; g
         * puts the row-space part of θ within g/λ_min of the solution (the null-space part never moves).
         */
        double distanceBound(double gradTol) {
            return gradTol / spectrum.lambdaMinNonzero();
        }
    }

    @Test
    void gradientDescentFromZeroConvergesToTheMinimumNormSolution() {
        Problem p = Problem.make(SEED);
        double lr = 1.0 / p.spectrum().lambdaMax();
        TrainResult r = Trainer.run(p.risk(), new GradientDescent(lr), new double[N], TrainConfig.fullBatch(100_000, GRAD_TOL));
        assertEquals(RunStatus.CONVERGED, r.status(), r.detail());
        assertThat(Vec.distance(r.theta(), MinNorm.solve(p.x(), p.y())), lessThanOrEqualTo(p.distanceBound(GRAD_TOL)));
    }

    @Test
    void gradientDescentFromANonZeroStartConvergesToTheNearestInterpolant() {
        Problem p = Problem.make(SEED + 1);
        double[] w0 = new Rng(SEED + 2).gaussianVector(N, 1.0);
        double lr = 1.0 / p.spectrum().lambdaMax();
        TrainResult r = Trainer.run(p.risk(), new GradientDescent(lr), w0, TrainConfig.fullBatch(100_000, GRAD_TOL));
        assertEquals(RunStatus.CONVERGED, r.status(), r.detail());
        double[] target = MinNorm.closestInterpolant(p.x(), p.y(), w0);
        assertThat(Vec.distance(r.theta(), target), lessThanOrEqualTo(p.distanceBound(GRAD_TOL)));
        // and it is *not* the minimum-norm solution: the control for the claim above
        assertThat(p.distanceBound(GRAD_TOL), lessThan(Vec.distance(r.theta(), MinNorm.solve(p.x(), p.y()))));
    }

    @Test
    void stepJustBelowTwoOverLambdaMaxConverges() {
        Problem p = Problem.make(SEED + 3);
        double lr = 1.9 / p.spectrum().lambdaMax();
        TrainResult r = Trainer.run(p.risk(), new GradientDescent(lr), new double[N], TrainConfig.fullBatch(100_000, 1e-8));
        assertEquals(RunStatus.CONVERGED, r.status(), r.detail());
    }

    @Test
    void stepAboveTwoOverLambdaMaxDivergesWithARecordedStatus() {
        Problem p = Problem.make(SEED + 3);
        double lr = 2.1 / p.spectrum().lambdaMax();
        TrainResult r = Trainer.run(p.risk(), new GradientDescent(lr), new double[N], TrainConfig.fullBatch(100_000, 1e-8));
        assertEquals(RunStatus.DIVERGED, r.status(), r.detail());
        assertTrue(r.diverged());
        assertTrue(Vec.isFinite(r.theta()), "the result holds a finite iterate, not NaN");
        assertTrue(Double.isFinite(r.loss()), "blow-up is caught before overflow: loss " + r.loss());
        assertThat(r.detail(), containsString("exceeded"));
        assertThat(r.steps(), lessThan(100_000L));
    }

    @Test
    void nonFiniteValuesEndTheRunWithTheLastFiniteIterate() {
        // With the blow-up rule disabled in effect, the loss overflows; the loop must catch Inf/NaN.
        Problem p = Problem.make(SEED + 4);
        double lr = 50.0 / p.spectrum().lambdaMax();
        TrainConfig config = new TrainConfig(100_000, 1e-8, 0.0, 1, Double.MAX_VALUE, 0);
        TrainResult r = Trainer.run(p.risk(), new GradientDescent(lr), new double[N], config);
        assertEquals(RunStatus.DIVERGED, r.status(), r.detail());
        assertThat(r.detail(), containsString("non-finite"));
        assertTrue(Vec.isFinite(r.theta()), "returned θ must be the last finite iterate");
        // and it is the iterate of the step before: the same run stopped one step earlier
        TrainResult last = Trainer.run(p.risk(), new GradientDescent(lr), new double[N],
                new TrainConfig(r.steps() - 1, 0, 0.0, 1, Double.MAX_VALUE, 0));
        assertArrayEquals(last.theta(), r.theta(), 0.0);
        assertEquals(0, r.trajectory().size(), "recordPoints = 0 records nothing");
    }

    @Test
    void budgetRunsOutWithItsOwnStatus() {
        Problem p = Problem.make(SEED + 5);
        double lr = 1.0 / p.spectrum().lambdaMax();
        TrainResult r = Trainer.run(p.risk(), new GradientDescent(lr), new double[N], TrainConfig.fullBatch(3, GRAD_TOL));
        assertEquals(RunStatus.BUDGET_EXHAUSTED, r.status());
        assertEquals(3, r.steps());
    }

    @Test
    void doesNotModifyTheStartingPoint() {
        Problem p = Problem.make(SEED + 6);
        double[] w0 = new Rng(SEED + 7).gaussianVector(N, 1.0);
        double[] before = w0.clone();
        Trainer.run(p.risk(), new GradientDescent(0.01), w0, TrainConfig.fullBatch(10, 0));
        assertArrayEquals(before, w0, 0.0);
    }

    @Test
    void sameSeedGivesBitIdenticalRuns() {
        Problem p = Problem.make(SEED + 8);
        TrainResult a = sgdRun(p, SEED + 9);
        TrainResult b = sgdRun(p, SEED + 9);
        assertArrayEquals(a.theta(), b.theta(), 0.0);
        assertTrue(Arrays.equals(a.theta(), b.theta()), "bit-identical parameters");
        assertEquals(a.steps(), b.steps());
        assertEquals(a.trajectory().steps(), b.trajectory().steps());
        assertEquals(a.trajectory().series("loss"), b.trajectory().series("loss"));
        assertEquals(a.trajectory().series("wNorm"), b.trajectory().series("wNorm"));
        // the series are loss and gradient norm, then the probes; any other name is refused, naming these
        assertEquals(java.util.List.of("loss", "gradNorm", "wNorm"), java.util.List.copyOf(a.trajectory().names()));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> a.trajectory().series("wnorm"));
        assertThat(e.getMessage(), containsString("[loss, gradNorm, wNorm]"));
    }

    @Test
    void samOnMiniBatchesTakesItsSecondGradientOnTheStepsBatch() {
        // SAM's step is θ ← θ − η ∇L_B(θ + ρ g/‖g‖) with g = ∇L_B(θ) on the *same* batch B. Replaying the
        // sampler's draws, the update is written out here from the formula; only rounding order differs,
        // so 1e-12 relative (≈ 5000 ulps over five steps on a well-conditioned problem) is ample.
        Problem p = Problem.make(SEED + 20);
        double lr = 0.3 / p.spectrum().lambdaMax();
        double rho = 0.1;
        TrainResult r = Trainer.run(p.risk(), new Sam(lr, rho), BatchSampler.withReplacement(M, 2, new Rng(SEED + 21)),
                new double[N], new TrainConfig(5, 0, 0, 1, 1e12, 0), Map.of());
        double[] sameBatch = samByHand(p, lr, rho, new Rng(SEED + 21), true);
        double[] fullBatch = samByHand(p, lr, rho, new Rng(SEED + 21), false);
        double tol = 1e-12 * Vec.norm2(sameBatch);
        assertThat(Vec.distance(r.theta(), sameBatch), lessThanOrEqualTo(tol));
        // and the batch matters: a second gradient on all examples would land far outside that tolerance
        assertThat(Vec.distance(fullBatch, sameBatch), greaterThan(1e6 * tol));
    }

    /** Five SAM steps written out; the second gradient on the step's batch, or on every example. */
    private static double[] samByHand(Problem p, double lr, double rho, Rng samplerRng, boolean secondOnBatch) {
        BatchSampler sampler = BatchSampler.withReplacement(M, 2, samplerRng);
        double[] theta = new double[N];
        double[] g = new double[N];
        double[] sharp = new double[N];
        for (int t = 0; t < 5; t++) {
            int[] batch = sampler.next().clone();
            p.risk().valueAndGradient(theta, batch, g);
            double[] perturbed = theta.clone();
            Vec.axpyInPlace(rho / Vec.norm2(g), g, perturbed);
            p.risk().valueAndGradient(perturbed, secondOnBatch ? batch : null, sharp);
            Vec.axpyInPlace(-lr, sharp, theta);
        }
        return theta;
    }

    @Test
    void differentSeedsGiveDifferentRuns() {
        Problem p = Problem.make(SEED + 8);
        assertFalse(Arrays.equals(sgdRun(p, SEED + 9).theta(), sgdRun(p, SEED + 10).theta()));
    }

    @Test
    void trajectoryRecordsTheFirstStepsAndTheEnd() {
        Problem p = Problem.make(SEED + 11);
        TrainResult r = Trainer.run(p.risk(), new GradientDescent(0.01), new double[N], TrainConfig.fullBatch(50, 0));
        assertThat(r.trajectory().steps(), hasItems(0L, 1L, 2L, 5L, 10L, 50L));
        assertEquals(r.trajectory().size(), r.trajectory().series("loss").size());
    }

    @Test
    void trajectoryRecordsScheduledStepsWhenCheckingLessOften() {
        // checkEvery = 7 must not thin the recorded trajectory: steps 1..10 are all scheduled.
        Problem p = Problem.make(SEED + 12);
        TrainConfig config = TrainConfig.fullBatch(50, 0).withCheckEvery(7);
        TrainResult r = Trainer.run(p.risk(), new GradientDescent(0.01), new double[N], config);
        assertThat(r.trajectory().steps(), hasItems(0L, 1L, 2L, 3L, 5L, 8L, 10L, 50L));
    }

    @Test
    void momentumRunConvergesToTheMinimumNormSolutionToo() {
        // Heavy ball from 0 keeps iterates in the row space, so it also reaches X⁺y.
        Problem p = Problem.make(SEED + 13);
        double lr = 0.5 / p.spectrum().lambdaMax();
        TrainResult r = Trainer.run(p.risk(), new HeavyBall(lr, 0.5), new double[N], TrainConfig.fullBatch(100_000, GRAD_TOL));
        assertEquals(RunStatus.CONVERGED, r.status(), r.detail());
        // momentum adds at most a factor ~1/(1−β) to the stop-time distance; 4× the GD bound is ample
        assertThat(Vec.distance(r.theta(), MinNorm.solve(p.x(), p.y())), lessThanOrEqualTo(4 * p.distanceBound(GRAD_TOL)));
    }

    private static TrainResult sgdRun(Problem p, long seed) {
        Map<String, ToDoubleFunction<double[]>> probes = Map.of("wNorm", Vec::norm2);
        BatchSampler sampler = BatchSampler.withReplacement(M, 2, new Rng(seed));
        TrainConfig config = new TrainConfig(2_000, 0, 0, 10, 1e12, 50);
        return Trainer.run(p.risk(), new GradientDescent(0.3 / p.spectrum().lambdaMax()), sampler, new double[N], config,
                probes);
    }

    @Test
    void checkingLessOftenDoesNotChangeTheFullBatchTrajectory() {
        // the loss is only evaluated every k steps, but every step must still use ∇L at the current θ
        Problem p = Problem.make(SEED + 14);
        double lr = 1.0 / p.spectrum().lambdaMax();
        TrainResult every = Trainer.run(p.risk(), new GradientDescent(lr), new double[N], TrainConfig.fullBatch(20, 0));
        TrainResult seventh = Trainer.run(p.risk(), new GradientDescent(lr), new double[N],
                TrainConfig.fullBatch(20, 0).withCheckEvery(7));
        assertArrayEquals(every.theta(), seventh.theta(), 0.0);
        assertEquals(20, seventh.steps());
        assertEquals(RunStatus.BUDGET_EXHAUSTED, seventh.status());
        assertEquals(every.loss(), seventh.loss(), 0.0, "the final loss is evaluated at the last step");
        assertEquals(every.gradNorm(), seventh.gradNorm(), 0.0);
        assertEquals(p.risk().value(every.theta()), every.loss(), 0.0);
    }

    @Test
    void lossToleranceStopsAtTheFirstStepBelowIt() {
        Problem p = Problem.make(SEED + 15);
        double lr = 1.0 / p.spectrum().lambdaMax();
        TrainConfig config = TrainConfig.fullBatch(100_000, 0).withLossTol(1e-4);
        TrainResult r = Trainer.run(p.risk(), new GradientDescent(lr), new double[N], config);
        assertEquals(RunStatus.CONVERGED, r.status(), r.detail());
        assertThat(r.loss(), lessThan(1e-4));
        assertThat(r.steps(), greaterThan(1L));
        TrainResult before = Trainer.run(p.risk(), new GradientDescent(lr), new double[N],
                TrainConfig.fullBatch(r.steps() - 1, 0));
        assertThat(before.loss(), greaterThanOrEqualTo(1e-4));
        // the gradient rule: the first step with ‖∇L‖ below the tolerance
        double gradTol = r.gradNorm() * 1.0000001;
        TrainResult g = Trainer.run(p.risk(), new GradientDescent(lr), new double[N],
                TrainConfig.fullBatch(100_000, gradTol));
        assertThat(g.gradNorm(), lessThan(gradTol));
        TrainResult gBefore = Trainer.run(p.risk(), new GradientDescent(lr), new double[N],
                TrainConfig.fullBatch(g.steps() - 1, 0));
        assertThat(gBefore.gradNorm(), greaterThanOrEqualTo(gradTol));
    }

    @Test
    void aNonFiniteStartOrAWrongLengthStartIsReported() {
        Problem p = Problem.make(SEED + 16);
        double[] start = new double[N];
        start[3] = Double.NaN;
        TrainResult r = Trainer.run(p.risk(), new GradientDescent(0.1), start, TrainConfig.fullBatch(10, 0));
        assertEquals(RunStatus.DIVERGED, r.status());
        assertEquals(0, r.steps());
        assertEquals("non-finite at the start", r.detail());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Trainer.run(p.risk(), new GradientDescent(0.1), new double[N + 1], TrainConfig.fullBatch(10, 0)));
        assertEquals("θ₀ has length 13, objective has 12", e.getMessage());
    }

    @Test
    void recordedStepsAreStrictlyIncreasingAndEndAtTheStop() {
        Problem p = Problem.make(SEED + 17);
        double lr = 1.0 / p.spectrum().lambdaMax();
        TrainResult r = Trainer.run(p.risk(), new GradientDescent(lr), new double[N], TrainConfig.fullBatch(100_000, 1e-6));
        java.util.List<Long> steps = r.trajectory().steps();
        for (int i = 1; i < steps.size(); i++) {
            assertThat(steps.get(i), greaterThan(steps.get(i - 1)));
        }
        assertEquals(r.steps(), steps.get(steps.size() - 1));
        assertEquals(r.loss(), r.trajectory().series("loss").get(steps.size() - 1), 0.0);
    }

    @Test
    void fewRecordPointsKeepTheFirstTenStepsThenDoubling() {
        Problem p = Problem.make(SEED + 18);
        TrainResult r = Trainer.run(p.risk(), new GradientDescent(0.01), new double[N],
                TrainConfig.fullBatch(1000, 0).withRecordPoints(5));
        assertEquals(java.util.List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 20L, 40L, 80L, 160L, 320L, 640L, 1000L),
                r.trajectory().steps());
        // 10 points is still "few"; from 11 on the grid is geometric from step 10 to the budget in
        // points − 10 intervals: one interval of ratio 100 leaves nothing between 10 and 1000
        TrainResult ten = Trainer.run(p.risk(), new GradientDescent(0.01), new double[N],
                TrainConfig.fullBatch(1000, 0).withRecordPoints(10));
        assertEquals(r.trajectory().steps(), ten.trajectory().steps());
        TrainResult eleven = Trainer.run(p.risk(), new GradientDescent(0.01), new double[N],
                TrainConfig.fullBatch(1000, 0).withRecordPoints(11));
        assertEquals(java.util.List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 1000L), eleven.trajectory().steps());
    }

    @Test
    void manyRecordPointsAreRoughlyThatManyLogSpacedSteps() {
        Problem p = Problem.make(SEED + 19);
        int points = 50;
        TrainResult r = Trainer.run(p.risk(), new GradientDescent(0.01), new double[N],
                TrainConfig.fullBatch(10_000, 0).withRecordPoints(points));
        java.util.List<Long> steps = r.trajectory().steps();
        assertThat(steps.size(), greaterThanOrEqualTo(points - 5));
        assertThat(steps.size(), lessThanOrEqualTo(points + 2));
        assertEquals(java.util.List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), steps.subList(0, 11));
        assertEquals(10_000L, steps.get(steps.size() - 1));
        double ratio = Math.pow(10_000 / 10.0, 1.0 / (points - 10)); // geometric from 10 to the budget
        for (int i = 12; i < steps.size() - 1; i++) {
            double q = (double) steps.get(i) / steps.get(i - 1);
            assertThat(q, lessThanOrEqualTo(ratio * 1.1));
            assertThat(q, greaterThanOrEqualTo(ratio / 1.1));
        }
    }
}
