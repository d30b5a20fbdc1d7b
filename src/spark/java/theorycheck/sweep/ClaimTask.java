package theorycheck.sweep;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ForkJoinPool;
import theorycheck.claim.ClaimResult;
import theorycheck.claim.ClaimRunner;
import theorycheck.claim.ClaimSpec;
import theorycheck.claim.ClaimSpecParser;
import theorycheck.claim.RunSettings;
import theorycheck.claim.Tier;
import theorycheck.claims.ClaimChecks;
import theorycheck.report.RobustnessTable;

/** One Spark task: a claim and its control at one base seed. */
public record ClaimTask(String claimId, long seed, Tier tier) implements Serializable {

    /** A claim file as the driver read it: executors parse the text, so they need no theorems/ folder. */
    public record ClaimFile(String path, String text) implements Serializable {
    }

    /**
     * Runs the claim with its trials one after another: Spark owns the cores, one task per core. A fork-join
     * pool of one thread is where {@code TrialPool} then puts the trials; they are gathered in trial order
     * as always, so the result is the one any thread count gives.
     */
    public RobustnessTable.SeedRun run(Map<String, ClaimFile> files) {
        ClaimFile file = files.get(claimId);
        ClaimSpec spec = ClaimSpecParser.parse(Path.of(file.path()), file.text());
        RunSettings settings = new RunSettings(seed, tier, Optional.of(claimId), OptionalInt.empty(),
                Path.of("").toAbsolutePath(), List.of());
        ClaimRunner runner = new ClaimRunner(new PrintStream(OutputStream.nullOutputStream()));
        ForkJoinPool one = new ForkJoinPool(1);
        try {
            ClaimResult r = one.submit(() -> runner.run(spec, settings, ClaimChecks.forId(claimId))).join();
            System.out.printf(Locale.ROOT, "[%s] seed %d: %s, control %s (%.1f s)%n", claimId, seed, r.verdict(),
                    r.control().verdict(), r.durationMillis() / 1000.0);
            return RobustnessTable.seedRun(r);
        } finally {
            one.shutdown();
        }
    }
}
