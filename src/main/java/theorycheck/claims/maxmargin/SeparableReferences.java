package theorycheck.claims.maxmargin;

import java.util.Locale;
import java.util.Optional;
import theorycheck.data.Classification;
import theorycheck.data.SeparabilityCertificate;
import theorycheck.linalg.Norm;
import theorycheck.reference.MarginMeasures;
import theorycheck.reference.MaxMargin;

/**
 * The exact answers a separable instance is judged against, and whether the instance can test a
 * claim about the ℓ2 (or ℓ∞) max-margin direction at all.
 *
 * @param l2LinfRatio γ∞(ŵ₂)/γ∞*: the ℓ∞ margin ratio of the ℓ2 answer. ℓ∞ answers need not be
 *     unique, so "the norms give different answers" is judged by margins, not angles.
 */
record SeparableReferences(SeparabilityCertificate.Result certificate, MaxMargin.Result l2, MaxMargin.Result lInf,
        double l2LinfRatio) {
    /**
     * An instance tells two norms apart when one's max-margin direction falls at least this fraction
     * short of the other's best margin.
     */
    static final double DISTINCT_REFERENCES = 0.01;

    static SeparableReferences of(Classification data) {
        SeparabilityCertificate.Result cert = SeparabilityCertificate.certify(data);
        MaxMargin.Result l2 = MaxMargin.l2(data);
        MaxMargin.Result lInf = MaxMargin.lInf(data);
        double ratio = MarginMeasures.normalizedMargin(l2.direction(), data, Norm.LINF) / lInf.margin();
        return new SeparableReferences(cert, l2, lInf, ratio);
    }

    /** 1 − γ∞(ŵ₂)/γ∞*: how far the ℓ2 answer falls short of the best ℓ∞ margin. */
    double l2ShortOfLinfMargin() {
        return 1 - l2LinfRatio;
    }

    /** Why the instance cannot decide the claim (empty when it can). */
    Optional<String> unusable() {
        if (!certificate.separable()) {
            return Optional.of("data not certified separable");
        }
        if (!l2.converged() || !lInf.converged()) {
            return Optional.of("a max-margin reference did not verify its optimality");
        }
        if (l2ShortOfLinfMargin() < DISTINCT_REFERENCES) {
            return Optional.of(String.format(Locale.ROOT, "the ℓ2 max-margin direction is within %.3g of the best ℓ∞ "
                    + "margin: the instance cannot tell the norms apart", l2ShortOfLinfMargin()));
        }
        return Optional.empty();
    }
}
