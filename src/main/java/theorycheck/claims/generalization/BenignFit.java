package theorycheck.claims.generalization;

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
 * interpolant, or plain GD (no penalty, no early stopping) on the mean squared loss from
 * θ₀ ~ N(0, τ²I) with τ the setting's {@code init_std} (τ = 0: from 0), run until the training loss
 * is below 10⁻²⁰·mean(y²).
 */
record BenignFit(String name, boolean gd) {
    static final BenignFit MIN_NORM = new BenignFit("min-norm (closed form)", false);
    static final BenignFit GD = new BenignFit("GD from θ₀~N(0,τ²I), τ = init_std", true);
    /** Training loss, relative to mean(y²), at which a GD run counts as converged (an interpolant). */
    static final double LOSS_TOL = 1e-20;

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
        double initStd = setting.real("init_std");
        if (!(initStd >= 0)) {
            throw new IllegalArgumentException("init_std must be ≥ 0 (0: GD from 0), got " + initStd);
        }
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
