package theorycheck.claims;

import org.junit.jupiter.api.Test;
import theorycheck.support.ClaimId;
import theorycheck.support.ClaimVerifier;

/**
 * Stability and bounds: uniform-stability generalization bounds and their
 * constants, SGD stability, leave-one-out stability against λ, a stable-free witness of
 * generalization, and PAC-Bayes with Gaussian posteriors.
 */
class StabilityClaims {

    @Test
    @ClaimId("book.T1.4")
    void book_T1_4() {
        ClaimVerifier.verify("book.T1.4", new StabilityCoverage());
    }

    @Test
    @ClaimId("lit.bousquet-elisseeff")
    void lit_bousquet_elisseeff() {
        ClaimVerifier.verify("lit.bousquet-elisseeff", new StabilityConstant());
    }

    @Test
    @ClaimId("lit.hardt-sgd")
    void lit_hardt_sgd() {
        ClaimVerifier.verify("lit.hardt-sgd", new StabilitySgd());
    }

    @Test
    @ClaimId("book.C.16")
    void book_C_16() {
        ClaimVerifier.verify("book.C.16", new StabilityLoo());
    }

    @Test
    @ClaimId("book.A.10")
    void book_A_10() {
        ClaimVerifier.verify("book.A.10", new StabilityWitness());
    }

    @Test
    @ClaimId("book.B.13")
    void book_B_13() {
        ClaimVerifier.verify("book.B.13", new StabilityPacBayes());
    }

    @Test
    @ClaimId("book.B.13-kl")
    void book_B_13_kl() {
        ClaimVerifier.verify("book.B.13-kl", new StabilityKl());
    }
}
