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

    @Test
    @ClaimId("book.C.20")
    void book_C_20() {
        ClaimVerifier.verify("book.C.20", new KernelRegimeWidthGap(false), new KernelRegimeWidthGap(true));
    }

    @Test
    @ClaimId("slides.scale-lazy")
    void slides_scale_lazy() {
        ClaimVerifier.verify("slides.scale-lazy", new KernelRegimeLazy("alpha"), new KernelRegimeLazy("control_alpha"));
    }

    @Test
    @ClaimId("book.A.11")
    void book_A_11() {
        ClaimVerifier.verify("book.A.11", new KernelRegimeWidthBias("widths"), new KernelRegimeWidthBias("control_widths"));
    }
}
