package theorycheck.claims.sharpness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import theorycheck.claim.Chart;
import theorycheck.claim.ClaimRunner;
import theorycheck.claim.Evidence;
import theorycheck.claim.InstanceCheck;
import theorycheck.claim.Trial;
import theorycheck.claim.TrialResult;
import theorycheck.claims.support.ClaimCharts;
import theorycheck.data.RandomDesigns;
import theorycheck.data.Rng;
import theorycheck.linalg.Cholesky;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Ops;
import theorycheck.linalg.SymmetricEigen;
import theorycheck.loss.FullBatchObjective;
import theorycheck.loss.Quadratic;
import theorycheck.optim.GradientDescent;
import theorycheck.reference.Lyapunov;
import theorycheck.train.BatchSampler;
import theorycheck.train.TrainConfig;
import theorycheck.train.Trainer;

/**
 * book.T1.5: SGD on a quadratic with additive Gaussian mini-batch noise of covariance C/B, run long
 * enough to sample its stationary law; the empirical second moment of θ − θ* (batch means) is
 * compared entry by entry with a predicted covariance. The setting's {@code noise} ({@code general}:
 * a random non-commuting C; {@code isotropic}: C = σ²I) and {@code predict} ({@code discrete_lyapunov}:
 * the exact solution {@link Lyapunov#sgdStationary}; {@code book_b8}: the book's B.8 formula
 * Σ = αΣ_noise H⁻¹ with Σ_noise = C/B) choose the arm: the claim predicts with the discrete Lyapunov
 * solution under general noise, the control with B.8 under isotropic noise, which the check must reject.
 */
final class SharpnessDynamicsLyapunov implements InstanceCheck<SharpnessDynamicsLyapunov.Instance>,
        ClaimRunner.KeyNumber {
    /**
     * Largest |z| allowed over the d(d+1)/2 entries. Under the prediction each z is t-distributed
     * with K − 1 = 49 degrees of freedom; P(|t₄₉| &gt; 5) ≈ 8e-6, so ≤ 21 entries over ≤ 40 trials
     * give a family-wise false-alarm rate below 1%.
     */
    static final double Z_TOL = 5.0;

    /** H = U diag(λ) Uᵀ with λ_max = 1, step α = f/λ_max, per-example noise covariance C, batch B. */
    record Instance(int d, double[] lambda, double stepFraction, int batch, boolean isotropic, long seed) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "d=%d λ∈[%.3g, 1] α=%.3f B=%d noise=%s seed=%d", d,
                    lambda[lambda.length - 1], stepFraction, batch, isotropic ? "σ²I" : "general C", seed);
        }
    }

    @Override
    public Instance draw(Trial trial) {
        SharpnessDynamicsSpectrum spectrum = SharpnessDynamicsSpectrum.draw(trial);
        Rng rng = trial.rng();
        int d = spectrum.d();
        double kappa = spectrum.kappa();
        double[] lambda = new double[d];
        lambda[0] = 1.0;
        lambda[d - 1] = 1.0 / kappa;
        for (int i = 1; i < d - 1; i++) {
            lambda[i] = rng.logUniform(1.0 / kappa, 1.0);
        }
        java.util.Arrays.sort(lambda);
        reverse(lambda);
        return new Instance(d, lambda, trial.drawUniform("step_fraction"), trial.drawInt("batch"),
                trial.setting().choice("noise", "isotropic", "general").equals("isotropic"),
                rng.nextLong());
    }

    @Override
    public TrialResult check(Instance inst, Trial trial) {
        var s = trial.setting();
        int batches = s.integer("batches");
        int batchLength = s.integer("batch_length");
        Rng rng = new Rng(inst.seed());
        int d = inst.d();
        Mat h = RandomDesigns.symmetricWithEigenvalues(d, rng.split(), inst.lambda());
        Mat c = inst.isotropic() ? Ops.scale(s.real("sigma2"), Mat.identity(d)) : wishart(d, rng.split());
        double alpha = inst.stepFraction() / inst.lambda()[0];
        int b = inst.batch();

        Mat discrete = Lyapunov.sgdStationary(h, c, alpha, b);
        Mat continuous = Lyapunov.continuousLimit(h, c, alpha, b);
        // B.8: "compare covariance to α Σ_noise H⁻¹" with Σ_noise = C/B (C = σ²I commutes with H)
        Mat book = Ops.scale(alpha / b, Ops.mult(c, inverse(h), null));
        boolean b8 = trial.setting().choice("predict", "book_b8", "discrete_lyapunov").equals("book_b8");
        Mat predicted = b8 ? book : discrete;

        BatchMeans est = simulate(h, c, alpha, b, batches, batchLength, rng.split());
        double burnIn = est.burnIn();
        double zPredicted = est.maxAbsZ(predicted);

        // per eigendirection of H: empirical variance over each prediction, for the chart
        SymmetricEigen.Result eig = SymmetricEigen.decompose(h);
        double[] alphaLambda = new double[d];
        double[] overDiscrete = new double[d];
        double[] overContinuous = new double[d];
        double[] overBook = new double[d];
        for (int i = 0; i < d; i++) {
            double[] u = eig.vector(i);
            double emp = quadratic(est.mean(), u);
            alphaLambda[i] = alpha * eig.values()[i];
            overDiscrete[i] = emp / quadratic(discrete, u);
            overContinuous[i] = emp / quadratic(continuous, u);
            overBook[i] = emp / quadratic(book, u);
        }
        var r = TrialResult.of(trial).instance(inst.toString() + String.format(Locale.ROOT,
                " steps=%d×%d after %.0f burn-in", batches, batchLength, burnIn))
                .metric("alphaLambdaMax", alpha * inst.lambda()[0])
                .metric("alphaLambdaMin", alpha * inst.lambda()[d - 1])
                .metric("z.predicted", zPredicted)
                .metric("z.discreteLyapunov", est.maxAbsZ(discrete))
                .metric("z.continuousLimit", est.maxAbsZ(continuous))
                .metric("relErr.discreteLyapunov", relativeFrobenius(est.mean(), discrete))
                .metric("relErr.continuousLimit", relativeFrobenius(est.mean(), continuous))
                .metric("relErr.bookB8", inst.isotropic() ? relativeFrobenius(est.mean(), book) : Double.NaN)
                .metric("lyapunovResidual", Lyapunov.residual(discrete, Lyapunov.transition(h, alpha), Ops.scale(alpha * alpha / b, c)))
                .trace("empirical/discrete", alphaLambda, overDiscrete)
                .trace("empirical/continuous", alphaLambda, overContinuous)
                .trace("empirical/book", alphaLambda, overBook);
        if (!est.finite()) {
            return r.decide(Double.NaN, false, "the simulated iterates became non-finite");
        }
        String against = b8 ? "the book's B.8 covariance αΣ_noise H⁻¹" : "the discrete Lyapunov solution";
        return r.decide(zPredicted, zPredicted <= Z_TOL, String.format(Locale.ROOT,
                "max |z| against %s = %.2f (≤ %.1f passes); relative Frobenius error %.4f", against, zPredicted, Z_TOL,
                relativeFrobenius(est.mean(), predicted)));
    }

    /**
     * Runs e ← (I − αH)e − αξ, ξ ~ N(0, C/B) (the mean of B independent per-example noises),
     * from e = 0: a burn-in of 20 relaxation times of the slowest second moment, then
     * {@code batches} blocks of {@code length} steps, each giving a block mean of e eᵀ.
     */
    static BatchMeans simulate(Mat h, Mat c, double alpha, int b, int batches, int length, Rng rng) {
        int d = h.rows();
        SymmetricEigen.Result eig = SymmetricEigen.decompose(h);
        double slowest = 1 - Math.max(Math.abs(1 - alpha * eig.max()), Math.abs(1 - alpha * eig.min()));
        long burnIn = (long) Math.ceil(20 / (1 - Math.pow(1 - slowest, 2)));
        double[][] blocks = new double[batches][d * d];
        long total = burnIn + (long) batches * length;
        // block means of e eᵀ over the iterates after the burn-in
        Trainer.Hooks accumulate = Trainer.Hooks.observing(1, (t, e) -> {
            if (t > burnIn) {
                double[] acc = blocks[(int) ((t - 1 - burnIn) / length)];
                for (int i = 0; i < d; i++) {
                    for (int j = i; j < d; j++) {
                        acc[i * d + j] += e[i] * e[j];
                    }
                }
            }
        });
        // the loss is evaluated at the start and the end only, so each step draws exactly one noise vector
        int checkEvery = (int) Math.min(Integer.MAX_VALUE, Math.max(1, total));
        boolean diverged = Trainer.run(new NoisyQuadratic(h, Cholesky.lower(c), b, rng), new GradientDescent(alpha),
                BatchSampler.full(), new double[d], new TrainConfig(total, 0, 0, checkEvery, Double.POSITIVE_INFINITY, 0),
                Map.of(), accumulate).diverged();
        if (diverged) {
            for (double[] block : blocks) {
                java.util.Arrays.fill(block, Double.NaN); // blocks past the divergence were never filled
            }
        }
        Mat[] means = new Mat[batches];
        for (int k = 0; k < batches; k++) {
            Mat m = new Mat(d, d);
            for (int i = 0; i < d; i++) {
                for (int j = i; j < d; j++) {
                    double v = blocks[k][i * d + j] / length;
                    m.set(i, j, v);
                    m.set(j, i, v);
                }
            }
            means[k] = m;
        }
        return new BatchMeans(means, burnIn);
    }

    /**
     * ½eᵀHe whose gradient carries the noise of a batch of B examples: He + ξ with ξ ~ N(0, C/B), drawn
     * afresh at every evaluation (ξ = L z/√B with C = LLᵀ and z standard Gaussian).
     */
    private static final class NoisyQuadratic extends FullBatchObjective {
        private final Quadratic quadratic;
        private final double[] l;
        private final double noiseScale;
        private final Rng rng;
        private final double[] z;

        NoisyQuadratic(Mat h, Mat lower, int b, Rng rng) {
            super(h.rows(), b);
            this.quadratic = new Quadratic(h, new double[h.rows()]);
            this.l = lower.data();
            this.noiseScale = 1 / Math.sqrt(b);
            this.rng = rng;
            this.z = new double[h.rows()];
        }

        @Override
        protected double valueAndGradient(double[] e, double[] grad) {
            double value = quadratic.valueAndGradient(e, null, grad);
            if (grad != null) {
                int d = z.length;
                for (int i = 0; i < d; i++) {
                    z[i] = rng.gaussian();
                }
                for (int i = 0; i < d; i++) {
                    double lz = 0;
                    for (int k = 0; k < d; k++) {
                        lz += l[i * d + k] * z[k];
                    }
                    grad[i] += noiseScale * lz;
                }
            }
            return value;
        }
    }

    /** Block estimates of the stationary second moment; their mean and standard error per entry. */
    record BatchMeans(Mat[] blocks, double burnIn) {
        Mat mean() {
            int d = blocks[0].rows();
            Mat m = new Mat(d, d);
            for (Mat b : blocks) {
                Ops.addScaled(m, 1.0 / blocks.length, b, m);
            }
            return m;
        }

        /** max over i ≤ j of |mean_ij − Σ_ij| / (sd of the block values / √K). */
        double maxAbsZ(Mat sigma) {
            int d = sigma.rows();
            int k = blocks.length;
            Mat mean = mean();
            double worst = 0;
            for (int i = 0; i < d; i++) {
                for (int j = i; j < d; j++) {
                    double ss = 0;
                    for (Mat b : blocks) {
                        double dv = b.get(i, j) - mean.get(i, j);
                        ss += dv * dv;
                    }
                    double se = Math.sqrt(ss / (k - 1) / k);
                    worst = Math.max(worst, Math.abs(mean.get(i, j) - sigma.get(i, j)) / se);
                }
            }
            return worst;
        }

        boolean finite() {
            for (Mat b : blocks) {
                for (double v : b.data()) {
                    if (!Double.isFinite(v)) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    /** A random SPD per-example covariance GGᵀ/d with G d×(d+2) Gaussian: generic, not commuting with H. */
    private static Mat wishart(int d, Rng rng) {
        Mat g = RandomDesigns.gaussian(d, d + 2, 1.0, rng);
        return Ops.scale(1.0 / d, Ops.multTransB(g, g, null));
    }

    private static Mat inverse(Mat spd) {
        int d = spd.rows();
        Mat inv = new Mat(d, d);
        for (int j = 0; j < d; j++) {
            double[] ej = new double[d];
            ej[j] = 1;
            double[] col = Cholesky.solve(spd, ej);
            for (int i = 0; i < d; i++) {
                inv.set(i, j, col[i]);
            }
        }
        return inv;
    }

    private static double quadratic(Mat a, double[] u) {
        double[] au = Ops.gemv(a, u, null);
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            s += u[i] * au[i];
        }
        return s;
    }

    private static double relativeFrobenius(Mat a, Mat ref) {
        return theorycheck.linalg.Vec.relativeError(a.data(), ref.data(), 1e-300);
    }

    private static void reverse(double[] v) {
        for (int i = 0, j = v.length - 1; i < j; i++, j--) {
            double t = v[i];
            v[i] = v[j];
            v[j] = t;
        }
    }

    @Override
    public List<Chart> charts(Evidence e) {
        List<Chart.Series> series = new ArrayList<>();
        for (String name : List.of("empirical/discrete", "empirical/continuous", "empirical/book")) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (TrialResult t : e.trials()) {
                double[][] tr = t.traces().get(name);
                for (int i = 0; i < tr[0].length; i++) {
                    xs.add(tr[0][i]);
                    ys.add(tr[1][i]);
                }
            }
            String label = switch (name) {
                case "empirical/discrete" -> "÷ discrete Lyapunov";
                case "empirical/continuous" -> "÷ small-step limit HΣ+ΣH=αC/B";
                default -> "÷ book B.8 αΣ_noise H⁻¹";
            };
            series.add(Chart.Series.points(label, ClaimCharts.toArray(xs), ClaimCharts.toArray(ys)));
        }
        return List.of(new Chart(e.arm() + "-variance-ratio",
                "Empirical stationary variance along eigendirections of H, over each prediction (" + e.arm() + ")",
                "α·λ_i", "empirical uᵢᵀΣuᵢ / predicted", false, false, series));
    }

    @Override
    public String keyNumber(Evidence e) {
        double zMax = e.max("z.predicted");
        double err = e.max("relErr.discreteLyapunov");
        double cont = e.min("z.continuousLimit");
        return String.format(Locale.ROOT,
                "max |z| against the discrete Lyapunov solution %.2f (≤ %.1f), relative Frobenius error ≤ %.4f; "
                        + "small-step limit: smallest max |z| %.1f", zMax, Z_TOL, err, cont);
    }
}
