package theorycheck.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The report's overview says what reports/verdicts.json says, and names every change since the previous record. */
class RunSummaryTest {
    @Test
    void theOverviewCountsAreTheRecordsCounts() throws IOException {
        String json = Files.readString(Path.of("reports", "verdicts.json"));
        JsonNode record = new ObjectMapper().readTree(json);
        Map<String, String> overview = RunSummary.overview(json, Optional.of(json));
        // the record's own summary fields, written by VerdictTable from the results: an independent tally
        JsonNode c = record.get("counts");
        assertEquals(c.get("total").asInt() + ": " + c.path("HOLDS").asInt() + " HOLDS · " + c.path("REFUTED").asInt()
                + " REFUTED · " + c.path("INCONCLUSIVE").asInt() + " INCONCLUSIVE", overview.get("Claims"));
        for (String kind : new String[] {"empirical", "identity"}) {
            JsonNode k = record.get("counts_by_evidence").get(kind);
            assertEquals(k.get("total").asInt() + ": " + k.path("HOLDS").asInt() + " HOLDS · " + k.path("REFUTED").asInt()
                    + " REFUTED · " + k.path("INCONCLUSIVE").asInt() + " INCONCLUSIVE", overview.get("Claims, " + kind));
        }
        JsonNode d = record.get("disagreements");
        int total = d.path("substantive").asInt() + d.path("reading").asInt() + d.path("premise").asInt();
        assertEquals(total + ": " + d.path("substantive").asInt() + " substantive · " + d.path("reading").asInt()
                + " reading · " + d.path("premise").asInt() + " premise", overview.get("Disagrees with the source"));
        for (String cls : new String[] {"substantive", "reading", "premise"}) {
            String ids = overview.get("Disagrees, " + cls);
            assertEquals(d.path(cls).asInt(), ids.equals("none") ? 0 : ids.split(", ").length, cls);
        }
        // the family lines partition the claims: their counts add up to the record's
        int[] sum = new int[4];
        overview.forEach((label, line) -> {
            if (label.startsWith("Family ")) {
                Matcher m = TALLY.matcher(line);
                assertTrue(m.matches(), line);
                for (int i = 0; i < 4; i++) {
                    sum[i] += Integer.parseInt(m.group(i + 1));
                }
            }
        });
        assertArrayEquals(new int[] {c.get("total").asInt(), c.path("HOLDS").asInt(), c.path("REFUTED").asInt(),
                c.path("INCONCLUSIVE").asInt()}, sum);
        assertEquals("none", overview.get("Changed since the previous run"));
        // the widget shows five lines before "Show all": these are the first screen
        assertEquals(List.of("Claims", "Changed since the previous run", "Claims, empirical", "Claims, identity",
                "Disagrees with the source"), overview.keySet().stream().limit(5).toList());
    }

    private static final Pattern TALLY = Pattern.compile("(\\d+): (\\d+) HOLDS · (\\d+) REFUTED · (\\d+) INCONCLUSIVE");

    @Test
    void everyKindOfChangeIsNamed() throws IOException {
        String before = """
                {"base_seed": 1, "tier": "quick", "claims": [
                  {"id": "a", "verdict": "HOLDS", "control_verdict": "REFUTED", "key_number": "k", "evidence": "empirical", "family": "f"},
                  {"id": "b", "verdict": "HOLDS", "control_verdict": "REFUTED", "key_number": "k", "evidence": "empirical", "family": "f"},
                  {"id": "c", "verdict": "HOLDS", "control_verdict": "REFUTED", "key_number": "k", "evidence": "empirical", "family": "f"},
                  {"id": "d", "verdict": "HOLDS", "control_verdict": "REFUTED", "key_number": "k", "evidence": "identity", "family": "g"},
                  {"id": "gone", "verdict": "HOLDS", "control_verdict": "REFUTED", "key_number": "k", "evidence": "identity", "family": "g"}]}""";
        String after = """
                {"base_seed": 1, "tier": "quick", "claims": [
                  {"id": "a", "verdict": "REFUTED", "control_verdict": "REFUTED", "key_number": "k", "evidence": "empirical", "family": "f"},
                  {"id": "b", "verdict": "HOLDS", "control_verdict": "HOLDS", "key_number": "k", "evidence": "empirical",
                   "disagreement": "reading", "family": "f"},
                  {"id": "c", "verdict": "HOLDS", "control_verdict": "REFUTED", "key_number": "k2", "evidence": "empirical", "family": "f"},
                  {"id": "d", "verdict": "HOLDS", "control_verdict": "REFUTED", "key_number": "k", "evidence": "identity", "family": "g"},
                  {"id": "new", "verdict": "INCONCLUSIVE", "control_verdict": "REFUTED", "key_number": "k", "evidence": "identity", "family": "g"}]}""";
        Map<String, String> o = RunSummary.overview(after, Optional.of(before));
        assertEquals("5: 3 HOLDS · 1 REFUTED · 1 INCONCLUSIVE", o.get("Claims"));
        assertEquals("2: 1 HOLDS · 0 REFUTED · 1 INCONCLUSIVE", o.get("Claims, identity"));
        assertEquals("1: 0 substantive · 1 reading · 0 premise", o.get("Disagrees with the source"));
        assertEquals("b", o.get("Disagrees, reading"));
        assertEquals("none", o.get("Disagrees, substantive"));
        assertEquals("3: 2 HOLDS · 1 REFUTED · 0 INCONCLUSIVE", o.get("Family f"));
        assertEquals("2: 1 HOLDS · 0 REFUTED · 1 INCONCLUSIVE", o.get("Family g"));
        assertEquals("5: a HOLDS → REFUTED; b control REFUTED → HOLDS; c key number; new new (INCONCLUSIVE); gone removed",
                o.get("Changed since the previous run"));
        assertEquals("no previous run", RunSummary.overview(after, Optional.empty()).get("Changed since the previous run"));
    }
}
