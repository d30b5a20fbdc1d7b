package theorycheck.claims;

import org.junit.jupiter.api.Test;
import theorycheck.support.ClaimId;
import theorycheck.support.ClaimVerifier;

/**
 * Gradient propagation at initialization and the kernel (lazy) regime (CATALOGUE.md §6, assignment
 * Problem 1; slides "Kernel Regime"; book C.20, B.4, A.11).
 */
class KernelRegimeClaims {

    @Test
    @ClaimId("assignment.vanishing")
    void assignment_vanishing() {
        ClaimVerifier.verify("assignment.vanishing", new KernelRegimeVanishing(false), new KernelRegimeVanishing(true));
    }
}
