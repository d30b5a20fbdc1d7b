package theorycheck.claims.maxmargin;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import theorycheck.claim.Chart;
import theorycheck.claim.ClaimRunner;
import theorycheck.claim.Evidence;
import theorycheck.claim.InstanceCheck;
import theorycheck.claim.Outcome;
import theorycheck.claim.Trial;
import theorycheck.claim.TrialResult;
import theorycheck.claims.support.ClaimCharts;
import theorycheck.data.Classification;
import theorycheck.data.Rng;
import theorycheck.data.SeparabilityCertificate;
import theorycheck.data.SeparableDesigns;
import theorycheck.linalg.Norm;
import theorycheck.linalg.Vec;
import theorycheck.loss.EmpiricalRisk;
import theorycheck.loss.LogisticLoss;
import theorycheck.model.LinearModel;
import theorycheck.optim.GradientDescent;
import theorycheck.optim.Lion;
import theorycheck.optim.Optimizer;
import theorycheck.optim.Optimizers;
import theorycheck.optim.SteepestDescent;
import theorycheck.reference.GramSpectrum;
import theorycheck.reference.MarginMeasures;
import theorycheck.train.BatchSampler;
import theorycheck.train.TrainConfig;
import theorycheck.train.TrainResult;
import theorycheck.train.Trainer;

/**
 * GD, mini-batch SGD, Adam and Lion on the mean logistic loss, each judged by its distance to
 * the loss's finite minimizer (Newton). The setting's {@code design} names the data: overlapping
 * shifted Gaussians (certified non-separable by the LP) or planted-separable points, where no finite
 * minimizer exists.
 */
final class SameFiniteMinimizer implements InstanceCheck<SameFiniteMinimizer.Instance>,
        ClaimRunner.KeyNumber {

    record Instance(int m, int d, double shift, long dataSeed) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "m=%d d=%d shift=%.2f dataSeed=%d", m, d, shift, dataSeed);
        }
    }

    /** The planted margin of the separable design. */
    static final double PLANTED_GAMMA = 0.2;

    /** The data a trial draws, named by the setting key {@code design}. */
    enum Design {
        /** Two Gaussians N(±shift·u, I): overlapping classes. */
        OVERLAPPING,
        /** Planted-margin points (margin {@link #PLANTED_GAMMA}): separable through the origin. */
        PLANTED_SEPARABLE
    }

    @Override
    public Instance draw(Trial trial) {
        var s = trial.setting();
        Rng rng = trial.rng();
        return new Instance(trial.drawInt("m"), trial.drawInt("d"), s.real("shift"), rng.nextLong());
    }

    @Override
    public TrialResult check(Instance inst, Trial trial) {
        double lionSteps = trial.setting().real("lion_steps");
        double relativeTol = trial.setting().real("relative_tol");
        var s = trial.setting();
        boolean separable = s.choice("design", Design.class) == Design.PLANTED_SEPARABLE;
        Rng data = new Rng(inst.dataSeed());
        Classification c = separable ? SeparableDesigns.plantedMargin(inst.m(), inst.d(), PLANTED_GAMMA, data)
                : SeparableDesigns.shiftedGaussians(inst.m(), inst.d(), inst.shift(), data);
        SeparabilityCertificate.Result cert = SeparabilityCertificate.certify(c);
        theorycheck.reference.LogisticMinimizer.Result newton = theorycheck.reference.LogisticMinimizer.solve(c);
        EmpiricalRisk risk = new EmpiricalRisk(new LinearModel(inst.d()), LogisticLoss.INSTANCE, c.x(), c.y());
        double smooth = GramSpectrum.of(c.x()).lambdaMax() / 4;
        long steps = s.integer("steps");
        // GD's and SGD's steps come from the data (1/L); Adam and Lion are named in the setting
        Lion lion = Optimizers.parse(s.text("lion"), Lion.class);
        Optimizer[] opts = {new GradientDescent(1 / smooth),
                new SteepestDescent(Norm.L2, 1 / smooth, false, s.real("sgd_decay")),
                Optimizers.parse(s.text("adam")), lion};
        String[] names = {"GD", "SGD", "Adam", "Lion"};
        var b = TrialResult.of(trial).instance(inst + (separable ? " planted-separable" : " overlapping"))
                .metric("certifiedLinfMargin", cert.margin()).metric("newtonConverged", newton.converged() ? 1 : 0)
                .metric("normMinimizer", Vec.norm2(newton.w()));
        double[][] ends = new double[opts.length][];
        double worst = 0;
        double scale = Vec.norm2(newton.w());
        for (int k = 0; k < opts.length; k++) {
            double[] end;
            if (k == 1) {
                end = averagedSgd(risk, opts[k], BatchSampler.withoutReplacement(inst.m(), s.integer("sgd_batch"),
                        Rng.stream(trial.seed(), "sgd-batches")), inst.d(), steps);
            } else {
                // normalized margin only: on overlapping data no max-margin answer exists to divide by
                TrainResult run = Trainer.run(risk, opts[k], BatchSampler.full(), new double[inst.d()],
                        new TrainConfig(steps, 0, 0, 100, 1e12, 40), Map.of("normalizedMargin",
                                w -> Vec.norm2(w) == 0 ? Double.NaN : MarginMeasures.normalizedMargin(w, c, Norm.L2)));
                end = run.theta();
                b.trace(names[k], ClaimCharts.toArray(run.trajectory().steps()),
                        ClaimCharts.toArray(run.trajectory().series("normalizedMargin")));
            }
            ends[k] = end;
            double allowed = relativeTol * scale + (k == 3 ? lionSteps * lion.lr() * Math.sqrt(inst.d()) : 0);
            double dist = Vec.distance(end, newton.w());
            b.metric(names[k] + ".distance", dist).metric(names[k] + ".allowed", allowed)
                    .metric(names[k] + ".norm", Vec.norm2(end));
            worst = Math.max(worst, dist / allowed);
        }
        double spread = 0;
        for (int i = 0; i < ends.length; i++) {
            for (int j = i + 1; j < ends.length; j++) {
                spread = Math.max(spread, MarginMeasures.angle(ends[i], ends[j]));
            }
        }
        b.metric("worstDistanceOverAllowed", worst).metric("largestAngleBetweenEndPoints", spread);
        if (!separable && cert.separable()) {
            return b.outcome(Outcome.INCONCLUSIVE, worst, "the overlapping draw happened to be separable");
        }
        if (!newton.converged()) {
            return b.decide(Double.POSITIVE_INFINITY, false, "no finite logistic minimizer: " + newton.detail()
                    + String.format(Locale.ROOT, "; end points up to %.3f rad apart", spread));
        }
        return b.decide(worst, worst <= 1, String.format(Locale.ROOT,
                "largest distance to the Newton minimizer over its allowance: %.3g (GD %.2e, SGD %.2e, Adam %.2e, Lion %.2e)",
                worst, b.peek("GD.distance"), b.peek("SGD.distance"), b.peek("Adam.distance"), b.peek("Lion.distance")));
    }

    /**
     * Mini-batch SGD from 0 whose answer is the Polyak–Ruppert average of the second half of its
     * iterates (Polyak &amp; Juditsky 1992): with steps ∝ t^(−0.6) the average converges to the
     * minimizer at the O(1/√t) rate, while the last iterate keeps a noise floor set by the budget.
     */
    static double[] averagedSgd(EmpiricalRisk risk, Optimizer sgd, BatchSampler sampler, int dim, long steps) {
        double[] average = new double[dim];
        long from = steps / 2;
        // θ_t for t > from is the iterate after step t − 1 ≥ from: the second half, averaged incrementally
        Trainer.Hooks averaging = Trainer.Hooks.observing(1, (t, theta) -> {
            if (t > from) {
                double weight = 1.0 / (t - from);
                for (int j = 0; j < dim; j++) {
                    average[j] += weight * (theta[j] - average[j]);
                }
            }
        });
        TrainResult run = Trainer.run(risk, sgd, sampler, new double[dim], new TrainConfig(steps, 0, 0, 100, 1e12, 0),
                Map.of(), averaging);
        if (run.diverged()) {
            java.util.Arrays.fill(average, Double.NaN);
        }
        return average;
    }

    @Override
    public List<Chart> charts(Evidence e) {
        List<Chart> charts = new java.util.ArrayList<>();
        for (String name : List.of("GD", "Adam", "Lion")) {
            charts.add(ClaimCharts.traces(e, name, e.arm() + "-" + name + "-normalized-margin", name
                    + ": normalized ℓ2 margin minᵢ yᵢ⟨w_t, xᵢ⟩/‖w_t‖ (" + e.arm() + ")", "step t", "γ(w_t)/‖w_t‖₂",
                    true, false));
        }
        charts.add(new Chart(e.arm() + "-end-point-spread", "Largest angle between the optimizers' end points ("
                + e.arm() + ")", "‖Newton minimizer‖ (0 when there is none)", "max angle between end points (rad)",
                false, false, List.of(ClaimCharts.scatter(e, "normMinimizer", "largestAngleBetweenEndPoints"))));
        return charts;
    }

    @Override
    public String keyNumber(Evidence e) {
        double worst = e.max("worstDistanceOverAllowed");
        double spread = e.max("largestAngleBetweenEndPoints");
        return String.format(Locale.ROOT,
                "largest distance to the Newton minimizer over its allowance: %.3g (≤ 1 passes); end points at most %.3g rad apart",
                worst, spread);
    }
}
