package theorycheck.claims.sharpness;

import theorycheck.claim.Setting;
import theorycheck.claim.Trial;
import theorycheck.data.Rng;

/**
 * The size and condition number of a random quadratic, drawn from a claim's {@code d} (integer
 * range) and {@code condition} (range, log-uniform) with the trial's random source, in that order.
 */
record SharpnessDynamicsSpectrum(int d, double kappa) {
    static SharpnessDynamicsSpectrum draw(Trial trial) {
        Setting s = trial.setting();
        Rng rng = trial.rng();
        int[] dr = s.intRange("d");
        int d = rng.intBetween(dr[0], dr[1]);
        double[] kr = s.range("condition");
        return new SharpnessDynamicsSpectrum(d, rng.logUniform(kr[0], kr[1]));
    }
}
