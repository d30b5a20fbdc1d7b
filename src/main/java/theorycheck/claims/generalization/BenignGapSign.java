package theorycheck.claims.generalization;

import java.util.List;
import java.util.Locale;
import theorycheck.claim.Chart;
import theorycheck.claim.ClaimRunner;
import theorycheck.claim.Evidence;
import theorycheck.claim.InstanceCheck;
import theorycheck.claim.Trial;
import theorycheck.claim.TrialResult;
import theorycheck.data.Regression;
import theorycheck.data.Rng;
import theorycheck.data.Spectrum;
import theorycheck.data.SpikedCovariance;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Ops;
import theorycheck.linalg.Vec;
import theorycheck.reference.MinNorm;

/**
 * The sign of the generalization gap of a least-squares model X⁺y. An instance: m ∈ m range,
 * p = max(4, round(aspect·m)) features (aspect &gt; 1: an interpolant, zero training error; aspect &lt; 1:
 * least squares with more examples than features), Σ either isotropic or 3 spikes plus a flat tail
 * of mass 1 (coin flip), θ* of norm 1 on the top 3 directions, training noise σ ∈ noise_std range;
 * the test distribution's noise is set by {@code test_noise}: {@code same} (σ), {@code none} (the
 * book's "clean test set") or {@code same_or_none} (coin flip). The test loss is the exact population
 * MSE σ_test² + (θ̂ − θ*)ᵀΣ(θ̂ − θ*), and the MSE on {@code test_points} fresh points is reported
 * beside it.
 */
final class BenignGapSign implements InstanceCheck<BenignGapSign.Instance>, ClaimRunner.KeyNumber {
    /**
     * "Strictly positive" for a difference of losses: above 10⁻¹² of mean(y²). An exact fit leaves
     * residuals of relative size ~10⁻¹⁵ (squared: 10⁻³⁰); any label noise in the settings gives ≥ 10⁻².
     */
    static final List<String> TEST_NOISE = List.of("same", "none", "same_or_none");

    enum Mode {
        /** PASS iff train − test &gt; 0 (the sign as the statement writes it). */
        TRAIN_MINUS_TEST,
        /** PASS iff test − train &gt; strict_gap·mean(y²), on the population and on the finite test set. */
        TEST_MINUS_TRAIN
    }

    record Instance(int m, int p, boolean spiked, double noiseStd, boolean cleanTest, long dataSeed) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "m=%d p=%d Σ=%s σ_train=%.3g test noise=%s dataSeed=%d", m, p,
                    spiked ? "3 spikes + tail" : "I", noiseStd, cleanTest ? "none" : "same", dataSeed);
        }
    }

    private final Mode mode;

    BenignGapSign(Mode mode) {
        this.mode = mode;
    }

    @Override
    public Instance draw(Trial trial) {
        BenignSize size = BenignSize.draw(trial);
        int m = size.m();
        Rng rng = trial.rng();
        String testNoise = trial.setting().choice("test_noise", TEST_NOISE.toArray(String[]::new));
        double sigma = trial.drawUniform("noise_std");
        boolean spiked = rng.uniform() < 0.5;
        boolean coin = rng.uniform() < 0.5;
        boolean clean = testNoise.equals("same_or_none") ? coin : testNoise.equals("none");
        int p = Math.max(4, (int) Math.round(size.aspect() * m));
        return new Instance(m, p, spiked, sigma, clean, rng.nextLong());
    }

    @Override
    public TrialResult check(Instance inst, Trial trial) {
        double strictGap = trial.setting().real("strict_gap");
        Spectrum spectrum = inst.spiked() ? Spectrum.spiked(3, 1.0, inst.p() - 3, 1.0) : Spectrum.isotropic(inst.p(), 1.0);
        Rng rng = new Rng(inst.dataSeed());
        double[] truth = SpikedCovariance.truthOnTop(inst.p(), 3, 1.0, rng.split());
        Regression d = SpikedCovariance.draw(spectrum, inst.m(), truth, inst.noiseStd(), rng.split());
        double[] theta = MinNorm.solve(d.x(), d.y());
        double train = mse(d.x(), theta, d.y());
        double testNoise = inst.cleanTest() ? 0 : inst.noiseStd();
        double testPop = testNoise * testNoise + SpikedCovariance.excessRisk(spectrum, theta, truth);
        Regression t = SpikedCovariance.draw(spectrum, trial.setting().integer("test_points"), truth, testNoise,
                rng.split());
        double testFinite = mse(t.x(), theta, t.y());
        double scale = Vec.dot(d.y(), d.y()) / d.y().length;
        var b = TrialResult.of(trial).instance(inst.toString()).metric("trainMse", train).metric("testMse", testPop)
                .metric("testMseFinite", testFinite).metric("trainMinusTest", train - testPop)
                .metric("testMinusTrainRel", (testPop - train) / scale)
                .metric("finiteTestMinusTrainRel", (testFinite - train) / scale);
        String note = String.format(Locale.ROOT,
                "train MSE %.3g, population test MSE %.4g, test-set MSE (%d points) %.4g; train − test = %.4g",
                train, testPop, t.y().length, testFinite, train - testPop);
        return switch (mode) {
            case TRAIN_MINUS_TEST -> b.decide(train - testPop, train - testPop > 0, note);
            case TEST_MINUS_TRAIN -> {
                double gap = Math.min(testPop - train, testFinite - train) / scale;
                yield b.decide(gap, gap > strictGap, note + String.format(Locale.ROOT, "; (test − train)/mean(y²) = %.3g", gap));
            }
        };
    }

    private static double mse(Mat x, double[] theta, double[] y) {
        double[] r = Vec.sub(Ops.gemv(x, theta, null), y);
        return Vec.dot(r, r) / y.length;
    }

    @Override
    public List<Chart> charts(Evidence e) {
        return List.of(new Chart(e.arm() + "-train-vs-test", "Training vs test MSE of X⁺y (" + e.arm()
                + "); the diagonal is gap = 0", "training MSE (+1e-32 to show exact zeros)", "population test MSE", true,
                true, List.of(shiftedScatter(e), Chart.Series.line("test = train", new double[] {1e-32, 10},
                        new double[] {1e-32, 10}))));
    }

    private static Chart.Series shiftedScatter(Evidence e) {
        double[] x = new double[e.trials().size()];
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = e.trials().get(i).metrics().get("trainMse") + 1e-32;
            y[i] = e.trials().get(i).metrics().get("testMse") + 1e-32;
        }
        return Chart.Series.points(e.arm(), x, y);
    }

    @Override
    public String keyNumber(Evidence e) {
        double maxTrainMinusTest = e.max("trainMinusTest");
        double minRel = e.min("testMinusTrainRel");
        return String.format(Locale.ROOT, "max(train − test) = %.3g; min (test − train)/mean(y²) = %.3g",
                maxTrainMinusTest, minRel);
    }
}
