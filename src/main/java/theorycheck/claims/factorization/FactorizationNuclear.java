package theorycheck.claims.factorization;

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
import theorycheck.data.MatrixSensing;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Ops;
import theorycheck.measure.EffectiveRank;
import theorycheck.reference.MinNuclearNorm;

/**
 * lit.mf-nuclear-*: the small-α GD limit on matrix sensing against the certified minimum-trace PSD
 * solution. PASS when ‖X_GD − X_nuc‖_F/‖X_nuc‖_F ≤ {@link #DIST_TOL}. The instance's m is
 * m_over_dof times the degrees of freedom nr − r(r−1)/2; the init scale is alpha.
 */
final class FactorizationNuclear implements InstanceCheck<FactorizationLowRank.Instance>, ClaimRunner.KeyNumber {
    static final double DIST_TOL = 0.05;
    static final double ADMM_TOL = 1e-8;
    static final int ADMM_ITERATIONS = 50000;
    static final double CERT_TOL = 1e-5;
    static final double FIT_TOL = 1e-4;
    @Override
    public FactorizationLowRank.Instance draw(Trial trial) {
        return FactorizationLowRank.Instance.draw(trial);
    }

    @Override
    public TrialResult check(FactorizationLowRank.Instance inst, Trial trial) {
        MatrixSensing s = inst.sensing();
        int n = s.n();
        double alpha = trial.setting().real("alpha");
        var b = TrialResult.of(trial).instance(inst + String.format(Locale.ROOT, " α=%.3g", alpha));
        MinNuclearNorm.Result nuc = MinNuclearNorm.solve(s.measurements(), s.y(), n, ADMM_TOL, ADMM_ITERATIONS);
        b.metric("admmIterations", nuc.iterations()).metric("dualityGap", nuc.relativeGap())
                .metric("slackMinEig", nuc.slackMinEigenvalue());
        if (!nuc.converged() || Math.abs(nuc.relativeGap()) > CERT_TOL || nuc.slackMinEigenvalue() < -CERT_TOL
                || nuc.measurementResidual() > CERT_TOL) {
            return b.outcome(Outcome.INCONCLUSIVE, Double.NaN, "min-trace reference not certified: " + nuc);
        }
        double[] init = inst.w().clone();
        for (int j = 0; j < init.length; j++) {
            init[j] *= alpha;
        }
        double eta = FactorizationSensingGd.step(s, FactorizationLowRank.STEP_C);
        FactorizationSensingGd.Run run = FactorizationSensingGd.run(s, init, eta, FIT_TOL,
                trial.setting().integer("max_steps"));
        b.metric("gdSteps", run.stepsTaken());
        if (run.status() != theorycheck.train.RunStatus.CONVERGED) {
            return b.outcome(Outcome.INCONCLUSIVE, Double.NaN, "GD: " + run.status());
        }
        Mat p = Ops.multTransB(new Mat(n, n, run.u()), new Mat(n, n, run.u()), null);
        double[] xn = nuc.x().data();
        double d = 0, z = 0;
        for (int j = 0; j < xn.length; j++) {
            d += (p.data()[j] - xn[j]) * (p.data()[j] - xn[j]);
            z += xn[j] * xn[j];
        }
        double dist = Math.sqrt(d / z);
        double traceExcess = (Ops.trace(p) - nuc.trace()) / nuc.trace();
        double truthDist = FactorizationSensingGd.distance(s, nuc.x().data());
        double[] specNuc = FactorizationSensingGd.spectrum(n, sqrtFactor(nuc.x()));
        b.metric("distToNuclear", dist).metric("traceExcess", traceExcess).metric("nuclearDistToTruth", truthDist)
                .metric("gdDistToTruth", run.distance()[run.distance().length - 1])
                .metric("gdERank", EffectiveRank.entropy(FactorizationSensingGd.spectrum(n, run.u())))
                .metric("nuclearERank", EffectiveRank.entropy(specNuc)).metric("m", s.m());
        b.trace("distance", run.steps(), run.distance());
        return b.decide(dist, dist <= DIST_TOL, String.format(Locale.ROOT,
                "‖X_GD − X_nuc‖/‖X_nuc‖ = %.3g, trace excess %.3g, X_nuc vs X*: %.3g", dist, traceExcess, truthDist));
    }

    /** A factor F with FFᵀ = X for PSD X (so {@link FactorizationSensingGd#spectrum} applies). */
    private static double[] sqrtFactor(Mat x) {
        var e = theorycheck.linalg.SymmetricEigen.decompose(x);
        int n = x.rows();
        double[] f = new double[n * n];
        for (int k = 0; k < n; k++) {
            double sq = Math.sqrt(Math.max(e.values()[k], 0));
            for (int i = 0; i < n; i++) {
                f[i * n + k] = e.vectors().get(i, k) * sq;
            }
        }
        return f;
    }

    @Override
    public List<Chart> charts(Evidence e) {
        return List.of(new Chart(e.arm() + "-gd-vs-min-nuclear", "Distance of the GD limit to the min-trace solution vs m ("
                + e.arm() + ")", "measurements m", "‖X_GD − X_nuc‖_F/‖X_nuc‖_F", false, true,
                List.of(ClaimCharts.scatter(e, "m", "distToNuclear"))));
    }

    @Override
    public String keyNumber(Evidence e) {
        return DiagonalNetChecks.range(e, "distToNuclear", "‖X_GD − X_nuc‖/‖X_nuc‖") + "; "
                + DiagonalNetChecks.range(e, "traceExcess", "trace excess") + "; "
                + DiagonalNetChecks.range(e, "nuclearDistToTruth", "X_nuc vs X*");
    }
}
