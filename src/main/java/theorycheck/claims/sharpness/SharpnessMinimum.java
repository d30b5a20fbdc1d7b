package theorycheck.claims.sharpness;

import java.util.Locale;
import theorycheck.claim.Trial;
import theorycheck.data.Rng;
import theorycheck.linalg.Mat;
import theorycheck.linalg.SymmetricEigen;
import theorycheck.linalg.Vec;
import theorycheck.loss.EmpiricalRisk;
import theorycheck.loss.SquaredLoss;
import theorycheck.measure.FullHessian;
import theorycheck.model.Activation;
import theorycheck.model.Init;
import theorycheck.model.Mlp;
import theorycheck.train.LevenbergMarquardt;

/**
 * A strict local minimum of a small under-parameterized tanh net (p &lt; n) on teacher targets it
 * cannot fit exactly: GD from a random start, then Levenberg–Marquardt with the exact Hessian until the gradient
 * is at rounding level, then the Hessian's spectrum to confirm H ≻ 0. Also keeps the GD start, a
 * point with a non-zero gradient, for controls.
 */
record SharpnessMinimum(int n, int d, int width, long dataSeed) {
    /** Gradient norm below which a polished end point counts as critical. */
    static final double CRITICAL_GRADIENT = 1e-10;
    /** Standard deviation of the noise added to the teacher's targets. */
    static final double NOISE = 0.5;

    static SharpnessMinimum draw(Trial trial) {
        var s = trial.setting();
        Rng rng = trial.rng();
        int[] nr = s.intRange("n");
        int[] wr = s.intRange("width");
        return new SharpnessMinimum(rng.intBetween(nr[0], nr[1]), s.integer("d"), rng.intBetween(wr[0], wr[1]),
                rng.nextLong());
    }

    /** The found point; {@code theta == null} when no strict minimum was reached (then {@code why} says so). */
    record Found(EmpiricalRisk risk, double[] start, double[] theta, double loss, double gradientNorm,
            SymmetricEigen.Result spectrum, String why) {
        boolean strict() {
            return theta != null;
        }
    }

    /** Attempts (fresh data and start, drawn from the data seed) before giving up on a strict minimum. */
    static final int ATTEMPTS = 20;
    /** λmin/λmax above which the minimum counts as strict (below, the Hessian is singular to rounding). */
    static final double MIN_CONDITION = 1e-6;

    /**
     * The first attempt that ends at a strict minimum; tanh nets often end at degenerate critical
     * points (saturated or redundant units give exactly flat directions), which are skipped.
     */
    Found find() {
        Rng seeds = new Rng(dataSeed);
        Found last = null;
        for (int a = 0; a < ATTEMPTS; a++) {
            last = attempt(new Rng(seeds.nextLong()));
            if (last.strict()) {
                return last;
            }
        }
        return last;
    }

    private Found attempt(Rng rng) {
        Mat x = SharpnessNets.inputs(n, d, rng.split());
        double[] y = SharpnessNets.teacherTargets(x, rng.split());
        // label noise the student cannot fit, so the minimum has a positive loss and a well-conditioned H
        Vec.axpyInPlace(1.0, rng.gaussianVector(n, NOISE), y);
        Mlp net = new Mlp(d, new int[] {width}, Activation.TANH, true);
        EmpiricalRisk risk = new EmpiricalRisk(net, SquaredLoss.INSTANCE, x, y);
        double[] start = net.initialize(Init.STANDARD, rng.split());
        double[] gd = SharpnessNets.gd(risk, start, 0.2, 4000);
        if (gd == null) {
            return new Found(risk, start, null, Double.NaN, Double.NaN, null, "GD diverged");
        }
        double[] theta = LevenbergMarquardt.minimize(risk, w -> FullHessian.of(risk, w), gd, 200, 1e-13);
        if (theta == null) {
            return new Found(risk, start, null, Double.NaN, Double.NaN, null, "Levenberg–Marquardt polish diverged");
        }
        double[] g = new double[theta.length];
        double loss = risk.valueAndGradient(theta, null, g);
        double gn = Vec.norm2(g);
        SymmetricEigen.Result spec = FullHessian.eigen(risk, theta);
        if (!(gn <= CRITICAL_GRADIENT) || !(spec.min() > MIN_CONDITION * spec.max())) {
            return new Found(risk, start, null, loss, gn, spec, String.format(Locale.ROOT,
                    "not a strict minimum: ‖∇L‖ = %.2e, λmin/λmax = %.2e", gn, spec.min() / spec.max()));
        }
        return new Found(risk, start, theta, loss, gn, spec, "");
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "tanh net d=%d width=%d (bias), squared loss on n=%d teacher targets, dataSeed=%d",
                d, width, n, dataSeed);
    }
}
