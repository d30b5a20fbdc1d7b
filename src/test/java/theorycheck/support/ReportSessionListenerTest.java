package theorycheck.support;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import theorycheck.claim.ClaimCatalog;
import theorycheck.claim.ClaimResult;
import theorycheck.claim.ClaimRunner;
import theorycheck.claim.RunSettings;
import theorycheck.claim.Tier;
import theorycheck.report.VerdictTable;
import theorycheck.support.fixtures.FixtureClaimsTestCase;

/** The verdict record is rewritten only by a session in which every claim ran, and is the same for the same seed. */
class ReportSessionListenerTest {
    @TempDir
    Path root;

    @BeforeEach
    void twoClaimFiles() throws IOException {
        Path family = Files.createDirectories(root.resolve("theorems").resolve("fixture"));
        for (String name : List.of("fixture.sound.md", "fixture.control-stuck.md")) {
            try (var in = getClass().getResourceAsStream("/fixture-theorems/fixture/" + name)) {
                Files.copy(in, family.resolve(name));
            }
        }
    }

    @Test
    void fullSessionRewritesBothFilesIdentically() throws IOException {
        RunSettings full = settings(Optional.empty());
        String said = ReportSessionListener.writeVerdicts(full, runAll(full)).line();
        byte[] json = Files.readAllBytes(full.reports().resolve(VerdictTable.JSON_FILE));
        byte[] md = Files.readAllBytes(full.reports().resolve(VerdictTable.MARKDOWN_FILE));
        ReportSessionListener.writeVerdicts(full, runAll(full)).line();
        assertAll(
                () -> assertTrue(said.contains("rewritten (2 claims)"), said),
                () -> assertArrayEquals(json, Files.readAllBytes(full.reports().resolve(VerdictTable.JSON_FILE))),
                () -> assertArrayEquals(md, Files.readAllBytes(full.reports().resolve(VerdictTable.MARKDOWN_FILE))));
    }

    @Test
    void sessionWithAClaimMissingLeavesTheFilesAlone() {
        RunSettings full = settings(Optional.empty());
        List<ClaimResult> one = runAll(full).subList(0, 1);
        String said = ReportSessionListener.writeVerdicts(full, one).line();
        assertTrue(said.contains("1 of 2 claims have no result"), said);
        assertFalse(Files.exists(full.reports().resolve(VerdictTable.JSON_FILE)));
    }

    @Test
    void singleClaimSessionLeavesTheFilesAlone() {
        RunSettings one = settings(Optional.of("fixture.sound"));
        String said = ReportSessionListener.writeVerdicts(one, runAll(one)).line();
        assertTrue(said.contains("left as they were"), said);
        assertFalse(Files.exists(one.reports().resolve(VerdictTable.MARKDOWN_FILE)));
    }

    @Test
    void environmentNamesMachineBackendSeedAndTier() {
        var env = ReportSessionListener.environment(settings(Optional.empty()));
        assertEquals(List.of("java.version", "java.vendor", "os.name", "os.arch", "processors", "nd4j.backend",
                RunSettings.SEED_PROPERTY_NAME, RunSettings.TIER_PROPERTY_NAME), List.copyOf(env.keySet()));
        assertEquals("12345", env.get(RunSettings.SEED_PROPERTY_NAME));
    }

    @Test
    void emptyFolderKeepsTheFolder() throws IOException {
        Path results = Files.createDirectories(root.resolve("results/history"));
        Files.writeString(results.resolve("h.json"), "{}");
        Files.writeString(root.resolve("results/a-result.json"), "{}");
        ReportSessionListener.emptyFolder(root.resolve("results"));
        assertTrue(Files.isDirectory(root.resolve("results")));
        try (var s = Files.list(root.resolve("results"))) {
            assertEquals(0, s.count());
        }
        ReportSessionListener.emptyFolder(root.resolve("absent"));
    }

    @Test
    void gateCountsSurefireReportsAndFailsOnFailures() throws Exception {
        Path reports = Files.createDirectories(root.resolve("surefire-reports"));
        Files.writeString(reports.resolve("TEST-a.xml"),
                "<?xml version=\"1.0\"?><testsuite tests=\"3\" failures=\"0\" errors=\"0\" skipped=\"1\"/>");
        assertArrayEquals(new int[] {3, 0, 0, 1}, TestRunGate.totals(reports));
        Files.writeString(reports.resolve("TEST-b.xml"),
                "<?xml version=\"1.0\"?><testsuite tests=\"2\" failures=\"1\" errors=\"1\" skipped=\"0\"/>");
        assertArrayEquals(new int[] {5, 1, 1, 1}, TestRunGate.totals(reports));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> TestRunGate.main(new String[] {reports.toString()}));
        assertTrue(e.getMessage().contains("failures: 1, errors: 1"), e.getMessage());
    }

    private RunSettings settings(Optional<String> onlyClaim) {
        return new RunSettings(12345L, Tier.QUICK, onlyClaim, OptionalInt.empty(), root, java.util.List.of());
    }

    private static List<ClaimResult> runAll(RunSettings settings) {
        ClaimRunner runner = new ClaimRunner(new PrintStream(OutputStream.nullOutputStream()));
        return ClaimCatalog.load(settings.theorems()).all().stream()
                .filter(spec -> settings.onlyClaim().map(spec.id()::equals).orElse(true))
                .map(spec -> runner.run(spec, settings, new FixtureClaimsTestCase.Below())).toList();
    }
}
