package theorycheck.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import theorycheck.data.Rng;
import theorycheck.linalg.Vec;

class PacBayesTest {
    private static final long SEED = 20261122L;

    @Test
    void gaussianKlMatchesMonteCarlo() {
        // KL = E_Q[log q(w) − log p(w)], estimated from 400 000 draws; standard error ≈ 0.005 here
        Rng rng = new Rng(SEED);
        double[] mu = {0.5, -1.0, 0.3};
        double sQ = 0.4;
        double sP = 0.9;
        int n = 400_000;
        double sum = 0;
        for (int k = 0; k < n; k++) {
            double logRatio = 0;
            for (int j = 0; j < mu.length; j++) {
                double z = rng.gaussian();
                double w = mu[j] + sQ * z;
                logRatio += -0.5 * z * z - Math.log(sQ) + 0.5 * (w / sP) * (w / sP) + Math.log(sP);
            }
            sum += logRatio;
        }
        assertEquals(sum / n, PacBayes.gaussianKl(mu, sQ, sP), 0.03);
    }

    @Test
    void equalWidthsGiveTheSquaredNormTerm() {
        double[] mu = {3, 4};
        assertEquals(25 / (2 * 0.25), PacBayes.gaussianKl(mu, 0.5, 0.5), 1e-12);
    }

    @Test
    void klGrowsWithoutBoundAsThePosteriorNarrows() {
        double[] mu = {1, 1};
        double previous = PacBayes.gaussianKl(mu, 0.1, 1);
        for (double s = 0.01; s > 1e-9; s /= 10) {
            double kl = PacBayes.gaussianKl(mu, s, 1);
            assertEquals(2 * Math.log(10), kl - previous, 0.02 + 1e-9, "d·ln 10 per decade once s ≪ σ");
            previous = kl;
        }
    }

    @Test
    void klInverseInvertsTheBernoulliKl() {
        for (double q : new double[] {0, 0.05, 0.3, 0.7}) {
            for (double c : new double[] {1e-3, 0.05, 0.5}) {
                double p = PacBayes.klInverseUpper(q, c);
                assertTrue(p >= q);
                if (p < 1) {
                    assertEquals(c, PacBayes.klBernoulli(q, p), 1e-9);
                }
            }
        }
        // q = 0: kl(0‖p) = −ln(1 − p), so p = 1 − e^{−c}
        assertEquals(1 - Math.exp(-0.2), PacBayes.klInverseUpper(0, 0.2), 1e-10);
    }

    @Test
    void bernoulliKlIdentities() {
        // kl(q‖q) = 0; relabelling both outcomes leaves it unchanged, kl(q‖p) = kl(1−q‖1−p); at q = 1 only
        // the first term is left, kl(1‖p) = −ln p (and at q = 0, −ln(1 − p))
        for (double q : new double[] {0.1, 0.35, 0.8}) {
            assertEquals(0.0, PacBayes.klBernoulli(q, q), 1e-15);
            for (double p : new double[] {0.05, 0.5, 0.9}) {
                assertEquals(PacBayes.klBernoulli(q, p), PacBayes.klBernoulli(1 - q, 1 - p), 1e-14);
            }
        }
        assertEquals(-Math.log(0.3), PacBayes.klBernoulli(1, 0.3), 1e-15);
        assertEquals(-Math.log(0.7), PacBayes.klBernoulli(0, 0.3), 1e-15);
    }

    @Test
    void klInverseIsOneWhenNoPIsExcluded() {
        // kl(0.2‖1 − 1e-15) = 0.2·ln 0.2 + 0.8·ln(0.8·1e15) ≈ 27 ≤ 100: no p below 1 is excluded, so 1 itself
        assertEquals(1.0, PacBayes.klInverseUpper(0.2, 100), 0.0);
    }

    @Test
    void maurerBoundSolvesItsKlEquation() {
        // the bound p is the largest with kl(R̂‖p) ≤ (KL + ln(2√m/δ))/m: kl at p equals the right side
        double q = 0.08;
        double kl = 12.5;
        int m = 400;
        double delta = 0.05;
        double p = PacBayes.maurerBound(q, kl, m, delta);
        assertEquals((kl + Math.log(2 * Math.sqrt(m) / delta)) / m, PacBayes.klBernoulli(q, p), 1e-9);
        assertTrue(p > q && p < 1, "p = " + p);
    }

    @Test
    void aZeroInputIsACoinFlip() {
        // ⟨w, 0⟩ = 0 for every w: the class counts the tie as half a mistake rather than 0/0
        assertEquals(0.5, PacBayes.gibbsLoss(new double[] {1, 2}, 0.3, new double[2], 1), 0.0);
    }

    @Test
    void gibbsLossMatchesSampling() {
        Rng rng = new Rng(SEED + 1);
        double[] mu = {0.4, -0.2, 0.1};
        double[] x = {1, 0.5, -2};
        double s = 0.3;
        int n = 200_000;
        int wrong = 0;
        for (int k = 0; k < n; k++) {
            double[] w = Vec.add(mu, rng.gaussianVector(3, s));
            if (Vec.dot(w, x) <= 0) {
                wrong++;
            }
        }
        assertEquals((double) wrong / n, PacBayes.gibbsLoss(mu, s, x, 1), 0.005);
    }

    @Test
    void maurerBoundIsTighterThanTheBooksForLargeKl() {
        double maurer = PacBayes.maurerBound(0.1, 50, 500, 0.05);
        double book = PacBayes.bookBound(0.1, 50, 500, 0.05);
        assertTrue(maurer < book, maurer + " vs " + book);
        assertEquals(0.1 + Math.sqrt((100 + Math.log(20)) / 1000), book, 1e-12);
    }
}
