package theorycheck.claim;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The verdict rules (README, "Verdict rules"), and the sign test against hand-computed binomial tails. */
class VerdictRulesTest {
    /** p-values are sums of a few terms of size 2^-n: exact up to a few ulps. */
    private static final double P_TOL = 1e-15;

    @ParameterizedTest(name = "universal: {0} pass, {1} fail, {2} inconclusive → {3}")
    @CsvSource({
            "10, 0, 0, HOLDS",
            "9, 1, 0, REFUTED",
            "0, 10, 0, REFUTED",
            "5, 1, 4, REFUTED",
            "9, 0, 1, INCONCLUSIVE",
            "0, 0, 10, INCONCLUSIVE",
            "1, 0, 0, HOLDS"})
    void universal(int pass, int fail, int inc, Verdict expected) {
        assertEquals(expected, decide(Quantifier.UNIVERSAL, pass, fail, inc, Double.NaN));
    }

    @ParameterizedTest(name = "existential: {0} pass, {1} fail, {2} inconclusive → {3}")
    @CsvSource({
            "1, 9, 0, HOLDS",
            "10, 0, 0, HOLDS",
            "1, 0, 9, HOLDS",
            "0, 10, 0, INCONCLUSIVE",
            "0, 5, 5, INCONCLUSIVE",
            "0, 0, 10, INCONCLUSIVE"})
    void existential(int pass, int fail, int inc, Verdict expected) {
        assertEquals(expected, decide(Quantifier.EXISTENTIAL, pass, fail, inc, Double.NaN));
    }

    @ParameterizedTest(name = "statistical at α={4}: {0} pass, {1} fail, {2} inconclusive → {3}")
    @CsvSource({
            "9, 1, 0, HOLDS, 0.05",
            "9, 1, 0, INCONCLUSIVE, 0.01",
            "1, 9, 0, REFUTED, 0.05",
            "9, 1, 5, HOLDS, 0.05",
            "10, 0, 0, HOLDS, 0.001",
            "5, 5, 0, INCONCLUSIVE, 0.05",
            "8, 2, 0, INCONCLUSIVE, 0.05",
            "0, 0, 10, INCONCLUSIVE, 0.05",
            "15, 5, 0, HOLDS, 0.05",
            "15, 5, 0, INCONCLUSIVE, 0.02"})
    void statistical(int pass, int fail, int inc, Verdict expected, double alpha) {
        assertEquals(expected, decide(Quantifier.STATISTICAL, pass, fail, inc, alpha));
    }

    @Test
    void signTestTailsMatchHandComputedBinomialTails() {
        assertAll(
                () -> assertEquals(11.0 / 1024, VerdictRules.binomialUpperTail(10, 9), P_TOL),
                () -> assertEquals(1.0 / 1024, VerdictRules.binomialUpperTail(10, 10), P_TOL),
                () -> assertEquals(638.0 / 1024, VerdictRules.binomialUpperTail(10, 5), P_TOL),
                () -> assertEquals(1.0, VerdictRules.binomialUpperTail(10, 0), P_TOL),
                // P(X ≥ 15 | n = 20) = (15504 + 4845 + 1140 + 190 + 20 + 1) / 2^20 = 21700 / 1048576
                () -> assertEquals(21700.0 / 1048576, VerdictRules.binomialUpperTail(20, 15), P_TOL),
                () -> assertEquals(0.5, VerdictRules.binomialUpperTail(1, 1), P_TOL));
    }

    @Test
    void statisticalSummaryDropsInconclusiveTrialsFromTheSignTest() {
        Statistics s = VerdictRules.summarize(Quantifier.STATISTICAL, trials(9, 1, 5));
        assertAll(
                () -> assertEquals(15, s.trials()),
                () -> assertEquals(11.0 / 1024, s.pValueFor(), P_TOL),
                () -> assertEquals(1023.0 / 1024, s.pValueAgainst(), P_TOL));
    }

    @Test
    void pValuesAreNaNForNonStatisticalClaims() {
        Statistics s = VerdictRules.summarize(Quantifier.UNIVERSAL, trials(9, 1, 0));
        assertTrue(Double.isNaN(s.pValueFor()) && Double.isNaN(s.pValueAgainst()));
    }

    @Test
    void wilsonIntervalMatchesTheFormula() {
        double[] w = VerdictRules.wilson(9, 10);
        double[] none = VerdictRules.wilson(0, 5);
        double[] empty = VerdictRules.wilson(0, 0);
        assertAll(
                () -> assertEquals(0.5958499732047615, w[0], 1e-12),
                () -> assertEquals(0.9821237869049271, w[1], 1e-12),
                () -> assertEquals(0.0, none[0], 1e-15),
                () -> assertEquals(0.43448246478317476, none[1], 1e-12),
                () -> assertEquals(0.0, empty[0]),
                () -> assertEquals(1.0, empty[1]));
    }

    @Test
    void keySummaryIgnoresNaN() {
        List<TrialResult> ts = new ArrayList<>();
        double[] keys = {3, Double.NaN, 1, 2, 10};
        for (int i = 0; i < keys.length; i++) {
            ts.add(new TrialResult(i, i, "x", Double.isNaN(keys[i]) ? Outcome.INCONCLUSIVE : Outcome.PASS, keys[i],
                    Map.of(), "", Map.of()));
        }
        Statistics s = VerdictRules.summarize(Quantifier.UNIVERSAL, ts);
        assertAll(
                () -> assertEquals(1, s.keyMin()),
                () -> assertEquals(2.5, s.keyMedian()),
                () -> assertEquals(10, s.keyMax()),
                () -> assertEquals(4, s.pass()),
                () -> assertEquals(1, s.inconclusive()));
    }

    @Test
    void emptyArmHasNaNKeysAndIsInconclusiveUnlessUniversal() {
        Statistics s = VerdictRules.summarize(Quantifier.STATISTICAL, List.of());
        assertAll(
                () -> assertTrue(Double.isNaN(s.keyMedian())),
                () -> assertEquals(Verdict.INCONCLUSIVE, VerdictRules.decide(Quantifier.STATISTICAL, s, 0.05)),
                () -> assertEquals(Verdict.INCONCLUSIVE, VerdictRules.decide(Quantifier.EXISTENTIAL, s, Double.NaN)));
    }

    private static Verdict decide(Quantifier q, int pass, int fail, int inc, double alpha) {
        return VerdictRules.decide(q, VerdictRules.summarize(q, trials(pass, fail, inc)), alpha);
    }

    static List<TrialResult> trials(int pass, int fail, int inc) {
        List<TrialResult> ts = new ArrayList<>();
        int i = 0;
        for (int k = 0; k < pass; k++, i++) {
            ts.add(new TrialResult(i, i, "pass", Outcome.PASS, 1.0, Map.of(), "", Map.of()));
        }
        for (int k = 0; k < fail; k++, i++) {
            ts.add(new TrialResult(i, i, "fail", Outcome.FAIL, -1.0, Map.of(), "", Map.of()));
        }
        for (int k = 0; k < inc; k++, i++) {
            ts.add(new TrialResult(i, i, "inc", Outcome.INCONCLUSIVE, Double.NaN, Map.of(), "", Map.of()));
        }
        return ts;
    }
}
