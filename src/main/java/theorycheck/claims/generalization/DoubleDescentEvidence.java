package theorycheck.claims.generalization;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import theorycheck.claim.Evidence;

/** Summaries of an arm's trial metrics for the double-descent key numbers. */
final class DoubleDescentEvidence {
    private DoubleDescentEvidence() {
    }

    /** The smallest value of a metric over the arm's trials (NaN if none has it). */
    static double min(Evidence e, String metric) {
        return e.trials().stream().mapToDouble(t -> t.metrics().getOrDefault(metric, Double.NaN)).min()
                .orElse(Double.NaN);
    }

    /** One line per trial, from its metrics, joined by "; ". */
    static String perTrial(Evidence e, Function<Map<String, Double>, String> line) {
        return e.trials().stream().map(t -> line.apply(t.metrics())).collect(Collectors.joining("; "));
    }
}
