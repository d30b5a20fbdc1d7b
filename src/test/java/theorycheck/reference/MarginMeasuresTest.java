package theorycheck.reference;

import theorycheck.linalg.Norm;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static theorycheck.linalg.Refusals.assertMessage;

import org.junit.jupiter.api.Test;
import theorycheck.data.Classification;
import theorycheck.data.Rng;
import theorycheck.data.SeparableDesigns;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Vec;
import theorycheck.model.Activation;
import theorycheck.model.Init;
import theorycheck.model.Mlp;

class MarginMeasuresTest {
    private static final long SEED = 20261122L;

    /** Quotients and products of a few O(1) numbers: exact to a couple of roundings. */
    private static final double ROUNDING_TOL = 1e-15;
    /** Kahan's formula keeps relative accuracy of a few ε even for tiny angles. */
    private static final double ANGLE_RELATIVE_TOL = 1e-12;

    private static Classification twoPoints() {
        return new Classification(Mat.ofRows(new double[] {1, 0}, new double[] {0, 1}), new double[] {1, -1});
    }

    @Test
    void marginsAreSignedScores() {
        assertArrayEquals(new double[] {2, 3}, MarginMeasures.margins(new double[] {2, -3}, twoPoints(), null), 0.0);
    }

    @Test
    void marginsWritesIntoTheGivenOutput() {
        double[] out = new double[2];
        double[] returned = MarginMeasures.margins(new double[] {2, -3}, twoPoints(), out);
        assertSame(out, returned);
        assertArrayEquals(new double[] {2, 3}, out, 0.0);
    }

    @Test
    void marginsRejectsABadOutput() {
        assertThrows(IllegalArgumentException.class, () -> MarginMeasures.margins(new double[] {1, 1}, twoPoints(),
                new double[3]));
    }

    @Test
    void marginIsTheSmallestSignedScore() {
        assertEquals(2.0, MarginMeasures.margin(new double[] {2, -3}, twoPoints()), 0.0);
        assertEquals(-1.0, MarginMeasures.margin(new double[] {-1, -3}, twoPoints()), 0.0);
    }

    @Test
    void normalizedMarginOfTheKnownMaxMarginDirections() {
        Classification c = twoPoints();
        double[] w = {1, -1};
        assertThat(MarginMeasures.normalizedMargin(w, c, Norm.L2), closeTo(1 / Math.sqrt(2), ROUNDING_TOL));
        assertThat(MarginMeasures.normalizedMargin(w, c, Norm.LINF), closeTo(1, ROUNDING_TOL));
        assertThat(MarginMeasures.normalizedMargin(w, c, Norm.L1), closeTo(0.5, ROUNDING_TOL));
    }

    @Test
    void normalizedMarginIsScaleInvariant() {
        Classification c = SeparableDesigns.plantedMargin(20, 4, 0.3, new Rng(SEED));
        double[] w = c.planted();
        for (Norm n : Norm.values()) {
            double base = MarginMeasures.normalizedMargin(w, c, n);
            assertThat(n.name(), MarginMeasures.normalizedMargin(Vec.scale(1e5, w), c, n),
                    closeTo(base, 1e-14 * Math.abs(base) + 1e-15));
        }
    }

    @Test
    void normalizedMarginRejectsTheZeroVector() {
        assertThrows(IllegalArgumentException.class, () -> MarginMeasures.normalizedMargin(new double[2], twoPoints(),
                Norm.L2));
    }

    @Test
    void homogeneousMarginOfADepthOneNetIsTheLinearL2Margin() {
        Classification data = SeparableDesigns.plantedMargin(12, 5, 0.1, new Rng(SEED));
        Mlp net = new Mlp(5, new int[0], Activation.RELU, false);
        double[] w = net.initialize(Init.XAVIER, new Rng(SEED + 1));
        assertThat(MarginMeasures.homogeneousNormalizedMargin(net, w, data, 1),
                closeTo(MarginMeasures.normalizedMargin(w, data, Norm.L2), ROUNDING_TOL * 10));
    }

    @Test
    void homogeneousMarginIsScaleInvariantOnlyWithTheRightPower() {
        Classification data = SeparableDesigns.plantedMargin(10, 4, 0.1, new Rng(SEED));
        Mlp net = new Mlp(4, new int[] {6, 5}, Activation.RELU, false);
        double[] theta = net.initialize(Init.HE, new Rng(SEED + 2));
        double[] scaled = Vec.scale(2.5, theta);
        double g = MarginMeasures.homogeneousNormalizedMargin(net, theta, data, 3);
        assertThat(MarginMeasures.homogeneousNormalizedMargin(net, scaled, data, 3), closeTo(g, 1e-12 * Math.abs(g)));
        // with the wrong power the "margin" scales like 2.5^(L−1)
        assertThat(MarginMeasures.homogeneousNormalizedMargin(net, scaled, data, 1)
                / MarginMeasures.homogeneousNormalizedMargin(net, theta, data, 1), closeTo(2.5 * 2.5, 1e-12));
    }

    @Test
    void smoothedMarginOfOnePointIsItsMargin() {
        // m = 1: e^{log(1+e^{−q})} − 1 = e^{−q}, so γ̃·‖θ‖^L = q exactly, in both evaluation branches
        Classification one = new Classification(Mat.ofRows(new double[] {1, 0}), new double[] {1});
        Mlp linear = new Mlp(2, new int[0], Activation.RELU, false);
        for (double q : new double[] {5, 50, 700}) {
            double[] w = {q, 0};
            assertThat(MarginMeasures.logisticSmoothedMargin(linear, w, one, 1), closeTo(1.0, 1e-12));
        }
    }

    @Test
    void smoothedMarginIsSandwichedBelowTheMargin() {
        Classification data = SeparableDesigns.plantedMargin(9, 3, 0.2, new Rng(SEED));
        Mlp linear = new Mlp(3, new int[0], Activation.RELU, false);
        int m = data.examples();
        for (double scale : new double[] {30, 300, 3000}) {
            double[] w = Vec.scale(scale, data.planted());
            double gamma = MarginMeasures.homogeneousNormalizedMargin(linear, w, data, 1);
            double smooth = MarginMeasures.logisticSmoothedMargin(linear, w, data, 1);
            double loss = 0;
            for (double q : MarginMeasures.margins(w, data, null)) {
                loss += Math.log1p(Math.exp(-q));
            }
            assertThat(smooth <= gamma, org.hamcrest.Matchers.is(true));
            assertThat(smooth >= gamma - (Math.log(m) + loss) / scale - 1e-12, org.hamcrest.Matchers.is(true));
        }
    }

    @Test
    void smoothedMarginIsUndefinedAboveTheLossThreshold() {
        Classification data = twoPoints();
        Mlp linear = new Mlp(2, new int[0], Activation.RELU, false);
        assertEquals(Double.NaN, MarginMeasures.logisticSmoothedMargin(linear, new double[] {0.1, -0.1}, data, 1));
    }

    @Test
    void marginRejectsAWrongDimension() {
        assertThrows(IllegalArgumentException.class, () -> MarginMeasures.margin(new double[3], twoPoints()));
    }

    @Test
    void badArgumentsAreRefusedWithOneLineNamingThem() {
        Classification c = twoPoints();
        assertMessage("w has length 3, data have dimension 2", () -> MarginMeasures.margins(new double[3], c, null));
        assertMessage("margins: output must be a distinct array of length 2",
                () -> MarginMeasures.margins(new double[] {1, 1}, c, new double[3]));
        // writing the margins into w itself would overwrite w while it is being read
        double[] w = {1, 1};
        assertMessage("margins: output must be a distinct array of length 2", () -> MarginMeasures.margins(w, c, w));
        assertMessage("margin of an empty data set is undefined",
                () -> MarginMeasures.margin(new double[2], new Classification(new Mat(0, 2), new double[0])));
        assertMessage("angle: lengths differ: 2 and 3", () -> MarginMeasures.angle(new double[] {1, 0}, new double[] {1, 0, 0}));
        assertThrows(IllegalArgumentException.class,
                () -> MarginMeasures.normalizedMargin(new double[] {Double.POSITIVE_INFINITY, 0}, c, Norm.L2));
        Mlp linear = new Mlp(2, new int[0], Activation.RELU, false);
        assertThrows(IllegalArgumentException.class,
                () -> MarginMeasures.homogeneousNormalizedMargin(linear, new double[] {1, 0}, c, 0));
        assertThrows(IllegalArgumentException.class,
                () -> MarginMeasures.homogeneousNormalizedMargin(linear, new double[2], c, 1));
        assertThrows(IllegalArgumentException.class,
                () -> MarginMeasures.homogeneousNormalizedMargin(linear, new double[] {Double.POSITIVE_INFINITY, 0}, c, 1));
        assertMessage("model (input 3, 3 parameters) does not match θ of length 3 and data of dimension 2",
                () -> MarginMeasures.homogeneousNormalizedMargin(new Mlp(3, new int[0], Activation.RELU, false),
                        new double[] {1, 0, 0}, c, 1));
    }


    @Test
    void smoothedMarginOfTwoPointsIsTheExactFormulaNotItsSmallLossLimit() {
        // margins 4 and 5 (θ = (4, −5) on the two unit points): L = log(1 + e⁻⁴) + log(1 + e⁻⁵) ≈ 0.025,
        // far above the 1e-8 where the log-sum-exp limit takes over, so γ̃ = −log(e^L − 1)/‖θ‖ exactly;
        // the limit 4 − log(1 + e⁻¹) is off by ≈ 1e-2 relative
        Mlp linear = new Mlp(2, new int[0], Activation.RELU, false);
        double[] theta = {4, -5};
        double loss = Math.log1p(Math.exp(-4)) + Math.log1p(Math.exp(-5));
        double expected = -Math.log(Math.expm1(loss)) / Math.sqrt(41);
        assertThat(MarginMeasures.logisticSmoothedMargin(linear, theta, twoPoints(), 1),
                closeTo(expected, 1e-13 * expected));
    }

    @Test
    void smoothedMarginIsUndefinedOnceAPointIsNotStrictlyCorrect() {
        // one point at margin 0 puts L at log 2 exactly (the other, at margin 1000, adds 0), one misclassified
        // point above it: no finite value, however well the other point is classified
        Mlp linear = new Mlp(2, new int[0], Activation.RELU, false);
        assertEquals(Double.NaN, MarginMeasures.logisticSmoothedMargin(linear, new double[] {0, -1000}, twoPoints(), 1));
        assertEquals(Double.NaN, MarginMeasures.logisticSmoothedMargin(linear, new double[] {-10, -30}, twoPoints(), 1));
    }

    @Test
    void anglesOfSpecialPairs() {
        assertEquals(0.0, MarginMeasures.angle(new double[] {1, 2}, new double[] {2, 4}), 0.0);
        assertThat(MarginMeasures.angle(new double[] {1, 0}, new double[] {0, 3}), closeTo(Math.PI / 2, ROUNDING_TOL));
        assertThat(MarginMeasures.angle(new double[] {1, 2}, new double[] {-3, -6}), closeTo(Math.PI, ROUNDING_TOL));
        assertThat(MarginMeasures.angle(new double[] {1, 0}, new double[] {1, 1}), closeTo(Math.PI / 4, ROUNDING_TOL));
    }

    @Test
    void tinyAnglesKeepTheirRelativeAccuracy() {
        // acos(cos θ) would return 0 here: 1 − θ²/2 rounds to 1 for θ < 1e-8.
        double theta = 1e-9;
        double got = MarginMeasures.angle(new double[] {1, 0}, new double[] {Math.cos(theta), Math.sin(theta)});
        assertThat(got, closeTo(theta, ANGLE_RELATIVE_TOL * theta));
    }

    @Test
    void angleIsSymmetricAndScaleInvariant() {
        double[] a = {0.3, -1.2, 2.5};
        double[] b = {1.1, 0.4, 2.0};
        double ab = MarginMeasures.angle(a, b);
        assertEquals(ab, MarginMeasures.angle(b, a), ROUNDING_TOL);
        assertEquals(ab, MarginMeasures.angle(Vec.scale(7, a), Vec.scale(1e-3, b)), 4 * ROUNDING_TOL);
        assertThat(ab, closeTo(Math.acos(Vec.cosine(a, b)), 1e-12));
    }

    @Test
    void angleRejectsZeroVectorsAndMismatchedLengths() {
        assertThrows(IllegalArgumentException.class, () -> MarginMeasures.angle(new double[2], new double[] {1, 0}));
        assertThrows(IllegalArgumentException.class, () -> MarginMeasures.angle(new double[] {1, 0}, new double[3]));
    }
}
