package theorycheck.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The first screen of the report, in words: how many claims HOLD, are REFUTED or INCONCLUSIVE (all, by
 * evidence kind and by family), which disagree with their source and of which class, and which verdicts
 * changed since the previous run. Read from reports/verdicts.json, the record the report is about, so the two
 * cannot disagree.
 */
public final class RunSummary {
    private static final String[] VERDICTS = {"HOLDS", "REFUTED", "INCONCLUSIVE"};
    /** The label of a family's line: this, then the family's name. */
    public static final String FAMILY_PREFIX = "Family ";
    private static final String[] DISAGREEMENTS = {"substantive", "reading", "premise"};

    private RunSummary() {
    }

    /**
     * The overview lines (label → text) of {@code verdictsJson}, compared with {@code previousJson} (the
     * record before this run rewrote it; empty on a first run).
     */
    public static Map<String, String> overview(String verdictsJson, Optional<String> previousJson) {
        JsonNode now = parse(verdictsJson);
        Map<String, String> out = new LinkedHashMap<>();
        // the Environment widget shows its first five lines: counts, changes, evidence kinds, disagreements
        out.put("Claims", tally(now.get("claims"), c -> true));
        out.put("Changed since the previous run", previousJson.map(p -> changes(parse(p), now)).orElse("no previous run"));
        for (String kind : new String[] {"empirical", "identity"}) {
            out.put("Claims, " + kind, tally(now.get("claims"), c -> kind.equals(c.get("evidence").asText())));
        }
        out.put("Disagrees with the source", disagreements(now.get("claims")));
        for (String d : DISAGREEMENTS) {
            out.put("Disagrees, " + d, ids(now.get("claims"), c -> d.equals(c.path("disagreement").asText(null))));
        }
        // the per-family verdict table, one line a family
        for (String family : families(now.get("claims"))) {
            out.put(FAMILY_PREFIX + family, tally(now.get("claims"), c -> family.equals(c.get("family").asText())));
        }
        out.put("Base seed, tier", now.get("base_seed").asText() + ", " + now.get("tier").asText());
        return out;
    }

    /** "83: 58 HOLDS · 25 REFUTED · 0 INCONCLUSIVE", over the claims {@code which} accepts. */
    static String tally(JsonNode claims, Predicate<JsonNode> which) {
        Map<String, Integer> n = new LinkedHashMap<>();
        for (String v : VERDICTS) {
            n.put(v, 0);
        }
        int total = 0;
        for (JsonNode c : claims) {
            if (which.test(c)) {
                n.merge(c.get("verdict").asText(), 1, Integer::sum);
                total++;
            }
        }
        List<String> parts = new ArrayList<>();
        n.forEach((v, k) -> parts.add(k + " " + v));
        return total + ": " + String.join(" · ", parts);
    }

    /** "15: 9 substantive · 4 reading · 2 premise". */
    static String disagreements(JsonNode claims) {
        Map<String, Integer> n = new LinkedHashMap<>();
        for (String d : DISAGREEMENTS) {
            n.put(d, 0);
        }
        int total = 0;
        for (JsonNode c : claims) {
            JsonNode d = c.get("disagreement");
            if (d != null && !d.isNull()) {
                n.merge(d.asText(), 1, Integer::sum);
                total++;
            }
        }
        List<String> parts = new ArrayList<>();
        n.forEach((d, k) -> parts.add(k + " " + d));
        return total + ": " + String.join(" · ", parts);
    }

    /** "none", or the ids of the claims {@code which} accepts, comma-separated. */
    static String ids(JsonNode claims, Predicate<JsonNode> which) {
        List<String> ids = new ArrayList<>();
        claims.forEach(c -> {
            if (which.test(c)) {
                ids.add(c.get("id").asText());
            }
        });
        return ids.isEmpty() ? "none" : String.join(", ", ids);
    }

    /** The families of the record, sorted. */
    static SortedSet<String> families(JsonNode claims) {
        SortedSet<String> families = new TreeSet<>();
        claims.forEach(c -> families.add(c.get("family").asText()));
        return families;
    }

    /** "none", or "2: book.A.1 HOLDS → REFUTED; book.C.6 key number ..." (new and removed claims too). */
    static String changes(JsonNode before, JsonNode now) {
        Map<String, JsonNode> old = new LinkedHashMap<>();
        before.get("claims").forEach(c -> old.put(c.get("id").asText(), c));
        List<String> changed = new ArrayList<>();
        for (JsonNode c : now.get("claims")) {
            String id = c.get("id").asText();
            JsonNode o = old.remove(id);
            if (o == null) {
                changed.add(id + " new (" + c.get("verdict").asText() + ")");
            } else if (!o.get("verdict").asText().equals(c.get("verdict").asText())) {
                changed.add(id + " " + o.get("verdict").asText() + " → " + c.get("verdict").asText());
            } else if (!o.get("control_verdict").asText().equals(c.get("control_verdict").asText())) {
                changed.add(id + " control " + o.get("control_verdict").asText() + " → " + c.get("control_verdict").asText());
            } else if (!o.get("key_number").asText().equals(c.get("key_number").asText())) {
                changed.add(id + " key number");
            }
        }
        old.keySet().forEach(id -> changed.add(id + " removed"));
        return changed.isEmpty() ? "none" : changed.size() + ": " + String.join("; ", changed);
    }

    private static JsonNode parse(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("reports/verdicts.json does not parse", e);
        }
    }
}
