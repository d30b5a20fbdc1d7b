package theorycheck.claims;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import theorycheck.support.ClaimId;
import theorycheck.support.ClaimVerifier;

/** The claims of theorems/sharpness/: one test per claim file, each running that claim and its control. */
@Execution(ExecutionMode.CONCURRENT) // claims are independent: a family's claims run side by side too
class SharpnessClaims {

    @Test
    @ClaimId("book.T1.2")
    void book_T1_2() {
        ClaimVerifier.verify("book.T1.2");
    }

    @Test
    @ClaimId("book.T1.3")
    void book_T1_3() {
        ClaimVerifier.verify("book.T1.3");
    }

    @Test
    @ClaimId("lit.dinh-rescaling")
    void lit_dinh_rescaling() {
        ClaimVerifier.verify("lit.dinh-rescaling");
    }

    @Test
    @ClaimId("lit.adaptive-sharpness")
    void lit_adaptive_sharpness() {
        ClaimVerifier.verify("lit.adaptive-sharpness");
    }

    @Test
    @ClaimId("book.A.15")
    void book_A_15() {
        ClaimVerifier.verify("book.A.15");
    }

    @Test
    @ClaimId("book.C.11")
    void book_C_11() {
        ClaimVerifier.verify("book.C.11");
    }

    @Test
    @ClaimId("book.flatness-proxy")
    void book_flatness_proxy() {
        ClaimVerifier.verify("book.flatness-proxy");
    }

    @Test
    @ClaimId("book.A.5")
    void book_A_5() {
        ClaimVerifier.verify("book.A.5");
    }

    @Test
    @ClaimId("book.T1.5")
    void book_T1_5() {
        ClaimVerifier.verify("book.T1.5");
    }

    @Test
    @ClaimId("book.A.18")
    void book_A_18() {
        ClaimVerifier.verify("book.A.18");
    }

    @Test
    @ClaimId("lit.edge-of-stability")
    void lit_edge_of_stability() {
        ClaimVerifier.verify("lit.edge-of-stability");
    }

    @Test
    @ClaimId("lit.edge-of-stability-momentum")
    void lit_edge_of_stability_momentum() {
        ClaimVerifier.verify("lit.edge-of-stability-momentum");
    }

    @Test
    @ClaimId("book.A.2-fixed-lr")
    void book_A_2_fixed_lr() {
        ClaimVerifier.verify("book.A.2-fixed-lr");
    }

    @Test
    @ClaimId("book.A.2-scaled-lr")
    void book_A_2_scaled_lr() {
        ClaimVerifier.verify("book.A.2-scaled-lr");
    }

    @Test
    @ClaimId("book.A.19")
    void book_A_19() {
        ClaimVerifier.verify("book.A.19");
    }
}
