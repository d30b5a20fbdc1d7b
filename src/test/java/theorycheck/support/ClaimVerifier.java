package theorycheck.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import org.opentest4j.AssertionFailedError;
import theorycheck.claim.ClaimCatalog;
import theorycheck.claim.ClaimResult;
import theorycheck.claim.ClaimRunner;
import theorycheck.claim.ClaimSpec;
import theorycheck.claim.InstanceCheck;
import theorycheck.claim.RunSettings;

/**
 * The one entry point of claim tests: runs a claim and its control, publishes the result, and
 * fails the test when the control did not come out the other way (the check proves nothing) or
 * the verdict is not the one recorded in the claim file (the reproduction changed).
 */
public final class ClaimVerifier {
    private static final Map<String, ClaimCatalog> CATALOGS = new ConcurrentHashMap<>();

    private ClaimVerifier() {
    }

    public static <I, C> ClaimResult verify(String claimId, InstanceCheck<I> claim, InstanceCheck<C> control) {
        RunSettings settings = RunSettings.fromSystemProperties();
        assumeTrue(settings.onlyClaim().map(claimId::equals).orElse(true),
                () -> "only " + settings.onlyClaim().orElse("") + " runs (-D" + RunSettings.CLAIM_PROPERTY_NAME + ")");
        ClaimSpec spec = catalog(settings).get(claimId);
        ClaimResult result = new ClaimRunner(System.out).run(spec, settings, claim, control);
        ClaimPublisher.publish(result);
        return ClaimAssertions.assertReproduced(result);
    }

    static ClaimCatalog catalog(RunSettings settings) {
        return CATALOGS.computeIfAbsent(settings.theorems().toString(), k -> ClaimCatalog.load(settings.theorems()));
    }

    /** Thrown for a check that cannot fail: its control did not flip. */
    static AssertionFailedError harnessBroken(String message) {
        return new AssertionFailedError(message);
    }
}
