package theorycheck.claims;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import theorycheck.support.ClaimId;
import theorycheck.support.ClaimVerifier;

/** The claims of theorems/min-norm/: one test per claim file, each running that claim and its control. */
@Execution(ExecutionMode.CONCURRENT) // claims are independent: a family's claims run side by side too
class MinNormClaims {

    @Test
    @ClaimId("book.T1.1")
    void book_T1_1() {
        ClaimVerifier.verify("book.T1.1");
    }

    @Test
    @ClaimId("book.A.1")
    void book_A_1() {
        ClaimVerifier.verify("book.A.1");
    }

    @Test
    @ClaimId("book.T1.7")
    void book_T1_7() {
        ClaimVerifier.verify("book.T1.7");
    }

    @Test
    @ClaimId("book.A.16-ls")
    void book_A_16_ls() {
        ClaimVerifier.verify("book.A.16-ls");
    }

    @Test
    @ClaimId("book.C.2-batch")
    void book_C_2_batch() {
        ClaimVerifier.verify("book.C.2-batch");
    }

    @Test
    @ClaimId("lit.adaptive-not-min-norm")
    void lit_adaptive_not_min_norm() {
        ClaimVerifier.verify("lit.adaptive-not-min-norm");
    }

    @Test
    @ClaimId("book.A.16-diag")
    void book_A_16_diag() {
        ClaimVerifier.verify("book.A.16-diag");
    }

    @Test
    @ClaimId("book.B.12")
    void book_B_12() {
        ClaimVerifier.verify("book.B.12");
    }

    @Test
    @ClaimId("book.C.6")
    void book_C_6() {
        ClaimVerifier.verify("book.C.6");
    }

    @Test
    @ClaimId("book.C.6-adaptive")
    void book_C_6_adaptive() {
        ClaimVerifier.verify("book.C.6-adaptive");
    }

    @Test
    @ClaimId("book.Ex1-norms")
    void book_Ex1_norms() {
        ClaimVerifier.verify("book.Ex1-norms");
    }

    @Test
    @ClaimId("book.Ex2-ridge-norm")
    void book_Ex2_ridge_norm() {
        ClaimVerifier.verify("book.Ex2-ridge-norm");
    }
}
