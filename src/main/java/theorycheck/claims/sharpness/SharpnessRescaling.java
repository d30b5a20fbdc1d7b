package theorycheck.claims.sharpness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import theorycheck.claim.Chart;
import theorycheck.claim.ClaimRunner;
import theorycheck.claim.Evidence;
import theorycheck.claim.InstanceCheck;
import theorycheck.claim.Outcome;
import theorycheck.claim.Setting;
import theorycheck.claim.Trial;
import theorycheck.claim.TrialResult;
import theorycheck.claims.support.ClaimCharts;
import theorycheck.data.RandomDesigns;
import theorycheck.data.Rng;
import theorycheck.linalg.Mat;
import theorycheck.linalg.SymmetricEigen;
import theorycheck.linalg.Vec;
import theorycheck.loss.EmpiricalRisk;
import theorycheck.measure.FullHessian;
import theorycheck.measure.Sharpness;
import theorycheck.model.Activation;
import theorycheck.model.Mlp;

/** The rescaling checks of the sharpness family: lit.dinh-rescaling and lit.adaptive-sharpness. */
final class SharpnessRescaling {
    private SharpnessRescaling() {
    }

    /**
     * lit.dinh-rescaling: (W₁, b₁, W₂) → (aW₁, ab₁, W₂/a) on a trained two-layer net over a sweep of
     * a; per a, the function gap, λmax (Lanczos) and the Hessian against the derived law
     * H_a = T⁻¹HT⁻¹ with T = diag(a on layer 1, 1/a on layer 2). The setting's {@code activation} is the
     * hidden units' (relu in the claim; tanh, not positively homogeneous, in the control).
     */
    static final class DinhRescaling extends TrainedNetCheck {
        @Override
        public SharpnessTrainedNet draw(Trial trial) {
            return SharpnessTrainedNet.draw(trial, Activation.byName(trial.setting().text("activation")), false, false);
        }

        @Override
        TrialResult checkTrained(SharpnessTrainedNet inst, SharpnessTrainedNet.Trained t, Trial trial,
                TrialResult.Builder b) {
            Setting s = trial.setting();
            Mlp net = t.net();
            EmpiricalRisk risk = t.train();
            double[] theta = t.theta();
            double[] g = new double[theta.length];
            b.metric("trainLoss", risk.valueAndGradient(theta, null, g))
                    .metric("gradNorm", theorycheck.linalg.Vec.norm2(g));
            Mat h = FullHessian.of(risk, theta);
            double base = Sharpness.lambdaMax(risk, theta, new Rng(inst.dataSeed())).first();
            double[] as = s.reals("a_values");
            double[] lam = new double[as.length];
            double maxGap = 0;
            double maxLaw = 0;
            double factor = 1;
            for (int k = 0; k < as.length; k++) {
                double a = as[k];
                double[] scaled = SharpnessNets.layerRescale(net, theta, 0, a);
                maxGap = Math.max(maxGap, SharpnessNets.functionGap(net, theta, scaled, risk.x()));
                maxGap = Math.max(maxGap, SharpnessNets.functionGap(net, theta, scaled, t.test().x()));
                lam[k] = Sharpness.lambdaMax(risk, scaled, Rng.stream(inst.dataSeed(), "power-iteration", k)).first();
                double[] dg = new double[theta.length];
                java.util.Arrays.fill(dg, 1.0);
                dg = SharpnessNets.layerRescale(net, dg, 0, a);
                Mat predicted = SharpnessNets.congruenceByInverse(h, dg);
                maxLaw = Math.max(maxLaw, Vec.relativeError(FullHessian.of(risk, scaled).data(), predicted.data(), 1e-300));
                factor = Math.max(factor, Math.max(lam[k] / base, base / lam[k]));
            }
            b.metric("lambdaMax", base).metric("maxFunctionGap", maxGap).metric("hessianLawError", maxLaw)
                    .metric("lambdaMaxFactor", factor).trace("lambdaMax vs a", as, lam);
            double gapTol = s.real("function_tol");
            double minFactor = s.real("min_factor");
            boolean same = maxGap <= gapTol;
            boolean moved = factor >= minFactor;
            boolean law = !same || maxLaw <= s.real("law_tol");
            return b.decide(factor, same && moved && law, String.format(Locale.ROOT,
                    "function gap %.2e (%s %.0e); λmax %.4g at a = 1, moved by a factor %.3g (%s %.0f); Hessian vs T⁻¹HT⁻¹: %.2e",
                    maxGap, same ? "≤" : ">", gapTol, base, factor, moved ? "≥" : "<", minFactor, maxLaw));
        }

        @Override
        public List<Chart> charts(Evidence e) {
            return List.of(ClaimCharts.traces(e, "lambdaMax vs a", e.arm() + "-lambda-vs-a",
                    "λmax after (W₁, W₂) → (aW₁, W₂/a) (" + e.arm() + ")", "a", "λmax(∇²L)", true, true));
        }

        @Override
        public String keyNumber(Evidence e) {
            return String.format(Locale.ROOT, "λmax moved by a factor %.3g to %.3g with function gap ≤ %.1e",
                    stat(e, "lambdaMaxFactor", false), stat(e, "lambdaMaxFactor", true), stat(e, "maxFunctionGap", true));
        }
    }

    /**
     * lit.adaptive-sharpness: λmax(|θ|H|θ|) before and after function-preserving reparameterizations.
     * Claim arm: element-wise ones of a ReLU net with biases (layer rescaling a ∈ {0.1, 10} and two
     * random per-neuron rescalings), setting {@code reparameterization: elementwise}. Control
     * ({@code orthogonal_mixing}): the non-diagonal (W₁, W₂) → (MW₁, W₂M⁻¹) of a linear-activation net,
     * M = Q·diag(s), which also keeps the function.
     */
    static final class AdaptiveInvariance extends TrainedNetCheck {
        private static boolean mixing(Trial trial) {
            return trial.setting().choice("reparameterization", "orthogonal_mixing", "elementwise").equals("orthogonal_mixing");
        }

        @Override
        public SharpnessTrainedNet draw(Trial trial) {
            return mixing(trial) ? SharpnessTrainedNet.draw(trial, Activation.LINEAR, false, false)
                    : SharpnessTrainedNet.draw(trial, Activation.RELU, true, false);
        }

        @Override
        TrialResult checkTrained(SharpnessTrainedNet inst, SharpnessTrainedNet.Trained t, Trial trial,
                TrialResult.Builder b) {
            Setting s = trial.setting();
            boolean mixing = mixing(trial);
            Mlp net = t.net();
            EmpiricalRisk risk = t.train();
            double[] theta = t.theta();
            b.metric("trainLoss", risk.value(theta));
            double adaptive0 = Sharpness.adaptiveLambdaMaxExact(risk, theta);
            double plain0 = SymmetricEigen.decompose(FullHessian.of(risk, theta)).max();
            Rng rng = Rng.stream(inst.dataSeed(), "rescalings");
            List<double[]> transformed = new ArrayList<>();
            List<String> names = new ArrayList<>();
            if (mixing) {
                for (int k = 0; k < 3; k++) {
                    transformed.add(mix(net, theta, rng.split()));
                    names.add("mix" + k);
                }
            } else {
                for (double a : s.reals("layer_scales")) {
                    transformed.add(SharpnessNets.layerRescale(net, theta, 0, a));
                    names.add("layer a=" + a);
                }
                double[] range = s.range("neuron_scale_range");
                for (int k = 0; k < 2; k++) {
                    double[] a = new double[net.fanOut(0)];
                    for (int r = 0; r < a.length; r++) {
                        a[r] = rng.logUniform(range[0], range[1]);
                    }
                    transformed.add(SharpnessNets.neuronRescale(net, theta, 0, a));
                    names.add("per-neuron " + k);
                }
            }
            double maxGap = 0;
            double maxAdaptiveChange = 0;
            double maxPlainFactor = 1;
            double[] idx = new double[transformed.size()];
            double[] adaptiveRatio = new double[idx.length];
            double[] plainRatio = new double[idx.length];
            for (int k = 0; k < idx.length; k++) {
                double[] th = transformed.get(k);
                maxGap = Math.max(maxGap, SharpnessNets.functionGap(net, theta, th, risk.x()));
                double ad = Sharpness.adaptiveLambdaMaxExact(risk, th);
                double pl = SymmetricEigen.decompose(FullHessian.of(risk, th)).max();
                idx[k] = k + 1;
                adaptiveRatio[k] = ad / adaptive0;
                plainRatio[k] = pl / plain0;
                maxAdaptiveChange = Math.max(maxAdaptiveChange, Math.abs(ad / adaptive0 - 1));
                maxPlainFactor = Math.max(maxPlainFactor, Math.max(pl / plain0, plain0 / pl));
            }
            b.metric("adaptiveLambdaMax", adaptive0).metric("lambdaMax", plain0).metric("maxFunctionGap", maxGap)
                    .metric("maxAdaptiveRelChange", maxAdaptiveChange).metric("maxPlainFactor", maxPlainFactor)
                    .trace("adaptive ratio", idx, adaptiveRatio).trace("plain ratio", idx, plainRatio);
            double gapTol = s.real("function_tol");
            double inv = s.real("invariance_tol");
            if (maxGap > gapTol) {
                return b.outcome(Outcome.INCONCLUSIVE, maxAdaptiveChange, String.format(Locale.ROOT,
                        "a transformation changed the function (gap %.2e > %.0e): not a reparameterization", maxGap, gapTol));
            }
            return b.decide(maxAdaptiveChange, maxAdaptiveChange <= inv, String.format(Locale.ROOT,
                    "%s: function gap %.2e; adaptive λmax %.4g changes by at most %.2e relative (%s %.0e); plain λmax moves by a factor up to %.3g",
                    String.join(", ", names), maxGap, adaptive0, maxAdaptiveChange, maxAdaptiveChange <= inv ? "≤" : ">",
                    inv, maxPlainFactor));
        }

        /** (W₁, W₂) → (MW₁, W₂M⁻¹) with M = Q·diag(s), Q random orthogonal, s ∈ [0.5, 2] log-uniform. */
        private static double[] mix(Mlp net, double[] theta, Rng rng) {
            int w = net.fanOut(0);
            int d = net.fanIn(0);
            Mat q = RandomDesigns.randomOrthogonal(w, rng.split());
            double[] sc = new double[w];
            for (int i = 0; i < w; i++) {
                sc[i] = rng.logUniform(0.5, 2.0);
            }
            double[] out = theta.clone();
            int o1 = net.weightOffset(0);
            int o2 = net.weightOffset(1);
            // (M W₁)_{rk} = Σ_j Q_rj s_j W₁_{jk}
            for (int r = 0; r < w; r++) {
                for (int k = 0; k < d; k++) {
                    double acc = 0;
                    for (int j = 0; j < w; j++) {
                        acc += q.get(r, j) * sc[j] * theta[o1 + j * d + k];
                    }
                    out[o1 + r * d + k] = acc;
                }
            }
            // (W₂ M⁻¹)_r = Σ_j W₂_j (diag(1/s) Qᵀ)_{jr} = Σ_j W₂_j Q_rj / s_j
            for (int r = 0; r < w; r++) {
                double acc = 0;
                for (int j = 0; j < w; j++) {
                    acc += theta[o2 + j] * q.get(r, j) / sc[j];
                }
                out[o2 + r] = acc;
            }
            return out;
        }

        @Override
        public List<Chart> charts(Evidence e) {
            List<Chart.Series> series = new ArrayList<>();
            for (TrialResult t : e.trials()) {
                double[][] a = t.traces().get("adaptive ratio");
                double[][] p = t.traces().get("plain ratio");
                if (a == null || series.size() >= ClaimCharts.MAX_CURVES) {
                    continue;
                }
                series.add(Chart.Series.points("adaptive, trial " + t.index(), a[0], a[1]));
                series.add(Chart.Series.points("plain λmax, trial " + t.index(), p[0], p[1]));
            }
            return List.of(new Chart(e.arm() + "-ratios", "Sharpness after / before each reparameterization (" + e.arm()
                    + ")", "transformation", "ratio", false, true, series));
        }

        @Override
        public String keyNumber(Evidence e) {
            return String.format(Locale.ROOT, "adaptive λmax: largest relative change %.2e; plain λmax moved up to ×%.3g",
                    stat(e, "maxAdaptiveRelChange", true), stat(e, "maxPlainFactor", true));
        }
    }

    /** A check on a net trained with the setting's η and step count; a diverged run is INCONCLUSIVE. */
    abstract static class TrainedNetCheck implements InstanceCheck<SharpnessTrainedNet>, ClaimRunner.KeyNumber {
        @Override
        public final TrialResult check(SharpnessTrainedNet inst, Trial trial) {
            Setting s = trial.setting();
            TrialResult.Builder b = TrialResult.of(trial).instance(inst.toString());
            SharpnessTrainedNet.Trained t = inst.train(s.real("eta"), s.integer("steps"));
            if (t.theta() == null) {
                return b.outcome(Outcome.INCONCLUSIVE, Double.NaN, "GD diverged");
            }
            return checkTrained(inst, t, trial, b);
        }

        abstract TrialResult checkTrained(SharpnessTrainedNet inst, SharpnessTrainedNet.Trained t, Trial trial,
                TrialResult.Builder b);
    }

    /** The smallest (max = false) or largest value of a metric over an arm's trials. */
    static double stat(Evidence e, String metric, boolean max) {
        double[] v = e.trials().stream().mapToDouble(t -> t.metrics().getOrDefault(metric, Double.NaN))
                .filter(x -> !Double.isNaN(x)).toArray();
        return max ? Vec.max(v) : Vec.min(v);
    }
}
