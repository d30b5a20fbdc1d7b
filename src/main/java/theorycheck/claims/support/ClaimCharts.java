package theorycheck.claims.support;

import java.util.ArrayList;
import java.util.List;
import theorycheck.claim.Chart;
import theorycheck.claim.Evidence;
import theorycheck.claim.TrialResult;

/** Charts built from the traces and key values that claim checks record. */
public final class ClaimCharts {
    /** How many trials' curves one chart shows before it becomes unreadable. */
    public static final int MAX_CURVES = 8;

    private ClaimCharts() {
    }

    /** One curve per trial (the first {@link #MAX_CURVES}) of the trace {@code traceName}. */
    public static Chart traces(Evidence e, String traceName, String fileName, String title, String xLabel, String yLabel,
            boolean logX, boolean logY) {
        List<Chart.Series> series = new ArrayList<>();
        for (TrialResult t : e.trials()) {
            double[][] tr = t.traces().get(traceName);
            if (tr == null || series.size() >= MAX_CURVES) {
                continue;
            }
            series.add(Chart.Series.line(e.arm() + " trial " + t.index(), tr[0], tr[1]));
        }
        return new Chart(fileName, title, xLabel, yLabel, logX, logY, series);
    }

    /** A scatter of one metric against another over all trials of an arm. */
    public static Chart.Series scatter(Evidence e, String xMetric, String yMetric) {
        List<TrialResult> ts = e.trials();
        double[] x = new double[ts.size()];
        double[] y = new double[ts.size()];
        for (int i = 0; i < ts.size(); i++) {
            x[i] = ts.get(i).metrics().getOrDefault(xMetric, Double.NaN);
            y[i] = ts.get(i).metrics().getOrDefault(yMetric, Double.NaN);
        }
        return Chart.Series.points(e.arm(), x, y);
    }

    public static double[] toArray(List<? extends Number> values) {
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).doubleValue();
        }
        return out;
    }
}
