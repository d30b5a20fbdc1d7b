package theorycheck.claims;

import theorycheck.claim.Setting;
import theorycheck.data.Regression;
import theorycheck.data.Rng;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Vec;
import theorycheck.loss.EmpiricalRisk;
import theorycheck.loss.SquaredLoss;
import theorycheck.measure.PowerIteration;
import theorycheck.model.LinearModel;
import theorycheck.optim.GradientDescent;
import theorycheck.reference.WeightedMinNorm;
import theorycheck.train.TrainConfig;
import theorycheck.train.TrainResult;
import theorycheck.train.Trainer;

/**
 * How an interpolant is obtained in the benign-overfitting claims: the closed-form minimum-norm
 * interpolant, or plain GD (no penalty, no early stopping) on the mean squared loss from 0 or from
 * a random start, run until the training loss is below 10⁻²⁰·mean(y²).
 */
record BenignFit(String name, boolean gd, String initStdKey) {
    static final BenignFit MIN_NORM = new BenignFit("min-norm (closed form)", false, null);
    static final BenignFit GD_FROM_ZERO = new BenignFit("GD from 0", true, null);
    /** Training loss, relative to mean(y²), at which a GD run counts as converged (an interpolant). */
    static final double LOSS_TOL = 1e-20;

    /** GD from θ₀ ~ N(0, τ²I) with τ read from the setting key {@code initStdKey}. */
    static BenignFit gdFromRandom(String initStdKey) {
        return new BenignFit("GD from θ₀~N(0,τ²I), τ = " + initStdKey, true, initStdKey);
    }

    /**
     * The fitted parameters, the run (null for the closed form) and the interpolant GD must reach:
     * the one nearest its start, w₀ + X⁺(y − Xw₀) (book.T1.7).
     */
    record Fitted(double[] theta, TrainResult run, double[] limit) {
        /** ‖θ − limit‖/‖limit‖: 0 for the closed form. */
        double distanceToLimit() {
            return Vec.distance(theta, limit) / Vec.norm2(limit);
        }

        boolean failed() {
            return run != null && !run.converged();
        }
    }

    Fitted fit(Regression d, Setting setting, Rng rng) {
        Mat x = d.x();
        double[] y = d.y();
        if (!gd) {
            double[] w = WeightedMinNorm.minNorm(x, y);
            return new Fitted(w, null, w);
        }
        int p = x.cols();
        double initStd = initStdKey == null ? 0 : setting.real(initStdKey);
        long maxSteps = setting.integer("max_steps");
        double[] theta0 = initStd == 0 ? new double[p] : rng.split().gaussianVector(p, initStd);
        double step = 1.0 / PowerIteration.gramTop(x, rng.split()).value();
        EmpiricalRisk risk = new EmpiricalRisk(new LinearModel(p), SquaredLoss.INSTANCE, x, y);
        TrainConfig config = TrainConfig.fullBatch(maxSteps, 0).withLossTol(LOSS_TOL * Vec.dot(y, y) / y.length)
                .withRecordPoints(0);
        TrainResult run = Trainer.run(risk, new GradientDescent(step), theta0, config);
        double[] limit = WeightedMinNorm.solve(x, y, null, initStd == 0 ? null : theta0);
        return new Fitted(run.theta(), run, limit);
    }
}
