package theorycheck.claims.generalization;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import theorycheck.claim.InstanceCheck;

/** The checks of the claims in theorems/generalization/, by claim id. */
public final class GeneralizationFamily {
    private GeneralizationFamily() {
    }

    /** A fresh check for each claim id of the family. */
    public static Map<String, Supplier<InstanceCheck<?>>> checks() {
        Map<String, Supplier<InstanceCheck<?>>> checks = new LinkedHashMap<>();
        checks.put("book.T1.8-low-rank", () -> new BenignRiskCurve(BenignFit.MIN_NORM, BenignRiskCurve.Rule.FALLS));
        checks.put("book.A.3", () -> new BenignRiskCurve(BenignFit.GD, BenignRiskCurve.Rule.NOT_BENIGN));
        checks.put("book.A.14", () -> new BenignRiskCurve(BenignFit.GD, BenignRiskCurve.Rule.BENIGN));
        checks.put("book.T1.8-gap-rank", BenignRankSweep::new);
        checks.put("book.A.3-book-example", () -> new BenignRiskCurve(BenignFit.GD, BenignRiskCurve.Rule.NEAR_NOISE));
        checks.put("book.A.4", () -> new BenignGapSign(BenignGapSign.Mode.TRAIN_MINUS_TEST));
        checks.put("book.A.4-test-minus-train", () -> new BenignGapSign(BenignGapSign.Mode.TEST_MINUS_TRAIN));
        checks.put("book.A.12", BenignShift::new);
        checks.put("book.T1.6", () -> new DoubleDescentCurveShape(DoubleDescentCurveShape.Rule.PEAK_AND_SECOND_DESCENT));
        checks.put("book.T1.6-formula", DoubleDescentBookFormula::new);
        checks.put("book.A.7", () -> new DoubleDescentCurveShape(DoubleDescentCurveShape.Rule.NO_PEAK));
        checks.put("book.A.20", () -> new DoubleDescentCurveShape(DoubleDescentCurveShape.Rule.SECOND_DESCENT));
        checks.put("book.B.18", DoubleDescentThresholdTail::new);
        checks.put("book.A.8", ShuffledLabels::new);
        checks.put("book.A.13", ValidationStopping::new);
        return checks;
    }
}
