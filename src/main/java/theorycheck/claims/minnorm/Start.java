package theorycheck.claims.minnorm;

import theorycheck.claim.Setting;
import theorycheck.data.Rng;

/** Where a run starts: setting.start, zero or gaussian (w₀ ~ N(0, init_std²I)). */
enum Start {
    ZERO, GAUSSIAN;

    /** w₀, drawn from the instance's data seed so the instance alone fixes it. */
    double[] of(LeastSquaresInstance inst, Setting s) {
        return this == ZERO ? new double[inst.n()]
                : Rng.stream(inst.dataSeed(), "start").gaussianVector(inst.n(), s.real("init_std"));
    }
}
