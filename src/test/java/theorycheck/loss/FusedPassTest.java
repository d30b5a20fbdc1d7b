package theorycheck.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import theorycheck.data.RandomDesigns;
import theorycheck.data.Rng;
import theorycheck.linalg.Mat;
import theorycheck.model.Activation;
import theorycheck.model.DiagonalLinearNet;
import theorycheck.model.LinearModel;
import theorycheck.model.Mlp;
import theorycheck.model.Model;
import theorycheck.model.WideDiagonalNet;

/**
 * The gradient of {@link EmpiricalRisk} against the plain three passes (predict every row, then
 * each row's loss derivative, then the model's pullback, one row at a time): equal bit for bit, so
 * the claims' numbers cannot move. Row counts 1..11 cover full blocks of four rows and every
 * remainder; batches include repeated rows; some coefficients are exactly zero.
 */
class FusedPassTest {
    private static final long SEED = 20261123L;
    private static final int N = 7;

    private static void assertSameAsSeparatePasses(Model model, Loss loss, long seed) {
        for (int m = 1; m <= 11; m++) {
            Rng rng = new Rng(seed + m);
            Mat x = RandomDesigns.gaussian(m, N, 1.0, rng.split());
            double[] y = new double[m];
            for (int i = 0; i < m; i++) {
                y[i] = loss == SquaredLoss.INSTANCE ? rng.gaussian() : (rng.uniform() < 0.5 ? -1.0 : 1.0);
            }
            double[] theta = rng.gaussianVector(model.numParams(), 0.7);
            int[] batch = new int[m]; // drawn with replacement, so rows repeat
            for (int i = 0; i < batch.length; i++) {
                batch[i] = rng.nextInt(m);
            }
            EmpiricalRisk risk = new EmpiricalRisk(model, loss, x, y);
            for (int[] rows : new int[][] {null, batch}) {
                double[] fused = new double[model.numParams()];
                double fusedValue = risk.valueAndGradient(theta, rows, fused);
                double[] fusedOnly = new double[model.numParams()];
                risk.gradientOnly(theta, rows, fusedOnly);

                int count = Model.count(x, rows);
                double[] f = new double[count];
                model.predict(theta, x, rows, f);
                double[] coef = new double[count];
                double total = 0;
                for (int i = 0; i < count; i++) {
                    double target = y[Model.row(rows, i)];
                    total += loss.value(f[i], target);
                    coef[i] = (1.0 / count) * loss.derivative(f[i], target);
                }
                double[] separate = new double[model.numParams()];
                model.pullback(theta, x, rows, coef, separate);

                String where = model + ", " + loss.name() + ", m=" + m + (rows == null ? ", full" : ", batch");
                assertArrayEquals(separate, fused, 0.0, where);
                assertArrayEquals(separate, fusedOnly, 0.0, where);
                assertEquals(total * (1.0 / count), fusedValue, 0.0, where);
                if (rows == null) {
                    assertEquals(total * (1.0 / count), risk.value(theta), 0.0, where);
                }
            }
        }
    }

    @Test
    void linearModelSquaredAndLogistic() {
        assertSameAsSeparatePasses(new LinearModel(N), SquaredLoss.INSTANCE, SEED);
        assertSameAsSeparatePasses(new LinearModel(N), LogisticLoss.INSTANCE, SEED + 100);
    }

    @Test
    void diagonalNetsOfDepthOneToThree() {
        for (int depth = 1; depth <= 3; depth++) {
            assertSameAsSeparatePasses(new DiagonalLinearNet(N, depth), SquaredLoss.INSTANCE, SEED + 200 + depth);
        }
        assertSameAsSeparatePasses(new DiagonalLinearNet(N, 2), ExponentialLoss.INSTANCE, SEED + 210);
    }

    @Test
    void wideDiagonalNet() {
        assertSameAsSeparatePasses(new WideDiagonalNet(N, 3), SquaredLoss.INSTANCE, SEED + 300);
    }

    /** ReLU units switched off on some rows give zero terms; the net with biases and without. */
    @Test
    void mlp() {
        assertSameAsSeparatePasses(new Mlp(N, new int[] {5, 4}, Activation.RELU, true), SquaredLoss.INSTANCE,
                SEED + 400);
        assertSameAsSeparatePasses(new Mlp(N, new int[] {6}, Activation.TANH, false), LogisticLoss.INSTANCE,
                SEED + 500);
    }

    /** Targets made by predict: the one-pass dot products equal them, so every residual and gradient entry is 0. */
    @Test
    void zeroCoefficientRows() {
        Mat x = Mat.ofRows(new double[] {1, -2}, new double[] {0.5, 3}, new double[] {-1, 1}, new double[] {2, 2},
                new double[] {-0.0, 1});
        double[] w = {0.25, -0.5};
        double[] y = new double[5];
        LinearModel model = new LinearModel(2);
        model.predict(w, x, null, y); // every residual is exactly zero
        EmpiricalRisk risk = new EmpiricalRisk(model, SquaredLoss.INSTANCE, x, y);
        double[] g = {Double.NaN, Double.NaN};
        assertEquals(0.0, risk.valueAndGradient(w, null, g), 0.0);
        assertArrayEquals(new double[] {0.0, 0.0}, g, 0.0);
    }
}
