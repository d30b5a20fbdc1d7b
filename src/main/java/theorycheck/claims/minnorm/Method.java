package theorycheck.claims.minnorm;

import theorycheck.claim.Setting;
import theorycheck.optim.AdaGrad;
import theorycheck.optim.GradientDescent;
import theorycheck.optim.HeavyBall;
import theorycheck.optim.Optimizer;
import theorycheck.optim.Optimizers;
import theorycheck.reference.GramSpectrum;

/** The optimizer of a run: setting.optimizer, at the instance's step f·2/λmax unless said otherwise. */
enum Method {
    /** plain GD. */
    GD,
    /** AdaGrad as setting.adagrad names it, e.g. {@code adagrad(lr=0.05, eps=1e-10)}. */
    ADAGRAD,
    /** heavy-ball with setting.momentum, its velocity started at v₀ ~ N(0, initial_velocity_std²I). */
    HEAVY_BALL;

    Optimizer of(LeastSquaresInstance inst, GramSpectrum.Result spectrum, Setting s) {
        return switch (this) {
            case GD -> new GradientDescent(inst.step(spectrum));
            case ADAGRAD -> Optimizers.parse(s.text("adagrad"), AdaGrad.class);
            case HEAVY_BALL -> {
                double std = s.real("initial_velocity_std");
                // a zero velocity is the core's heavy-ball itself
                yield std == 0 ? new HeavyBall(inst.step(spectrum), s.real("momentum"))
                        : new WarmVelocityHeavyBall(inst.step(spectrum), s.real("momentum"), std, inst.dataSeed());
            }
        };
    }
}
