package theorycheck.claims;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import theorycheck.claim.Chart;
import theorycheck.claim.ClaimRunner;
import theorycheck.claim.Evidence;
import theorycheck.claim.InstanceCheck;
import theorycheck.claim.Outcome;
import theorycheck.claim.Setting;
import theorycheck.claim.Trial;
import theorycheck.claim.TrialResult;
import theorycheck.data.Regression;
import theorycheck.data.Rng;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Ops;
import theorycheck.linalg.Vec;
import theorycheck.loss.EmpiricalRisk;
import theorycheck.loss.SquaredLoss;
import theorycheck.model.LinearModel;
import theorycheck.optim.AdaGrad;
import theorycheck.optim.GradientDescent;
import theorycheck.optim.HeavyBall;
import theorycheck.optim.Optimizer;
import theorycheck.reference.GramSpectrum;
import theorycheck.reference.MinNorm;
import theorycheck.support.ClaimId;
import theorycheck.support.ClaimVerifier;
import theorycheck.train.BatchSampler;
import theorycheck.train.TrainConfig;
import theorycheck.train.TrainResult;
import theorycheck.train.Trainer;

/** Least squares and minimum norm: GD's implicit bias on underdetermined least squares. */
class MinNormClaims {
    /**
     * Which eigenvalue λ of the Hessian places a step-size range end 2/λ: λmax (the theorems) or
     * the mean eigenvalue (the controls' misplaced end, below λmax whenever the spectrum is spread).
     */
    enum Bound {
        LAMBDA_MAX, LAMBDA_MEAN
    }

    @Test
    @ClaimId("book.T1.1")
    void book_T1_1() {
        ClaimVerifier.verify("book.T1.1", new ConvergesTo(Reference.MIN_NORM, true));
    }

    @Test
    @ClaimId("book.A.1")
    void book_A_1() {
        ClaimVerifier.verify("book.A.1", new StepSizeThreshold());
    }

    @Test
    @ClaimId("book.T1.7")
    void book_T1_7() {
        ClaimVerifier.verify("book.T1.7", new ConvergesTo(Reference.CLOSEST_TO_START, false));
    }

    @Test
    @ClaimId("book.A.16-ls")
    void book_A_16_ls() {
        ClaimVerifier.verify("book.A.16-ls", new ConvergesTo(Reference.MIN_NORM, true));
    }

    /**
     * Heavy-ball whose velocity starts at v₀ ~ N(0, std²I) instead of 0 — as when a run is resumed
     * with the velocity of another problem. v₀ has a null-space part that no gradient removes, so
     * the limit moves by β/(1−β)·P_null v₀: the mechanism of book.A.16-ls, broken on purpose.
     */
    record WarmVelocityHeavyBall(double lr, double beta, double std, long seed) implements Optimizer {
        @Override
        public String describe() {
            return "heavy-ball(lr=" + lr + ", beta=" + beta + ", v0~N(0," + std + "² I))";
        }

        @Override
        public theorycheck.optim.Stepper start(int dim) {
            double[] v = new Rng(seed ^ 0xfeedL).gaussianVector(dim, std);
            return (theta, g, t) -> {
                for (int i = 0; i < theta.length; i++) {
                    v[i] = beta * v[i] - lr * g[i];
                    theta[i] += v[i];
                }
            };
        }
    }

    /**
     * book.A.1's "iff": on one instance, a step inside (0, 2/λmax) must converge to X⁺y and a step
     * above 2/λmax must diverge. The range end is 2/λ for the λ named by setting.bound: λmax (the
     * theorem) or λmean, the mean non-zero eigenvalue of XᵀX/m (the control's misplaced end, whose
     * "inside" steps exceed 2/λmax and diverge).
     */
    static final class StepSizeThreshold implements InstanceCheck<StepSizeThreshold.Instance>, ClaimRunner.KeyNumber {
        record Instance(LeastSquaresInstance base, double outsideFraction) {
            @Override
            public String toString() {
                return base + String.format(Locale.ROOT, " outside=%.3f·2/bound", outsideFraction);
            }
        }

        @Override
        public Instance draw(Trial trial) {
            LeastSquaresInstance base = LeastSquaresInstance.draw(trial);
            double[] out = trial.setting().range("outside_fraction");
            return new Instance(base, trial.rng().uniform(out[0], out[1]));
        }

        @Override
        public List<Instance> shrink(Instance instance) {
            return instance.base().halved().stream().map(b -> new Instance(b, instance.outsideFraction())).toList();
        }

        @Override
        public TrialResult check(Instance inst, Trial trial) {
            Regression d = inst.base().data();
            Mat x = d.x();
            GramSpectrum.Result spectrum = GramSpectrum.of(x);
            Bound which = trial.setting().choice("bound", Bound.class);
            double bound = which == Bound.LAMBDA_MEAN ? meanNonzero(spectrum) : spectrum.lambdaMax();
            double inside = inst.base().stepFraction() * 2 / bound;
            double outside = inst.outsideFraction() * 2 / bound;
            double[] wStar = MinNorm.solve(x, d.y());
            double scale = Vec.norm2(wStar);
            EmpiricalRisk risk = new EmpiricalRisk(new LinearModel(x.cols()), SquaredLoss.INSTANCE, x, d.y());
            TrainConfig config = TrainConfig.fullBatch(trial.setting().integer("max_steps"),
                    1e-10 * scale * spectrum.lambdaMinNonzero()).withRecordPoints(0);
            TrainResult in = Trainer.run(risk, new GradientDescent(inside), new double[x.cols()], config);
            TrainResult out = Trainer.run(risk, new GradientDescent(outside), new double[x.cols()], config);
            double relError = in.diverged() ? Double.POSITIVE_INFINITY : Vec.distance(in.theta(), wStar) / scale;
            var b = TrialResult.of(trial).instance(inst + " bound=" + Setting.label(which))
                    .metric("insideStepTimesLambdaMax", inside * spectrum.lambdaMax())
                    .metric("outsideStepTimesLambdaMax", outside * spectrum.lambdaMax())
                    .metric("insideRelError", relError).metric("insideSteps", in.steps())
                    .metric("outsideDiverged", out.diverged() ? 1 : 0).metric("outsideSteps", out.steps());
            if (in.status() == theorycheck.train.RunStatus.BUDGET_EXHAUSTED || out.status() == theorycheck.train.RunStatus.BUDGET_EXHAUSTED) {
                return b.outcome(Outcome.INCONCLUSIVE, relError, "a run neither converged nor diverged in budget");
            }
            boolean pass = in.converged() && relError <= ConvergesTo.REL_ERROR_TOL && out.diverged();
            return b.decide(relError, pass, String.format(Locale.ROOT,
                    "inside (α·λmax = %.3f): %s, relative error %.3g; outside (α·λmax = %.3f): %s at step %d",
                    inside * spectrum.lambdaMax(), in.status(), relError, outside * spectrum.lambdaMax(), out.status(),
                    out.steps()));
        }

        private static double meanNonzero(GramSpectrum.Result s) {
            double sum = 0;
            for (int i = 0; i < s.rank(); i++) {
                sum += s.eigenvalues()[i];
            }
            return sum / s.rank();
        }

        @Override
        public List<Chart> charts(Evidence e) {
            return List.of(new Chart(e.arm() + "-threshold", "Steps tried vs outcome (" + e.arm() + "): α·λmax",
                    "α·λmax of the 'inside' step", "α·λmax of the 'outside' step", false, false,
                    List.of(ClaimCharts.scatter(e, "insideStepTimesLambdaMax", "outsideStepTimesLambdaMax"),
                            Chart.Series.line("α·λmax = 2", new double[] {0, 4}, new double[] {2, 2}))));
        }

        @Override
        public String keyNumber(Evidence e) {
            double maxErr = e.trials().stream().mapToDouble(t -> t.metrics().get("insideRelError")).max()
                    .orElse(Double.NaN);
            long diverged = e.trials().stream().filter(t -> t.metrics().get("outsideDiverged") == 1).count();
            return String.format(Locale.ROOT, "inside: max relative error %.2e; outside: %d of %d diverged", maxErr,
                    diverged, e.trials().size());
        }
    }

    @Test
    @ClaimId("book.C.2-batch")
    void book_C_2_batch() {
        ClaimVerifier.verify("book.C.2-batch", new BatchSizeLimits());
    }

    @Test
    @ClaimId("lit.adaptive-not-min-norm")
    void lit_adaptive_not_min_norm() {
        ClaimVerifier.verify("lit.adaptive-not-min-norm", new LeavesRowSpace());
    }

    /**
     * Mini-batch SGD (reshuffled epochs) from 0 with one step for all batch sizes; the limits (or,
     * on an overdetermined instance, the end points after the fixed epoch budget) are compared
     * across batch sizes. With n ≥ m (the claim's setting) the noisy labels are still interpolated
     * and every run stops at a gradient that pins its limit; with n < m (the control's aspect) there
     * is no interpolant, constant-step SGD has no point limit, and its end point depends on B.
     */
    static final class BatchSizeLimits extends OnLeastSquares implements ClaimRunner.KeyNumber {
        /** Limits closer than this (relative) count as "the same". */
        static final double SAME_LIMIT_TOL = 1e-6;

        @Override
        public LeastSquaresInstance draw(Trial trial) {
            LeastSquaresInstance inst = LeastSquaresInstance.draw(trial);
            return inst.n() >= 2 ? inst : new LeastSquaresInstance(inst.m(), 2, Math.min(inst.sparsity(), 2),
                    inst.noiseStd(), inst.stepFraction(), inst.dataSeed());
        }

        @Override
        public List<LeastSquaresInstance> shrink(LeastSquaresInstance instance) {
            // halving makes n > m: only an interpolating instance keeps its premise
            return instance.n() >= instance.m() ? instance.halved() : List.of();
        }

        @Override
        public TrialResult check(LeastSquaresInstance inst, Trial trial) {
            Regression d = inst.data();
            Mat x = d.x();
            int m = inst.m();
            boolean overdetermined = inst.n() < m;
            // One step that is stable for every batch, even a single example: f / max_i ‖x_i‖².
            double maxRowNorm2 = 0;
            for (int i = 0; i < m; i++) {
                double r = Vec.norm2(x.row(i));
                maxRowNorm2 = Math.max(maxRowNorm2, r * r);
            }
            double alpha = inst.stepFraction() / maxRowNorm2;
            int[] sizes = trial.setting().integers("batch_sizes");
            double[] wStar = MinNorm.solve(x, d.y());
            double scale = Vec.norm2(wStar);
            GramSpectrum.Result spectrum = GramSpectrum.of(x);
            EmpiricalRisk risk = new EmpiricalRisk(new LinearModel(inst.n()), SquaredLoss.INSTANCE, x, d.y());
            long epochs = trial.setting().integer("epochs");
            var b = TrialResult.of(trial).instance(String.format(Locale.ROOT,
                    "m=%d n=%d k=%d noise=%.3g α=%.3f/max‖x_i‖²=%.4g dataSeed=%d", m, inst.n(), inst.sparsity(),
                    inst.noiseStd(), inst.stepFraction(), alpha, inst.dataSeed()))
                    .metric("m", m).metric("n", inst.n()).metric("alpha", alpha);
            double[][] limits = new double[sizes.length][];
            boolean allConverged = true;
            for (int k = 0; k < sizes.length; k++) {
                int bs = Math.min(sizes[k], m);
                int perEpoch = (m + bs - 1) / bs;
                // interpolation regime: stop at a full-gradient norm giving 1e-10 relative row-space error
                double gradTol = overdetermined ? 0 : 1e-10 * scale * spectrum.lambdaMinNonzero();
                TrainConfig config = new TrainConfig(epochs * perEpoch, gradTol, 0, perEpoch, 1e12, 0);
                BatchSampler sampler = BatchSampler.withoutReplacement(m, bs, new Rng(trial.seed() + 31L * k));
                TrainResult r = Trainer.run(risk, new GradientDescent(alpha), sampler, new double[inst.n()], config,
                        Map.of());
                limits[k] = r.theta();
                allConverged &= overdetermined ? !r.diverged() : r.converged();
                b.metric("B" + bs + ".relDistanceToMinNorm", Vec.distance(r.theta(), wStar) / scale)
                        .metric("B" + bs + ".epochs", (double) r.steps() / perEpoch);
            }
            double spread = 0;
            for (int k = 1; k < sizes.length; k++) {
                spread = Math.max(spread, Vec.distance(limits[k], limits[0]) / Vec.norm2(limits[0]));
            }
            b.metric("spread", spread);
            if (!allConverged) {
                return b.outcome(Outcome.INCONCLUSIVE, spread, "a batch size did not converge in the epoch budget");
            }
            return b.decide(spread, spread > SAME_LIMIT_TOL, String.format(Locale.ROOT,
                    "largest relative difference between batch sizes' limits: %.3g (they differ if > %.0e)", spread,
                    SAME_LIMIT_TOL));
        }

        @Override
        public List<Chart> charts(Evidence e) {
            List<Chart.Series> series = new java.util.ArrayList<>();
            series.add(ClaimCharts.scatter(e, "n", "spread"));
            return List.of(new Chart(e.arm() + "-spread", "Largest relative difference of limits across batch sizes ("
                    + e.arm() + ")", "parameters n", "max_B ‖w_B − w_B1‖ / ‖w_B1‖", false, true, series));
        }

        @Override
        public String keyNumber(Evidence e) {
            double max = e.trials().stream().mapToDouble(t -> t.metrics().get("spread")).max().orElse(Double.NaN);
            return String.format(Locale.ROOT, "largest relative difference of limits across batch sizes: %.2e", max);
        }
    }

    /**
     * Trains from 0 to near interpolation and measures how far the end point lies from the row
     * space: ‖P_null(X) w_T‖ / ‖X⁺y‖. Any interpolant is X⁺y plus its null-space part, so this is
     * the distance of the interpolant reached from the minimum-norm one. The optimizers come from
     * setting.optimizers (the claim's Adam and AdaGrad; the control's GD).
     */
    static final class LeavesRowSpace extends OnLeastSquares implements ClaimRunner.KeyNumber {
        /** A null-space part above this is a different interpolant (GD's is ~1e-14). */
        static final double DIFFERENT_LIMIT_TOL = 1e-3;
        /** "Trained": the loss fell below this fraction of its initial value. */
        static final double TRAINED_FRACTION = 1e-8;

        enum Method {
            ADAM, ADAGRAD, GD
        }

        @Override
        public TrialResult check(LeastSquaresInstance inst, Trial trial) {
            Regression d = inst.data();
            Mat x = d.x();
            GramSpectrum.Result spectrum = GramSpectrum.of(x);
            double[] wStar = MinNorm.solve(x, d.y());
            double scale = Vec.norm2(wStar);
            EmpiricalRisk risk = new EmpiricalRisk(new LinearModel(inst.n()), SquaredLoss.INSTANCE, x, d.y());
            double initialLoss = risk.value(new double[inst.n()]);
            int maxSteps = trial.setting().integer("max_steps");
            double lr = trial.setting().real("adaptive_lr");
            List<Optimizer> optimizers = trial.setting().choices("optimizers", Method.class).stream()
                    .map(method -> switch (method) {
                        case ADAM -> (Optimizer) new theorycheck.optim.Adam(lr, 0.9, 0.999, 1e-8, 0.5);
                        case ADAGRAD -> new AdaGrad(lr, 1e-10);
                        case GD -> new GradientDescent(inst.step(spectrum));
                    }).toList();
            var b = TrialResult.of(trial).metric("m", inst.m()).metric("n", inst.n());
            StringBuilder desc = new StringBuilder(inst.toString());
            double minNull = Double.POSITIVE_INFINITY;
            boolean allTrained = true;
            for (Optimizer opt : optimizers) {
                TrainConfig config = TrainConfig.fullBatch(maxSteps, 0).withLossTol(TRAINED_FRACTION * initialLoss)
                        .withRecordPoints(0);
                TrainResult r = Trainer.run(risk, opt, new double[inst.n()], config);
                double nullPart = Vec.norm2(MinNorm.projectNullSpace(x, r.theta())) / scale;
                String name = opt.describe().substring(0, opt.describe().indexOf('('));
                b.metric(name + ".nullComponent", nullPart).metric(name + ".lossRatio", r.loss() / initialLoss)
                        .metric(name + ".steps", r.steps())
                        .metric(name + ".relDistanceToMinNorm", Vec.distance(r.theta(), wStar) / scale);
                desc.append(' ').append(opt.describe());
                allTrained &= r.converged();
                minNull = Math.min(minNull, nullPart);
            }
            b.instance(desc.toString()).metric("minNullComponent", minNull);
            if (!allTrained) {
                return b.outcome(Outcome.INCONCLUSIVE, minNull, "an optimizer did not reach the training-loss target");
            }
            return b.decide(minNull, minNull > DIFFERENT_LIMIT_TOL, String.format(Locale.ROOT,
                    "smallest null-space part among the optimizers: %.3g·‖X⁺y‖ (different from X⁺y if > %.0e)",
                    minNull, DIFFERENT_LIMIT_TOL));
        }

        @Override
        public List<Chart> charts(Evidence e) {
            return List.of(new Chart(e.arm() + "-null-part", "Null-space part of the interpolant reached (" + e.arm()
                    + ")", "parameters n", "min over optimizers ‖P_null w_T‖ / ‖X⁺y‖", false, true,
                    List.of(ClaimCharts.scatter(e, "n", "minNullComponent"))));
        }

        @Override
        public String keyNumber(Evidence e) {
            double min = e.trials().stream().mapToDouble(t -> t.metrics().get("minNullComponent")).min()
                    .orElse(Double.NaN);
            return String.format(Locale.ROOT, "smallest null-space part reached: %.3g·‖X⁺y‖", min);
        }
    }

    @Test
    @ClaimId("book.A.16-diag")
    void book_A_16_diag() {
        ClaimVerifier.verify("book.A.16-diag", new MomentumOnDiagonalNet());
    }

    /**
     * GD (step η) and heavy-ball (momentum β, step η(1 − β): the same effective step η) from the
     * same init u = v = α₀·1 on a diagonal linear net of depth setting.depth; their limits
     * β = u^D − v^D are compared on the scale of GD's own discretisation error (the change of GD's
     * limit when its step is halved). Heavy-ball at the same raw step η (effective step η/(1 − β),
     * ten times GD's) is recorded beside it, not judged. At depth 1 (β = u − v, the control) every
     * update stays in the row space of [X, −X] and the limits coincide.
     */
    static final class MomentumOnDiagonalNet implements InstanceCheck<MomentumOnDiagonalNet.Instance>,
            ClaimRunner.KeyNumber {
        /** Momentum's effect counts as a different limit when it exceeds GD's step sensitivity this many times. */
        static final double SENSITIVITY_FACTOR = 10;
        /** Below this the two limits agree to round-off and stopping error. */
        static final double ABSOLUTE_FLOOR = 1e-8;
        /** Training stops when the loss is below this fraction of its initial value. */
        static final double LOSS_FRACTION = 1e-20;

        record Instance(int d, int m, int k, int depth, double alpha0, double stepFraction, long dataSeed) {
            @Override
            public String toString() {
                return String.format(Locale.ROOT, "d=%d m=%d k=%d depth=%d α₀=%.3f η=%.3f/(12·λmax) dataSeed=%d", d, m, k,
                        depth, alpha0, stepFraction, dataSeed);
            }
        }

        @Override
        public Instance draw(Trial trial) {
            var s = trial.setting();
            Rng rng = trial.rng();
            int[] dr = s.intRange("d");
            int d = rng.intBetween(dr[0], dr[1]);
            double[] ar = s.range("alpha0");
            double[] fr = s.range("step_fraction");
            return new Instance(d, d / 2, s.integer("sparsity"), s.integer("depth"), rng.uniform(ar[0], ar[1]),
                    rng.uniform(fr[0], fr[1]), rng.nextLong());
        }

        @Override
        public TrialResult check(Instance inst, Trial trial) {
            Rng data = new Rng(inst.dataSeed());
            Mat x = theorycheck.data.RandomDesigns.gaussian(inst.m(), inst.d(), 1.0, data.split());
            double[] truth = new double[inst.d()];
            for (int i = 0; i < inst.k(); i++) {
                truth[i] = i % 2 == 0 ? 1 : -1;
            }
            double[] y = Ops.gemv(x, truth, null);
            double momentum = trial.setting().real("momentum");
            theorycheck.model.DiagonalLinearNet net = new theorycheck.model.DiagonalLinearNet(inst.d(), inst.depth());
            EmpiricalRisk risk = new EmpiricalRisk(net, SquaredLoss.INSTANCE, x, y);
            double lambdaMax = GramSpectrum.of(x).lambdaMax();
            // Curvature of the depth-2 net near an interpolant is about 4·|β|·λmax; with |β| ≲ 3 this
            // gives the scale 12·λmax used for both depths.
            double eta = inst.stepFraction() / (12 * lambdaMax);
            double[] init = net.uniformInit(inst.alpha0());
            double l0 = risk.value(init);
            TrainConfig config = TrainConfig.fullBatch(trial.setting().integer("max_steps"), 0)
                    .withLossTol(LOSS_FRACTION * l0).withRecordPoints(0);
            TrainResult gd = Trainer.run(risk, new GradientDescent(eta), init, config);
            TrainResult gdHalf = Trainer.run(risk, new GradientDescent(eta / 2), init, config);
            TrainResult hbMatched = Trainer.run(risk, new HeavyBall(eta * (1 - momentum), momentum), init, config);
            TrainResult hbRaw = Trainer.run(risk, new HeavyBall(eta, momentum), init, config);
            double[] bGd = net.effectiveWeights(gd.theta());
            double[] bMatched = net.effectiveWeights(hbMatched.theta());
            double[] bRaw = net.effectiveWeights(hbRaw.theta());
            double scale = Vec.norm2(bGd);
            double sensitivity = Vec.distance(net.effectiveWeights(gdHalf.theta()), bGd) / scale;
            double diff = Vec.distance(bMatched, bGd) / scale;
            double diffRaw = Vec.distance(bRaw, bGd) / scale;
            double allowed = Math.max(SENSITIVITY_FACTOR * sensitivity, ABSOLUTE_FLOOR);
            double l1Gd = Vec.norm1(bGd);
            var b = TrialResult.of(trial).instance(inst.toString()).metric("eta", eta)
                    .metric("gdSteps", gd.steps()).metric("hbSteps", hbMatched.steps())
                    .metric("hbSameRawStepSteps", hbRaw.steps()).metric("gdStepSensitivity", sensitivity)
                    .metric("hbVsGd", diff).metric("hbSameRawStepVsGd", diffRaw).metric("allowed", allowed)
                    .metric("l1Gd", l1Gd).metric("l1HbOverL1Gd", Vec.norm1(bMatched) / l1Gd)
                    .metric("l1HbSameRawStepOverL1Gd", Vec.norm1(bRaw) / l1Gd)
                    .metric("l1Truth", Vec.norm1(truth));
            if (!(gd.converged() && gdHalf.converged() && hbMatched.converged() && hbRaw.converged())) {
                return b.outcome(Outcome.INCONCLUSIVE, diff, "a run did not reach the loss target: GD " + gd.status()
                        + ", GD(η/2) " + gdHalf.status() + ", HB(η(1−β)) " + hbMatched.status() + ", HB(η) "
                        + hbRaw.status());
            }
            return b.decide(diff, diff <= allowed, String.format(Locale.ROOT,
                    "‖β_HB(η(1−β)) − β_GD(η)‖/‖β_GD‖ = %.3g vs allowed %.3g = max(10 × GD's step sensitivity %.3g, "
                            + "1e-8); ℓ1(HB)/ℓ1(GD) = %.4f; not judged: heavy-ball at the raw step η differs by %.3g, "
                            + "ℓ1 ratio %.4f", diff, allowed, sensitivity, Vec.norm1(bMatched) / l1Gd, diffRaw,
                    Vec.norm1(bRaw) / l1Gd));
        }

        @Override
        public List<Chart> charts(Evidence e) {
            return List.of(new Chart(e.arm() + "-momentum-vs-step-sensitivity",
                    "Heavy-ball at the matched step η(1−β) vs GD at η, against GD's own step sensitivity (" + e.arm()
                            + ")", "‖β_GD(η/2) − β_GD(η)‖ / ‖β_GD‖", "‖β_HB − β_GD‖ / ‖β_GD‖", true, true,
                    List.of(ClaimCharts.scatter(e, "gdStepSensitivity", "hbVsGd"),
                            ClaimCharts.scatter(e, "gdStepSensitivity", "hbSameRawStepVsGd"),
                            Chart.Series.line("10 × sensitivity", new double[] {1e-12, 1}, new double[] {1e-11, 10}))));
        }

        @Override
        public String keyNumber(Evidence e) {
            double[] ratio = e.trials().stream().mapToDouble(t -> t.metrics().get("hbVsGd") / t.metrics().get("allowed"))
                    .sorted().toArray();
            long sparser = e.trials().stream().filter(t -> t.metrics().get("l1HbOverL1Gd") < 1).count();
            return String.format(Locale.ROOT, "matched step: ‖β_HB − β_GD‖/‖β_GD‖ from %.2e to %.2e = %.3g to %.3g × the "
                    + "allowed 10 × GD step sensitivity; ℓ1(HB)/ℓ1(GD) %.4f to %.4f (HB sparser in %d of %d); not "
                    + "judged, HB at the raw step η: difference up to %.2e, ℓ1 ratio %.4f to %.4f",
                    MinNormClosedFormClaims.minMetric(e, "hbVsGd"), MinNormClosedFormClaims.maxMetric(e, "hbVsGd"),
                    ratio.length == 0 ? Double.NaN : ratio[0], ratio.length == 0 ? Double.NaN : ratio[ratio.length - 1],
                    MinNormClosedFormClaims.minMetric(e, "l1HbOverL1Gd"), MinNormClosedFormClaims.maxMetric(e,
                            "l1HbOverL1Gd"), sparser, e.trials().size(),
                    MinNormClosedFormClaims.maxMetric(e, "hbSameRawStepVsGd"),
                    MinNormClosedFormClaims.minMetric(e, "l1HbSameRawStepOverL1Gd"),
                    MinNormClosedFormClaims.maxMetric(e, "l1HbSameRawStepOverL1Gd"));
        }
    }

    /** A check on instances drawn by {@link LeastSquaresInstance#draw}, shrunk by halving both dimensions. */
    abstract static class OnLeastSquares implements InstanceCheck<LeastSquaresInstance> {
        @Override
        public LeastSquaresInstance draw(Trial trial) {
            return LeastSquaresInstance.draw(trial);
        }

        @Override
        public List<LeastSquaresInstance> shrink(LeastSquaresInstance instance) {
            return instance.halved();
        }
    }

    /** Where a run starts: setting.start, zero or gaussian (w₀ ~ N(0, init_std²I)). */
    enum Start {
        ZERO, GAUSSIAN;

        /** w₀, drawn from the instance's data seed so the instance alone fixes it. */
        double[] of(LeastSquaresInstance inst, Setting s) {
            return this == ZERO ? new double[inst.n()]
                    : new Rng(inst.dataSeed() ^ 0x5eedL).gaussianVector(inst.n(), s.real("init_std"));
        }
    }

    /** The optimizer of a run: setting.optimizer, at the instance's step f·2/λmax unless said otherwise. */
    enum Method {
        /** plain GD. */
        GD,
        /** AdaGrad at setting.adagrad_lr, ε = 1e-10. */
        ADAGRAD,
        /** heavy-ball with setting.momentum, its velocity started at v₀ ~ N(0, initial_velocity_std²I). */
        HEAVY_BALL;

        Optimizer of(LeastSquaresInstance inst, GramSpectrum.Result spectrum, Setting s) {
            return switch (this) {
                case GD -> new GradientDescent(inst.step(spectrum));
                case ADAGRAD -> new AdaGrad(s.real("adagrad_lr"), 1e-10);
                case HEAVY_BALL -> {
                    double std = s.real("initial_velocity_std");
                    // a zero velocity is the core's heavy-ball itself
                    yield std == 0 ? new HeavyBall(inst.step(spectrum), s.real("momentum"))
                            : new WarmVelocityHeavyBall(inst.step(spectrum), s.real("momentum"), std, inst.dataSeed());
                }
            };
        }
    }

    /** The exact limit a run is judged against. */
    interface Reference {
        double[] of(Mat x, double[] y, double[] w0);

        Reference MIN_NORM = (x, y, w0) -> MinNorm.solve(x, y);
        Reference CLOSEST_TO_START = MinNorm::closestInterpolant;
    }

    /**
     * Runs one optimizer (setting.optimizer) on (1/2m)‖Xw − y‖² from a start (setting.start) and
     * judges the limit against an exact reference: relative distance at the end, and (optionally)
     * the null-space component of every recorded iterate.
     */
    static final class ConvergesTo extends OnLeastSquares implements ClaimRunner.KeyNumber {
        static final double REL_ERROR_TOL = 1e-8;
        static final double NULL_COMPONENT_TOL = 1e-10;
        private final Reference reference;
        private final boolean checkNullSpace;

        ConvergesTo(Reference reference, boolean checkNullSpace) {
            this.reference = reference;
            this.checkNullSpace = checkNullSpace;
        }

        @Override
        public TrialResult check(LeastSquaresInstance inst, Trial trial) {
            Regression d = inst.data();
            Mat x = d.x();
            GramSpectrum.Result spectrum = GramSpectrum.of(x);
            Setting s = trial.setting();
            Start start = s.choice("start", Start.class);
            Method method = s.choice("optimizer", Method.class);
            double[] w0 = start.of(inst, s);
            double[] target = reference.of(x, d.y(), w0);
            double scale = Vec.norm2(target);
            Mat pinv = MinNorm.pseudoInverse(x);
            Map<String, ToDoubleFunction<double[]>> probes = new java.util.LinkedHashMap<>();
            probes.put("relError", w -> Vec.distance(w, target) / scale);
            probes.put("nullComponent", w -> Vec.distance(w, Ops.gemv(pinv, Ops.gemv(x, w, null), null)) / scale);
            // On the row space ‖w − w*‖ ≤ ‖∇L‖/λmin⁺ for GD's limit: stop when that bound is 1e-10 relative.
            double gradTol = 1e-10 * scale * spectrum.lambdaMinNonzero();
            TrainConfig config = TrainConfig.fullBatch(trial.setting().integer("max_steps"), gradTol);
            EmpiricalRisk risk = new EmpiricalRisk(new LinearModel(inst.n()), SquaredLoss.INSTANCE, x, d.y());
            Optimizer opt = method.of(inst, spectrum, s);
            TrainResult run = Trainer.run(risk, opt, BatchSampler.full(), w0, config, probes);

            double relError = Vec.distance(run.theta(), target) / scale;
            double maxNull = run.trajectory().series("nullComponent").stream().mapToDouble(Double::doubleValue).max()
                    .orElse(Double.NaN);
            var b = TrialResult.of(trial).instance(inst + " from " + Setting.label(start) + " " + opt.describe())
                    .metric("m", inst.m()).metric("n", inst.n()).metric("stepFraction", inst.stepFraction())
                    .metric("lambdaMax", spectrum.lambdaMax()).metric("condition", spectrum.conditionNumber())
                    .metric("steps", run.steps()).metric("relError", relError).metric("maxNullComponent", maxNull)
                    .metric("normW", Vec.norm2(run.theta())).metric("normReference", scale)
                    .trace("relError", ClaimCharts.toArray(run.trajectory().steps()),
                            ClaimCharts.toArray(run.trajectory().series("relError")))
                    .trace("nullComponent", ClaimCharts.toArray(run.trajectory().steps()),
                            ClaimCharts.toArray(run.trajectory().series("nullComponent")));
            if (!run.converged()) {
                return b.outcome(Outcome.INCONCLUSIVE, relError, run.status() + ": " + run.detail());
            }
            boolean pass = relError <= REL_ERROR_TOL && (!checkNullSpace || maxNull <= NULL_COMPONENT_TOL);
            return b.decide(relError, pass, String.format(Locale.ROOT,
                    "relative distance to the reference %.3g (tol %.0e), max null component %.3g%s after %d steps",
                    relError, REL_ERROR_TOL, maxNull, checkNullSpace ? " (tol 1e-10)" : " (not judged)", run.steps()));
        }

        @Override
        public List<Chart> charts(Evidence e) {
            return List.of(
                    ClaimCharts.traces(e, "relError", e.arm() + "-distance-to-reference",
                            "‖w_t − w_ref‖ / ‖w_ref‖ (" + e.arm() + ")", "step t", "relative distance", true,
                            true),
                    ClaimCharts.traces(e, "nullComponent", e.arm() + "-null-space-component",
                            "‖P_null(X) w_t‖ / ‖w_ref‖ (" + e.arm() + ")", "step t", "null-space component",
                            true, true));
        }

        @Override
        public String keyNumber(Evidence e) {
            double maxErr = e.trials().stream().mapToDouble(t -> t.metrics().get("relError")).max().orElse(Double.NaN);
            double maxNull = e.trials().stream().mapToDouble(t -> t.metrics().get("maxNullComponent")).max()
                    .orElse(Double.NaN);
            if (!checkNullSpace) {
                return String.format(Locale.ROOT, "max relative distance to reference = %.2e", maxErr);
            }
            return String.format(Locale.ROOT, "max relative distance to reference = %.2e, max null-space component = %.2e",
                    maxErr, maxNull);
        }
    }
}
