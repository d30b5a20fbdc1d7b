package theorycheck.claims.minnorm;

import java.util.List;
import java.util.Locale;
import theorycheck.claim.Chart;
import theorycheck.claim.ClaimRunner;
import theorycheck.claim.Evidence;
import theorycheck.claim.InstanceCheck;
import theorycheck.claim.Outcome;
import theorycheck.claim.Trial;
import theorycheck.claim.TrialResult;
import theorycheck.claims.support.ClaimCharts;
import theorycheck.data.Rng;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Ops;
import theorycheck.linalg.Vec;
import theorycheck.loss.EmpiricalRisk;
import theorycheck.loss.SquaredLoss;
import theorycheck.optim.GradientDescent;
import theorycheck.optim.HeavyBall;
import theorycheck.reference.GramSpectrum;
import theorycheck.train.TrainConfig;
import theorycheck.train.TrainResult;
import theorycheck.train.Trainer;

/**
 * GD (step η) and heavy-ball (momentum β, step η(1 − β): the same effective step η) from the
 * same init u = v = α₀·1 on a diagonal linear net of depth setting.depth; their limits
 * β = u^D − v^D are compared on the scale of GD's own discretisation error (the change of GD's
 * limit when its step is halved). Heavy-ball at the same raw step η (effective step η/(1 − β),
 * ten times GD's) is recorded beside it, not judged. At depth 1 (β = u − v, the control) every
 * update stays in the row space of [X, −X] and the limits coincide.
 */
final class MomentumOnDiagonalNet implements InstanceCheck<MomentumOnDiagonalNet.Instance>,
        ClaimRunner.KeyNumber {

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
        int d = trial.drawInt("d");
        return new Instance(d, d / 2, s.integer("sparsity"), s.integer("depth"), trial.drawUniform("alpha0"),
                trial.drawUniform("step_fraction"), rng.nextLong());
    }

    @Override
    public TrialResult check(Instance inst, Trial trial) {
        double lossFraction = trial.setting().real("loss_fraction");
        double absoluteFloor = trial.setting().real("absolute_floor");
        double sensitivityFactor = trial.setting().real("sensitivity_factor");
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
                .withLossTol(lossFraction * l0).withRecordPoints(0);
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
        double allowed = Math.max(sensitivityFactor * sensitivity, absoluteFloor);
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
                MinNormClosedFormChecks.minMetric(e, "hbVsGd"), MinNormClosedFormChecks.maxMetric(e, "hbVsGd"),
                ratio.length == 0 ? Double.NaN : ratio[0], ratio.length == 0 ? Double.NaN : ratio[ratio.length - 1],
                MinNormClosedFormChecks.minMetric(e, "l1HbOverL1Gd"), MinNormClosedFormChecks.maxMetric(e,
                        "l1HbOverL1Gd"), sparser, e.trials().size(),
                MinNormClosedFormChecks.maxMetric(e, "hbSameRawStepVsGd"),
                MinNormClosedFormChecks.minMetric(e, "l1HbSameRawStepOverL1Gd"),
                MinNormClosedFormChecks.maxMetric(e, "l1HbSameRawStepOverL1Gd"));
    }
}
