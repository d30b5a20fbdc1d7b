package theorycheck.report;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import theorycheck.claim.Chart;
import theorycheck.claim.ClaimResult;

class ChartRendererTest {
    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void logLogChartRendersAsPngOfTheStatedSize() throws IOException {
        Chart c = new Chart("decay", "decay", "step", "error", true, true, List.of(
                Chart.Series.line("trial 0", new double[] {0, 1, 10, 100}, new double[] {1, 0.1, 1e-5, 0}),
                Chart.Series.points("trial 1", new double[] {1, 2, NAN}, new double[] {0.5, 0.25, 1})));
        byte[] png = ChartRenderer.png(c).orElseThrow();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertAll(
                () -> assertEquals(ChartRenderer.WIDTH, image.getWidth()),
                () -> assertEquals(ChartRenderer.HEIGHT, image.getHeight()),
                () -> assertTrue(ChartRenderer.WIDTH <= 900 && ChartRenderer.HEIGHT <= 600),
                // a palette image: the one-file report carries hundreds of these
                () -> assertTrue(image.getColorModel() instanceof java.awt.image.IndexColorModel, image::toString));
    }

    @Test
    void aClaimsChartAndItsControlsShareOneImage() throws IOException {
        Chart claim = new Chart("x", "x (claim)", "trial", "x", false, false,
                List.of(Chart.Series.points("claim", new double[] {0, 1}, new double[] {0.2, 0.4})));
        Chart control = new Chart("x", "x (control)", "trial", "x", false, true,
                List.of(Chart.Series.points("control", new double[] {0, 1}, new double[] {2, 4})));
        Chart nothing = new Chart("x", "x (control)", "trial", "x", false, true,
                List.of(Chart.Series.points("control", new double[] {0, 1}, new double[] {-2, NAN})));
        BufferedImage both = ImageIO.read(new ByteArrayInputStream(ChartRenderer.pngSideBySide(claim, control).orElseThrow()));
        BufferedImage one = ImageIO.read(new ByteArrayInputStream(ChartRenderer.pngSideBySide(claim, nothing).orElseThrow()));
        assertAll(
                () -> assertEquals(2 * ChartRenderer.PANEL_WIDTH, both.getWidth()),
                () -> assertEquals(ChartRenderer.PANEL_HEIGHT, both.getHeight()),
                // the right panel was painted (a white half would mean the control chart went missing)
                () -> assertTrue(nonWhite(both, ChartRenderer.PANEL_WIDTH, 2 * ChartRenderer.PANEL_WIDTH) > 1000),
                () -> assertEquals(ChartRenderer.PANEL_WIDTH, one.getWidth()),
                () -> assertTrue(ChartRenderer.pngSideBySide(nothing, nothing).isEmpty()));
    }

    private static int nonWhite(BufferedImage image, int fromX, int toX) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = fromX; x < toX; x++) {
                n += (image.getRGB(x, y) & 0xFFFFFF) == 0xFFFFFF ? 0 : 1;
            }
        }
        return n;
    }

    @Test
    void thePaletteHoldsExactlyTheChartsColours() throws IOException {
        double[] t = new double[400];
        double[] e = new double[400];
        for (int i = 0; i < t.length; i++) {
            t[i] = i + 1;
            e[i] = Math.pow(t[i], -0.5) * (1 + 0.1 * Math.sin(i));
        }
        Chart c = new Chart("rate", "error vs step", "step t", "error", true, true, List.of(
                Chart.Series.line("run", t, e), Chart.Series.points("trials", new double[] {2, 20}, new double[] {0.5, 0.2})));
        BufferedImage drawn = org.knowm.xchart.BitmapEncoder.getBufferedImage(ChartRenderer.toXChart(c).orElseThrow());
        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(ChartRenderer.palettePng(drawn)));
        int w = drawn.getWidth();
        int h = drawn.getHeight();
        // lossless: every pixel comes back as drawn
        assertArrayEquals(drawn.getRGB(0, 0, w, h, null, 0, w), stored.getRGB(0, 0, w, h, null, 0, w));
    }

    @Test
    void pastTwoHundredFiftySixColoursTheNearestStandardColourIsKept() throws IOException {
        BufferedImage ramp = new BufferedImage(300, 2, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 300; x++) {
            ramp.setRGB(x, 0, x * 0x010101 / 2 + x);
            ramp.setRGB(x, 1, 0xFF0000);
        }
        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(ChartRenderer.palettePng(ramp)));
        assertAll(
                () -> assertEquals(300, stored.getWidth()),
                () -> assertEquals(0xFF0000, stored.getRGB(7, 1) & 0xFFFFFF),
                () -> assertTrue(stored.getColorModel() instanceof java.awt.image.IndexColorModel));
    }

    @Test
    void nonFinitePointsAreDroppedOnLinearAxes() {
        double[][] p = ChartRenderer.drawable(new double[] {1, NAN, 3, -4, INF}, new double[] {-1, 2, NAN, 0, 5}, false,
                false);
        assertArrayEquals(new double[] {1, -4}, p[0]);
        assertArrayEquals(new double[] {-1, 0}, p[1]);
    }

    @Test
    void nonPositivePointsAreDroppedOnLogAxesOnly() {
        double[] x = {1, 0, -1, 2, 3};
        double[] y = {1, 1, 1, -2, 0};
        assertAll(
                () -> assertArrayEquals(new double[] {1, 2, 3}, ChartRenderer.drawable(x, y, true, false)[0]),
                () -> assertArrayEquals(new double[] {1, 0, -1}, ChartRenderer.drawable(x, y, false, true)[0]),
                () -> assertArrayEquals(new double[] {1}, ChartRenderer.drawable(x, y, true, true)[0]));
    }

    @Test
    void chartWithNoDrawablePointIsNotDrawn() {
        Chart c = new Chart("empty", "empty", "x", "y", false, true, List.of(
                Chart.Series.line("all NaN", new double[] {NAN, 1}, new double[] {1, NAN}),
                Chart.Series.line("non-positive on log y", new double[] {1, 2}, new double[] {0, -1}),
                Chart.Series.line("no points", new double[0], new double[0])));
        assertTrue(ChartRenderer.png(c).isEmpty());
    }

    @Test
    void seriesLeftEmptyIsLeftOutAndRepeatedNamesAreKeptApart() {
        Chart c = new Chart("c", "c", "x", "y", false, false, List.of(
                Chart.Series.line("a", new double[] {1, 2}, new double[] {1, 2}),
                Chart.Series.line("a", new double[] {1, 2}, new double[] {2, 3}),
                Chart.Series.line("gone", new double[] {NAN}, new double[] {1})));
        XYChart xy = ChartRenderer.toXChart(c).orElseThrow();
        assertEquals(List.of("a", "a (2)"), xy.getSeriesCollection().stream().map(XYSeries::getName).toList());
    }

    @Test
    void manySeriesPutTheLegendBesideThePlot() {
        List<Chart.Series> series = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            series.add(Chart.Series.line("trial " + i, new double[] {1, 2}, new double[] {i, i + 1}));
        }
        XYChart many = ChartRenderer.toXChart(new Chart("m", "m", "x", "y", false, false, series)).orElseThrow();
        XYChart few = ChartRenderer.toXChart(new Chart("f", "f", "x", "y", false, false, series.subList(0, 2)))
                .orElseThrow();
        assertEquals(Styler.LegendPosition.OutsideE, many.getStyler().getLegendPosition());
        assertEquals(Styler.LegendPosition.OutsideS, few.getStyler().getLegendPosition());
        assertTrue(many.getStyler().isLegendVisible() && few.getStyler().isLegendVisible());
    }

    @Test
    void fallbackChartShowsEveryTrialOfBothArms() {
        ClaimResult r = ReportFixtures.run(ReportFixtures.spec("fam", "fam.a"), false);
        Chart c = ChartRenderer.keyValuesPerTrial(r);
        assertAll(
                () -> assertEquals(2, c.series().size()),
                () -> assertEquals(r.claim().trials().size(), c.series().get(0).x().length),
                () -> assertEquals(r.control().trials().size(), c.series().get(1).x().length),
                () -> assertEquals(r.claim().trials().get(0).keyValue(), c.series().get(0).y()[0]),
                () -> assertTrue(ChartRenderer.png(c).isPresent()));
    }

    @Test
    void logAxisSpanningManyDecadesIsDrawnAsPowersOfTenOnALinearAxis() {
        double[] x = {1, 10, 100};
        Chart wide = new Chart("w", "w", "step", "error", true, true,
                List.of(Chart.Series.line("a", x, new double[] {1, 1e-30, 1e-60})));
        Chart narrow = new Chart("n", "n", "step", "error", true, true,
                List.of(Chart.Series.line("a", x, new double[] {1, 1e-3, 1e-6})));
        XYChart w = ChartRenderer.toXChart(wide).orElseThrow();
        XYChart n = ChartRenderer.toXChart(narrow).orElseThrow();
        assertAll(
                () -> assertFalse(w.getStyler().isYAxisLogarithmic()),
                () -> assertArrayEquals(new double[] {0, -30, -60}, w.getSeries("a").getYData(), 1e-12),
                () -> assertTrue(w.getStyler().isXAxisLogarithmic()),
                () -> assertTrue(n.getStyler().isYAxisLogarithmic()),
                () -> assertTrue(ChartRenderer.png(wide).isPresent()));
    }

    @Test
    void powersOfTenAreWrittenOut() {
        assertAll(
                () -> assertEquals("1", ChartRenderer.powerOfTen(0)),
                () -> assertEquals("100", ChartRenderer.powerOfTen(2)),
                () -> assertEquals("0.01", ChartRenderer.powerOfTen(-2)),
                () -> assertEquals("1E-20", ChartRenderer.powerOfTen(-20)),
                () -> assertEquals("1E6", ChartRenderer.powerOfTen(6)),
                () -> assertEquals("3.2", ChartRenderer.powerOfTen(0.5)));
    }
}
