package theorycheck.claims.minnorm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import theorycheck.claim.InstanceCheck;

/** The checks of the claims in theorems/min-norm/, by claim id. */
public final class MinNormFamily {
    private MinNormFamily() {
    }

    /** A fresh check for each claim id of the family. */
    public static Map<String, Supplier<InstanceCheck<?>>> checks() {
        Map<String, Supplier<InstanceCheck<?>>> checks = new LinkedHashMap<>();
        checks.put("book.T1.1", () -> new ConvergesTo(Reference.MIN_NORM, true));
        checks.put("book.A.1", StepSizeThreshold::new);
        checks.put("book.T1.7", () -> new ConvergesTo(Reference.CLOSEST_TO_START, false));
        checks.put("book.A.16-ls", () -> new ConvergesTo(Reference.MIN_NORM, true));
        checks.put("book.C.2-batch", BatchSizeLimits::new);
        checks.put("lit.adaptive-not-min-norm", LeavesRowSpace::new);
        checks.put("book.A.16-diag", MomentumOnDiagonalNet::new);
        MinNormClosedFormChecks.register(checks);
        return checks;
    }
}
