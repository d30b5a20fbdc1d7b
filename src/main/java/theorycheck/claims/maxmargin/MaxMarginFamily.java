package theorycheck.claims.maxmargin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import theorycheck.claim.InstanceCheck;
import theorycheck.loss.ExponentialLoss;
import theorycheck.loss.LogisticLoss;

/** The checks of the claims in theorems/max-margin/, by claim id. */
public final class MaxMarginFamily {
    private MaxMarginFamily() {
    }

    /** A fresh check for each claim id of the family. */
    public static Map<String, Supplier<InstanceCheck<?>>> checks() {
        Map<String, Supplier<InstanceCheck<?>>> checks = new LinkedHashMap<>();
        MaxMarginAdaptiveChecks.register(checks);
        checks.put("book.A.6", () -> new DirectionRate(LogisticLoss.INSTANCE));
        checks.put("slides.exp-tail", () -> new DirectionRate(ExponentialLoss.INSTANCE));
        checks.put("lit.steepest-descent", SteepestMargins::new);
        checks.put("seed.non-separable", SameFiniteMinimizer::new);
        checks.put("lit.homogeneous-margin", HomogeneousMargin::new);
        checks.put("slides.diag-logistic", DiagonalL1Margin::new);
        checks.put("seed.depth-deviation", () -> OptimizerMarginGap.depth("deep", "shallow"));
        checks.put("seed.relu-vs-smooth", () -> OptimizerMarginGap.activation("depth", "other_depth"));
        MaxMarginRateChecks.register(checks);
        MaxMarginSeedChecks.register(checks);
        return checks;
    }
}
