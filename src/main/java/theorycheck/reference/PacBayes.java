package theorycheck.reference;

import theorycheck.linalg.Vec;
import theorycheck.model.ErrorFunction;

/**
 * PAC-Bayes quantities for linear classifiers with isotropic Gaussian posteriors and priors.
 *
 * <p>For Q = N(μ, s²I) the Gibbs classifier's 0-1 loss on (x, y) is exactly
 * P_{w~Q}[y⟨w, x⟩ ≤ 0] = Φ(−y⟨μ, x⟩/(s‖x‖)), since ⟨w, x⟩ ~ N(⟨μ, x⟩, s²‖x‖²).
 */
public final class PacBayes {
    private PacBayes() {
    }

    /**
     * KL(N(μ, s_Q²I_d) ‖ N(0, s_P²I_d)) = ½[d s_Q²/s_P² − d + ‖μ‖²/s_P² + 2d ln(s_P/s_Q)].
     * Equals ‖μ‖²/(2s_P²) exactly when s_Q = s_P, and grows like d·ln(s_P/s_Q) as s_Q → 0: a point
     * mass is not absolutely continuous with respect to a Gaussian, so its KL is +∞.
     */
    public static double gaussianKl(double[] mu, double sQ, double sP) {
        int d = mu.length;
        double r = sQ / sP;
        double n2 = Vec.dot(mu, mu);
        return 0.5 * (d * r * r - d + n2 / (sP * sP) - 2 * d * Math.log(r));
    }

    /** Gibbs 0-1 loss Φ(−y⟨μ, x⟩/(s‖x‖)) of Q = N(μ, s²I) on one example; s &gt; 0. */
    public static double gibbsLoss(double[] mu, double s, double[] x, double y) {
        double nx = Vec.norm2(x);
        if (nx == 0) {
            return 0.5;
        }
        return ErrorFunction.normalCdf(-y * Vec.dot(mu, x) / (s * nx));
    }

    /** Bernoulli KL kl(q‖p) = q ln(q/p) + (1−q) ln((1−q)/(1−p)), with 0 ln 0 = 0. */
    public static double klBernoulli(double q, double p) {
        double a = q == 0 ? 0 : q * Math.log(q / p);
        double b = q == 1 ? 0 : (1 - q) * Math.log((1 - q) / (1 - p));
        return a + b;
    }

    /** The largest p in [q, 1] with kl(q‖p) ≤ c (bisection to 1e-12). */
    public static double klInverseUpper(double q, double c) {
        double lo = q;
        double hi = 1;
        if (klBernoulli(q, 1 - 1e-15) <= c) {
            return 1;
        }
        for (int it = 0; it < 100 && hi - lo > 1e-12; it++) {
            double mid = 0.5 * (lo + hi);
            if (klBernoulli(q, mid) <= c) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    /**
     * Maurer (2004) / McAllester: with probability ≥ 1 − δ, for all Q,
     * kl(R̂(Q)‖R(Q)) ≤ (KL(Q‖P) + ln(2√m/δ))/m. Returns the implied upper bound on R(Q).
     */
    public static double maurerBound(double empiricalGibbs, double kl, int m, double delta) {
        return klInverseUpper(empiricalGibbs, (kl + Math.log(2 * Math.sqrt(m) / delta)) / m);
    }

    /** The book's form (B.13): R(Q) ≤ R̂(Q) + √((2 KL(Q‖P) + ln(1/δ))/(2m)). */
    public static double bookBound(double empiricalGibbs, double kl, int m, double delta) {
        return empiricalGibbs + Math.sqrt((2 * kl + Math.log(1 / delta)) / (2.0 * m));
    }
}
