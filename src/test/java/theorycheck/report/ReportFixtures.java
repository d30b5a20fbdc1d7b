package theorycheck.report;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import theorycheck.claim.Chart;
import theorycheck.claim.ClaimResult;
import theorycheck.claim.ClaimRunner;
import theorycheck.claim.ClaimSpec;
import theorycheck.claim.ClaimSpecParser;
import theorycheck.claim.Evidence;
import theorycheck.claim.RunSettings;
import theorycheck.claim.Tier;
import theorycheck.claim.Trial;
import theorycheck.claim.TrialResult;
import theorycheck.support.fixtures.UniformDraw;

/** Claim results for the report's tests, made by the real runner on tiny checks. */
final class ReportFixtures {
    static final Path ROOT = Path.of("/nonexistent/project").toAbsolutePath();
    static final long SEED = 7L;

    private ReportFixtures() {
    }

    /** A claim file's text; the quantifier line may carry an alpha line too. */
    static ClaimSpec spec(String family, String id, String quantifier, String sourceSays, String expected,
            String controlExpected) {
        return ClaimSpecParser.parse(ROOT.resolve("theorems").resolve(family).resolve(id + ".md"),
                text(family, id, quantifier, sourceSays, expected, controlExpected));
    }

    /** The text of the claim file {@link #spec} parses. */
    static String text(String family, String id, String quantifier, String sourceSays, String expected,
            String controlExpected) {
        return """
                ---
                id: %2$s
                title: Title of %2$s | with a pipe
                family: %1$s
                source: notes.txt, Theorem 1
                statement: Every draw of U(0, 1) is below the bound.
                source_says: %4$s
                quantifier: %3$s
                setting:
                  bound: 2.0
                  d: [3, 5]
                prediction: x < bound
                tolerance: none
                control:
                  variant: bound -1
                  setting:
                    bound: -1.0
                  expected: %6$s
                  trials: 3
                trials: 5
                trials_deep: 9
                expected: %5$s
                evidence: empirical
                %7$s---
                A body with a paragraph
                wrapped over two lines.

                - a list item
                - another
                """.formatted(family, id, quantifier, sourceSays, expected, controlExpected,
                        disagrees(sourceSays, expected) ? "disagreement: reading\ndisagreement_note: a fixture's reading\n" : "");
    }

    private static boolean disagrees(String sourceSays, String expected) {
        return "true".equals(sourceSays) && "REFUTED".equals(expected) || "false".equals(sourceSays) && "HOLDS".equals(expected);
    }

    static ClaimSpec spec(String family, String id) {
        return spec(family, id, "universal", "true", "HOLDS", "REFUTED");
    }

    static RunSettings settings(Path root) {
        return new RunSettings(SEED, Tier.QUICK, Optional.empty(), OptionalInt.empty(), root, java.util.List.of());
    }

    /** Runs {@code spec} with "x &lt; bound" as the claim and "x &lt; −1" as the control, under {@code root}. */
    static ClaimResult run(ClaimSpec spec, boolean withCharts, Path root) {
        return new ClaimRunner(new PrintStream(OutputStream.nullOutputStream()))
                .run(spec, settings(root), new Below(withCharts));
    }

    static ClaimResult run(ClaimSpec spec, boolean withCharts) {
        return run(spec, withCharts, ROOT);
    }

    static ClaimResult run(ClaimSpec spec) {
        return run(spec, true);
    }

    /** Draws x ~ U(0, 1); checks x &lt; bound (the control's setting lowers the bound to −1). */
    record Below(boolean withCharts) implements UniformDraw {
        @Override
        public TrialResult check(Double x, Trial trial) {
            double bound = trial.setting().real("bound");
            int d = trial.setting().intRange("d")[0];
            TrialResult.Builder b = TrialResult.of(trial).instance("x = " + x + ", d = " + d).metric("x", x);
            if (trial.index() % 2 == 1) {
                b.metric("odd only", trial.index());
            }
            return b.decide(bound - x, x < bound, "x vs bound, \"quoted\"");
        }

        @Override
        public List<Double> shrink(Double x) {
            return x > 0.01 ? List.of(x / 2) : List.of();
        }

        @Override
        public List<Chart> charts(Evidence e) {
            if (!withCharts) {
                return List.of();
            }
            double[] idx = e.trials().stream().mapToDouble(TrialResult::index).toArray();
            double[] xs = e.trials().stream().mapToDouble(t -> t.metrics().get("x")).toArray();
            return List.of(new Chart("x-" + e.arm(), "x per trial (" + e.arm() + ")", "trial", "x", false, true,
                    List.of(Chart.Series.points(e.arm(), idx, xs))));
        }
    }
}
