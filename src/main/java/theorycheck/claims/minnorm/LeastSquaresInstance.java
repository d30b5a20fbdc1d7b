package theorycheck.claims.minnorm;

import theorycheck.claim.Trial;
import theorycheck.data.Regression;
import theorycheck.data.Rng;
import theorycheck.reference.GramSpectrum;

/**
 * A least-squares instance drawn from a claim's setting: Gaussian X (m×n), a sparse truth, noise.
 * The data come from {@code dataSeed} alone, so a smaller variant re-draws data of its own size.
 */
record LeastSquaresInstance(int m, int n, int sparsity, double noiseStd, double stepFraction, long dataSeed) {

    /** Draws m, n = round(aspect·m), and the step fraction from the setting keys m, aspect, step_fraction. */
    static LeastSquaresInstance draw(Trial trial) {
        var s = trial.setting();
        Rng rng = trial.rng();
        int[] mr = s.intRange("m");
        int m = rng.intBetween(mr[0], mr[1]);
        double[] ar = s.range("aspect");
        int n = (int) Math.round(m * rng.uniform(ar[0], ar[1]));
        double[] fr = s.range("step_fraction");
        double f = rng.uniform(fr[0], fr[1]);
        return new LeastSquaresInstance(m, n, Math.min(s.integer("sparsity"), n), s.real("noise_std"), f, rng.nextLong());
    }

    Regression data() {
        return Regression.gaussian(m, n, sparsity, noiseStd, new Rng(dataSeed));
    }

    /** Step α = stepFraction · 2/λmax(XᵀX/m). */
    double step(GramSpectrum.Result spectrum) {
        return stepFraction * 2.0 / spectrum.lambdaMax();
    }

    /** Half the rows and columns (at least 2 and 3), same step fraction and seed. */
    java.util.List<LeastSquaresInstance> halved() {
        if (m <= 2) {
            return java.util.List.of();
        }
        int m2 = Math.max(2, m / 2);
        int n2 = Math.max(m2 + 1, n / 2);
        return java.util.List.of(new LeastSquaresInstance(m2, n2, Math.min(sparsity, n2), noiseStd, stepFraction, dataSeed));
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "m=%d n=%d k=%d noise=%.3g step=%.3f·2/λmax dataSeed=%d", m, n,
                sparsity, noiseStd, stepFraction, dataSeed);
    }
}
