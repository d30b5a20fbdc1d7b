package theorycheck.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import theorycheck.claim.Chart;
import theorycheck.claim.ClaimResult;
import theorycheck.claim.Evidence;
import theorycheck.claim.TrialResult;

/**
 * Draws a {@link Chart} as a PNG with XChart: lines without anti-aliasing in a fixed set of opaque
 * colours, so a chart holds a few dozen exact colours and is stored with an exact palette of them (a
 * tenth of the bytes of an anti-aliased full-colour chart, and nothing lost to colour reduction). Every
 * claim's charts go into the one-file report, which must stay small enough to send.
 *
 * <p>Points that cannot be drawn are dropped, never clamped: non-finite coordinates always, and on a
 * logarithmic axis non-positive ones. A series left with no point is left out; a chart left with no
 * series is not drawn at all ({@link #png} returns empty), since XChart cannot scale empty axes.
 */
public final class ChartRenderer {
    /** Image width in pixels. */
    public static final int WIDTH = 560;
    /** Image height in pixels. */
    public static final int HEIGHT = 380;
    /** Width of each of two charts drawn side by side (a claim's and its control's), in pixels. */
    public static final int PANEL_WIDTH = 460;
    /** Height of two charts drawn side by side, in pixels. */
    public static final int PANEL_HEIGHT = 340;
    private static final Color GRID_COLOUR = new Color(0xE6E6E6);
    private static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 9);
    /** Room a legend entry takes beside its name (line sample, gaps), and the margin kept at each side. */
    private static final int LEGEND_ENTRY_EXTRA = 55;
    private static final int LEGEND_MARGIN = 10;
    /** Room the y axis (title and tick labels) takes left of the plot. */
    private static final int Y_AXIS_ROOM = 90;
    /** Series colours, opaque (XChart's own are translucent, and every overlap is one more colour). */
    static final Color[] SERIES_COLOURS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf)};
    /** Lines with more points than this are drawn without markers. */
    static final int MARKER_LIMIT = 60;
    /** Legends with more series than this are drawn beside the plot rather than under it. */
    static final int LEGEND_ROW_LIMIT = 4;
    /** A log axis whose data spans at least this ratio (two decades) is labelled at decades only. */
    static final double DECADE_TICKS_RATIO = 1e2;
    /** A log axis whose data spans more than this ratio (twelve decades) is drawn as log10 on a linear axis. */
    static final double MAX_LOG_AXIS_RATIO = 1e12;

    private ChartRenderer() {
    }

    /** The chart as PNG bytes, or empty when no point of any series can be drawn. */
    public static Optional<byte[]> png(Chart chart) {
        return toXChart(chart, WIDTH).map(xy -> encoded(chart, drawn(WIDTH, HEIGHT, xy)));
    }

    /**
     * Two charts side by side in one PNG — a claim arm's chart left, its control's right, each on its own
     * axes — at about two thirds of the bytes of two images. When only one can be drawn, that one alone
     * (at the same panel size); empty when neither can.
     */
    public static Optional<byte[]> pngSideBySide(Chart left, Chart right) {
        Optional<XYChart> l = toXChart(left, PANEL_WIDTH);
        Optional<XYChart> r = toXChart(right, PANEL_WIDTH);
        if (l.isEmpty() || r.isEmpty()) {
            return l.or(() -> r).map(xy -> encoded(left, drawn(PANEL_WIDTH, PANEL_HEIGHT, xy)));
        }
        return Optional.of(encoded(left, drawn(PANEL_WIDTH, PANEL_HEIGHT, l.get(), r.get())));
    }

    /** {@code charts} painted left to right, each {@code width} × {@code height}, on one white image. */
    private static BufferedImage drawn(int width, int height, XYChart... charts) {
        BufferedImage image = new BufferedImage(width * charts.length, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            for (int k = 0; k < charts.length; k++) {
                Graphics2D panel = (Graphics2D) g.create(k * width, 0, width, height);
                try {
                    charts[k].paint(panel, width, height);
                } finally {
                    panel.dispose();
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static byte[] encoded(Chart chart, BufferedImage image) {
        try {
            return palettePng(image);
        } catch (IOException e) {
            throw new UncheckedIOException("chart " + chart.fileName() + " could not be encoded", e);
        }
    }

    /**
     * The image as a PNG with a palette of exactly its colours (1, 2, 4 or 8 bits a pixel, as few as hold
     * them); past 256 colours, the nearest of a standard 256-colour palette.
     */
    static byte[] palettePng(BufferedImage image) throws IOException {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
        Map<Integer, Integer> index = new LinkedHashMap<>();
        for (int v : rgb) {
            if (index.putIfAbsent(v & 0xFFFFFF, index.size()) == null && index.size() > 256) {
                return png(redrawn(image, new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED)));
            }
        }
        int n = index.size();
        int bits = n <= 2 ? 1 : n <= 4 ? 2 : n <= 16 ? 4 : 8;
        byte[] r = new byte[n];
        byte[] g = new byte[n];
        byte[] b = new byte[n];
        index.forEach((colour, i) -> {
            r[i] = (byte) (colour >> 16);
            g[i] = (byte) (colour >> 8);
            b[i] = colour.byteValue();
        });
        IndexColorModel palette = new IndexColorModel(bits, n, r, g, b);
        BufferedImage out = new BufferedImage(w, h,
                bits == 8 ? BufferedImage.TYPE_BYTE_INDEXED : BufferedImage.TYPE_BYTE_BINARY, palette);
        WritableRaster raster = out.getRaster();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                raster.setSample(x, y, 0, index.get(rgb[y * w + x] & 0xFFFFFF));
            }
        }
        return png(out);
    }

    private static BufferedImage redrawn(BufferedImage image, BufferedImage into) {
        Graphics2D g = into.createGraphics();
        try {
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return into;
    }

    /** {@code image} as a PNG at the strongest deflate level (a fifth fewer bytes than the default). */
    private static byte[] png(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0f); // 0 = smallest file
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** The XChart chart for {@code chart}, or empty when nothing can be drawn. */
    static Optional<XYChart> toXChart(Chart chart) {
        return toXChart(chart, WIDTH);
    }

    /** As {@link #toXChart(Chart)}, with the title and legend fitted to {@code width} pixels. */
    static Optional<XYChart> toXChart(Chart chart, int width) {
        List<Chart.Series> kept = new ArrayList<>();
        List<double[][]> points = new ArrayList<>();
        double[] xRange = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] yRange = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (Chart.Series s : chart.series()) {
            double[][] p = drawable(s.x(), s.y(), chart.logX(), chart.logY());
            if (p[0].length > 0) {
                kept.add(s);
                points.add(p);
                extend(xRange, p[0]);
                extend(yRange, p[1]);
            }
        }
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        // XChart labels every decade of a log axis: past a dozen decades the labels overlap, so such an
        // axis is drawn as log10 of the values on a linear axis, labelled with the powers of ten
        boolean wideX = chart.logX() && xRange[1] > MAX_LOG_AXIS_RATIO * xRange[0];
        boolean wideY = chart.logY() && yRange[1] > MAX_LOG_AXIS_RATIO * yRange[0];
        XYChart xy = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(nonNull(chart.title()))
                .xAxisTitle(nonNull(chart.xLabel())).yAxisTitle(nonNull(chart.yLabel())).build();
        XYStyler styler = xy.getStyler();
        xy.getStyler().setXAxisLogarithmic(chart.logX() && !wideX);
        xy.getStyler().setYAxisLogarithmic(chart.logY() && !wideY);
        // a log axis spanning less than two decades gets ticks between the decades too (else it may get none)
        xy.getStyler().setXAxisLogarithmicDecadeOnly(xRange[1] >= DECADE_TICKS_RATIO * xRange[0]);
        xy.getStyler().setYAxisLogarithmicDecadeOnly(yRange[1] >= DECADE_TICKS_RATIO * yRange[0]);
        if (wideX) {
            xy.getStyler().setxAxisTickLabelsFormattingFunction(ChartRenderer::powerOfTen);
        }
        if (wideY) {
            xy.getStyler().setyAxisTickLabelsFormattingFunction(ChartRenderer::powerOfTen);
        }
        styler.setLegendVisible(true);
        // a row under the plot holds a few short names; more, or longer, go in a column beside it
        List<String> names = kept.stream().map(Chart.Series::name).toList();
        boolean row = kept.size() <= LEGEND_ROW_LIMIT && legendRowWidth(names) <= width - 2 * LEGEND_MARGIN;
        // XChart centres the title over the plot, which is the image less the y axis and a side legend
        int plotWidth = width - Y_AXIS_ROOM - (row ? 0 : legendColumnWidth(names));
        styler.setChartTitleFont(fitted(nonNull(chart.title()), plotWidth));
        styler.setLegendPosition(row ? Styler.LegendPosition.OutsideS : Styler.LegendPosition.OutsideE);
        styler.setLegendLayout(row ? Styler.LegendLayout.Horizontal : Styler.LegendLayout.Vertical);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setAntiAlias(false);
        styler.setSeriesColors(SERIES_COLOURS);
        // small type: two charts share one image, and a title or legend wider than its panel is cut off
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        styler.setLegendFont(LEGEND_FONT);
        styler.setLegendPadding(4);
        styler.setMarkerSize(6);
        // solid light grid lines: dashes cost bytes and read no better
        styler.setPlotGridLinesStroke(new BasicStroke(1f));
        styler.setPlotGridLinesColor(GRID_COLOUR);
        Set<String> unique = new HashSet<>();
        for (int k = 0; k < kept.size(); k++) {
            Chart.Series s = kept.get(k);
            double[] x = wideX ? log10(points.get(k)[0]) : points.get(k)[0];
            double[] y = wideY ? log10(points.get(k)[1]) : points.get(k)[1];
            XYSeries series = xy.addSeries(uniqueName(s.name(), unique), x, y);
            if (s.scatter()) {
                series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            } else {
                series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                if (x.length > MARKER_LIMIT) {
                    series.setMarker(SeriesMarkers.NONE);
                }
            }
        }
        return Optional.of(xy);
    }

    /** The bold title font, 10 points or smaller (down to 7), whose rendering of {@code title} fits {@code width}. */
    static Font fitted(String title, int width) {
        Font f = new Font(Font.SANS_SERIF, Font.BOLD, 10);
        while (f.getSize() > 7 && textWidth(title, f) > width) {
            f = f.deriveFont((float) f.getSize() - 1);
        }
        return f;
    }

    /** Width of a one-row legend of {@code names}: each name with its line sample and gaps. */
    static int legendRowWidth(List<String> names) {
        int w = 0;
        for (String n : names) {
            w += textWidth(n, LEGEND_FONT) + LEGEND_ENTRY_EXTRA;
        }
        return w;
    }

    /** Width of a legend of {@code names} in a column beside the plot. */
    static int legendColumnWidth(List<String> names) {
        int w = 0;
        for (String n : names) {
            w = Math.max(w, textWidth(n, LEGEND_FONT) + LEGEND_ENTRY_EXTRA);
        }
        return w;
    }

    private static int textWidth(String text, Font font) {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            return g.getFontMetrics(font).stringWidth(text);
        } finally {
            g.dispose();
        }
    }

    /** The tick label of log10 value {@code e}: 10^e written out ("0.01", "1000", "1E-20", "3.2E-7"). */
    static String powerOfTen(double e) {
        long k = Math.round(e);
        if (Math.abs(e - k) < 1e-9) {
            if (k >= 0 && k <= 3) {
                return Long.toString((long) Math.pow(10, k));
            }
            if (k < 0 && k >= -3) {
                return "0." + "0".repeat((int) (-k - 1)) + "1";
            }
            return "1E" + k;
        }
        return String.format(java.util.Locale.ROOT, "%.2G", Math.pow(10, e)).replace("E+", "E");
    }

    private static double[] log10(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.log10(v[i]);
        }
        return out;
    }

    private static void extend(double[] range, double[] values) {
        for (double v : values) {
            range[0] = Math.min(range[0], v);
            range[1] = Math.max(range[1], v);
        }
    }

    /**
     * The points of (x, y) that can be drawn, in order: both coordinates finite and, on a log axis,
     * positive. Returns {x', y'}.
     */
    static double[][] drawable(double[] x, double[] y, boolean logX, boolean logY) {
        int n = Math.min(x.length, y.length);
        double[] xs = new double[n];
        double[] ys = new double[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i]) && (!logX || x[i] > 0) && (!logY || y[i] > 0)) {
                xs[k] = x[i];
                ys[k] = y[i];
                k++;
            }
        }
        return new double[][] {java.util.Arrays.copyOf(xs, k), java.util.Arrays.copyOf(ys, k)};
    }

    /**
     * The chart drawn when a claim's checks drew none: each arm's key value per trial. When no key
     * value is finite, each trial's outcome is plotted instead (+1 PASS, 0 INCONCLUSIVE, −1 FAIL).
     */
    public static Chart keyValuesPerTrial(ClaimResult result) {
        boolean anyFinite = false;
        for (Evidence e : List.of(result.claim(), result.control())) {
            for (TrialResult t : e.trials()) {
                anyFinite |= Double.isFinite(t.keyValue());
            }
        }
        List<Chart.Series> series = new ArrayList<>();
        for (Evidence e : List.of(result.claim(), result.control())) {
            List<TrialResult> ts = e.trials();
            double[] x = new double[ts.size()];
            double[] y = new double[ts.size()];
            for (int i = 0; i < ts.size(); i++) {
                x[i] = ts.get(i).index();
                y[i] = anyFinite ? ts.get(i).keyValue() : outcomeCode(ts.get(i));
            }
            String name = e.arm().equals("claim") ? "claim" : "control: " + result.spec().control().variant();
            series.add(Chart.Series.points(name, x, y));
        }
        String id = result.spec().id();
        return anyFinite
                ? new Chart("key-value-per-trial", id + ": key value per trial", "trial index", "key value", false, false,
                        series)
                : new Chart("outcome-per-trial", id + ": outcome per trial (no finite key value)", "trial index",
                        "outcome (+1 pass, 0 inconclusive, -1 fail)", false, false, series);
    }

    private static double outcomeCode(TrialResult t) {
        return switch (t.outcome()) {
            case PASS -> 1;
            case INCONCLUSIVE -> 0;
            case FAIL -> -1;
        };
    }

    private static String uniqueName(String name, Set<String> used) {
        String base = name == null || name.isBlank() ? "series" : name;
        String candidate = base;
        for (int k = 2; !used.add(candidate); k++) {
            candidate = base + " (" + k + ")";
        }
        return candidate;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
