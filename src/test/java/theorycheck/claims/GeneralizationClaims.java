package theorycheck.claims;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import theorycheck.support.ClaimId;
import theorycheck.support.ClaimVerifier;

/** The claims of theorems/generalization/: one test per claim file, each running that claim and its control. */
@Execution(ExecutionMode.CONCURRENT) // claims are independent: a family's claims run side by side too
class GeneralizationClaims {

    @Test
    @ClaimId("book.T1.8-low-rank")
    void book_T1_8_low_rank() {
        ClaimVerifier.verify("book.T1.8-low-rank");
    }

    @Test
    @ClaimId("book.A.3")
    void book_A_3() {
        ClaimVerifier.verify("book.A.3");
    }

    @Test
    @ClaimId("book.A.14")
    void book_A_14() {
        ClaimVerifier.verify("book.A.14");
    }

    @Test
    @ClaimId("book.T1.8-gap-rank")
    void book_T1_8_gap_rank() {
        ClaimVerifier.verify("book.T1.8-gap-rank");
    }

    @Test
    @ClaimId("book.A.3-book-example")
    void book_A_3_book_example() {
        ClaimVerifier.verify("book.A.3-book-example");
    }

    @Test
    @ClaimId("book.A.4")
    void book_A_4() {
        ClaimVerifier.verify("book.A.4");
    }

    @Test
    @ClaimId("book.A.4-test-minus-train")
    void book_A_4_test_minus_train() {
        ClaimVerifier.verify("book.A.4-test-minus-train");
    }

    @Test
    @ClaimId("book.A.12")
    void book_A_12() {
        ClaimVerifier.verify("book.A.12");
    }

    @Test
    @ClaimId("book.T1.6")
    void book_T1_6() {
        ClaimVerifier.verify("book.T1.6");
    }

    @Test
    @ClaimId("book.T1.6-formula")
    void book_T1_6_formula() {
        ClaimVerifier.verify("book.T1.6-formula");
    }

    @Test
    @ClaimId("book.A.7")
    void book_A_7() {
        ClaimVerifier.verify("book.A.7");
    }

    @Test
    @ClaimId("book.A.20")
    void book_A_20() {
        ClaimVerifier.verify("book.A.20");
    }

    @Test
    @ClaimId("book.B.18")
    void book_B_18() {
        ClaimVerifier.verify("book.B.18");
    }

    @Test
    @ClaimId("book.A.8")
    void book_A_8() {
        ClaimVerifier.verify("book.A.8");
    }

    @Test
    @ClaimId("book.A.13")
    void book_A_13() {
        ClaimVerifier.verify("book.A.13");
    }
}
