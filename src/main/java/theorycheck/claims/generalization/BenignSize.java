package theorycheck.claims.generalization;

import theorycheck.claim.Trial;

/**
 * A sample size m drawn uniformly from the setting's integer range {@code m} and a feature-to-sample
 * ratio drawn uniformly from its range {@code aspect}, in that order from the trial's random source.
 */
record BenignSize(int m, double aspect) {
    static BenignSize draw(Trial trial) {
        int[] mr = trial.setting().intRange("m");
        int m = trial.rng().intBetween(mr[0], mr[1]);
        double[] ar = trial.setting().range("aspect");
        return new BenignSize(m, trial.rng().uniform(ar[0], ar[1]));
    }
}
