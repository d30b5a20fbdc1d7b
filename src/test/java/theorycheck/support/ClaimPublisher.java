package theorycheck.support;

import theorycheck.claim.ClaimResult;

/** Hands a claim's result to the report (Allure result, verdict ledger). */
final class ClaimPublisher {
    private ClaimPublisher() {
    }

    static void publish(ClaimResult result) {
        // filled in by the report package
    }
}
