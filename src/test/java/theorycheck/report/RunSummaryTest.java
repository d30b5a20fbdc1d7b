package theorycheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
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
        assertEquals("none", overview.get("Changed since the previous run"));
    }

    @Test
    void everyKindOfChangeIsNamed() throws IOException {
        String before = """
                {"base_seed": 1, "tier": "quick", "claims": [
                  {"id": "a", "verdict": "HOLDS", "control_verdict": "REFUTED", "key_number": "k", "evidence": "empirical"},
                  {"id": "b", "verdict": "HOLDS", "control_verdict": "REFUTED", "key_number": "k", "evidence": "empirical"},
                  {"id": "c", "verdict": "HOLDS", "control_verdict": "REFUTED", "key_number": "k", "evidence": "empirical"},
                  {"id": "d", "verdict": "HOLDS", "control_verdict": "REFUTED", "key_number": "k", "evidence": "identity"},
                  {"id": "gone", "verdict": "HOLDS", "control_verdict": "REFUTED", "key_number": "k", "evidence": "identity"}]}""";
        String after = """
                {"base_seed": 1, "tier": "quick", "claims": [
                  {"id": "a", "verdict": "REFUTED", "control_verdict": "REFUTED", "key_number": "k", "evidence": "empirical"},
                  {"id": "b", "verdict": "HOLDS", "control_verdict": "HOLDS", "key_number": "k", "evidence": "empirical",
                   "disagreement": "reading"},
                  {"id": "c", "verdict": "HOLDS", "control_verdict": "REFUTED", "key_number": "k2", "evidence": "empirical"},
                  {"id": "d", "verdict": "HOLDS", "control_verdict": "REFUTED", "key_number": "k", "evidence": "identity"},
                  {"id": "new", "verdict": "INCONCLUSIVE", "control_verdict": "REFUTED", "key_number": "k", "evidence": "identity"}]}""";
        Map<String, String> o = RunSummary.overview(after, Optional.of(before));
        assertEquals("5: 3 HOLDS · 1 REFUTED · 1 INCONCLUSIVE", o.get("Claims"));
        assertEquals("2: 1 HOLDS · 0 REFUTED · 1 INCONCLUSIVE", o.get("Claims, identity"));
        assertEquals("1: 0 substantive · 1 reading · 0 premise", o.get("Disagrees with the source"));
        assertEquals("5: a HOLDS → REFUTED; b control REFUTED → HOLDS; c key number; new new (INCONCLUSIVE); gone removed",
                o.get("Changed since the previous run"));
        assertEquals("no previous run", RunSummary.overview(after, Optional.empty()).get("Changed since the previous run"));
    }
}
