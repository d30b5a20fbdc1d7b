package theorycheck.report;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import theorycheck.claim.ClaimCatalog;
import theorycheck.claim.ClaimResult;
import theorycheck.claim.ClaimRunner;
import theorycheck.claim.ClaimSpec;

/** A sweep's per-claim rows become reports/robustness.* only when every claim of the catalogue has one from this sweep. */
class RobustnessTableTest {
    private static final List<Long> SEEDS = List.of(3L, 4L);

    @TempDir
    Path dir;

    @Test
    void gathersOnlyACompleteSweepAndSaysWhoReproduced() throws IOException {
        Path theorems = dir.resolve("theorems");
        ClaimSpec sound = write(theorems, "alpha", "alpha.a", "HOLDS", "REFUTED");
        ClaimSpec wrong = write(theorems, "alpha", "alpha.b", "REFUTED", "HOLDS"); // its check holds: never reproduces
        ClaimCatalog catalog = ClaimCatalog.load(theorems);
        Path sweep = dir.resolve("sweep");
        Path reports = dir.resolve("reports");

        RobustnessTable.writeClaim(sweep, "quick", SEEDS, sound, runs(sound));
        assertEquals(Optional.empty(), RobustnessTable.gather(sweep, reports, catalog, "quick", SEEDS), "a row is missing");
        RobustnessTable.writeClaim(sweep, "quick", List.of(3L), wrong, runs(wrong));
        assertEquals(Optional.empty(), RobustnessTable.gather(sweep, reports, catalog, "quick", SEEDS),
                "a row from another sweep must not count");
        RobustnessTable.writeClaim(sweep, "quick", SEEDS, wrong, runs(wrong));

        Optional<String> line = RobustnessTable.gather(sweep, reports, catalog, "quick", SEEDS);
        String json = Files.readString(reports.resolve(RobustnessTable.JSON_FILE));
        String md = Files.readString(reports.resolve(RobustnessTable.MARKDOWN_FILE));
        assertAll(
                () -> assertTrue(line.orElseThrow().contains("1 of 2 claims reproduce"), line.orElseThrow()),
                () -> assertTrue(json.contains("\"claims_reproducing_at_every_seed\" : 1"), json),
                () -> assertTrue(json.contains("\"seeds\" : [\n    3,\n    4\n  ]"), json),
                () -> assertTrue(md.contains("| `alpha.a` | empirical | HOLDS | 2/2 | 2/2 | 1.00 (0.50) |  |"), md),
                () -> assertTrue(md.contains("| `alpha.b` | empirical | REFUTED | 0/2 | 0/2 |"), md),
                () -> assertTrue(md.contains("3: HOLDS / control REFUTED"), md));
    }

    private static List<ClaimResult> runs(ClaimSpec spec) {
        ClaimRunner runner = new ClaimRunner(new PrintStream(OutputStream.nullOutputStream()));
        return SEEDS.stream().map(s -> runner.run(spec, ReportFixtures.settings(ReportFixtures.ROOT).withBaseSeed(s),
                new ReportFixtures.Below(false))).toList();
    }

    private static ClaimSpec write(Path theorems, String family, String id, String expected, String controlExpected)
            throws IOException {
        ClaimSpec spec = ReportFixtures.spec(family, id, "universal", "unstated", expected, controlExpected);
        Path file = theorems.resolve(family).resolve(id + ".md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, ReportFixtures.text(family, id, "universal", "unstated", expected, controlExpected));
        return spec;
    }
}
