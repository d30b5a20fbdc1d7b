package theorycheck.claims;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import theorycheck.support.ClaimId;
import theorycheck.support.ClaimVerifier;

/** The claims of theorems/diagonal-and-factorization/: one test per claim file, each running that claim and its control. */
@Execution(ExecutionMode.CONCURRENT) // claims are independent: a family's claims run side by side too
class DiagonalAndFactorizationClaims {

    @Test
    @ClaimId("slides.conservation")
    void slides_conservation() {
        ClaimVerifier.verify("slides.conservation");
    }

    @Test
    @ClaimId("slides.q-alpha")
    void slides_q_alpha() {
        ClaimVerifier.verify("slides.q-alpha");
    }

    @Test
    @ClaimId("slides.alpha-limits")
    void slides_alpha_limits() {
        ClaimVerifier.verify("slides.alpha-limits");
    }

    @Test
    @ClaimId("slides.explicit-vs-implicit")
    void slides_explicit_vs_implicit() {
        ClaimVerifier.verify("slides.explicit-vs-implicit");
    }

    @Test
    @ClaimId("slides.deep-diagonal")
    void slides_deep_diagonal() {
        ClaimVerifier.verify("slides.deep-diagonal");
    }

    @Test
    @ClaimId("slides.sparse-recovery")
    void slides_sparse_recovery() {
        ClaimVerifier.verify("slides.sparse-recovery");
    }

    @Test
    @ClaimId("slides.width-vs-scale")
    void slides_width_vs_scale() {
        ClaimVerifier.verify("slides.width-vs-scale");
    }

    @Test
    @ClaimId("assignment.saddle")
    void assignment_saddle() {
        ClaimVerifier.verify("assignment.saddle");
    }

    @Test
    @ClaimId("assignment.mf-low-rank")
    void assignment_mf_low_rank() {
        ClaimVerifier.verify("assignment.mf-low-rank");
    }

    @Test
    @ClaimId("lit.mf-nuclear-enough")
    void lit_mf_nuclear_enough() {
        ClaimVerifier.verify("lit.mf-nuclear-enough");
    }

    @Test
    @ClaimId("lit.mf-nuclear-few")
    void lit_mf_nuclear_few() {
        ClaimVerifier.verify("lit.mf-nuclear-few");
    }

    @Test
    @ClaimId("lit.deep-mf-rank")
    void lit_deep_mf_rank() {
        ClaimVerifier.verify("lit.deep-mf-rank");
    }

    @Test
    @ClaimId("assignment.vanishing")
    void assignment_vanishing() {
        ClaimVerifier.verify("assignment.vanishing");
    }

    @Test
    @ClaimId("assignment.vanishing-tanh")
    void assignment_vanishing_tanh() {
        ClaimVerifier.verify("assignment.vanishing-tanh");
    }

    @Test
    @ClaimId("assignment.vanishing-tanh-weights")
    void assignment_vanishing_tanh_weights() {
        ClaimVerifier.verify("assignment.vanishing-tanh-weights");
    }

    @Test
    @ClaimId("book.C.20")
    void book_C_20() {
        ClaimVerifier.verify("book.C.20");
    }

    @Test
    @ClaimId("slides.scale-lazy")
    void slides_scale_lazy() {
        ClaimVerifier.verify("slides.scale-lazy");
    }

    @Test
    @ClaimId("book.A.11")
    void book_A_11() {
        ClaimVerifier.verify("book.A.11");
    }
}
