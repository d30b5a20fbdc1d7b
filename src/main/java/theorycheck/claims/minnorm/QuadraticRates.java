package theorycheck.claims.minnorm;

import static theorycheck.claims.minnorm.MinNormClosedFormChecks.EPS;
import static theorycheck.claims.minnorm.MinNormClosedFormChecks.logSteps;
import static theorycheck.claims.minnorm.MinNormClosedFormChecks.maxMetric;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import theorycheck.claim.Chart;
import theorycheck.claim.ClaimRunner;
import theorycheck.claim.Evidence;
import theorycheck.claim.InstanceCheck;
import theorycheck.claim.Outcome;
import theorycheck.claim.Setting;
import theorycheck.claim.Trial;
import theorycheck.claim.TrialResult;
import theorycheck.claims.support.ClaimCharts;
import theorycheck.data.Rng;
import theorycheck.linalg.Ops;
import theorycheck.linalg.Vec;
import theorycheck.loss.Quadratic;
import theorycheck.optim.GradientDescent;
import theorycheck.optim.Optimizer;
import theorycheck.train.RunStatus;
import theorycheck.train.TrainConfig;
import theorycheck.train.TrainResult;
import theorycheck.train.Trainer;

/**
 * GD on ½(θ − θ*)ᵀH(θ − θ*) with H = Q diag(λ) Qᵀ: (a) every component qᵢᵀ(θ_t − θ*) against
 * (1 − αλᵢ)^t times its start, at every step; (b) a step just below 2/bound converges and one just
 * above diverges. setting.bound: the claim's λmax, or the control's misplaced λmean.
 */
final class QuadraticRates implements InstanceCheck<QuadraticRates.Instance>, ClaimRunner.KeyNumber {

    record Instance(int n, double kappa, double lambdaMin, double rateFraction, double belowFraction,
            double aboveFraction, long dataSeed) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "n=%d κ=%.4g λmin=%.4g rate step=%.3f·2/λmax below=%.4f above=%.4f "
                    + "(·2/bound) dataSeed=%d", n, kappa, lambdaMin, rateFraction, belowFraction, aboveFraction,
                    dataSeed);
        }

        ClosedFormQuadratic quadratic() {
            return ClosedFormQuadratic.draw(n, kappa, lambdaMin, true, new Rng(dataSeed));
        }

        double[] theta0() {
            Rng r = Rng.stream(dataSeed, "start");
            return r.gaussianVector(n, 1.0);
        }
    }

    @Override
    public Instance draw(Trial trial) {
        Setting s = trial.setting();
        Rng rng = trial.rng();
        int n = trial.drawInt("n");
        double kappa = trial.drawLogUniform("kappa");
        double lambdaMin = trial.drawLogUniform("lambda_min");
        return new Instance(n, kappa, lambdaMin, trial.drawUniform("rate_step_fraction"), trial.drawUniform("below_fraction"),
                trial.drawUniform("above_fraction"), rng.nextLong());
    }

    @Override
    public List<Instance> shrink(Instance inst) {
        return inst.n() <= 2 ? List.of() : List.of(new Instance(Math.max(2, inst.n() / 2), inst.kappa(),
                inst.lambdaMin(), inst.rateFraction(), inst.belowFraction(), inst.aboveFraction(), inst.dataSeed()));
    }

    @Override
    public TrialResult check(Instance inst, Trial trial) {
        double floorPerStep = trial.setting().real("floor_per_step");
        double relTol = trial.setting().real("rel_tol");
        Setting s = trial.setting();
        ClosedFormQuadratic quad = inst.quadratic();
        int n = quad.n();
        double[] theta0 = inst.theta0();
        double lambdaMax = quad.lambdaMax();
        Bound which = s.choice("bound", Bound.class);
        var b = TrialResult.of(trial).instance(inst + " bound=" + Setting.label(which))
                .metric("n", n).metric("kappa", inst.kappa());

        // (a) per-direction rates along the core's GD trajectory
        double alpha = inst.rateFraction() * 2 / lambdaMax;
        int steps = s.integer("rate_steps");
        double[] c0 = quad.components(theta0, new double[n]);
        double floorUnit = floorPerStep * n * EPS * (Vec.norm2(quad.thetaStar()) + Vec.norm2(c0));
        int[] shown = {0, n / 2, n - 1};
        TreeSet<Long> recordAt = logSteps(steps, 60);
        double[][] measured = new double[shown.length][recordAt.size()];
        double[][] predicted = new double[shown.length][recordAt.size()];
        double[] floorCurve = new double[recordAt.size()];
        double[] recordSteps = recordAt.stream().mapToDouble(Long::doubleValue).toArray();
        double[] worst = {0, 0, Double.NaN, Double.NaN}; // usage, max relative deviation (3 decades), t, i
        double[] c = new double[n];
        int[] slot = {0};
        Optimizer gd = new ClosedFormObserved(new GradientDescent(alpha), (t, theta) -> {
            quad.components(theta, c);
            double floor = (t + 1) * floorUnit;
            for (int i = 0; i < n; i++) {
                double pred = c0[i] * StrictMath.pow(1 - alpha * quad.lambda()[i], t);
                double dev = Math.abs(c[i] - pred);
                double usage = dev / (relTol * Math.abs(pred) + floor);
                if (Double.isNaN(usage) || usage > worst[0]) { // a NaN stays: it is never compared away
                    worst[0] = usage;
                    worst[2] = t;
                    worst[3] = i;
                }
                if (Math.abs(pred) >= 1e-3 * Math.abs(c0[i])) { // the first three decades of decay
                    worst[1] = Math.max(worst[1], dev / Math.abs(pred));
                }
            }
            if (recordAt.contains(t)) {
                for (int k = 0; k < shown.length; k++) {
                    int i = shown[k];
                    measured[k][slot[0]] = Math.abs(c[i] / c0[i]);
                    double rel = Math.abs(StrictMath.pow(1 - alpha * quad.lambda()[i], t));
                    // drawn down to 1% of the round-off floor only: below it there is nothing to compare
                    predicted[k][slot[0]] = rel >= 1e-2 * floor / Math.abs(c0[i]) ? rel : Double.NaN;
                }
                floorCurve[slot[0]] = floor / Math.abs(c0[shown[0]]);
                slot[0]++;
            }
        });
        TrainResult rateRun = Trainer.run(quad.objective(), gd, theta0,
                TrainConfig.fullBatch(steps, 0).withRecordPoints(0));
        for (int k = 0; k < shown.length; k++) {
            String name = String.format(Locale.ROOT, "λ=%.3g", quad.lambda()[shown[k]]);
            b.trace("measured " + name, recordSteps, measured[k]).trace("formula " + name, recordSteps,
                    predicted[k]);
        }
        b.trace(String.format(Locale.ROOT, "round-off floor F_t/|c₀| λ=%.3g", quad.lambda()[0]), recordSteps,
                floorCurve);
        b.metric("rateStepTimesLambdaMax", alpha * lambdaMax).metric("maxAllowanceUsed", worst[0])
                .metric("maxRelDeviation3Decades", worst[1])
                .metric("slowestFactorAtEnd", StrictMath.pow(1 - alpha * quad.lambda()[0], steps));

        // (b) the threshold from both sides
        double bound = which == Bound.LAMBDA_MEAN ? quad.lambdaMean() : lambdaMax;
        double below = inst.belowFraction() * 2 / bound;
        double above = inst.aboveFraction() * 2 / bound;
        Quadratic objective = quad.objective();
        double g0 = Vec.norm2(Ops.gemv(quad.h(), Vec.sub(theta0, quad.thetaStar()), null));
        TrainConfig config = TrainConfig.fullBatch(s.integer("max_steps"), s.real("grad_tol") * g0)
                .withRecordPoints(0);
        TrainResult in = Trainer.run(objective, new GradientDescent(below), theta0, config);
        TrainResult out = Trainer.run(quad.objective(), new GradientDescent(above), theta0, config);
        b.metric("belowStepTimesLambdaMax", below * lambdaMax).metric("aboveStepTimesLambdaMax", above * lambdaMax)
                .metric("belowConverged", in.converged() ? 1 : 0).metric("belowSteps", in.steps())
                .metric("aboveDiverged", out.diverged() ? 1 : 0).metric("aboveSteps", out.steps());
        String note = String.format(Locale.ROOT,
                "(a) %d steps at α·λmax = %.3f: largest deviation %.3g of its allowance (at t = %.0f, direction "
                        + "%.0f), largest relative deviation while |cᵢ| ≥ 1e-3·|cᵢ,₀| %.2e%s; (b) below (α·λmax = %.4f): %s "
                        + "after %d steps; above (α·λmax = %.4f): %s after %d steps",
                steps, alpha * lambdaMax, worst[0], worst[2], worst[3], worst[1],
                rateRun.diverged() ? " (rate run DIVERGED)" : "", below * lambdaMax, in.status(), in.steps(),
                above * lambdaMax, out.status(), out.steps());
        if (in.status() == RunStatus.BUDGET_EXHAUSTED || out.status() == RunStatus.BUDGET_EXHAUSTED) {
            return b.outcome(Outcome.INCONCLUSIVE, worst[0], "a threshold run neither converged nor diverged; "
                    + note);
        }
        boolean pass = !rateRun.diverged() && worst[0] <= 1 && in.converged() && out.diverged();
        return b.decide(worst[0], pass, note);
    }

    @Override
    public List<Chart> charts(Evidence e) {
        List<Chart.Series> decay = new ArrayList<>();
        if (!e.trials().isEmpty()) {
            TrialResult first = e.trials().get(0);
            for (Map.Entry<String, double[][]> t : first.traces().entrySet()) {
                String name = "trial " + first.index() + " " + t.getKey();
                decay.add(t.getKey().startsWith("measured") ? Chart.Series.points(name, t.getValue()[0],
                        t.getValue()[1]) : Chart.Series.line(name, t.getValue()[0], t.getValue()[1]));
            }
        }
        return List.of(
                new Chart(e.arm() + "-per-direction-decay", "|qᵢᵀ(θ_t − θ*)| / |qᵢᵀ(θ₀ − θ*)| vs (1 − αλᵢ)^t (" + e.arm()
                        + ")", "step t", "relative error along qᵢ", true, true, decay),
                new Chart(e.arm() + "-threshold", "Steps tried (" + e.arm() + "): α·λmax", "α·λmax of the 'below' step",
                        "α·λmax of the 'above' step", false, false,
                        List.of(ClaimCharts.scatter(e, "belowStepTimesLambdaMax", "aboveStepTimesLambdaMax"),
                                Chart.Series.line("α·λmax = 2", new double[] {0, 6}, new double[] {2, 2}))));
    }

    @Override
    public String keyNumber(Evidence e) {
        long converged = e.trials().stream().filter(t -> t.metrics().get("belowConverged") == 1).count();
        long diverged = e.trials().stream().filter(t -> t.metrics().get("aboveDiverged") == 1).count();
        return String.format(Locale.ROOT, "per-direction formula: max deviation %.3g of its allowance (max relative "
                + "deviation over the first 3 decades of decay %.1e); below 2/bound: %d of %d converged; above: %d "
                + "of %d diverged", maxMetric(e, "maxAllowanceUsed"), maxMetric(e, "maxRelDeviation3Decades"),
                converged,
                e.trials().size(), diverged, e.trials().size());
    }
}
