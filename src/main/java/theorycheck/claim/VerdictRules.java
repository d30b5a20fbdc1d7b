package theorycheck.claim;

import java.util.Arrays;
import java.util.List;
import theorycheck.linalg.StrictLog;
import theorycheck.linalg.Vec;

/**
 * The verdict rules (README, "Verdict rules"), applied to the trials of one arm.
 * <ul>
 * <li>universal: any FAIL → REFUTED; else any INCONCLUSIVE → INCONCLUSIVE; else HOLDS. Trials
 * support a universal claim, never prove it.</li>
 * <li>existential: any PASS → HOLDS (a witness); else INCONCLUSIVE (no witness found is not a
 * disproof).</li>
 * <li>statistical: an exact one-sided sign test on PASS vs FAIL trials (INCONCLUSIVE trials, i.e.
 * ties or failed runs, are dropped): HOLDS if P(X ≥ #PASS) &lt; α under Bin(n, ½), REFUTED if
 * P(X ≤ #PASS) &lt; α, else INCONCLUSIVE.</li>
 * </ul>
 */
public final class VerdictRules {
    private VerdictRules() {
    }

    public static Verdict decide(Quantifier q, Statistics s, double alpha) {
        return switch (q) {
            case UNIVERSAL -> s.fail() > 0 ? Verdict.REFUTED : s.inconclusive() > 0 ? Verdict.INCONCLUSIVE : Verdict.HOLDS;
            case EXISTENTIAL -> s.pass() > 0 ? Verdict.HOLDS : Verdict.INCONCLUSIVE;
            case STATISTICAL -> s.pValueFor() < alpha ? Verdict.HOLDS
                    : s.pValueAgainst() < alpha ? Verdict.REFUTED : Verdict.INCONCLUSIVE;
        };
    }

    public static Statistics summarize(Quantifier q, List<TrialResult> trials) {
        int pass = 0, fail = 0, inc = 0;
        double[] keys = trials.stream().mapToDouble(TrialResult::keyValue).filter(v -> !Double.isNaN(v)).sorted().toArray();
        for (TrialResult t : trials) {
            switch (t.outcome()) {
                case PASS -> pass++;
                case FAIL -> fail++;
                case INCONCLUSIVE -> inc++;
            }
        }
        double pFor = Double.NaN, pAgainst = Double.NaN;
        if (q == Quantifier.STATISTICAL) {
            int n = pass + fail;
            pFor = n == 0 ? 1.0 : binomialUpperTail(n, pass);
            pAgainst = n == 0 ? 1.0 : binomialUpperTail(n, fail);
        }
        double[] wilson = wilson(pass, pass + fail);
        return new Statistics(trials.size(), pass, fail, inc,
                keys.length == 0 ? Double.NaN : keys[0], Vec.median(keys), keys.length == 0 ? Double.NaN : keys[keys.length - 1],
                pFor, pAgainst, wilson[0], wilson[1]);
    }

    /** P(X ≥ k) for X ~ Bin(n, ½), exactly. */
    static double binomialUpperTail(int n, int k) {
        double total = 0;
        for (int i = k; i <= n; i++) {
            total += StrictMath.exp(logChoose(n, i) - n * StrictLog.log(2));
        }
        return Math.min(1.0, total);
    }

    private static double logChoose(int n, int k) {
        double s = 0;
        for (int i = 1; i <= k; i++) {
            s += StrictLog.log(n - k + i) - StrictLog.log(i);
        }
        return s;
    }

    /** 95% Wilson score interval of a binomial proportion; [0, 1] when n = 0. */
    static double[] wilson(int successes, int n) {
        if (n == 0) {
            return new double[] {0, 1};
        }
        double z = 1.959963984540054;
        double p = (double) successes / n;
        double denom = 1 + z * z / n;
        double centre = (p + z * z / (2 * n)) / denom;
        double half = z * StrictMath.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / denom;
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    static double[] sortedCopy(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c;
    }
}
