package theorycheck.claims.minnorm;

import static theorycheck.claims.minnorm.MinNormClosedFormChecks.logSteps;
import static theorycheck.claims.minnorm.MinNormClosedFormChecks.maxMetric;
import static theorycheck.claims.minnorm.MinNormClosedFormChecks.minMetric;

import java.util.ArrayList;
import java.util.Arrays;
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
import theorycheck.optim.Adam;
import theorycheck.optim.GradientDescent;
import theorycheck.optim.Optimizer;
import theorycheck.optim.RmsProp;
import theorycheck.train.RunStatus;
import theorycheck.train.TrainConfig;
import theorycheck.train.TrainResult;
import theorycheck.train.Trainer;

/**
 * GD, RMSProp and Adam on ½(θ − θ*)ᵀH(θ − θ*) with H = diag(λ), from an error of equal magnitude r
 * along every eigenvector: the settling time of each direction (first step after which |cᵢ| stays
 * ≤ settle_fraction·r) and the slowest/fastest ratio per optimizer. The control swamps the adaptive
 * denominators with a huge ε (adaptive_eps) and scales lr by it (adaptive_lr: gd-equivalent, so
 * lr/ε is GD's step): the per-coordinate normalization is switched off and RMSProp/Adam become
 * (momentum) GD. Every instance also runs with H rotated by a random orthogonal Q, recorded but
 * not judged (the "rotated twin").
 */
final class AdaptiveEqualization implements InstanceCheck<AdaptiveEqualization.Instance>,
        ClaimRunner.KeyNumber {
    static final List<String> OPTIMIZERS = List.of("GD", "RMSProp", "Adam");

    record Instance(int n, double kappa, double lambdaMin, long dataSeed) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "n=%d κ=%.4g λmin=%.4g dataSeed=%d", n, kappa, lambdaMin, dataSeed);
        }

        ClosedFormQuadratic quadratic(boolean rotated) {
            return ClosedFormQuadratic.draw(n, kappa, lambdaMin, rotated, new Rng(dataSeed));
        }

        /** Error components ±r with random signs. */
        double[] initialComponents(double r) {
            Rng signs = Rng.stream(dataSeed, "error-signs");
            double[] c = new double[n];
            for (int i = 0; i < n; i++) {
                c[i] = signs.uniform() < 0.5 ? -r : r;
            }
            return c;
        }
    }

    /** How one optimizer did: settling time per direction (budget + 1 when unsettled). */
    record Run(String name, String describe, RunStatus status, long[] times, long budget) {
        boolean allSettled() {
            return Arrays.stream(times).allMatch(t -> t <= budget);
        }

        /** max/min over directions; a lower bound budget/min when some did not settle; NaN if none did. */
        double ratio() {
            long min = Arrays.stream(times).filter(t -> t <= budget).min().orElse(-1);
            if (min < 0) {
                return Double.NaN;
            }
            long max = Arrays.stream(times).max().getAsLong();
            return allSettled() ? (double) max / min : (double) budget / min;
        }

        String summary() {
            return String.format(Locale.ROOT, "%s: slowest/fastest %s%.3g (%d..%s steps)%s", describe,
                    allSettled() ? "" : "≥ ", ratio(), Arrays.stream(times).min().getAsLong(),
                    allSettled() ? String.valueOf(Arrays.stream(times).max().getAsLong()) : "unsettled",
                    status == RunStatus.DIVERGED ? " DIVERGED" : "");
        }
    }

    /** setting.adaptive_lr: the adaptive methods' lr is error-scaled (adaptive_lr_fraction × r) or gd-equivalent (ε × GD's step). */
    enum LrRule {
        ERROR_SCALED, GD_EQUIVALENT
    }

    @Override
    public Instance draw(Trial trial) {
        Setting s = trial.setting();
        Rng rng = trial.rng();
        int n = trial.drawInt("n");
        return new Instance(n, trial.drawLogUniform("kappa"), trial.drawLogUniform("lambda_min"), rng.nextLong());
    }

    @Override
    public List<Instance> shrink(Instance inst) {
        return inst.n() <= 2 ? List.of()
                : List.of(new Instance(Math.max(2, inst.n() / 2), inst.kappa(), inst.lambdaMin(), inst.dataSeed()));
    }

    @Override
    public TrialResult check(Instance inst, Trial trial) {
        Setting s = trial.setting();
        double limit = s.real("equal_ratio");
        var b = TrialResult.of(trial).metric("n", inst.n()).metric("kappa", inst.kappa()).metric("equalRatio", limit);
        ClosedFormQuadratic quad = inst.quadratic(false);
        List<Optimizer> optimizers = optimizers(s, quad);
        b.instance(inst + " H=diag(λ) " + optimizers.get(1).describe() + " " + optimizers.get(2).describe());
        List<Run> runs = runAll(inst, quad, optimizers, s, b, "");
        StringBuilder note = new StringBuilder();
        for (Run run : runs) {
            note.append(note.length() == 0 ? "" : "; ").append(run.summary());
        }
        ClosedFormQuadratic rotated = inst.quadratic(true); // the rotated twin: recorded, not judged
        List<Run> twin = runAll(inst, rotated, optimizers(s, rotated), s, b, "rotated ");
        note.append(String.format(Locale.ROOT, " | rotated twin (not judged): RMSProp %s%.3g, Adam %s%.3g, "
                + "GD %.3g", twin.get(1).allSettled() ? "" : "≥ ", twin.get(1).ratio(),
                twin.get(2).allSettled() ? "" : "≥ ", twin.get(2).ratio(), twin.get(0).ratio()));
        Run gd = runs.get(0);
        double key = Math.max(runs.get(1).ratio(), runs.get(2).ratio());
        b.metric("maxAdaptiveRatio", key);
        if (!(gd.ratio() > limit)) {
            return b.outcome(Outcome.INCONCLUSIVE, key, "GD's own ratio is not above " + limit
                    + ", so the instance cannot tell equalized from not; " + note);
        }
        boolean anyFail = false, allPass = true;
        for (Run run : runs.subList(1, runs.size())) {
            double ratio = run.ratio();
            anyFail |= ratio > limit;
            allPass &= run.allSettled() && ratio <= limit;
        }
        if (anyFail) {
            return b.outcome(Outcome.FAIL, key, "an adaptive method's ratio exceeds " + limit + "; " + note);
        }
        if (!allPass) {
            return b.outcome(Outcome.INCONCLUSIVE, key, "an adaptive method left its ratio undecided; " + note);
        }
        return b.outcome(Outcome.PASS, key, "both adaptive ratios ≤ " + limit + "; " + note);
    }

    /** GD at gd_step_fraction·2/λmax, RMSProp and Adam with ε = adaptive_eps and lr by setting.adaptive_lr. */
    private static List<Optimizer> optimizers(Setting s, ClosedFormQuadratic quad) {
        double gdStep = s.real("gd_step_fraction") * 2 / quad.lambdaMax();
        double eps = s.real("adaptive_eps");
        double lr = switch (s.choice("adaptive_lr", LrRule.class)) {
            case ERROR_SCALED -> s.real("adaptive_lr_fraction") * s.real("initial_error");
            case GD_EQUIVALENT -> eps * gdStep;
        };
        return List.of(new GradientDescent(gdStep), new RmsProp(lr, s.real("rmsprop_rho"), eps),
                new Adam(lr, s.real("adam_beta1"), s.real("adam_beta2"), eps, 0.0));
    }

    /** Runs each optimizer for the full budget, recording metrics and traces under {@code prefix}. */
    private static List<Run> runAll(Instance inst, ClosedFormQuadratic quad, List<Optimizer> optimizers, Setting s,
            TrialResult.Builder b, String prefix) {
        int n = quad.n();
        double settle = s.real("settle_fraction");
        int budget = s.integer("max_steps");
        double[] c0 = inst.initialComponents(s.real("initial_error"));
        double[] theta0 = quad.pointWithComponents(c0);
        int[] shown = {0, n / 2, n - 1};
        TreeSet<Long> recordAt = logSteps(budget, 80);
        double[] recordSteps = recordAt.stream().mapToDouble(Long::doubleValue).toArray();
        List<Run> runs = new ArrayList<>();
        for (int o = 0; o < optimizers.size(); o++) {
            String name = OPTIMIZERS.get(o);
            long[] lastAbove = new long[n]; // step 0 is above the settle level by construction
            double[][] curves = new double[shown.length][recordAt.size()];
            double[] c = new double[n];
            int[] slot = {0};
            Optimizer observed = new ClosedFormObserved(optimizers.get(o), (t, theta) -> {
                quad.components(theta, c);
                for (int i = 0; i < n; i++) {
                    if (!(Math.abs(c[i]) <= settle * Math.abs(c0[i]))) { // NaN counts as not settled
                        lastAbove[i] = t;
                    }
                }
                if (recordAt.contains(t)) {
                    for (int k = 0; k < shown.length; k++) {
                        curves[k][slot[0]] = Math.abs(c[shown[k]] / c0[shown[k]]);
                    }
                    slot[0]++;
                }
            });
            TrainResult run = Trainer.run(quad.objective(), observed, theta0,
                    TrainConfig.fullBatch(budget, 0).withRecordPoints(0));
            long[] times = new long[n];
            for (int i = 0; i < n; i++) {
                times[i] = run.diverged() ? budget + 1 : lastAbove[i] + 1;
            }
            Run result = new Run(name, optimizers.get(o).describe(), run.status(), times, budget);
            runs.add(result);
            for (int k = 0; k < shown.length; k++) {
                b.trace(String.format(Locale.ROOT, "%s%s λ=%.3g", prefix, name, quad.lambda()[shown[k]]),
                        Arrays.copyOf(recordSteps, slot[0]), Arrays.copyOf(curves[k], slot[0]));
            }
            b.metric(prefix + name + ".ratio", result.ratio())
                    .metric(prefix + name + ".ratioIsLowerBound", result.allSettled() ? 0 : 1)
                    .metric(prefix + name + ".fastest", Arrays.stream(times).min().getAsLong())
                    .metric(prefix + name + ".slowest", Arrays.stream(times).max().getAsLong())
                    .metric(prefix + name + ".diverged", run.diverged() ? 1 : 0);
        }
        return runs;
    }

    @Override
    public List<Chart> charts(Evidence e) {
        List<Chart> charts = new ArrayList<>();
        TrialResult first = e.trials().isEmpty() ? null : e.trials().get(0);
        List<String> prefixes = first != null && first.metrics().containsKey("rotated GD.ratio")
                ? List.of("", "rotated ") : List.of("");
        for (String prefix : prefixes) {
            for (String name : OPTIMIZERS) {
                List<Chart.Series> series = new ArrayList<>();
                for (Map.Entry<String, double[][]> t : first == null ? List.<Map.Entry<String, double[][]>>of()
                        : first.traces().entrySet()) {
                    if (t.getKey().startsWith(prefix + name + " ")) {
                        series.add(Chart.Series.line(t.getKey(), t.getValue()[0], t.getValue()[1]));
                    }
                }
                String label = prefix.isEmpty() ? "H = diag(λ)" : "rotated twin H = QΛQᵀ, not judged";
                charts.add(new Chart(e.arm() + "-" + prefix.replace(" ", "-") + name.toLowerCase(Locale.ROOT)
                        + "-directions", name + ": |error along qᵢ| / r, slowest, middle, fastest direction (" + e.arm()
                        + ", trial " + (first == null ? "-" : first.index()) + ", " + label + ")", "step t",
                        "|cᵢ,ₜ| / |cᵢ,₀|", true, true, series));
            }
        }
        List<Chart.Series> ratios = new ArrayList<>();
        for (String prefix : prefixes) {
            for (String name : OPTIMIZERS) {
                Chart.Series p = ClaimCharts.scatter(e, "kappa", prefix + name + ".ratio");
                ratios.add(Chart.Series.points(prefix + name, p.x(), p.y()));
            }
        }
        double limit = maxMetric(e, "equalRatio");
        double[] kappas = e.trials().stream().mapToDouble(t -> t.metrics().get("kappa")).sorted().toArray();
        if (kappas.length > 0) {
            ratios.add(Chart.Series.line(String.format(Locale.ROOT, "ratio = %.3g", limit),
                    new double[] {kappas[0], kappas[kappas.length - 1]}, new double[] {limit, limit}));
        }
        charts.add(new Chart(e.arm() + "-ratios", "Slowest / fastest direction settling time vs κ (" + e.arm() + ")",
                "κ", "settling-time ratio", true, true, ratios));
        return charts;
    }

    @Override
    public String keyNumber(Evidence e) {
        return String.format(Locale.ROOT, "slowest/fastest direction time on diag(λ), largest over trials: RMSProp "
                + "%.3g, Adam %.3g (equalized if ≤ %.3g); GD smallest %.3g; rotated twin (not judged): RMSProp %.3g, "
                + "Adam %.3g", maxMetric(e, "RMSProp.ratio"), maxMetric(e, "Adam.ratio"), maxMetric(e, "equalRatio"),
                minMetric(e, "GD.ratio"), maxMetric(e, "rotated RMSProp.ratio"), maxMetric(e, "rotated Adam.ratio"));
    }
}
