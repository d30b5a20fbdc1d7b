package theorycheck.claims.factorization;

import java.util.Locale;
import theorycheck.claim.Setting;
import theorycheck.claim.Trial;
import theorycheck.data.RandomDesigns;
import theorycheck.data.Regression;
import theorycheck.data.Rng;
import theorycheck.linalg.Mat;

/**
 * A sparse regression instance for the diagonal-net claims: X (m×d) with N(0,1) entries, a truth
 * β* with {@code sparsity} N(0, scale²) entries, y = Xβ* + N(0, noiseStd²), and an init scale α.
 * The data come from {@code dataSeed} alone.
 */
record DiagonalNetInstance(int m, int d, int sparsity, double truthScale, double noiseStd, double alpha,
        long dataSeed) {

    /**
     * Reads m (integer range), aspect (d = round(aspect·m)), sparsity, noise_std, truth_scale and
     * alpha (a log-uniform range) from the setting.
     */
    static DiagonalNetInstance draw(Trial trial) {
        Setting s = trial.setting();
        Rng rng = trial.rng();
        int[] mr = s.intRange("m");
        int m = rng.intBetween(mr[0], mr[1]);
        double[] ar = s.range("aspect");
        int d = (int) Math.round(m * rng.uniform(ar[0], ar[1]));
        double[] al = s.range("alpha");
        double alpha = rng.logUniform(al[0], al[1]);
        return new DiagonalNetInstance(m, d, s.integer("sparsity"), s.real("truth_scale"), s.real("noise_std"), alpha,
                rng.nextLong());
    }

    Regression data() {
        Rng rng = new Rng(dataSeed);
        Mat x = RandomDesigns.gaussian(m, d, 1.0, rng.split());
        double[] truth = RandomDesigns.sparseGaussian(d, sparsity, rng.split());
        for (int j = 0; j < d; j++) {
            truth[j] *= truthScale;
        }
        double[] y = RandomDesigns.linearTargets(x, truth, noiseStd, rng.split());
        return new Regression(x, y, truth);
    }

    DiagonalNetInstance withAlpha(double a) {
        return new DiagonalNetInstance(m, d, sparsity, truthScale, noiseStd, a, dataSeed);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "m=%d d=%d k=%d scale=%.3g noise=%.3g α=%.4g dataSeed=%d", m, d, sparsity,
                truthScale, noiseStd, alpha, dataSeed);
    }
}
