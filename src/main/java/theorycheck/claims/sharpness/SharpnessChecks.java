package theorycheck.claims.sharpness;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
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
import theorycheck.measure.FullHessian;
import theorycheck.measure.LogLogFit;
import theorycheck.measure.Sharpness;

/** Curvature, sharpness and reparameterization. */
class SharpnessChecks {
    /** Puts this class's checks into {@code checks}, by claim id. */
    static void register(Map<String, Supplier<InstanceCheck<?>>> checks) {
        checks.put("book.T1.2", () -> new TaylorRemainder(false));
        checks.put("book.T1.3", () -> new TaylorRemainder(true));
        checks.put("lit.dinh-rescaling", () -> new SharpnessRescaling.DinhRescaling());
        checks.put("lit.adaptive-sharpness", () -> new SharpnessRescaling.AdaptiveInvariance());
        checks.put("book.A.15", () -> new SharpnessScale.ChangeOfVariables());
        checks.put("book.C.11", () -> new SharpnessScale.RelativeSharpness());
        checks.put("book.flatness-proxy", SharpnessProxy::new);
        checks.put("book.A.5", () -> new SharpnessGeneralization.MinimaPairs());
    }

    // ------------------------------------------------------------------------------------------
    // book.T1.2, book.T1.3: Taylor remainders at a strict minimum
    // ------------------------------------------------------------------------------------------

    /**
     * The remainder of the second-order model over a sweep of radii ρ, and its log-log slope.
     * T1.2 (worstCase = false): r(ρ) = max over fixed random unit u of |L(θ+ρu) − L(θ) − ½ρ²uᵀHu|.
     * T1.3 (worstCase = true): r(ρ) = |S(ρ) − ½λmax ρ²| with S(ρ) from projected gradient ascent.
     * The setting's {@code point} says where: {@code minimum} (a Levenberg–Marquardt-polished strict minimum)
     * or {@code start} (the GD start, where ∇L ≠ 0: the control).
     */
    static final class TaylorRemainder implements InstanceCheck<SharpnessMinimum>, ClaimRunner.KeyNumber {
        private final boolean worstCase;

        TaylorRemainder(boolean worstCase) {
            this.worstCase = worstCase;
        }

        @Override
        public SharpnessMinimum draw(Trial trial) {
            return SharpnessMinimum.draw(trial);
        }

        @Override
        public TrialResult check(SharpnessMinimum inst, Trial trial) {
            var s = trial.setting();
            TrialResult.Builder b = TrialResult.of(trial).instance(inst.toString());
            boolean atStart = trial.setting().choice("point", "start", "minimum").equals("start");
            SharpnessMinimum.Found found = inst.find();
            if (!found.strict() && !atStart) {
                return b.outcome(Outcome.INCONCLUSIVE, Double.NaN, found.why());
            }
            EmpiricalRisk risk = found.risk();
            double[] theta = atStart ? found.start() : found.theta();
            double[] g = new double[theta.length];
            double base = risk.valueAndGradient(theta, null, g);
            var spectrum = atStart ? FullHessian.eigen(risk, theta) : found.spectrum();
            double lambdaMax = spectrum.max();
            b.metric("loss", base).metric("gradNorm", Vec.norm2(g)).metric("lambdaMax", lambdaMax)
                    .metric("lambdaMin", spectrum.min()).metric("params", theta.length);
            double[] radii = logSpaced(s.range("rho"), s.integer("points"));
            Rng rng = Rng.stream(inst.dataSeed(), "directions");
            double[] remainder;
            if (worstCase) {
                int restarts = s.integer("restarts");
                int[] minAgree = {restarts};
                remainder = worstCaseRemainder(risk, theta, lambdaMax, radii, restarts, s.integer("ascent_steps"), rng,
                        minAgree);
                b.metric("minRestartsAgreeing", minAgree[0]);
            } else {
                remainder = directionalRemainder(risk, theta, base, radii, s.integer("directions"), rng);
            }
            double slope = LogLogFit.slope(radii, remainder);
            double relSmall = remainder[0] / (0.5 * lambdaMax * radii[0] * radii[0]);
            b.metric("slope", slope).metric("relativeRemainderAtSmallestRho", relSmall)
                    .trace("remainder", radii, remainder);
            double min = s.real("min_slope");
            return b.decide(slope, slope >= min, String.format(Locale.ROOT,
                    "log-log slope of the remainder %.3f (%s %.1f); ‖∇L‖ = %.2e, λmax = %.4g, λmin = %.3g; remainder/(½λmaxρ²) = %.2e at ρ = %.0e",
                    slope, slope >= min ? "≥" : "<", min, Vec.norm2(g), lambdaMax, spectrum.min(), relSmall, radii[0]));
        }

        /** r(ρ) = max over m fixed random unit u of |L(θ+ρu) − L(θ) − ½ρ²uᵀHu|, H the dense exact Hessian. */
        private static double[] directionalRemainder(EmpiricalRisk risk, double[] theta, double base, double[] radii,
                int m, Rng rng) {
            Mat h = FullHessian.of(risk, theta);
            double[][] dirs = new double[m][];
            for (int j = 0; j < m; j++) {
                dirs[j] = rng.gaussianVector(theta.length, 1.0);
                dirs[j] = Vec.scale(1 / Vec.norm2(dirs[j]), dirs[j]);
            }
            double[] remainder = new double[radii.length];
            double[] point = new double[theta.length];
            for (int k = 0; k < radii.length; k++) {
                double rho = radii[k];
                for (double[] u : dirs) {
                    for (int i = 0; i < theta.length; i++) {
                        point[i] = theta[i] + rho * u[i];
                    }
                    double quad = 0.5 * rho * rho * quadraticForm(h, u);
                    remainder[k] = Math.max(remainder[k], Math.abs(risk.value(point) - base - quad));
                }
            }
            return remainder;
        }

        /** r(ρ) = |S(ρ) − ½λmax ρ²|; minAgree[0] becomes the fewest restarts agreeing on S(ρ) over the radii. */
        private static double[] worstCaseRemainder(EmpiricalRisk risk, double[] theta, double lambdaMax, double[] radii,
                int restarts, int steps, Rng rng, int[] minAgree) {
            double[] remainder = new double[radii.length];
            for (int k = 0; k < radii.length; k++) {
                Sharpness.WorstCase wc = Sharpness.worstCase(risk, theta, radii[k], restarts, steps, rng.split());
                remainder[k] = Math.abs(wc.value() - 0.5 * lambdaMax * radii[k] * radii[k]);
                minAgree[0] = Math.min(minAgree[0], wc.agreeing());
            }
            return remainder;
        }

        @Override
        public List<Chart> charts(Evidence e) {
            String what = worstCase ? "|S(ρ) − ½λmax ρ²|" : "max_u |L(θ+ρu) − L(θ) − ½ρ²uᵀHu|";
            return List.of(ClaimCharts.traces(e, "remainder", e.arm() + "-remainder",
                    "Remainder of the quadratic model vs ρ (" + e.arm() + ", log-log)", "ρ", what, true, true));
        }

        @Override
        public String keyNumber(Evidence e) {
            double[] slopes = e.trials().stream().mapToDouble(t -> t.metrics().getOrDefault("slope", Double.NaN))
                    .filter(v -> !Double.isNaN(v)).toArray();
            return String.format(Locale.ROOT, "log-log slope of the remainder: %.3f to %.3f over %d trials", Vec.min(slopes),
                    Vec.max(slopes), slopes.length);
        }
    }

    // ------------------------------------------------------------------------------------------
    // lit.dinh-rescaling, lit.adaptive-sharpness
    // ------------------------------------------------------------------------------------------

    // ------------------------------------------------------------------------------------------
    // book.A.15, book.C.11: global scale
    // ------------------------------------------------------------------------------------------

    // ------------------------------------------------------------------------------------------
    // book.flatness-proxy
    // ------------------------------------------------------------------------------------------

    // ------------------------------------------------------------------------------------------
    // book.A.5
    // ------------------------------------------------------------------------------------------

    // ------------------------------------------------------------------------------------------
    // shared helpers
    // ------------------------------------------------------------------------------------------

    /** uᵀMu. */
    static double quadraticForm(Mat m, double[] u) {
        return Vec.dot(u, Ops.gemv(m, u, null));
    }

    static double[] logSpaced(double[] range, int points) {
        double[] out = new double[points];
        double lo = Math.log(range[0]);
        double hi = Math.log(range[1]);
        for (int i = 0; i < points; i++) {
            out[i] = Math.exp(lo + (hi - lo) * i / (points - 1));
        }
        return out;
    }
}
