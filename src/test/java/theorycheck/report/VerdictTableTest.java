package theorycheck.report;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import theorycheck.claim.ClaimResult;

class VerdictTableTest {
    /** Three claims in two families, given out of order; one whose verdict is not the recorded one. */
    private static List<ClaimResult> results() {
        return List.of(
                ReportFixtures.run(ReportFixtures.spec("zeta", "zeta.a")),
                ReportFixtures.run(ReportFixtures.spec("alpha", "alpha.b", "universal", "false", "HOLDS", "REFUTED")),
                ReportFixtures.run(ReportFixtures.spec("alpha", "alpha.a", "existential", "unstated", "REFUTED", "HOLDS")));
    }

    @Test
    void rowsAreSortedByFamilyThenId() throws IOException {
        JsonNode json = new ObjectMapper().readTree(VerdictTable.json(results()));
        List<String> ids = json.get("claims").findValuesAsText("id");
        assertEquals(List.of("alpha.a", "alpha.b", "zeta.a"), ids);
    }

    @Test
    void jsonCarriesEachClaimAndTheCounts() throws IOException {
        JsonNode json = new ObjectMapper().readTree(VerdictTable.json(results()));
        JsonNode a = json.get("claims").get(0);
        JsonNode b = json.get("claims").get(1);
        assertAll(
                () -> assertEquals(ReportFixtures.SEED, json.get("base_seed").asLong()),
                () -> assertEquals("quick", json.get("tier").asText()),
                () -> assertEquals(3, json.get("counts").get("HOLDS").asInt()),
                () -> assertEquals(0, json.get("counts").get("REFUTED").asInt()),
                () -> assertEquals(3, json.get("counts").get("total").asInt()),
                () -> assertEquals("HOLDS", a.get("verdict").asText()),
                () -> assertEquals("REFUTED", a.get("expected").asText()),
                () -> assertFalse(a.get("reproduced").asBoolean()),
                () -> assertTrue(a.get("agrees_with_source").isNull()),
                () -> assertEquals("unstated", a.get("source_says").asText()),
                () -> assertFalse(b.get("agrees_with_source").asBoolean()),
                () -> assertEquals("false", b.get("source_says").asText()),
                () -> assertEquals(5, b.get("trials").asInt()),
                () -> assertEquals(3, b.get("control_trials").asInt()),
                () -> assertEquals("REFUTED", b.get("control_verdict").asText()));
    }

    @Test
    void filesAreIdenticalForTheSameSeedWhateverTheDurations() {
        List<ClaimResult> first = results();
        List<ClaimResult> second = results().stream().map(r -> new ClaimResult(r.spec(), r.settings(), r.claim(),
                r.control(), r.claimCharts(), r.controlCharts(), r.keyNumber(), r.durationMillis() + 12345,
                r.settingReads())).toList();
        assertEquals(VerdictTable.json(first), VerdictTable.json(second));
        assertEquals(VerdictTable.markdown(first), VerdictTable.markdown(second));
        List<ClaimResult> reversed = new java.util.ArrayList<>(first);
        java.util.Collections.reverse(reversed);
        assertEquals(VerdictTable.json(first), VerdictTable.json(reversed));
    }

    @Test
    void markdownHasCountsAndOneEscapedRowPerClaim() {
        String md = VerdictTable.markdown(results());
        assertAll(
                () -> assertTrue(md.contains("| HOLDS | 3 | 0 | 3 |"), md),
                () -> assertTrue(md.contains("| total | 3 | 0 | 3 |"), md),
                () -> assertTrue(md.startsWith("# Verdicts\n\n**disagrees: 0 substantive, 1 reading, 0 premise (empirical claims: "
                        + "0 substantive, 1 reading, 0 premise)**"), md),
                () -> assertTrue(md.contains("| no | reading: a fixture's reading |"), md),
                () -> assertTrue(md.contains("| `alpha.a` | Title of alpha.a \\| with a pipe | alpha | empirical | unstated | "
                        + "HOLDS (recorded REFUTED) | — |"), md),
                () -> assertTrue(md.contains("| `alpha.b` | Title of alpha.b \\| with a pipe | alpha | empirical | false | HOLDS | no |"),
                        md),
                () -> assertTrue(md.contains("| REFUTED (1.00) | 5 / 3 |"), md),
                () -> assertFalse(md.contains("\r"), "line ends are \\n"));
    }

    @Test
    void consoleTableListsEveryClaim() {
        String table = VerdictTable.console(results());
        assertAll(
                () -> assertTrue(table.startsWith("theorycheck verdicts: 3 claims, 3 holds, 0 refuted, 0 inconclusive"),
                        table),
                () -> assertTrue(table.contains("alpha.a  unstated  HOLDS (recorded REFUTED)  n.a."), table),
                () -> assertEquals(3 + 3, table.lines().count()));
    }

    @Test
    void writeCreatesBothFiles(@TempDir Path dir) throws IOException {
        Path reports = dir.resolve("reports");
        VerdictTable.write(reports, results());
        assertEquals(VerdictTable.markdown(results()), Files.readString(reports.resolve(VerdictTable.MARKDOWN_FILE)));
        assertEquals(VerdictTable.json(results()), Files.readString(reports.resolve(VerdictTable.JSON_FILE)));
    }

    @Test
    void registryKeepsResultsPerRootAndTheLastRunOfAClaim() {
        // a root of its own: the registry is shared by the whole test session
        Path root = ReportFixtures.ROOT.resolve("registry-" + java.util.UUID.randomUUID());
        List<ClaimResult> rs = List.of(
                ReportFixtures.run(ReportFixtures.spec("zeta", "zeta.a"), false, root),
                ReportFixtures.run(ReportFixtures.spec("alpha", "alpha.b"), false, root),
                ReportFixtures.run(ReportFixtures.spec("alpha", "alpha.a"), false, root));
        rs.forEach(VerdictRegistry::record);
        ClaimResult again = ReportFixtures.run(ReportFixtures.spec("zeta", "zeta.a"), false, root);
        VerdictRegistry.record(again);
        List<ClaimResult> kept = VerdictRegistry.results(root);
        assertEquals(List.of("alpha.a", "alpha.b", "zeta.a"), kept.stream().map(r -> r.spec().id()).toList());
        assertTrue(kept.get(2) == again);
        assertTrue(VerdictRegistry.results(root.resolve("elsewhere")).isEmpty());
    }
}
