package theorycheck.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Names each family's suite with its verdict counts ("max-margin — 16: 11 HOLDS · 5 REFUTED · 0
 * INCONCLUSIVE"), so that the Suites widget on the report's first screen is the per-family verdict table.
 * The counts are {@link RunSummary}'s, read from reports/verdicts.json: the report and the record cannot
 * disagree. A claim result whose family the record does not list (a claim that broke) keeps its name.
 *
 * <p>Usage: {@code FamilySuites <claims results folder> <verdicts.json>}, after the tests and before the
 * HTML report is generated.
 */
public final class FamilySuites {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FamilySuites() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: FamilySuites <claims results folder> <verdicts.json>");
        }
        Path verdicts = Path.of(args[1]);
        if (!Files.isRegularFile(verdicts)) {
            throw new IllegalArgumentException("no " + verdicts + " (run the claims first)");
        }
        int n = relabel(Path.of(args[0]), Files.readString(verdicts));
        System.out.println("theorycheck: " + n + " claim results named with their family's verdict counts");
    }

    /** Renames the family suite of every claim result in {@code results}; returns how many were renamed. */
    public static int relabel(Path results, String verdictsJson) throws IOException {
        Map<String, String> overview = RunSummary.overview(verdictsJson, Optional.empty());
        List<Path> files;
        try (Stream<Path> s = Files.list(results)) {
            files = s.filter(p -> p.getFileName().toString().endsWith("-result.json")).sorted().toList();
        }
        int renamed = 0;
        for (Path f : files) {
            JsonNode r = JSON.readTree(f.toFile());
            if (!ResultsSplit.isClaim(r)) {
                continue;
            }
            for (JsonNode l : r.path("labels")) {
                String family = l.path("value").asText();
                String tally = overview.get(RunSummary.FAMILY_PREFIX + family);
                if (l.path("name").asText().equals("parentSuite") && tally != null) {
                    ((ObjectNode) l).put("value", suiteName(family, tally));
                    renamed++;
                }
            }
            JSON.writeValue(f.toFile(), r);
        }
        return renamed;
    }

    static String suiteName(String family, String tally) {
        return family + " — " + tally;
    }
}
