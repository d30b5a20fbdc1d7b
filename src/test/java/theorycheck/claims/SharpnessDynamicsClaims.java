package theorycheck.claims;

import org.junit.jupiter.api.Test;
import theorycheck.support.ClaimId;
import theorycheck.support.ClaimVerifier;

/**
 * Sharpness and training dynamics: SGD's stationary covariance near a quadratic
 * minimum, what the condition number does and does not determine, the edge of stability, batch
 * size and sharpness, and SAM against SGD.
 */
class SharpnessDynamicsClaims {

    @Test
    @ClaimId("book.T1.5")
    void book_T1_5() {
        ClaimVerifier.verify("book.T1.5", new SharpnessDynamicsLyapunov());
    }

    @Test
    @ClaimId("book.A.18")
    void book_A_18() {
        ClaimVerifier.verify("book.A.18", new SharpnessDynamicsConditionNumber());
    }

    @Test
    @ClaimId("lit.edge-of-stability")
    void lit_edge_of_stability() {
        ClaimVerifier.verify("lit.edge-of-stability",
                new SharpnessDynamicsEdgeOfStability(SharpnessDynamicsEdgeOfStability.Rule.HOVER));
    }

    @Test
    @ClaimId("lit.edge-of-stability-momentum")
    void lit_edge_of_stability_momentum() {
        ClaimVerifier.verify("lit.edge-of-stability-momentum",
                new SharpnessDynamicsEdgeOfStability(SharpnessDynamicsEdgeOfStability.Rule.CEILING));
    }

    @Test
    @ClaimId("book.A.2-fixed-lr")
    void book_A_2_fixed_lr() {
        ClaimVerifier.verify("book.A.2-fixed-lr", new SharpnessDynamicsBatchSize());
    }

    @Test
    @ClaimId("book.A.2-scaled-lr")
    void book_A_2_scaled_lr() {
        ClaimVerifier.verify("book.A.2-scaled-lr", new SharpnessDynamicsBatchSize());
    }

    @Test
    @ClaimId("book.A.19")
    void book_A_19() {
        ClaimVerifier.verify("book.A.19", new SharpnessDynamicsSamVsSgd());
    }
}
