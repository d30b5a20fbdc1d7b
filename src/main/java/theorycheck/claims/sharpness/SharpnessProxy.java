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
import theorycheck.data.Rng;
import theorycheck.loss.EmpiricalRisk;
import theorycheck.measure.Sharpness;
import theorycheck.model.Activation;

/**
 * book.flatness-proxy: the random-direction proxy λ_eff = 2ΔL/r² on K checkpoints (independently
 * initialized nets trained on the same data), at a probe norm r and at 2r on the same directions, each
 * with both signs ({@link Sharpness#randomDirectionScan}); the ranking agreement (Kendall τ) and, per
 * checkpoint, the ratio ρ = λ_eff(2r)/λ_eff(r) = ΔL(2r)/(4ΔL(r)), which the quadratic law puts at 1.
 */
final class SharpnessProxy implements InstanceCheck<SharpnessTrainedNet>, ClaimRunner.KeyNumber {

    @Override
    public SharpnessTrainedNet draw(Trial trial) {
        return SharpnessTrainedNet.draw(trial, Activation.TANH, true, false);
    }

    @Override
    public TrialResult check(SharpnessTrainedNet inst, Trial trial) {
        var s = trial.setting();
        TrialResult.Builder b = TrialResult.of(trial).instance(inst.toString());
        int k = s.integer("checkpoints");
        int m = s.integer("probes");
        double r = s.real("radius");
        double[] small = new double[k];
        double[] large = new double[k];
        double worst = 0;
        double maxKappa = 0;
        Rng rng = Rng.stream(inst.dataSeed(), "probes");
        double[] idx = new double[k];
        for (int c = 0; c < k; c++) {
            SharpnessTrainedNet.Trained t = inst.train(s.real("eta"), s.integer("steps"), c);
            if (t.theta() == null) {
                return b.outcome(Outcome.INCONCLUSIVE, Double.NaN, "GD diverged for checkpoint " + c);
            }
            EmpiricalRisk risk = t.train();
            Sharpness.RadiusScan scan = Sharpness.randomDirectionScan(risk, t.theta(), new double[] {r, 2 * r}, m,
                    rng.split());
            small[c] = scan.effectiveCurvature(0);
            large[c] = scan.effectiveCurvature(1);
            if (!Double.isFinite(small[c]) || !Double.isFinite(large[c])) {
                return b.outcome(Outcome.INCONCLUSIVE, Double.NaN, "non-finite loss on a probe of checkpoint " + c);
            }
            double rho = large[c] / small[c];
            worst = Math.max(worst, Math.abs(rho - 1));
            idx[c] = c + 1;
            b.metric("lambdaEff_r_" + c, small[c]).metric("lambdaEff_2r_" + c, large[c]).metric("rho_" + c, rho);
            maxKappa = Math.max(maxKappa, Math.abs(4 * (rho - 1) / (r * r)));
        }
        double tau = kendallTau(small, large);
        b.metric("kendallTau", tau).metric("maxRelDev", worst).metric("maxAbsKappa", maxKappa).trace("lambdaEff at r", idx, small)
                .trace("lambdaEff at 2r", idx, large);
        double tauMin = s.real("min_tau");
        double devMax = s.real("max_rel_dev");
        boolean stable = tau >= tauMin;
        boolean quadratic = worst <= devMax;
        return b.decide(worst, stable && quadratic, String.format(Locale.ROOT,
                "r = %.3g: Kendall τ between rankings at r and 2r = %.2f (%s %.1f); largest |ΔL(2r)/(4ΔL(r)) − 1| = %.3g (%s %.3g)",
                r, tau, stable ? "≥" : "<", tauMin, worst, quadratic ? "≤" : ">", devMax));
    }

    /** Kendall's τ-a between two score vectors (ties count as neither concordant nor discordant). */
    static double kendallTau(double[] a, double[] b) {
        int n = a.length;
        int score = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                score += (int) (Math.signum(a[i] - a[j]) * Math.signum(b[i] - b[j]));
            }
        }
        return 2.0 * score / (n * (n - 1));
    }

    @Override
    public List<Chart> charts(Evidence e) {
        List<Chart.Series> series = new ArrayList<>();
        for (TrialResult t : e.trials()) {
            double[][] a = t.traces().get("lambdaEff at r");
            double[][] c = t.traces().get("lambdaEff at 2r");
            if (a == null || series.size() >= ClaimCharts.MAX_CURVES) {
                continue;
            }
            series.add(Chart.Series.points("trial " + t.index(), a[1], c[1]));
        }
        return List.of(new Chart(e.arm() + "-proxy", "λ_eff = 2ΔL/r² of each checkpoint: probe norm r vs 2r (" + e.arm()
                + ")", "λ_eff at r", "λ_eff at 2r", true, true, series));
    }

    @Override
    public String keyNumber(Evidence e) {
        return String.format(Locale.ROOT, "Kendall τ %.2f to %.2f; largest |ΔL(2r)/(4ΔL(r)) − 1| %.3g to %.3g",
                SharpnessRescaling.stat(e, "kendallTau", false), SharpnessRescaling.stat(e, "kendallTau", true),
                SharpnessRescaling.stat(e, "maxRelDev", false), SharpnessRescaling.stat(e, "maxRelDev", true));
    }
}
