package theorycheck.claim;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BiFunction;

/** Claim files written inline in a test, run by the real runner with no progress output. */
final class FixtureClaims {
    private static final Path ROOT = Path.of("/nonexistent/project").toAbsolutePath();

    private FixtureClaims() {
    }

    /** A check whose instance is the trial's index, judged by {@code judge}. */
    static InstanceCheck<Integer> byIndex(BiFunction<Integer, Trial, TrialResult> judge) {
        return new InstanceCheck<>() {
            @Override
            public Integer draw(Trial trial) {
                return trial.index();
            }

            @Override
            public TrialResult check(Integer i, Trial trial) {
                return judge.apply(i, trial);
            }
        };
    }

    /**
     * A universal claim expected to HOLD whose control is expected REFUTED; {@code setting},
     * {@code controlSetting} and {@code controlExtra} are YAML lines ("key: value"), indented here.
     */
    static String universalClaim(String id, String setting, String controlSetting, String controlExtra, int trials) {
        return """
                ---
                id: %1$s
                title: fixture
                family: fixture
                source: notes.txt, Theorem 1
                statement: every trial passes
                source_says: true
                quantifier: universal
                setting:
                %2$s
                prediction: the fixture's rule
                tolerance: none
                control:
                  variant: the fixture's control
                  setting:
                %3$s
                  expected: REFUTED
                %4$s
                  trials: %5$d
                trials: %5$d
                trials_deep: %5$d
                expected: HOLDS
                evidence: empirical
                ---
                """.formatted(id, setting.indent(2).stripTrailing(), controlSetting.indent(4).stripTrailing(),
                        controlExtra.indent(2).stripTrailing(), trials);
    }

    /** Parses {@code claimFile} as theorems/fixture/{@code id}.md and runs it at base seed 1, quick tier. */
    static ClaimResult run(String id, String claimFile, InstanceCheck<Integer> check, OptionalInt onlyTrial) {
        ClaimSpec spec = ClaimSpecParser.parse(ROOT.resolve("theorems/fixture/" + id + ".md"), claimFile);
        RunSettings settings = new RunSettings(1L, Tier.QUICK, Optional.empty(), onlyTrial, ROOT, List.of());
        return new ClaimRunner(new PrintStream(OutputStream.nullOutputStream())).run(spec, settings, check);
    }
}
