package theorycheck.claims.minnorm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import theorycheck.claim.Chart;
import theorycheck.claim.Evidence;
import theorycheck.claim.InstanceCheck;
import theorycheck.claim.TrialResult;
import theorycheck.claims.support.ClaimCharts;

/**
 * Least squares and minimum norm, the claims checked against closed forms:
 * early stopping vs ridge (book.B.12), per-direction GD rates on a quadratic (book.C.6), adaptive
 * methods on the same quadratic (book.C.6-adaptive), and the norms quoted in Examples 1 and 2.
 */
class MinNormClosedFormChecks {
    /** Puts this class's checks into {@code checks}, by claim id. */
    static void register(Map<String, Supplier<InstanceCheck<?>>> checks) {
        checks.put("book.B.12", EarlyStoppingVsRidge::new);
        checks.put("book.C.6", QuadraticRates::new);
        checks.put("book.C.6-adaptive", AdaptiveEqualization::new);
        checks.put("book.Ex1-norms", ExampleOneNorms::new);
        checks.put("book.Ex2-ridge-norm", RidgeNorm::new);
    }

    /** ε = 2⁻⁵², the unit round-off used in the derived floors. */
    static final double EPS = Math.ulp(1.0);

    // ---------------------------------------------------------------------------------------------
    // shared helpers

    static double sq(double v) {
        return v * v;
    }

    /** |a − b| / max(|a|, |b|), 0 when both are 0. */
    static double relDiff(double a, double b) {
        double scale = Math.max(Math.abs(a), Math.abs(b));
        return scale == 0 ? 0 : Math.abs(a - b) / scale;
    }

    /** Log-spaced points from lo to hi (both included), {@code perDecade} per decade. */
    static double[] logGrid(double lo, double hi, int perDecade) {
        int points = Math.max(2, (int) Math.ceil(Math.log10(hi / lo) * perDecade) + 1);
        double[] out = new double[points];
        for (int i = 0; i < points; i++) {
            out[i] = lo * Math.pow(hi / lo, (double) i / (points - 1));
        }
        return out;
    }

    /** About {@code count} distinct log-spaced step counts in [1, max], always including 1 and max. */
    static TreeSet<Long> logSteps(long max, int count) {
        TreeSet<Long> out = new TreeSet<>();
        out.add(1L);
        out.add(max);
        for (int i = 0; i < count; i++) {
            out.add(Math.max(1, Math.min(max, Math.round(Math.pow(max, (double) i / Math.max(1, count - 1))))));
        }
        return out;
    }

    static double minMetric(Evidence e, String name) {
        return e.trials().stream().mapToDouble(t -> t.metrics().getOrDefault(name, Double.NaN))
                .filter(v -> !Double.isNaN(v)).min().orElse(Double.NaN);
    }

    static double maxMetric(Evidence e, String name) {
        return e.trials().stream().mapToDouble(t -> t.metrics().getOrDefault(name, Double.NaN))
                .filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
    }

    /** One line per trial (the first {@code max}) of the trace {@code name}. */
    static List<Chart.Series> traceSeries(Evidence e, String name, int max) {
        List<Chart.Series> out = new ArrayList<>();
        for (TrialResult t : e.trials()) {
            double[][] tr = t.traces().get(name);
            if (tr != null && out.size() < max) {
                out.add(Chart.Series.line(e.arm() + " trial " + t.index(), tr[0], tr[1]));
            }
        }
        return out;
    }

    /** [min x, max x] over the trace {@code name} of the charted trials. */
    static double[] traceXSpan(Evidence e, String name) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        int seen = 0;
        for (TrialResult t : e.trials()) {
            double[][] tr = t.traces().get(name);
            if (tr == null || seen++ >= ClaimCharts.MAX_CURVES) {
                continue;
            }
            for (double v : tr[0]) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return Double.isFinite(lo) ? new double[] {lo, hi} : new double[] {1, 1};
    }
}
