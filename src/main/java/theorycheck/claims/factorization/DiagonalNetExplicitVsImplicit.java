package theorycheck.claims.factorization;

import java.util.List;
import java.util.Locale;
import theorycheck.claim.Chart;
import theorycheck.claim.Evidence;
import theorycheck.claim.Outcome;
import theorycheck.claim.Trial;
import theorycheck.claim.TrialResult;
import theorycheck.claims.support.ClaimCharts;
import theorycheck.data.Regression;
import theorycheck.data.Rng;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Vec;
import theorycheck.reference.ExplicitRegularizer;
import theorycheck.reference.QAlphaInterpolant;

/**
 * slides.explicit-vs-implicit: initializing at α·1 is not the same as regularizing ‖w − α1‖². The
 * explicit interpolant β^R = argmin R_α and the implicit one β^Q = argmin Q_α differ, and GD's limit
 * is β^Q. The control overrides the α range with one where both regularizers are quadratic.
 */
final class DiagonalNetExplicitVsImplicit extends DiagonalNetCheck {
    static final double C = 0.1;
    /** β^R and β^Q count as different when ≥ 5% apart: 2.5× the GD tolerance of slides.q-alpha. */
    static final double DIFFER = 0.05;
    static final double GD_TOL = 0.02;
    /** GD must be at least 4× closer to β^Q than to β^R. */
    static final double CLOSER = 0.25;
    @Override
    public DiagonalNetInstance draw(Trial trial) {
        DiagonalNetInstance inst = DiagonalNetInstance.draw(trial);
        double[] r = trial.setting().range("alpha");
        return inst.withAlpha(Rng.stream(inst.dataSeed(), "alpha").logUniform(r[0], r[1]));
    }

    @Override
    public TrialResult check(DiagonalNetInstance inst, Trial trial) {
        Regression data = inst.data();
        Mat x = data.x();
        double alpha = inst.alpha();
        var b = TrialResult.of(trial).instance(inst.toString());
        QAlphaInterpolant.Result q = QAlphaInterpolant.solve(x, data.y(), alpha);
        ExplicitRegularizer.Result r = ExplicitRegularizer.solve(x, data.y(), alpha);
        if (!q.converged() || !r.converged()) {
            return b.outcome(Outcome.INCONCLUSIVE, Double.NaN, "a reference did not converge");
        }
        double lm = DiagonalNetGd.lambdaMax(x);
        long budget = trial.setting().integer("max_steps");
        double[][] limits = new double[2][];
        for (int h = 0; h < 2; h++) {
            DiagonalNetGd.Run run = DiagonalNetGd.run(x, data.y(), lm, DiagonalNetGd.depth(inst.d(), 2),
                    DiagonalNetChecks.balancedInit(inst.d(), alpha), DiagonalNetGd.StepRule.adaptive(C / (1 << h)), 0,
                    DiagonalNetGd.Budget.toTolerance(1e-9, budget << h));
            if (!run.converged()) {
                return b.outcome(Outcome.INCONCLUSIVE, Double.NaN, "GD: " + run.status());
            }
            limits[h] = run.beta();
        }
        double dQR = Vec.relativeError(r.beta(), q.beta(), 0.0);
        double eQ = Vec.relativeError(limits[1], q.beta(), 0.0);
        double eR = Vec.distance(limits[1], r.beta()) / Vec.norm2(q.beta());
        double halving = Vec.relativeError(limits[0], limits[1], 0.0);
        b.metric("alpha", alpha).metric("distQR", dQR).metric("gdToQ", eQ).metric("gdToR", eR)
                .metric("stepHalvingChange", halving);
        boolean pass = dQR >= DIFFER && eQ <= GD_TOL && eQ <= CLOSER * eR;
        return b.decide(dQR, pass, String.format(Locale.ROOT,
                "‖β^R − β^Q‖/‖β^Q‖ = %.3g; GD (c=%.2g) is %.3g from β^Q and %.3g from β^R; halving c moved it %.2g",
                dQR, C / 2, eQ, eR, halving));
    }

    @Override
    public List<Chart> charts(Evidence e) {
        return List.of(new Chart(e.arm() + "-q-vs-r", "Implicit (Q_α) vs explicit (R_α) interpolant (" + e.arm() + ")",
                "α", "relative distance", true, true, List.of(
                        DiagonalNetChecks.named(ClaimCharts.scatter(e, "alpha", "distQR"), "‖β^R − β^Q‖/‖β^Q‖"),
                        DiagonalNetChecks.named(ClaimCharts.scatter(e, "alpha", "gdToQ"), "GD to β^Q"),
                        DiagonalNetChecks.named(ClaimCharts.scatter(e, "alpha", "gdToR"), "GD to β^R"))));
    }

    @Override
    public String keyNumber(Evidence e) {
        return DiagonalNetChecks.range(e, "distQR", "‖β^R − β^Q‖/‖β^Q‖") + "; "
                + DiagonalNetChecks.range(e, "gdToQ", "GD to β^Q") + "; "
                + DiagonalNetChecks.range(e, "gdToR", "GD to β^R");
    }
}
