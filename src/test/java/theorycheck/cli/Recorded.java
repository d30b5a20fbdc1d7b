package theorycheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/** A claim's row in the committed record, reports/verdicts.json: what a run of it must reproduce. */
final class Recorded {
    private Recorded() {
    }

    static JsonNode claim(String id) throws IOException {
        for (JsonNode c : new ObjectMapper().readTree(Path.of("reports", "verdicts.json").toFile()).get("claims")) {
            if (c.get("id").asText().equals(id)) {
                return c;
            }
        }
        throw new IllegalStateException(id + " is not in reports/verdicts.json");
    }
}
