package theorycheck.claim;

/**
 * Summary of one arm's trials.
 *
 * @param pValueFor one-sided sign-test p-value for "more PASS than FAIL" (statistical claims; NaN otherwise)
 * @param pValueAgainst one-sided sign-test p-value for "more FAIL than PASS" (statistical claims; NaN otherwise)
 * @param passRateLow lower end of the 95% Wilson interval of PASS / (PASS + FAIL)
 * @param passRateHigh upper end of that interval
 */
public record Statistics(int trials, int pass, int fail, int inconclusive, double keyMin, double keyMedian,
        double keyMax, double pValueFor, double pValueAgainst, double passRateLow, double passRateHigh) {
}
