package theorycheck.claims.minnorm;

import static theorycheck.claims.minnorm.MinNormClosedFormChecks.sq;

import theorycheck.reference.Ridge;

/**
 * Exact risks in the eigenbasis of Σ̂: bias² (1 − g)²b² and variance (σ²/m) g²/s per direction,
 * plus ‖P_null β₀‖² (estimation risk only; both estimators are 0 there).
 */
record Spectral(double[] s, double[] b2, double nullB2, double noisePerM) {
    /** Gradient flow from 0 at time t: g = 1 − e^{−st}. */
    double flowRisk(double t, boolean prediction) {
        double total = prediction ? 0 : nullB2;
        for (int i = 0; i < s.length; i++) {
            double keep = -Math.expm1(-s[i] * t);
            double drop = Math.exp(-s[i] * t);
            total += term(s[i], keep, drop, b2[i], prediction);
        }
        return total;
    }

    /** Ridge (Σ̂ + λI)⁻¹Xᵀy/m: g = s/(s + λ). */
    double ridgeRisk(double lambda, boolean prediction) {
        double total = prediction ? 0 : nullB2;
        for (int i = 0; i < s.length; i++) {
            total += term(s[i], s[i] / (s[i] + lambda), lambda / (s[i] + lambda), b2[i], prediction);
        }
        return total;
    }

    double ridgeBias(double lambda) {
        double total = nullB2;
        for (int i = 0; i < s.length; i++) {
            total += sq(lambda / (s[i] + lambda)) * b2[i];
        }
        return total;
    }

    double ridgeVariance(double lambda) {
        double total = 0;
        for (int i = 0; i < s.length; i++) {
            total += noisePerM * s[i] / sq(s[i] + lambda);
        }
        return total;
    }

    private double term(double s, double keep, double drop, double b2, boolean prediction) {
        double estimation = drop * drop * b2 + noisePerM * keep * keep / s;
        return prediction ? s * estimation : estimation;
    }
}
