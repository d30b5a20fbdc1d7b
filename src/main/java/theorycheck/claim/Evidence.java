package theorycheck.claim;

import java.util.List;
import java.util.Optional;
import java.util.stream.DoubleStream;

/**
 * The trials of one arm (the claim or its control) and what they decide.
 *
 * @param arm "claim" or "control"
 * @param complete false when only some trials were run (a single-trial re-run): then the verdict
 *     describes those trials only and is not compared with the expected one
 * @param setting the arm's setting, for a key number or chart that names a threshold of the claim file
 */
public record Evidence(String arm, Quantifier quantifier, List<TrialResult> trials, Verdict verdict,
        Statistics statistics, Optional<Counterexample> counterexample, boolean complete, Setting setting) {

    /** The largest value of a trial metric over this arm's trials; NaN if there are none or one is NaN. */
    public double max(String metric) {
        return values(metric).max().orElse(Double.NaN);
    }

    /** The smallest value of a trial metric over this arm's trials; NaN if there are none or one is NaN. */
    public double min(String metric) {
        return values(metric).min().orElse(Double.NaN);
    }

    /** The mean of a trial metric over this arm's trials; NaN if there are none. */
    public double mean(String metric) {
        return values(metric).average().orElse(Double.NaN);
    }

    /** The sum of a trial metric over this arm's trials; 0 if there are none. */
    public double sum(String metric) {
        return values(metric).sum();
    }

    /** A metric every trial of this arm records; a trial without it is a bug in the check, named here. */
    private DoubleStream values(String metric) {
        return trials.stream().mapToDouble(t -> {
            Double v = t.metrics().get(metric);
            if (v == null) {
                throw new IllegalStateException("trial " + t.index() + " (" + arm + ") has no metric '" + metric + "'");
            }
            return v;
        });
    }
}
