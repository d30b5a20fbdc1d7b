package theorycheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The family suites carry the record's verdict counts; other results and unknown families are left alone. */
class FamilySuitesTest {
    private static final String RECORD = """
            {"base_seed": 1, "tier": "quick", "claims": [
              {"id": "f.a", "family": "f", "verdict": "HOLDS", "evidence": "empirical"},
              {"id": "f.b", "family": "f", "verdict": "REFUTED", "evidence": "identity"}]}""";

    @Test
    void familySuitesAreNamedWithTheirCounts(@TempDir Path results) throws IOException {
        Files.writeString(results.resolve("a-result.json"), claim("f", "HOLDS"));
        Files.writeString(results.resolve("b-result.json"), claim("f", "REFUTED"));
        Files.writeString(results.resolve("c-result.json"), claim("g", "HOLDS"));
        Files.writeString(results.resolve("core-result.json"),
                "{\"labels\": [{\"name\": \"parentSuite\", \"value\": \"f\"}]}");

        assertEquals(2, FamilySuites.relabel(results, RECORD));
        assertEquals("f — 2: 1 HOLDS · 1 REFUTED · 0 INCONCLUSIVE", parentSuite(results.resolve("a-result.json")));
        assertEquals("f — 2: 1 HOLDS · 1 REFUTED · 0 INCONCLUSIVE", parentSuite(results.resolve("b-result.json")));
        assertEquals("g", parentSuite(results.resolve("c-result.json")));
        assertEquals("f", parentSuite(results.resolve("core-result.json")));
    }

    private static String claim(String family, String verdict) {
        return """
                {"labels": [{"name": "parentSuite", "value": "%s"}, {"name": "suite", "value": "x"},
                            {"name": "verdict", "value": "%s"}]}""".formatted(family, verdict);
    }

    private static String parentSuite(Path result) throws IOException {
        for (var l : new ObjectMapper().readTree(result.toFile()).path("labels")) {
            if (l.path("name").asText().equals("parentSuite")) {
                return l.path("value").asText();
            }
        }
        throw new AssertionError("no parentSuite in " + result);
    }
}
