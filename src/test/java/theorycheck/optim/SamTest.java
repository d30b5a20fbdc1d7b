package theorycheck.optim;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import theorycheck.data.RandomDesigns;
import theorycheck.data.Rng;
import theorycheck.linalg.Mat;
import theorycheck.loss.EmpiricalRisk;
import theorycheck.loss.Objective;
import theorycheck.loss.Quadratic;
import theorycheck.loss.SquaredLoss;
import theorycheck.model.LinearModel;
import theorycheck.train.BatchSampler;
import theorycheck.train.TrainConfig;
import theorycheck.train.TrainResult;
import theorycheck.train.Trainer;

class SamTest {
    private static final double TOL = 1e-15;

    /** ∇(½θᵀAθ) = Aθ for A = diag(1, 4): an oracle with a hand-checkable answer. */
    private static void diagonalQuadratic(double[] theta, double[] out) {
        out[0] = theta[0];
        out[1] = 4 * theta[1];
    }

    @Test
    void oneStepByHand() {
        // θ = (1, −2): g = (1, −8), ‖g‖ = √65; ε = 0.5·g/√65; θ + ε = (1 + 0.5/√65, −2 − 4/√65)
        // θ₁ = θ − 0.1·A(θ + ε) = (1 − 0.1(1 + 0.5/√65), −2 − 0.4(−2 − 4/√65))
        BatchGradientStepper s = new Sam(0.1, 0.5).start(2);
        s.useBatchGradient(SamTest::diagonalQuadratic);
        double[] theta = {1, -2};
        s.step(theta, new double[] {1, -8}, 0);
        double r = Math.sqrt(65);
        assertArrayEquals(new double[] {1 - 0.1 * (1 + 0.5 / r), -2 - 0.4 * (-2 - 4 / r)}, theta, TOL);
    }

    @Test
    void rhoZeroIsGradientDescent() {
        BatchGradientStepper s = new Sam(0.1, 0.0).start(2);
        s.useBatchGradient((theta, out) -> {
            out[0] = 0.5;
            out[1] = -1.0;
        });
        double[] theta = Steps.THETA0.clone();
        s.step(theta, Steps.GRADS[0].clone(), 0);
        assertArrayEquals(Steps.run(new GradientDescent(0.1), 1)[0], theta, 0.0);
    }

    @Test
    void zeroGradientDoesNotPerturb() {
        BatchGradientStepper s = new Sam(0.1, 0.5).start(2);
        List<double[]> asked = new ArrayList<>();
        s.useBatchGradient((theta, out) -> {
            asked.add(theta.clone());
            diagonalQuadratic(theta, out);
        });
        double[] theta = {0, 0};
        s.step(theta, new double[] {0, 0}, 0);
        assertArrayEquals(new double[] {0, 0}, asked.get(0), 0.0);
        assertArrayEquals(new double[] {0, 0}, theta, 0.0);
    }

    @Test
    void refusesToStepWithoutTheBatchGradient() {
        Stepper s = new Sam(0.1, 0.05).start(2);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> s.step(new double[2], new double[] {1, 1}, 0));
        assertThat(e.getMessage(), containsString("useBatchGradient"));
    }

    @Test
    void trainerEvaluatesThePerturbedGradientOnTheSameMiniBatch() {
        Rng data = new Rng(7);
        Mat x = RandomDesigns.gaussian(12, 3, 1.0, data);
        double[] y = data.gaussianVector(12, 1.0);
        EmpiricalRisk risk = new EmpiricalRisk(new LinearModel(3), SquaredLoss.INSTANCE, x, y);
        Sam sam = new Sam(0.05, 0.2);
        int steps = 25;
        TrainResult r = Trainer.run(risk, sam, BatchSampler.withReplacement(12, 4, new Rng(11)), new double[3],
                new TrainConfig(steps, 0, 0, 1000, 1e12, 0), Map.of());

        // the same run by hand: each batch's gradient at θ and at θ + ρ g/‖g‖
        BatchSampler sampler = BatchSampler.withReplacement(12, 4, new Rng(11));
        double[] theta = new double[3];
        double[] g = new double[3];
        double[] gp = new double[3];
        for (int t = 0; t < steps; t++) {
            int[] batch = sampler.next();
            risk.gradientOnly(theta, batch, g);
            double n = Math.sqrt(g[0] * g[0] + g[1] * g[1] + g[2] * g[2]);
            double[] p = new double[3];
            for (int i = 0; i < 3; i++) {
                p[i] = theta[i] + 0.2 * g[i] / n;
            }
            risk.gradientOnly(p, batch, gp);
            for (int i = 0; i < 3; i++) {
                theta[i] -= 0.05 * gp[i];
            }
        }
        assertArrayEquals(theta, r.theta(), 1e-14);
    }

    @Test
    void byNameBuildsSamWithItsDefaultRadius() {
        assertThat(Optimizers.byName("sam", Map.of("lr", 0.1)), instanceOf(Sam.class));
        assertEquals(new Sam(0.1, Sam.DEFAULT_RHO), Optimizers.byName("sam", Map.of("lr", 0.1)));
        assertEquals(new Sam(0.1, 0.3), Optimizers.byName("sam", Map.of("lr", 0.1, "rho", 0.3)));
        assertThrows(IllegalArgumentException.class, () -> new Sam(0.1, -0.1));
    }

    @Test
    void settlesWithinItsRadiusOfAQuadraticMinimum() {
        // θ ← θ − ηA(θ + ρAθ/‖Aθ‖): the perturbation keeps a step of size ~ηρ‖A‖ near θ* = 0, so
        // SAM ends in an O(ρ) neighbourhood of the minimum rather than on it
        Objective q = new Quadratic(Mat.ofRows(new double[] {1, 0}, new double[] {0, 4}), new double[2]);
        TrainResult r = Trainer.run(q, new Sam(0.05, 0.01), new double[] {1, -2}, TrainConfig.fullBatch(2000, 0));
        double dist = Math.hypot(r.theta()[0], r.theta()[1]);
        assertTrue(dist < 5 * 0.01, () -> "distance to θ* after 2000 SAM steps: " + dist);
    }
}
