package theorycheck.measure;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import theorycheck.data.RandomDesigns;
import theorycheck.data.Rng;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Ops;
import theorycheck.linalg.Vec;
import theorycheck.loss.EmpiricalRisk;
import theorycheck.loss.ExponentialLoss;
import theorycheck.loss.LogisticLoss;
import theorycheck.loss.Loss;
import theorycheck.loss.SquaredLoss;
import theorycheck.model.Activation;
import theorycheck.model.DiagonalLinearNet;
import theorycheck.model.Init;
import theorycheck.model.LinearModel;
import theorycheck.model.Mlp;
import theorycheck.model.Model;

/**
 * Exact Hessian-vector products against central differences of exact gradients, for every model and
 * loss, and against hand-derived Hessians of the linear model.
 */
class HessianVectorProductTest {
    private static final long SEED = 20261122L;

    /**
     * Central differences of an exact gradient with h = 1e-6·max(1, |θ_j|): truncation O(h²) ≈ 1e-12,
     * rounding O(ε/h) ≈ 1e-10 relative, so 1e-6 leaves a wide margin and still catches any wrong term.
     */
    private static final double FD_TOL = 1e-6;
    private static final double FD_STEP = 1e-6;
    /** HVP vs a hand-derived Hessian of the same sum: only rounding, O(n·ε) relative. */
    private static final double EXACT_TOL = 1e-12;

    private static final int[][] WIDTHS = {{}, {4}, {3, 4}, {3, 2, 3}};
    private static final Loss[] LOSSES = {SquaredLoss.INSTANCE, LogisticLoss.INSTANCE, ExponentialLoss.INSTANCE};

    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (Loss loss : LOSSES) {
            b.add(Arguments.of("linear", loss));
            for (int depth = 1; depth <= 4; depth++) {
                b.add(Arguments.of("diag-D" + depth, loss));
            }
            for (Activation a : Activation.values()) {
                for (boolean bias : new boolean[] {false, true}) {
                    for (int[] w : WIDTHS) {
                        b.add(Arguments.of("mlp-" + a.key() + "-" + bias + "-L" + (w.length + 1), loss));
                    }
                }
            }
        }
        return b.build();
    }

    @Test
    void casesCoverEveryModelAndLoss() {
        int perLoss = 1 + 4 + Activation.values().length * 2 * WIDTHS.length;
        assertEquals(LOSSES.length * perLoss, cases().count());
    }

    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("cases")
    void fullHessianMatchesFiniteDifferencesOfExactGradients(String modelKey, Loss loss) {
        Rng rng = new Rng(SEED + modelKey.hashCode() * 31L + loss.name().hashCode());
        Instance inst = instance(modelKey, loss, rng);
        Mat h = FullHessian.of(inst.risk, inst.theta);
        Mat fd = finiteDifferenceHessian(inst.risk, inst.theta);
        assertThat(modelKey + " " + loss.name(), relativeFrobenius(h, fd), lessThanOrEqualTo(FD_TOL));
    }

    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("cases")
    void productOnARandomVectorMatchesTheDenseHessianAndIsSymmetric(String modelKey, Loss loss) {
        Rng rng = new Rng(SEED + 7 + modelKey.hashCode() * 31L + loss.name().hashCode());
        Instance inst = instance(modelKey, loss, rng);
        int p = inst.theta.length;
        SymmetricOperator hvp = HessianVectorProduct.of(inst.risk, inst.theta);
        Mat h = FullHessian.of(inst.risk, inst.theta);
        double[] v = rng.gaussianVector(p, 1.0);
        double[] w = rng.gaussianVector(p, 1.0);
        double[] hv = new double[p];
        double[] hw = new double[p];
        hvp.apply(v, hv);
        hvp.apply(w, hw);
        double[] dense = Ops.gemv(h, v, null);
        double scale = Math.max(1.0, Vec.norm2(dense));
        assertThat(Vec.distance(hv, dense) / scale, lessThanOrEqualTo(1e-12));
        // wᵀHv = vᵀHw without symmetrization: the R-operator must be exactly symmetric up to rounding
        assertThat(Math.abs(Vec.dot(w, hv) - Vec.dot(v, hw)) / (Vec.norm2(hv) * Vec.norm2(w) + 1e-300),
                lessThanOrEqualTo(1e-12));
    }

    @Test
    void linearModelSquaredLossHessianIsXtXOverN() {
        Rng rng = new Rng(SEED + 1);
        int n = 9;
        int d = 5;
        Mat x = RandomDesigns.gaussian(n, d, 1.0, rng.split());
        double[] y = rng.gaussianVector(n, 1.0);
        EmpiricalRisk risk = new EmpiricalRisk(new LinearModel(d), SquaredLoss.INSTANCE, x, y);
        Mat hand = Ops.scale(1.0 / n, Ops.multTransA(x, x, null));
        Mat h = FullHessian.of(risk, rng.gaussianVector(d, 1.0));
        assertThat(relativeFrobenius(h, hand), lessThanOrEqualTo(EXACT_TOL));
    }

    @Test
    void linearModelLogisticAndExponentialHessiansByHand() {
        Rng rng = new Rng(SEED + 2);
        int n = 8;
        int d = 4;
        Mat x = RandomDesigns.gaussian(n, d, 1.0, rng.split());
        double[] y = labels(n, rng);
        double[] w = rng.gaussianVector(d, 1.0);
        for (Loss loss : new Loss[] {LogisticLoss.INSTANCE, ExponentialLoss.INSTANCE}) {
            // H = (1/n) Σ_i c_i x_i x_iᵀ with c_i = σ(z)σ(−z) (logistic) or e^{−z} (exponential), z = y⟨w, x_i⟩
            Mat hand = new Mat(d, d);
            for (int i = 0; i < n; i++) {
                double z = y[i] * Vec.dot(x.row(i), w);
                double s = 1 / (1 + Math.exp(-z));
                double c = loss == LogisticLoss.INSTANCE ? s * (1 - s) : Math.exp(-z);
                for (int a = 0; a < d; a++) {
                    for (int b = 0; b < d; b++) {
                        hand.set(a, b, hand.get(a, b) + c * x.get(i, a) * x.get(i, b) / n);
                    }
                }
            }
            Mat h = FullHessian.of(new EmpiricalRisk(new LinearModel(d), loss, x, y), w);
            assertThat(loss.name(), relativeFrobenius(h, hand), lessThanOrEqualTo(EXACT_TOL));
        }
    }

    @Test
    void depthTwoDiagonalNetHessianByHand() {
        // f = Σ_j x_j(u_j² − v_j²), squared loss with one example: H = ∇f∇fᵀ + r·∇²f, r = f − y,
        // ∇f = (2u⊙x, −2v⊙x), ∇²f = diag(2x, −2x)
        double[] x = {1.5, -0.5};
        double[] theta = {0.3, -0.7, 0.2, 0.4};
        double y = 0.1;
        EmpiricalRisk risk = new EmpiricalRisk(new DiagonalLinearNet(2, 2), SquaredLoss.INSTANCE,
                Mat.ofRows(x), new double[] {y});
        double f = x[0] * (0.09 - 0.04) + x[1] * (0.49 - 0.16);
        double r = f - y;
        double[] grad = {2 * 0.3 * x[0], 2 * -0.7 * x[1], -2 * 0.2 * x[0], -2 * 0.4 * x[1]};
        double[] curv = {2 * x[0], 2 * x[1], -2 * x[0], -2 * x[1]};
        Mat hand = new Mat(4, 4);
        for (int a = 0; a < 4; a++) {
            for (int b = 0; b < 4; b++) {
                hand.set(a, b, grad[a] * grad[b] + (a == b ? r * curv[a] : 0));
            }
        }
        assertThat(relativeFrobenius(FullHessian.of(risk, theta), hand), lessThanOrEqualTo(EXACT_TOL));
    }

    @Test
    void reluNetHessianHasNoCurvatureInsideALayerAtFixedPattern() {
        // bias-free 1-hidden-layer ReLU net: f is linear in W₁ at fixed pattern and in W₂, so the
        // squared-loss Hessian at zero residual is exactly the Gauss–Newton matrix JᵀJ/n
        Rng rng = new Rng(SEED + 3);
        Mlp net = new Mlp(3, new int[] {4}, Activation.RELU, false);
        Mat x = RandomDesigns.gaussian(5, 3, 1.0, rng.split());
        double[] theta = net.initialize(Init.STANDARD, rng.split());
        double[] f = new double[5];
        net.predict(theta, x, null, f);
        EmpiricalRisk risk = new EmpiricalRisk(net, SquaredLoss.INSTANCE, x, f); // zero residual
        Mat jtj = new Mat(theta.length, theta.length);
        double[] g = new double[theta.length];
        for (int i = 0; i < 5; i++) {
            net.pullback(theta, x, new int[] {i}, new double[] {1}, g);
            for (int a = 0; a < g.length; a++) {
                for (int b = 0; b < g.length; b++) {
                    jtj.set(a, b, jtj.get(a, b) + g[a] * g[b] / 5);
                }
            }
        }
        assertThat(relativeFrobenius(FullHessian.of(risk, theta), jtj), lessThanOrEqualTo(EXACT_TOL));
    }

    @Test
    void rowSubsetEqualsTheRiskOnThoseRowsAlone() {
        Rng rng = new Rng(SEED + 4);
        Mlp net = new Mlp(3, new int[] {4}, Activation.TANH, true);
        Mat x = RandomDesigns.gaussian(7, 3, 1.0, rng.split());
        double[] y = labels(7, rng);
        double[] theta = net.initialize(Init.STANDARD, rng.split());
        int[] rows = {5, 1, 5};
        EmpiricalRisk risk = new EmpiricalRisk(net, LogisticLoss.INSTANCE, x, y);
        EmpiricalRisk sub = new EmpiricalRisk(net, LogisticLoss.INSTANCE, Ops.selectRows(x, rows),
                Ops.selectEntries(y, rows));
        double[] v = rng.gaussianVector(theta.length, 1.0);
        double[] a = new double[theta.length];
        double[] b = new double[theta.length];
        HessianVectorProduct.of(risk, theta, rows).apply(v, a);
        HessianVectorProduct.of(sub, theta).apply(v, b);
        assertThat(Vec.distance(a, b) / Vec.norm2(b), lessThanOrEqualTo(1e-14));
    }

    @Test
    void operatorIsUnaffectedByLaterChangesToTheta() {
        Rng rng = new Rng(SEED + 5);
        Mlp net = new Mlp(2, new int[] {3}, Activation.GELU, true);
        Mat x = RandomDesigns.gaussian(4, 2, 1.0, rng.split());
        EmpiricalRisk risk = new EmpiricalRisk(net, SquaredLoss.INSTANCE, x, rng.gaussianVector(4, 1.0));
        double[] theta = net.initialize(Init.STANDARD, rng.split());
        Mat before = FullHessian.of(risk, theta);
        SymmetricOperator op = HessianVectorProduct.of(risk, theta);
        theta[0] += 1.0;
        assertEquals(0.0, Ops.maxAbsDiff(before, FullHessian.of(op, theta.length)), 0.0);
    }

    @Test
    void denseMatrixOfAnOperatorIsItsSymmetricPart() {
        // FullHessian.of symmetrizes as ½(H + Hᵀ): on a non-symmetric B the result is B's symmetric part
        // (halves of small integers: exact)
        Mat b = Mat.ofRows(new double[] {1, 2, 0}, new double[] {4, 3, -1}, new double[] {6, 5, 7});
        Mat h = FullHessian.of((v, out) -> Ops.gemv(b, v, out), 3);
        Mat expected = Mat.ofRows(new double[] {1, 3, 3}, new double[] {3, 3, 2}, new double[] {3, 2, 7});
        assertEquals(0.0, Ops.maxAbsDiff(expected, h), 0.0);
    }

    @Test
    void rejectsAParameterVectorOfTheWrongLength() {
        Instance inst = instance("linear", SquaredLoss.INSTANCE, new Rng(SEED + 6));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HessianVectorProduct.of(inst.risk(), new double[inst.theta().length + 1]));
        assertThat(e.getMessage(), containsString("θ has length 4, model has 3"));
    }

    @Test
    void rejectsAModelWithoutSecondOrderPass() {
        Model plain = new Model() {
            @Override
            public int numParams() {
                return 1;
            }

            @Override
            public int inputDim() {
                return 1;
            }

            @Override
            public void predict(double[] theta, Mat x, int[] rows, double[] out) {
            }

            @Override
            public void pullback(double[] theta, Mat x, int[] rows, double[] coef, double[] grad) {
            }
        };
        EmpiricalRisk risk = new EmpiricalRisk(plain, SquaredLoss.INSTANCE, new Mat(1, 1), new double[1]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HessianVectorProduct.of(risk, new double[1]));
        assertThat(e.getMessage(), containsString("TwiceDifferentiable"));
    }

    record Instance(EmpiricalRisk risk, double[] theta) {
    }

    /** A small random instance: 6 rows, 3 inputs; targets Gaussian (squared) or ±1 (margin losses). */
    static Instance instance(String key, Loss loss, Rng rng) {
        int n = 6;
        int d = 3;
        Mat x = RandomDesigns.gaussian(n, d, 1.0, rng.split());
        double[] y = loss == SquaredLoss.INSTANCE ? rng.gaussianVector(n, 1.0) : labels(n, rng);
        Model model;
        double[] theta;
        if (key.equals("linear")) {
            model = new LinearModel(d);
            theta = rng.gaussianVector(d, 0.5);
        } else if (key.startsWith("diag-D")) {
            model = new DiagonalLinearNet(d, Integer.parseInt(key.substring(6)));
            theta = rng.gaussianVector(2 * d, 0.7);
        } else {
            String[] parts = key.split("-");
            Activation a = Activation.byName(parts[1]);
            boolean bias = Boolean.parseBoolean(parts[2]);
            int depth = Integer.parseInt(parts[3].substring(1));
            Mlp net = new Mlp(d, WIDTHS[depth - 1], a, bias);
            theta = net.initialize(Init.STANDARD, rng.split());
            if (bias) {
                for (int i = 0; i < theta.length; i++) {
                    if (theta[i] == 0.0) {
                        theta[i] = 0.3 * rng.gaussian(); // exercise the bias terms
                    }
                }
            }
            model = net;
        }
        return new Instance(new EmpiricalRisk(model, loss, x, y), theta);
    }

    static double[] labels(int n, Rng rng) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = rng.uniform() < 0.5 ? -1 : 1;
        }
        return y;
    }

    /** Column j = (∇L(θ + h e_j) − ∇L(θ − h e_j)) / 2h from exact gradients. */
    static Mat finiteDifferenceHessian(EmpiricalRisk risk, double[] theta) {
        int p = theta.length;
        Mat h = new Mat(p, p);
        double[] t = theta.clone();
        double[] gp = new double[p];
        double[] gm = new double[p];
        for (int j = 0; j < p; j++) {
            double step = FD_STEP * Math.max(1.0, Math.abs(t[j]));
            double orig = t[j];
            t[j] = orig + step;
            risk.valueAndGradient(t, null, gp);
            t[j] = orig - step;
            risk.valueAndGradient(t, null, gm);
            t[j] = orig;
            for (int i = 0; i < p; i++) {
                h.set(i, j, (gp[i] - gm[i]) / (2 * step));
            }
        }
        return h;
    }

    /** ‖A − B‖_F / max(‖B‖_F, 1). */
    static double relativeFrobenius(Mat a, Mat b) {
        return Vec.relativeError(a.data(), b.data(), 1.0);
    }
}
