package theorycheck.claims;

import org.junit.jupiter.api.Test;
import theorycheck.claims.BenignRiskCurve.Rule;
import theorycheck.support.ClaimId;
import theorycheck.support.ClaimVerifier;

/**
 * Benign overfitting and the choice among interpolants, in the Gaussian linear
 * setting of Bartlett, Long, Lugosi &amp; Tsigler (2020): spiked covariance spectra, noisy linear
 * targets, exact population risks.
 */
class BenignOverfittingClaims {

    @Test
    @ClaimId("book.T1.8-low-rank")
    void book_T1_8_low_rank() {
        ClaimVerifier.verify("book.T1.8-low-rank", new BenignRiskCurve(BenignFit.MIN_NORM, Rule.FALLS));
    }

    @Test
    @ClaimId("book.A.3")
    void book_A_3() {
        ClaimVerifier.verify("book.A.3", new BenignRiskCurve(BenignFit.GD, Rule.NOT_BENIGN));
    }

    @Test
    @ClaimId("book.A.14")
    void book_A_14() {
        ClaimVerifier.verify("book.A.14", new BenignRiskCurve(BenignFit.GD, Rule.BENIGN));
    }

    @Test
    @ClaimId("book.T1.8-gap-rank")
    void book_T1_8_gap_rank() {
        ClaimVerifier.verify("book.T1.8-gap-rank", new BenignRankSweep());
    }

    @Test
    @ClaimId("book.A.3-book-example")
    void book_A_3_book_example() {
        ClaimVerifier.verify("book.A.3-book-example", new BenignRiskCurve(BenignFit.GD, Rule.NEAR_NOISE));
    }

    @Test
    @ClaimId("book.A.4")
    void book_A_4() {
        ClaimVerifier.verify("book.A.4", new BenignGapSign(BenignGapSign.Mode.TRAIN_MINUS_TEST));
    }

    @Test
    @ClaimId("book.A.4-test-minus-train")
    void book_A_4_test_minus_train() {
        ClaimVerifier.verify("book.A.4-test-minus-train", new BenignGapSign(BenignGapSign.Mode.TEST_MINUS_TRAIN));
    }

    @Test
    @ClaimId("book.A.12")
    void book_A_12() {
        ClaimVerifier.verify("book.A.12", new BenignShift());
    }
}
