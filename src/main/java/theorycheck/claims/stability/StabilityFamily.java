package theorycheck.claims.stability;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import theorycheck.claim.InstanceCheck;

/** The checks of the claims in theorems/stability/, by claim id. */
public final class StabilityFamily {
    private StabilityFamily() {
    }

    /** A fresh check for each claim id of the family. */
    public static Map<String, Supplier<InstanceCheck<?>>> checks() {
        Map<String, Supplier<InstanceCheck<?>>> checks = new LinkedHashMap<>();
        checks.put("book.T1.4", StabilityCoverage::new);
        checks.put("lit.bousquet-elisseeff", StabilityConstant::new);
        checks.put("lit.hardt-sgd", StabilitySgd::new);
        checks.put("book.C.16", StabilityLoo::new);
        checks.put("book.A.10", StabilityWitness::new);
        checks.put("book.B.13", StabilityPacBayes::new);
        checks.put("book.B.13-kl", StabilityKl::new);
        return checks;
    }
}
