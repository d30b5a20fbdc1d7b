package theorycheck.model;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import theorycheck.data.RandomDesigns;
import theorycheck.data.Rng;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Vec;
import theorycheck.loss.EmpiricalRisk;
import theorycheck.loss.GradientCheck;
import theorycheck.loss.LogisticLoss;

class MlpTest {
    private static final long SEED = 20261203L;

    /** Central differences with h = 1e-6 agree with an exact vector–Jacobian product to ~1e-9 relative. */
    private static final double PULLBACK_TOL = 1e-7;
    /** f(cθ) vs c^L f(θ): a few roundings per layer, relative to max|c^L f|. */
    private static final double HOMOGENEITY_TOL = 1e-12;
    /** Hidden widths of the depth-1..4 nets in the gradient checks. */
    private static final int[][] WIDTHS = {{}, {5}, {4, 3}, {3, 4, 2}};

    /** Hand-checked depth-2 ReLU net with biases: d = 2, widths {2}. */
    private static final Mlp SMALL = new Mlp(2, new int[] {2}, Activation.RELU, true);
    // W₁ = [[1, 2], [−1, 1]], b₁ = (0.5, −0.5), W₂ = [[2, −3]], b₂ = 0.25
    private static final double[] SMALL_THETA = {1, 2, -1, 1, 0.5, -0.5, 2, -3, 0.25};

    static Stream<Arguments> gradientCases() {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (Activation a : Activation.values()) {
            for (boolean bias : new boolean[] {false, true}) {
                for (int[] w : WIDTHS) {
                    cases.add(Arguments.of(a, bias, w.length + 1));
                }
            }
        }
        return cases.build();
    }

    @ParameterizedTest(name = "{0} bias={1} depth={2}")
    @MethodSource("gradientCases")
    void pullbackMatchesCentralDifferences(Activation activation, boolean bias, int depth) {
        Rng rng = new Rng(SEED + 31L * depth + (bias ? 7 : 0) + activation.ordinal());
        Mlp net = new Mlp(3, WIDTHS[depth - 1], activation, bias);
        Mat x = RandomDesigns.gaussian(6, 3, 1.0, rng.split());
        double[] theta = net.initialize(Init.STANDARD, rng.split());
        if (bias) {
            // nonzero biases, so that their gradient and their effect on the rest are exercised
            for (int l = 0; l < depth; l++) {
                int o = net.biasOffset(l).getAsInt();
                for (int r = 0; r < net.fanOut(l); r++) {
                    theta[o + r] = 0.5 * rng.gaussian();
                }
            }
        }
        assertPullbackMatches(net, theta, x, null, rng.gaussianVector(6, 1.0));
        assertPullbackMatches(net, theta, x, new int[] {4, 1, 4}, rng.gaussianVector(3, 1.0));
    }

    @Test
    void gradientCasesCoverEveryActivationBiasAndDepth() {
        assertEquals(Activation.values().length * 2 * 4, gradientCases().count());
    }

    @Test
    void empiricalRiskGradientThroughTheNetMatchesFiniteDifferences() {
        Rng rng = new Rng(SEED);
        Mlp net = new Mlp(4, new int[] {6, 5}, Activation.TANH, true);
        Mat x = RandomDesigns.gaussian(10, 4, 1.0, rng.split());
        double[] y = new double[10];
        for (int i = 0; i < y.length; i++) {
            y[i] = i % 3 == 0 ? -1 : 1;
        }
        EmpiricalRisk risk = new EmpiricalRisk(net, LogisticLoss.INSTANCE, x, y);
        double[] theta = net.initialize(Init.XAVIER, rng.split());
        assertThat(GradientCheck.objectiveError(risk, theta, null), lessThanOrEqualTo(PULLBACK_TOL));
        assertThat(GradientCheck.objectiveError(risk, theta, new int[] {9, 2, 5}), lessThanOrEqualTo(PULLBACK_TOL));
    }

    @Test
    void parameterLayoutAndForwardPassByHand() {
        // x = (1, 1): pre = (1 + 2 + 0.5, −1 + 1 − 0.5) = (3.5, −0.5), h = (3.5, 0), f = 7 + 0 + 0.25
        assertEquals(9, SMALL.numParams());
        assertEquals(0, SMALL.weightOffset(0));
        assertEquals(OptionalInt.of(4), SMALL.biasOffset(0));
        assertEquals(6, SMALL.weightOffset(1));
        assertEquals(OptionalInt.of(8), SMALL.biasOffset(1));
        double[] out = new double[1];
        SMALL.predict(SMALL_THETA, Mat.ofRows(new double[] {1, 1}), null, out);
        assertEquals(7.25, out[0], 0.0);
    }

    @Test
    void backpropByHand() {
        // ∂f/∂W₂ = h = (3.5, 0), ∂f/∂b₂ = 1; δ₁ = W₂ᵀ ⊙ σ'(pre) = (2, 0); ∂f/∂W₁ = δ₁xᵀ, ∂f/∂b₁ = δ₁
        double[] grad = new double[9];
        Arrays.fill(grad, 99);
        SMALL.pullback(SMALL_THETA, Mat.ofRows(new double[] {1, 1}), null, new double[] {1}, grad);
        assertArrayEquals(new double[] {2, 2, 0, 0, 2, 0, 3.5, 0, 1}, grad, 0.0);
        assertArrayEquals(new double[] {Math.sqrt(8), 3.5}, SMALL.layerGradientNorms(SMALL_THETA, grad), 1e-15);
    }

    @Test
    void depthOneBiasFreeNetIsLinearModelBitForBit() {
        Rng rng = new Rng(SEED + 1);
        Mat x = RandomDesigns.gaussian(7, 5, 1.0, rng.split());
        double[] w = rng.gaussianVector(5, 1.0);
        double[] coef = rng.gaussianVector(3, 1.0);
        int[] rows = {6, 0, 3};
        LinearModel linear = new LinearModel(5);
        // with no hidden layer the activation is never applied
        for (Activation a : new Activation[] {Activation.LINEAR, Activation.TANH}) {
            Mlp net = new Mlp(5, new int[0], a, false);
            assertEquals(5, net.numParams());
            double[] expected = new double[7];
            double[] actual = new double[7];
            linear.predict(w, x, null, expected);
            net.predict(w, x, null, actual);
            assertArrayEquals(expected, actual, 0.0);
            double[] gExpected = new double[5];
            double[] gActual = new double[5];
            linear.pullback(w, x, rows, coef, gExpected);
            net.pullback(w, x, rows, coef, gActual);
            assertArrayEquals(gExpected, gActual, 0.0);
        }
    }

    @Test
    void biasFreeReluNetIsPositivelyHomogeneousOfDegreeL() {
        Rng rng = new Rng(SEED + 2);
        Mlp net = new Mlp(4, new int[] {8, 6}, Activation.RELU, false);
        assertEquals(OptionalInt.of(3), net.homogeneityDegree());
        Mat x = RandomDesigns.gaussian(12, 4, 1.0, rng.split());
        double[] theta = net.initialize(Init.HE, rng.split());
        double[] f = predictAll(net, theta, x);
        for (double c : new double[] {0.5, 3}) {
            double[] fc = predictAll(net, Vec.scale(c, theta), x);
            double[] expected = Vec.scale(c * c * c, f);
            assertThat("c = " + c, Vec.normInf(Vec.sub(fc, expected)) / Vec.normInf(expected),
                    lessThanOrEqualTo(HOMOGENEITY_TOL));
        }
    }

    @Test
    void eulerIdentityHoldsForBiasFreeReluNet() {
        // ⟨∂f(x)/∂θ, θ⟩ = L·f(x) for an L-homogeneous f, with σ'(0) = 0 at any kink
        Rng rng = new Rng(SEED + 3);
        Mlp net = new Mlp(3, new int[] {5, 4}, Activation.RELU, false);
        Mat x = RandomDesigns.gaussian(4, 3, 1.0, rng.split());
        double[] theta = net.initialize(Init.HE, rng.split());
        double[] f = predictAll(net, theta, x);
        double[] grad = new double[net.numParams()];
        for (int i = 0; i < 4; i++) {
            net.pullback(theta, x, new int[] {i}, new double[] {1}, grad);
            assertEquals(3 * f[i], Vec.dot(grad, theta), 1e-13 * Math.max(1, Math.abs(f[i])));
        }
    }

    @Test
    void tanhNetIsNotHomogeneous() {
        Rng rng = new Rng(SEED + 4);
        Mlp net = new Mlp(4, new int[] {8, 6}, Activation.TANH, false);
        assertEquals(OptionalInt.empty(), net.homogeneityDegree());
        Mat x = RandomDesigns.gaussian(12, 4, 1.0, rng.split());
        double[] theta = net.initialize(Init.HE, rng.split());
        double[] expected = Vec.scale(27, predictAll(net, theta, x));
        double[] f3 = predictAll(net, Vec.scale(3, theta), x);
        assertThat(Vec.normInf(Vec.sub(f3, expected)) / Vec.normInf(expected), greaterThan(0.1));
    }

    @Test
    void homogeneityDegreeNeedsNoBiasAndAHomogeneousActivation() {
        assertEquals(OptionalInt.of(2), new Mlp(3, new int[] {4}, Activation.LINEAR, false).homogeneityDegree());
        // depth 1 never applies σ, so it is linear whatever the activation
        assertEquals(OptionalInt.of(1), new Mlp(3, new int[0], Activation.GELU, false).homogeneityDegree());
        assertFalse(new Mlp(3, new int[0], Activation.LINEAR, true).homogeneityDegree().isPresent());
        assertFalse(new Mlp(3, new int[] {4}, Activation.RELU, true).homogeneityDegree().isPresent());
        assertFalse(new Mlp(3, new int[] {4}, Activation.GELU, false).homogeneityDegree().isPresent());
        assertFalse(new Mlp(3, new int[] {4}, Activation.SIGMOID, false).homogeneityDegree().isPresent());
    }

    @Test
    void heInitHasVarianceTwoOverFanIn() {
        // 200,000 draws: the sample variance has relative standard error √(2/N) ≈ 0.32%; 2% is > 6σ.
        Mlp net = new Mlp(500, new int[] {400}, Activation.RELU, false);
        double[] theta = net.initialize(Init.HE, new Rng(SEED + 5));
        double[] w = Arrays.copyOfRange(theta, net.weightOffset(0), net.weightOffset(0) + 400 * 500);
        double mean = Arrays.stream(w).average().orElseThrow();
        double variance = Arrays.stream(w).map(v -> (v - mean) * (v - mean)).sum() / (w.length - 1);
        assertEquals(1.0, variance / (2.0 / 500), 0.02);
        // mean: standard error √(0.004/200000) ≈ 1.4e-4; 5σ
        assertEquals(0.0, mean, 7e-4);
    }

    @Test
    void schemesAndScalingSetTheStandardDeviation() {
        assertEquals(Math.sqrt(2.0 / 50), Init.HE.std(50), 1e-16);
        assertEquals(Math.sqrt(1.0 / 50), Init.XAVIER.std(50), 1e-16);
        assertEquals(1.0, Init.STANDARD.std(50), 0.0);
        assertEquals(0.1 * Math.sqrt(2.0 / 50), Init.HE.scaled(0.1).std(50), 1e-16);
        assertEquals(Init.HE.scaled(0.5).scaled(0.2), new Init(Init.Scheme.HE, 0.1));
        assertEquals(Init.XAVIER, Init.byName("xavier"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> Init.byName("kaiming")).getMessage(),
                containsString("[he, standard, xavier]"));
        assertThrows(IllegalArgumentException.class, () -> Init.HE.scaled(-1));
    }

    @Test
    void initializationIsReproducibleScaledAndLeavesBiasesAtZero() {
        Mlp net = new Mlp(3, new int[] {4, 2}, Activation.RELU, true);
        double[] a = net.initialize(Init.HE, new Rng(SEED + 6));
        double[] b = net.initialize(Init.HE, new Rng(SEED + 6));
        assertArrayEquals(a, b, 0.0);
        double[] small = net.initialize(Init.HE.scaled(0.01), new Rng(SEED + 6));
        assertArrayEquals(Vec.scale(0.01, a), small, 1e-17);
        for (int l = 0; l < net.depth(); l++) {
            int o = net.biasOffset(l).getAsInt();
            for (int r = 0; r < net.fanOut(l); r++) {
                assertEquals(0.0, a[o + r], 0.0);
            }
        }
    }

    @Test
    void layerNormsAreFrobeniusNormsOfTheWeightBlocks() {
        Mlp net = new Mlp(2, new int[] {2}, Activation.RELU, true);
        assertArrayEquals(new double[] {Math.sqrt(1 + 4 + 1 + 1), Math.sqrt(13)}, net.layerNorms(SMALL_THETA), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> net.layerGradientNorms(SMALL_THETA, new double[3]));
    }

    @Test
    void rejectsBadShapes() {
        assertThrows(IllegalArgumentException.class, () -> new Mlp(0, new int[] {2}, Activation.RELU, false));
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> new Mlp(2, new int[] {3, 0}, Activation.RELU, false)).getMessage(), containsString("width"));
        double[] out = new double[1];
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> SMALL.predict(new double[8], Mat.ofRows(new double[] {1, 1}), null, out)).getMessage(),
                containsString("θ"));
        assertThrows(IllegalArgumentException.class,
                () -> SMALL.predict(SMALL_THETA, Mat.ofRows(new double[] {1, 1, 1}), null, out));
        assertEquals("mlp(d=2, widths=[2], relu, bias=true)", SMALL.toString());
    }

    /** Σ_i c_i ∂f(x_i)/∂θ against central differences of θ ↦ Σ_i c_i f_θ(x_i). */
    private static void assertPullbackMatches(Mlp net, double[] theta, Mat x, int[] rows, double[] coef) {
        assertThat(net + (rows == null ? " full batch" : " mini-batch"),
                GradientCheck.pullbackError(net, theta, x, rows, coef), lessThanOrEqualTo(PULLBACK_TOL));
    }

    private static double[] predictAll(Mlp net, double[] theta, Mat x) {
        double[] out = new double[x.rows()];
        net.predict(theta, x, null, out);
        return out;
    }
}
