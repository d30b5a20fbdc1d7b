package theorycheck.measure;

import java.util.ArrayList;
import java.util.List;

/** The exponent of a power law y ≈ c·xˢ, fitted by least squares on log y against log x. */
public final class LogLogFit {
    private LogLogFit() {
    }

    /**
     * The least-squares slope s of log y against log x over the points with finite y &gt; 0 (a zero or
     * non-finite y has no logarithm and is left out); NaN with fewer than three such points.
     */
    public static double slope(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x has " + x.length + " points, y " + y.length);
        }
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (y[i] > 0 && Double.isFinite(y[i])) {
                pts.add(new double[] {Math.log(x[i]), Math.log(y[i])});
            }
        }
        if (pts.size() < 3) {
            return Double.NaN;
        }
        double mx = 0;
        double my = 0;
        for (double[] p : pts) {
            mx += p[0];
            my += p[1];
        }
        mx /= pts.size();
        my /= pts.size();
        double sxy = 0;
        double sxx = 0;
        for (double[] p : pts) {
            sxy += (p[0] - mx) * (p[1] - my);
            sxx += (p[0] - mx) * (p[0] - mx);
        }
        return sxy / sxx;
    }
}
