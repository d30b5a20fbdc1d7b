package theorycheck.claim;

import java.util.List;

/**
 * A chart to draw in the report: named series on shared axes.
 *
 * @param fileName base name of the image, unique within a claim (e.g. "distance-vs-step")
 */
public record Chart(String fileName, String title, String xLabel, String yLabel, boolean logX, boolean logY,
        List<Series> series) {

    /** One curve or point cloud. Non-finite points are dropped when drawing (and on a log axis, non-positive ones). */
    public record Series(String name, double[] x, double[] y, boolean scatter) {
        public Series {
            if (x.length != y.length) {
                throw new IllegalArgumentException("series " + name + ": x and y lengths differ");
            }
        }

        public static Series line(String name, double[] x, double[] y) {
            return new Series(name, x.clone(), y.clone(), false);
        }

        public static Series points(String name, double[] x, double[] y) {
            return new Series(name, x.clone(), y.clone(), true);
        }
    }
}
