package theorycheck.claims;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import theorycheck.support.ClaimId;
import theorycheck.support.ClaimVerifier;

/** The claims of theorems/stability/: one test per claim file, each running that claim and its control. */
@Execution(ExecutionMode.CONCURRENT) // claims are independent: a family's claims run side by side too
class StabilityClaims {

    @Test
    @ClaimId("book.T1.4")
    void book_T1_4() {
        ClaimVerifier.verify("book.T1.4");
    }

    @Test
    @ClaimId("lit.bousquet-elisseeff")
    void lit_bousquet_elisseeff() {
        ClaimVerifier.verify("lit.bousquet-elisseeff");
    }

    @Test
    @ClaimId("lit.hardt-sgd")
    void lit_hardt_sgd() {
        ClaimVerifier.verify("lit.hardt-sgd");
    }

    @Test
    @ClaimId("book.C.16")
    void book_C_16() {
        ClaimVerifier.verify("book.C.16");
    }

    @Test
    @ClaimId("book.A.10")
    void book_A_10() {
        ClaimVerifier.verify("book.A.10");
    }

    @Test
    @ClaimId("book.B.13")
    void book_B_13() {
        ClaimVerifier.verify("book.B.13");
    }

    @Test
    @ClaimId("book.B.13-kl")
    void book_B_13_kl() {
        ClaimVerifier.verify("book.B.13-kl");
    }
}
