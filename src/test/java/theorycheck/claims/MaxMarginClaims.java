package theorycheck.claims;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import theorycheck.support.ClaimId;
import theorycheck.support.ClaimVerifier;

/** The claims of theorems/max-margin/: one test per claim file, each running that claim and its control. */
@Execution(ExecutionMode.CONCURRENT) // claims are independent: a family's claims run side by side too
class MaxMarginClaims {

    @Test
    @ClaimId("seed.adam-linf-decay")
    void seed_adam_linf_decay() {
        ClaimVerifier.verify("seed.adam-linf-decay");
    }

    @Test
    @ClaimId("seed.adam-linf-eps")
    void seed_adam_linf_eps() {
        ClaimVerifier.verify("seed.adam-linf-eps");
    }

    @Test
    @ClaimId("seed.lion-linf")
    void seed_lion_linf() {
        ClaimVerifier.verify("seed.lion-linf");
    }

    @Test
    @ClaimId("book.A.6")
    void book_A_6() {
        ClaimVerifier.verify("book.A.6");
    }

    @Test
    @ClaimId("slides.exp-tail")
    void slides_exp_tail() {
        ClaimVerifier.verify("slides.exp-tail");
    }

    @Test
    @ClaimId("lit.steepest-descent")
    void lit_steepest_descent() {
        ClaimVerifier.verify("lit.steepest-descent");
    }

    @Test
    @ClaimId("seed.non-separable")
    void seed_non_separable() {
        ClaimVerifier.verify("seed.non-separable");
    }

    @Test
    @ClaimId("lit.homogeneous-margin")
    void lit_homogeneous_margin() {
        ClaimVerifier.verify("lit.homogeneous-margin");
    }

    @Test
    @ClaimId("slides.diag-logistic")
    void slides_diag_logistic() {
        ClaimVerifier.verify("slides.diag-logistic");
    }

    @Test
    @ClaimId("seed.depth-deviation")
    void seed_depth_deviation() {
        ClaimVerifier.verify("seed.depth-deviation");
    }

    @Test
    @ClaimId("seed.relu-vs-smooth")
    void seed_relu_vs_smooth() {
        ClaimVerifier.verify("seed.relu-vs-smooth");
    }

    @Test
    @ClaimId("slides.log-t")
    void slides_log_t() {
        ClaimVerifier.verify("slides.log-t");
    }

    @Test
    @ClaimId("lit.normalized-gd-rate")
    void lit_normalized_gd_rate() {
        ClaimVerifier.verify("lit.normalized-gd-rate");
    }

    @Test
    @ClaimId("seed.sgd-l2")
    void seed_sgd_l2() {
        ClaimVerifier.verify("seed.sgd-l2");
    }

    @Test
    @ClaimId("seed.gd-l2")
    void seed_gd_l2() {
        ClaimVerifier.verify("seed.gd-l2");
    }

    @Test
    @ClaimId("seed.gd-l2-seed-data")
    void seed_gd_l2_seed_data() {
        ClaimVerifier.verify("seed.gd-l2-seed-data");
    }
}
