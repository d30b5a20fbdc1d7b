package theorycheck.claims;

import org.junit.jupiter.api.Test;
import theorycheck.claims.DoubleDescentCurveShape.Rule;
import theorycheck.support.ClaimId;
import theorycheck.support.ClaimVerifier;

/**
 * Double descent of minimum-norm least squares: the
 * isotropic Gaussian model of the book's Theorem 1.6, swept over the number of features n at fixed
 * m, judged on medians (the risk has infinite mean at |n − m| ≤ 1) and compared with the exact
 * finite-sample risk ({@link theorycheck.reference.MinNormRisk}).
 */
class DoubleDescentClaims {

    @Test
    @ClaimId("book.T1.6")
    void book_T1_6() {
        ClaimVerifier.verify("book.T1.6", new DoubleDescentCurveShape(Rule.PEAK_AND_SECOND_DESCENT));
    }

    @Test
    @ClaimId("book.T1.6-formula")
    void book_T1_6_formula() {
        ClaimVerifier.verify("book.T1.6-formula", new DoubleDescentBookFormula());
    }

    @Test
    @ClaimId("book.A.7")
    void book_A_7() {
        ClaimVerifier.verify("book.A.7", new DoubleDescentCurveShape(Rule.NO_PEAK));
    }

    @Test
    @ClaimId("book.A.20")
    void book_A_20() {
        ClaimVerifier.verify("book.A.20", new DoubleDescentCurveShape(Rule.SECOND_DESCENT));
    }

    @Test
    @ClaimId("book.B.18")
    void book_B_18() {
        ClaimVerifier.verify("book.B.18", new DoubleDescentThresholdTail());
    }
}
