package theorycheck.claims.factorization;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import theorycheck.claim.InstanceCheck;

/** The checks of the claims in theorems/diagonal-and-factorization/, by claim id. */
public final class DiagonalAndFactorizationFamily {
    private DiagonalAndFactorizationFamily() {
    }

    /** A fresh check for each claim id of the family. */
    public static Map<String, Supplier<InstanceCheck<?>>> checks() {
        Map<String, Supplier<InstanceCheck<?>>> checks = new LinkedHashMap<>();
        DiagonalNetChecks.register(checks);
        FactorizationChecks.register(checks);
        KernelRegimeChecks.register(checks);
        return checks;
    }
}
