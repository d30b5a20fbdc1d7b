package theorycheck.claim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one trial found.
 *
 * @param instance the drawn instance, in words (dimensions, step size, …) so it can be read and re-run
 * @param outcome PASS, FAIL or INCONCLUSIVE by the claim's prediction
 * @param keyValue the number the prediction thresholds (for statistical claims: the signed effect,
 *     positive in the predicted direction)
 * @param metrics further measured numbers, in a stable order
 * @param note why the outcome is what it is, in words
 * @param traces named curves (e.g. "distance vs step") for charts: each a pair of equal-length arrays
 */
public record TrialResult(int index, long seed, String instance, Outcome outcome, double keyValue,
        Map<String, Double> metrics, String note, Map<String, double[][]> traces) {

    public TrialResult {
        metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        traces = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(traces));
    }

    /** Starts a result for this trial. */
    public static Builder of(Trial trial) {
        return new Builder(trial);
    }

    /** Collects a trial's result. */
    public static final class Builder {
        private final Trial trial;
        private String instance = "";
        private final Map<String, Double> metrics = new LinkedHashMap<>();
        private final Map<String, double[][]> traces = new LinkedHashMap<>();

        private Builder(Trial trial) {
            this.trial = trial;
        }

        public Builder instance(String description) {
            this.instance = description;
            return this;
        }

        public Builder metric(String name, double value) {
            metrics.put(name, value);
            return this;
        }

        /** A metric recorded so far, for composing the note; NaN if absent. */
        public double peek(String name) {
            return metrics.getOrDefault(name, Double.NaN);
        }

        public Builder trace(String name, double[] x, double[] y) {
            if (x.length != y.length) {
                throw new IllegalArgumentException("trace " + name + ": x and y lengths differ");
            }
            traces.put(name, new double[][] {x.clone(), y.clone()});
            return this;
        }

        /**
         * Decides by {@code passes}; a NaN key value is never compared: it makes the trial
         * INCONCLUSIVE unless the caller decided otherwise with {@link #outcome}.
         */
        public TrialResult decide(double keyValue, boolean passes, String note) {
            Outcome o = Double.isNaN(keyValue) ? Outcome.INCONCLUSIVE : passes ? Outcome.PASS : Outcome.FAIL;
            String n = Double.isNaN(keyValue) ? "key value is NaN; " + note : note;
            return outcome(o, keyValue, n);
        }

        public TrialResult outcome(Outcome outcome, double keyValue, String note) {
            return new TrialResult(trial.index(), trial.seed(), instance, outcome, keyValue, metrics, note, traces);
        }
    }
}
