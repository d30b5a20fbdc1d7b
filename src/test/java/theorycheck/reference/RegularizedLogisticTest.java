package theorycheck.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static theorycheck.linalg.Refusals.assertMessage;

import org.junit.jupiter.api.Test;
import theorycheck.data.Classification;
import theorycheck.data.RandomDesigns;
import theorycheck.data.Rng;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Vec;

class RegularizedLogisticTest {
    private static final long SEED = 20261122L;

    /** A noisy (non-separable) design with labels from a planted direction. */
    private static Classification noisy(int m, int d, Rng rng) {
        Mat x = RandomDesigns.gaussian(m, d, 1.0, rng);
        double[] w = rng.gaussianVector(d, 1.0);
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            double s = Vec.dot(w, x.row(i)) >= 0 ? 1 : -1;
            y[i] = rng.uniform() < 0.2 ? -s : s;
        }
        return new Classification(x, y);
    }

    @Test
    void oneDimensionalAnswerMatchesBisectionOfTheStationarityEquation() {
        // x = 1, labels +1, +1, −1: F'(w) = −(2σ(−w) − σ(w))/3 + λw, increasing; root by bisection
        Mat x = new Mat(3, 1, new double[] {1, 1, 1});
        double[] y = {1, 1, -1};
        double lambda = 0.3;
        double lo = -10;
        double hi = 10;
        for (int it = 0; it < 200; it++) {
            double mid = 0.5 * (lo + hi);
            double g = -(2 * RegularizedLogistic.sigmoid(-mid) - RegularizedLogistic.sigmoid(mid)) / 3 + lambda * mid;
            if (g > 0) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        RegularizedLogistic.Result r = RegularizedLogistic.solve(x, y, lambda);
        assertTrue(r.converged());
        assertEquals(0.5 * (lo + hi), r.w()[0], 1e-12);
    }

    @Test
    void gradientMatchesCentralDifferences() {
        Rng rng = new Rng(SEED);
        Classification c = noisy(20, 4, rng);
        double[] w = rng.gaussianVector(4, 1.0);
        double[] g = new double[4];
        RegularizedLogistic.valueAndGradient(c.x(), c.y(), 0.1, w, g);
        double h = 1e-6;
        for (int j = 0; j < 4; j++) {
            double[] p = w.clone();
            double[] q = w.clone();
            p[j] += h;
            q[j] -= h;
            double fd = (RegularizedLogistic.valueAndGradient(c.x(), c.y(), 0.1, p, new double[4])
                    - RegularizedLogistic.valueAndGradient(c.x(), c.y(), 0.1, q, new double[4])) / (2 * h);
            assertEquals(fd, g[j], 1e-8);
        }
    }

    @Test
    void newtonAgreesWithLongGradientDescent() {
        // an independent method: plain GD with step 1/(L + λ), L = λmax bound max‖x‖²/4, to convergence
        Rng rng = new Rng(SEED + 1);
        Classification c = noisy(30, 5, rng);
        double lambda = 0.05;
        double lip = 0;
        for (int i = 0; i < c.x().rows(); i++) {
            lip = Math.max(lip, Vec.dot(c.x().row(i), c.x().row(i)) / 4);
        }
        double[] w = new double[5];
        double[] g = new double[5];
        for (int it = 0; it < 200_000; it++) {
            RegularizedLogistic.valueAndGradient(c.x(), c.y(), lambda, w, g);
            Vec.axpyInPlace(-1 / (lip + lambda), g, w);
        }
        RegularizedLogistic.Result r = RegularizedLogistic.solve(c.x(), c.y(), lambda);
        assertTrue(r.converged());
        assertTrue(Vec.distance(w, r.w()) < 1e-9 * (1 + Vec.norm2(w)), "GD and Newton differ by " + Vec.distance(w, r.w()));
    }

    @Test
    void smallLambdaApproachesTheUnregularizedMinimizer() {
        Rng rng = new Rng(SEED + 2);
        Classification c = noisy(60, 3, rng);
        LogisticMinimizer.Result plain = LogisticMinimizer.solve(c);
        assertTrue(plain.converged(), plain.detail());
        double[] w = RegularizedLogistic.solve(c.x(), c.y(), 1e-8).w();
        assertTrue(Vec.distance(w, plain.w()) < 1e-5 * (1 + Vec.norm2(plain.w())));
    }

    @Test
    void separableDataStillHaveAFiniteMinimizer() {
        Mat x = new Mat(2, 1, new double[] {1, -1});
        RegularizedLogistic.Result r = RegularizedLogistic.solve(x, new double[] {1, -1}, 0.01);
        assertTrue(r.converged());
        assertTrue(Double.isFinite(r.w()[0]) && r.w()[0] > 0);
    }

    @Test
    void rejectsNonPositiveLambda() {
        Mat x = new Mat(1, 1, new double[] {1});
        assertThrows(IllegalArgumentException.class, () -> RegularizedLogistic.solve(x, new double[] {1}, 0));
        assertMessage("λ must be finite and > 0, got Infinity",
                () -> RegularizedLogistic.solve(x, new double[] {1}, Double.POSITIVE_INFINITY));
        assertMessage("y has length 2, X has 1 rows", () -> RegularizedLogistic.solve(x, new double[] {1, -1}, 0.1));
    }

    @Test
    void logisticLossIdentitiesHoldWithoutOverflow() {
        // log(1 + e^{−z}) − log(1 + e^{z}) = −z, log(1 + e⁰) = log 2; at |z| = 800 e^{|z|} overflows, so
        // each side must be taken in the form that does not: ℓ(800) ≈ e^{−800} → 0 and ℓ(−800) = 800
        assertEquals(Math.log(2), RegularizedLogistic.logistic(0), 1e-16);
        for (double z : new double[] {0.5, 3, 40}) {
            assertEquals(-z, RegularizedLogistic.logistic(z) - RegularizedLogistic.logistic(-z), 1e-14 * (1 + z));
        }
        assertEquals(0.0, RegularizedLogistic.logistic(800), 0.0);
        assertEquals(800.0, RegularizedLogistic.logistic(-800), 0.0);
        assertEquals(Math.exp(-40), RegularizedLogistic.logistic(40), 1e-15 * Math.exp(-40));
        // σ(z) = 1/(1 + e^{−z}) likewise: 1 and 0 at ±800, not NaN
        assertEquals(1.0, RegularizedLogistic.sigmoid(800), 0.0);
        assertEquals(0.0, RegularizedLogistic.sigmoid(-800), 0.0);
    }
}
