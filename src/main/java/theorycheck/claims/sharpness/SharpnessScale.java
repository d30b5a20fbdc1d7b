package theorycheck.claims.sharpness;

import java.util.ArrayList;
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
import theorycheck.data.RandomDesigns;
import theorycheck.data.Rng;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Ops;
import theorycheck.linalg.SymmetricEigen;
import theorycheck.linalg.Vec;
import theorycheck.loss.EmpiricalRisk;
import theorycheck.loss.ExponentialLoss;
import theorycheck.measure.FullHessian;
import theorycheck.measure.Sharpness;
import theorycheck.model.Activation;
import theorycheck.model.LinearModel;
import theorycheck.model.Mlp;
import theorycheck.model.TwiceDifferentiable;

/** The global-scale checks of the sharpness family: book.A.15 and book.C.11. */
final class SharpnessScale {
    private SharpnessScale() {
    }

    /** A trained net (or, for the book.C.11 control, an equal-margin linear instance) and a scale c. */
    record ScaleInstance(SharpnessTrainedNet net, double c, long seed) {
        static ScaleInstance draw(Trial trial, boolean logistic, boolean linearControl) {
            double[] cr = trial.setting().range("c");
            Rng rng = trial.rng();
            SharpnessTrainedNet net = linearControl ? null
                    : SharpnessTrainedNet.draw(trial, Activation.RELU, true, logistic);
            return new ScaleInstance(net, rng.uniform(cr[0], cr[1]), rng.nextLong());
        }

        @Override
        public String toString() {
            String what = net == null ? "linear model, exponential loss, all training margins equal (seed " + seed + ")"
                    : net.toString();
            return String.format(Locale.ROOT, "%s; c=%.3f", what, c);
        }
    }

    /**
     * book.A.15: the change of variables φ = cθ (g_φ = f_{φ/c}, the same function) of a trained ReLU
     * net. Setting {@code measures: raw}: the eigenvalue measures λmax and tr H must change, by the
     * derived 1/c². Control, {@code measures: normalized}: the same "does it change" check on
     * scale-normalized ones (λmax(|θ|H|θ|), λmax/tr H).
     */
    static final class ChangeOfVariables implements InstanceCheck<ScaleInstance>, ClaimRunner.KeyNumber {

        @Override
        public ScaleInstance draw(Trial trial) {
            return ScaleInstance.draw(trial, false, false);
        }

        @Override
        public TrialResult check(ScaleInstance inst, Trial trial) {
            var s = trial.setting();
            TrialResult.Builder b = TrialResult.of(trial).instance(inst.toString());
            boolean normalized = trial.setting().choice("measures", "normalized", "raw").equals("normalized");
            SharpnessTrainedNet.Trained t = inst.net().train(s.real("eta"), s.integer("steps"));
            if (t.theta() == null) {
                return b.outcome(Outcome.INCONCLUSIVE, Double.NaN, "GD diverged");
            }
            double c = inst.c();
            Mlp net = t.net();
            EmpiricalRisk risk = t.train();
            double[] theta = t.theta();
            EmpiricalRisk scaledRisk = new EmpiricalRisk(new SharpnessScaledModel(net, c), risk.loss(), risk.x(), risk.y());
            double[] phi = Vec.scale(c, theta);
            double gap = Math.max(
                    SharpnessNets.functionGap(net, theta, scaledRisk.model(), phi, risk.x()),
                    SharpnessNets.functionGap(net, theta, scaledRisk.model(), phi, t.test().x()));
            Mat h = FullHessian.of(risk, theta);
            Mat hc = FullHessian.of(scaledRisk, phi);
            double law = Vec.relativeError(hc.data(), Ops.scale(1 / (c * c), h).data(), 1e-300);
            double lam0 = SymmetricEigen.decompose(h).max();
            double lamC = SymmetricEigen.decompose(hc).max();
            double tr0 = Ops.trace(h);
            double trC = Ops.trace(hc);
            double ad0 = Sharpness.adaptiveLambdaMaxExact(risk, theta);
            double adC = Sharpness.adaptiveLambdaMaxExact(scaledRisk, phi);
            double[] ratios = normalized ? new double[] {adC / ad0, (lamC / trC) / (lam0 / tr0)}
                    : new double[] {lamC / lam0, trC / tr0};
            String[] names = normalized ? new String[] {"λmax(|θ|H|θ|)", "λmax/tr H"} : new String[] {"λmax", "tr H"};
            double minChange = Double.POSITIVE_INFINITY;
            for (double r : ratios) {
                minChange = Math.min(minChange, Math.abs(r - 1));
            }
            b.metric("c", c).metric("trainLoss", risk.value(theta)).metric("functionGap", gap).metric("lawError", law)
                    .metric("lambdaMaxRatio", lamC / lam0).metric("traceRatio", trC / tr0)
                    .metric("adaptiveRatio", adC / ad0).metric("lambdaOverTraceRatio", (lamC / trC) / (lam0 / tr0))
                    .metric("inverseCSquared", 1 / (c * c)).metric("minRelChange", minChange);
            double gapTol = s.real("function_tol");
            if (gap > gapTol || law > s.real("law_tol")) {
                return b.outcome(Outcome.FAIL, minChange, String.format(Locale.ROOT,
                        "the change of variables is broken: function gap %.2e, Hessian vs H/c² %.2e", gap, law));
            }
            double need = s.real("min_change");
            return b.decide(minChange, minChange >= need, String.format(Locale.ROOT,
                    "c = %.3f, same function (gap %.1e), H̃ = H/c² to %.1e; %s ratio %.6g, %s ratio %.6g (1/c² = %.6g); smallest change %.2e (%s %.2f)",
                    c, gap, law, names[0], ratios[0], names[1], ratios[1], 1 / (c * c), minChange,
                    minChange >= need ? "≥" : "<", need));
        }

        @Override
        public List<Chart> charts(Evidence e) {
            List<Chart.Series> series = new ArrayList<>();
            series.add(rename(ClaimCharts.scatter(e, "c", "lambdaMaxRatio"), "λmax after/before"));
            series.add(rename(ClaimCharts.scatter(e, "c", "traceRatio"), "tr H after/before"));
            series.add(rename(ClaimCharts.scatter(e, "c", "adaptiveRatio"), "λmax(|θ|H|θ|) after/before"));
            series.add(rename(ClaimCharts.scatter(e, "c", "lambdaOverTraceRatio"), "(λmax/tr H) after/before"));
            double[] cs = SharpnessChecks.logSpaced(new double[] {1.5, 4}, 20);
            double[] inv = new double[cs.length];
            for (int i = 0; i < cs.length; i++) {
                inv[i] = 1 / (cs[i] * cs[i]);
            }
            series.add(Chart.Series.line("1/c²", cs, inv));
            return List.of(new Chart(e.arm() + "-ratios", "Sharpness measures after φ = cθ, same function (" + e.arm() + ")",
                    "c", "after / before", false, true, series));
        }

        @Override
        public String keyNumber(Evidence e) {
            return String.format(Locale.ROOT,
                    "λmax ratio %.4g to %.4g (= 1/c²); adaptive ratio − 1 within ±%.1e; H̃ vs H/c² ≤ %.1e",
                    SharpnessRescaling.stat(e, "lambdaMaxRatio", false), SharpnessRescaling.stat(e, "lambdaMaxRatio", true),
                    Math.max(Math.abs(SharpnessRescaling.stat(e, "adaptiveRatio", true) - 1),
                            Math.abs(SharpnessRescaling.stat(e, "adaptiveRatio", false) - 1)),
                    SharpnessRescaling.stat(e, "lawError", true));
        }
    }

    /**
     * book.C.11: relative sharpness λmax/L at θ and at cθ. Reading (i), judged: the same model
     * evaluated at cθ (as the book's exercise does; the function changes). Reading (ii), recorded: the
     * change of variables φ = cθ (same function), where the ratio is 1/c² by construction. Setting
     * {@code model}: {@code trained_net} (the claim) or {@code equal_margin_linear} (the control: a
     * linear model with exponential loss and all margins equal, the one case where it is invariant).
     */
    static final class RelativeSharpness implements InstanceCheck<ScaleInstance>, ClaimRunner.KeyNumber {
        private static boolean equalMargin(Trial trial) {
            return trial.setting().choice("model", "equal_margin_linear", "trained_net").equals("equal_margin_linear");
        }

        @Override
        public ScaleInstance draw(Trial trial) {
            return ScaleInstance.draw(trial, true, equalMargin(trial));
        }

        @Override
        public TrialResult check(ScaleInstance inst, Trial trial) {
            var s = trial.setting();
            TrialResult.Builder b = TrialResult.of(trial).instance(inst.toString());
            double c = inst.c();
            EmpiricalRisk risk;
            double[] theta;
            if (equalMargin(trial)) {
                Rng rng = new Rng(inst.seed());
                int n = s.integer("n");
                int d = s.integer("d");
                theta = rng.gaussianVector(d, 1.0);
                Mat x = RandomDesigns.gaussian(n, d, 1.0, rng.split());
                double[] y = new double[n];
                double margin = s.real("margin");
                double tt = Vec.dot(theta, theta);
                for (int i = 0; i < n; i++) {
                    y[i] = rng.uniform() < 0.5 ? -1 : 1;
                    // move x_i along θ so that y_i⟨θ, x_i⟩ = margin exactly
                    double shift = (y[i] * margin - Vec.dot(theta, x.row(i))) / tt;
                    for (int j = 0; j < d; j++) {
                        x.set(i, j, x.get(i, j) + shift * theta[j]);
                    }
                }
                risk = new EmpiricalRisk(new LinearModel(d), ExponentialLoss.INSTANCE, x, y);
            } else {
                SharpnessTrainedNet.Trained t = inst.net().train(s.real("eta"), s.integer("steps"));
                if (t.theta() == null) {
                    return b.outcome(Outcome.INCONCLUSIVE, Double.NaN, "GD diverged");
                }
                risk = t.train();
                theta = t.theta();
            }
            double[] scaled = Vec.scale(c, theta);
            double l0 = risk.value(theta);
            double lc = risk.value(scaled);
            double lam0 = SymmetricEigen.decompose(FullHessian.of(risk, theta)).max();
            double lamC = SymmetricEigen.decompose(FullHessian.of(risk, scaled)).max();
            double r1 = (lamC / lc) / (lam0 / l0);
            EmpiricalRisk cov = new EmpiricalRisk(new SharpnessScaledModel((TwiceDifferentiable) risk.model(), c),
                    risk.loss(), risk.x(), risk.y());
            double lamCov = SymmetricEigen.decompose(FullHessian.of(cov, scaled)).max();
            double r2 = (lamCov / cov.value(scaled)) / (lam0 / l0);
            b.metric("c", c).metric("loss", l0).metric("lossAtC", lc).metric("lambdaMax", lam0).metric("lambdaMaxAtC", lamC)
                    .metric("relativeSharpness", lam0 / l0).metric("relativeSharpnessAtC", lamC / lc)
                    .metric("ratioSameModel", r1).metric("ratioChangeOfVariables", r2)
                    .metric("ratioChangeOfVariablesTimesCSquared", r2 * c * c);
            if (!(l0 > 0) || !(lc > 0)) {
                return b.outcome(Outcome.INCONCLUSIVE, Double.NaN, "a loss is zero (underflow): λmax/L undefined");
            }
            double tol = s.real("invariance_tol");
            double dev = Math.abs(r1 - 1);
            return b.decide(dev, dev <= tol, String.format(Locale.ROOT,
                    "c = %.3f: λmax/L = %.5g at θ, %.5g at cθ (ratio %.6g, |ratio − 1| %s %.0e); L %.4g → %.4g, λmax %.4g → %.4g; change of variables gives ratio %.6g = %.6f/c²",
                    c, lam0 / l0, lamC / lc, r1, dev <= tol ? "≤" : ">", tol, l0, lc, lam0, lamC, r2, r2 * c * c));
        }

        @Override
        public List<Chart> charts(Evidence e) {
            return List.of(new Chart(e.arm() + "-relative-sharpness", "Relative sharpness (λmax/L) at cθ over at θ ("
                    + e.arm() + ")", "c", "ratio (1 = invariant)", false, true,
                    List.of(rename(ClaimCharts.scatter(e, "c", "ratioSameModel"), "same model at cθ"),
                            rename(ClaimCharts.scatter(e, "c", "ratioChangeOfVariables"), "change of variables φ = cθ"),
                            Chart.Series.line("invariant", new double[] {1.5, 3}, new double[] {1, 1}))));
        }

        @Override
        public String keyNumber(Evidence e) {
            return String.format(Locale.ROOT,
                    "(λmax/L)(cθ) / (λmax/L)(θ) from %.4g to %.4g (invariance would be 1); change of variables: %.4g to %.4g (= 1/c²)",
                    SharpnessRescaling.stat(e, "ratioSameModel", false), SharpnessRescaling.stat(e, "ratioSameModel", true),
                    SharpnessRescaling.stat(e, "ratioChangeOfVariables", false),
                    SharpnessRescaling.stat(e, "ratioChangeOfVariables", true));
        }
    }

    static Chart.Series rename(Chart.Series s, String name) {
        return new Chart.Series(name, s.x(), s.y(), s.scatter());
    }
}
