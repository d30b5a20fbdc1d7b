package theorycheck.claims.stability;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import theorycheck.claim.Chart;
import theorycheck.claim.Evidence;
import theorycheck.claim.TrialResult;
import theorycheck.claims.support.ClaimCharts;
import theorycheck.measure.ClopperPearson;

/**
 * Violation counts of several high-probability bounds over the training sets of one trial, judged by
 * the 95% Clopper–Pearson interval of each violation rate against δ.
 */
final class StabilityCoverageTally {
    private final String[] names;
    private final int[] violations;
    private int sets;

    StabilityCoverageTally(String... names) {
        this.names = names.clone();
        this.violations = new int[names.length];
    }

    /** One training set: whether the population risk exceeded each bound (in the order of the names). */
    void add(double risk, double... bounds) {
        for (int j = 0; j < names.length; j++) {
            if (risk > bounds[j]) {
                violations[j]++;
            }
        }
        sets++;
    }

    /**
     * Writes "violations NAME" and "ciLow NAME" metrics and returns the largest lower CP end; the
     * note gets one clause per bound.
     */
    double record(TrialResult.Builder b, StringBuilder note) {
        double worstLow = 0;
        for (int j = 0; j < names.length; j++) {
            double[] ci = ClopperPearson.interval(violations[j], sets, 0.05);
            worstLow = Math.max(worstLow, ci[0]);
            b.metric("violations " + names[j], violations[j]).metric("ciLow " + names[j], ci[0]);
            note.append(String.format(Locale.ROOT, "%s: %d/%d violations (CP95 [%.3f, %.3f]); ", names[j], violations[j],
                    sets, ci[0], ci[1]));
        }
        return worstLow;
    }

    /** "NAME: at most k violations per setting; …" over an arm's trials. */
    static String worstCounts(Evidence e, String... names) {
        StringBuilder sb = new StringBuilder();
        for (String name : names) {
            double worst = e.trials().stream().mapToDouble(t -> t.metrics().get("violations " + name)).max().orElse(0);
            sb.append(String.format(Locale.ROOT, "%s: at most %.0f violations per setting; ", name, worst));
        }
        return sb.toString();
    }

    /** One scatter per bound of the metric "{metricPrefix}NAME" against xMetric, labelled "{label}NAME". */
    static List<Chart.Series> boundSeries(Evidence e, String xMetric, String metricPrefix, String label,
            String... names) {
        List<Chart.Series> out = new ArrayList<>();
        for (String name : names) {
            Chart.Series sc = ClaimCharts.scatter(e, xMetric, metricPrefix + name);
            out.add(Chart.Series.points(label + name, sc.x(), sc.y()));
        }
        return out;
    }
}
