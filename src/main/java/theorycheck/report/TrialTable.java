package theorycheck.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import theorycheck.claim.Evidence;
import theorycheck.claim.TrialResult;

/**
 * One arm's trials as CSV (RFC 4180, {@code \n} line ends): {@code index, seed, instance, outcome,
 * keyValue}, then every metric any trial recorded (in the order they were first recorded), then
 * {@code note}. A trial without a metric leaves its cell empty; numbers are written with
 * {@link Double#toString}, which reads back to the same double.
 */
public final class TrialTable {
    private TrialTable() {
    }

    /** The metric columns of {@code e}: every metric name, in first-recorded order. */
    public static List<String> metricColumns(Evidence e) {
        Set<String> names = new LinkedHashSet<>();
        for (TrialResult t : e.trials()) {
            names.addAll(t.metrics().keySet());
        }
        return List.copyOf(names);
    }

    public static String csv(Evidence e) {
        List<String> metrics = metricColumns(e);
        StringBuilder sb = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("index", "seed", "instance", "outcome", "keyValue"));
        header.addAll(metrics);
        header.add("note");
        row(sb, header);
        for (TrialResult t : e.trials()) {
            List<String> cells = new ArrayList<>();
            cells.add(Integer.toString(t.index()));
            cells.add(Long.toString(t.seed()));
            cells.add(t.instance());
            cells.add(t.outcome().name());
            cells.add(Double.toString(t.keyValue()));
            for (String m : metrics) {
                Double v = t.metrics().get(m);
                cells.add(v == null ? "" : Double.toString(v));
            }
            cells.add(t.note());
            row(sb, cells);
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(escape(cells.get(i)));
        }
        sb.append('\n');
    }

    /** Quotes a cell holding a comma, quote or line break, doubling its quotes. */
    static String escape(String cell) {
        String s = cell == null ? "" : cell;
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
