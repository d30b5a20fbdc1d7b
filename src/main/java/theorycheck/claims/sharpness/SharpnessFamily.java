package theorycheck.claims.sharpness;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import theorycheck.claim.InstanceCheck;

/** The checks of the claims in theorems/sharpness/, by claim id. */
public final class SharpnessFamily {
    private SharpnessFamily() {
    }

    /** A fresh check for each claim id of the family. */
    public static Map<String, Supplier<InstanceCheck<?>>> checks() {
        Map<String, Supplier<InstanceCheck<?>>> checks = new LinkedHashMap<>();
        SharpnessChecks.register(checks);
        checks.put("book.T1.5", SharpnessDynamicsLyapunov::new);
        checks.put("book.A.18", SharpnessDynamicsConditionNumber::new);
        checks.put("lit.edge-of-stability", () -> new SharpnessDynamicsEdgeOfStability(SharpnessDynamicsEdgeOfStability.Rule.HOVER));
        checks.put("lit.edge-of-stability-momentum", () -> new SharpnessDynamicsEdgeOfStability(SharpnessDynamicsEdgeOfStability.Rule.CEILING));
        checks.put("book.A.2-fixed-lr", SharpnessDynamicsBatchSize::new);
        checks.put("book.A.2-scaled-lr", SharpnessDynamicsBatchSize::new);
        checks.put("book.A.19", SharpnessDynamicsSamVsSgd::new);
        return checks;
    }
}
