package theorycheck.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Optional;
import java.util.Set;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import org.opentest4j.AssertionFailedError;
import theorycheck.claim.ClaimCatalog;
import theorycheck.claim.ClaimResult;
import theorycheck.claim.ClaimRunner;
import theorycheck.claim.ClaimSpec;
import theorycheck.claim.InstanceCheck;
import theorycheck.claim.RunSettings;
import theorycheck.claims.ClaimChecks;
import theorycheck.report.RobustnessTable;

/**
 * The one entry point of claim tests: runs a claim and its control, publishes the result, and
 * fails the test when the control did not come out the other way (the check proves nothing) or
 * the verdict is not the one recorded in the claim file (the reproduction changed).
 */
public final class ClaimVerifier {
    private static final Map<String, ClaimCatalog> CATALOGS = new ConcurrentHashMap<>();

    private ClaimVerifier() {
    }

    /** Runs the claim {@code claimId} with its check from {@link ClaimChecks}. */
    public static ClaimResult verify(String claimId) {
        return verify(claimId, ClaimChecks.forId(claimId));
    }

    /**
     * Runs the claim {@code claimId} with {@code check}: the claim arm on the claim file's setting, the
     * control arm on the setting with the file's {@code control.setting} overrides.
     */
    public static <I> ClaimResult verify(String claimId, InstanceCheck<I> check) {
        RunSettings settings = settingsOrStop();
        assumeTrue(settings.onlyClaim().map(claimId::equals).orElse(true),
                () -> "only " + settings.onlyClaim().orElse("") + " runs (-D" + RunSettings.CLAIM_PROPERTY_NAME + ")");
        ClaimSpec spec = catalog(settings).get(claimId);
        ClaimRunner runner = new ClaimRunner(System.out);
        if (settings.isSweep()) {
            return sweep(settings, spec, runner, check);
        }
        ClaimResult result = runner.run(spec, settings, check);
        ClaimPublisher.publish(result);
        SettingReadsCheck.afterRun(settings, result);
        return ClaimAssertions.assertReproduced(result);
    }

    /**
     * A robustness sweep: the claim at every base seed of the sweep, its row written for
     * reports/robustness.*; fails when any seed does not reproduce the verdict or the control. Nothing
     * goes to the Allure report or reports/verdicts.* (those describe one base seed).
     */
    private static <I> ClaimResult sweep(RunSettings settings, ClaimSpec spec, ClaimRunner runner, InstanceCheck<I> check) {
        List<ClaimResult> runs = new ArrayList<>();
        for (long seed : settings.robustnessSeeds()) {
            runs.add(runner.run(spec, settings.withBaseSeed(seed), check));
        }
        RobustnessTable.writeClaim(settings.sweepDir(), settings.tier().label(), settings.robustnessSeeds(), spec, runs);
        List<String> off = new ArrayList<>();
        for (ClaimResult r : runs) {
            if (!r.reproduced() || !r.controlFlipped()) {
                off.add("seed " + r.settings().baseSeed() + ": " + r.verdict() + ", control " + r.control().verdict()
                        + String.format(java.util.Locale.ROOT, " (flip share %.2f)", r.controlFlipShare()));
            }
        }
        if (!off.isEmpty()) {
            throw new AssertionFailedError(ClaimAssertions.REPRODUCTION_CHANGED + ": " + spec.id() + " does not reproduce "
                    + spec.expected() + " / control " + spec.control().expected() + " at " + off.size() + " of "
                    + runs.size() + " base seeds: " + String.join("; ", off));
        }
        return runs.get(0);
    }

    /**
     * The run's settings, or a stop: a bad {@code -Dtheorycheck.*} value or an unknown claim id fails the
     * first claim test with one line, and every later claim test of the JVM is skipped pointing at it —
     * never a green run that ran nothing, never the same stack trace once per claim.
     */
    static RunSettings settingsOrStop() {
        String problem = ReportSessionListener.runProblem().orElse(null);
        if (problem == null) {
            try {
                RunSettings settings = RunSettings.fromSystemProperties();
                ClaimCatalog catalog = catalog(settings);
                Optional<String> unknown = settings.onlyClaim().filter(id -> !catalog.contains(id));
                if (unknown.isEmpty()) {
                    return settings;
                }
                problem = "-D" + RunSettings.CLAIM_PROPERTY_NAME + ": " + ClaimChecks.unknownId(unknown.get(),
                        catalog.ids());
            } catch (IllegalArgumentException e) {
                problem = e.getMessage();
            }
        }
        if (REPORTED_PROBLEMS.add(problem)) {
            throw new AssertionFailedError("cannot run claims: " + problem);
        }
        String p = problem;
        assumeTrue(false, () -> "cannot run claims (said once, by the first claim test that ran): " + p);
        throw new AssertionError("unreachable");
    }

    private static final Set<String> REPORTED_PROBLEMS = ConcurrentHashMap.newKeySet();

    static ClaimCatalog catalog(RunSettings settings) {
        return CATALOGS.computeIfAbsent(settings.theorems().toString(), k -> ClaimCatalog.loadEach(settings.theorems()));
    }

    /** Thrown for a check that cannot fail: its control did not flip. */
    static AssertionFailedError harnessBroken(String message) {
        return new AssertionFailedError(message);
    }
}
