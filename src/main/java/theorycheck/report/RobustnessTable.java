package theorycheck.report;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import theorycheck.claim.ClaimCatalog;
import theorycheck.claim.ClaimResult;
import theorycheck.claim.ClaimSpec;

/**
 * A robustness sweep: every claim at several base seeds. Each claim's runs go into one file in the
 * sweep folder as soon as the claim is done ({@link #writeClaim}), so that test JVMs running side by
 * side need share nothing; {@link #gather} turns a complete set into {@code reports/robustness.json}
 * and {@code reports/robustness.md}.
 *
 * <p>A claim reproduces at a seed when its verdict is the recorded one and its control flipped (the
 * control's verdict is the expected one and the declared share of its decided trials went the other
 * way). The files hold no timings, so the same sweep writes the same bytes.
 */
public final class RobustnessTable {
    public static final String MARKDOWN_FILE = "robustness.md";
    public static final String JSON_FILE = "robustness.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RobustnessTable() {
    }

    /**
     * One claim's run at one base seed, as the sweep records it: whether it reproduced, and its entry in the
     * claim's row. Serializable, so a run made elsewhere (a Spark task) can send it back.
     */
    public record SeedRun(boolean reproduced, boolean controlFlipped, LinkedHashMap<String, Object> entry)
            implements Serializable {
    }

    /** A claim's run at one base seed, reduced to what the sweep records. */
    public static SeedRun seedRun(ClaimResult r) {
        LinkedHashMap<String, Object> s = new LinkedHashMap<>();
        s.put("seed", r.settings().baseSeed());
        s.put("verdict", r.verdict().name());
        s.put("control_verdict", r.control().verdict().name());
        s.put("control_flip_share", round(r.controlFlipShare()));
        s.put("claim_trials", counts(r.claim().statistics()));
        s.put("control_trials", counts(r.control().statistics()));
        s.put("key_number", r.keyNumber());
        return new SeedRun(r.reproduced(), r.controlFlipped(), s);
    }

    /** One claim's row: its runs at every seed of the sweep, in sweep order. */
    public static Map<String, Object> row(ClaimSpec spec, List<SeedRun> runs) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", spec.id());
        c.put("family", spec.family());
        c.put("evidence", spec.evidence().label());
        c.put("quantifier", spec.quantifier().name().toLowerCase(Locale.ROOT));
        c.put("expected", spec.expected().name());
        c.put("control_expected", spec.control().expected().name());
        c.put("control_flip_share_required", spec.control().flipShare());
        long reproduced = runs.stream().filter(SeedRun::reproduced).count();
        long flipped = runs.stream().filter(SeedRun::controlFlipped).count();
        c.put("verdict_reproduced_share", (double) reproduced / runs.size());
        c.put("control_flipped_share", (double) flipped / runs.size());
        c.put("reproduces_at_every_seed", reproduced == runs.size() && flipped == runs.size());
        c.put("runs", runs.stream().map(SeedRun::entry).toList());
        return c;
    }

    /** Writes one claim's row into {@code sweepDir} (atomically: a reader never sees half a file). */
    public static void writeClaim(Path sweepDir, String tier, List<Long> seeds, ClaimSpec spec, List<ClaimResult> runs) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("tier", tier);
        file.put("seeds", seeds);
        file.put("claim", row(spec, runs.stream().map(RobustnessTable::seedRun).toList()));
        try {
            Files.createDirectories(sweepDir);
            Path tmp = Files.createTempFile(sweepDir, spec.id(), ".tmp");
            Files.writeString(tmp, pretty(file), StandardCharsets.UTF_8);
            Files.move(tmp, sweepDir.resolve(spec.id() + ".json"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sweep file of " + spec.id() + " into " + sweepDir, e);
        }
    }

    /**
     * Writes {@value #JSON_FILE} and {@value #MARKDOWN_FILE} into {@code reportsDir} when {@code sweepDir}
     * holds a row for every claim of {@code catalog}, made by this sweep (same tier and seeds).
     *
     * @return what happened, in one line; empty when rows are still missing (another JVM of the same
     *     sweep may still be running and will gather them)
     */
    public static Optional<String> gather(Path sweepDir, Path reportsDir, ClaimCatalog catalog, String tier,
            List<Long> seeds) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ClaimSpec spec : catalog.all()) {
            Path f = sweepDir.resolve(spec.id() + ".json");
            if (!Files.isRegularFile(f)) {
                return Optional.empty();
            }
            Map<String, Object> file = read(f);
            if (!tier.equals(file.get("tier")) || !sameSeeds(seeds, file.get("seeds"))) {
                return Optional.empty();
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> row = (Map<String, Object>) file.get("claim");
            rows.add(row);
        }
        return Optional.of(write(reportsDir, tier, seeds, rows));
    }

    /**
     * Writes {@value #JSON_FILE} and {@value #MARKDOWN_FILE} of these rows (one per claim, any order) into
     * {@code reportsDir}, rows sorted by family, then id.
     *
     * @return what was written, in one line
     */
    public static String write(Path reportsDir, String tier, List<Long> seeds, List<Map<String, Object>> rows) {
        List<Map<String, Object>> sorted = new ArrayList<>(rows);
        sorted.sort(java.util.Comparator.comparing((Map<String, Object> r) -> (String) r.get("family"))
                .thenComparing(r -> (String) r.get("id")));
        try {
            Files.createDirectories(reportsDir);
            Files.writeString(reportsDir.resolve(JSON_FILE), json(tier, seeds, sorted), StandardCharsets.UTF_8);
            Files.writeString(reportsDir.resolve(MARKDOWN_FILE), markdown(tier, seeds, sorted), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the robustness table into " + reportsDir, e);
        }
        long robust = sorted.stream().filter(r -> Boolean.TRUE.equals(r.get("reproduces_at_every_seed"))).count();
        return reportsDir.resolve(JSON_FILE) + " and " + MARKDOWN_FILE + " rewritten: " + robust + " of " + sorted.size()
                + " claims reproduce verdict and control at all " + seeds.size() + " base seeds.";
    }

    static String json(String tier, List<Long> seeds, List<Map<String, Object>> rows) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tier", tier);
        root.put("seeds", seeds);
        root.put("claims_total", rows.size());
        root.put("claims_reproducing_at_every_seed",
                rows.stream().filter(r -> Boolean.TRUE.equals(r.get("reproduces_at_every_seed"))).count());
        root.put("claims", rows);
        return pretty(root);
    }

    static String markdown(String tier, List<Long> seeds, List<Map<String, Object>> rows) {
        long robust = rows.stream().filter(r -> Boolean.TRUE.equals(r.get("reproduces_at_every_seed"))).count();
        StringBuilder sb = new StringBuilder();
        sb.append("# Robustness across base seeds\n\n");
        sb.append("Written by a robustness sweep (`.ci/setup && mvn -B -Probustness test`, or on Spark: ")
                .append("`java -jar target/theorycheck-sweep.jar`); do not edit by hand. Tier ").append(tier)
                .append(", base seeds ").append(seeds.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse(""))
                .append(".\n");
        sb.append("A claim reproduces at a seed when its verdict is the one recorded in its file and its control came ")
                .append("out the other way (expected verdict, and at least the declared share of its decided trials ")
                .append("the other way). *min flip share* is the smallest such share over the seeds.\n\n");
        sb.append("**").append(robust).append(" of ").append(rows.size())
                .append(" claims reproduce their verdict and their control at every seed.**\n\n");
        sb.append("| id | evidence | recorded | verdict reproduced | control flipped | min flip share (required) | "
                + "seeds that did not reproduce |\n");
        sb.append("|---|---|---|---:|---:|---:|---|\n");
        for (Map<String, Object> r : rows) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> runs = (List<Map<String, Object>>) r.get("runs");
            double minShare = runs.stream().mapToDouble(s -> ((Number) s.get("control_flip_share")).doubleValue()).min()
                    .orElse(Double.NaN);
            List<String> off = new ArrayList<>();
            for (Map<String, Object> s : runs) {
                boolean ok = r.get("expected").equals(s.get("verdict")) && r.get("control_expected").equals(s.get("control_verdict"))
                        && ((Number) s.get("control_flip_share")).doubleValue()
                                >= ((Number) r.get("control_flip_share_required")).doubleValue();
                if (!ok) {
                    off.add(s.get("seed") + ": " + s.get("verdict") + " / control " + s.get("control_verdict") + " "
                            + s.get("control_trials"));
                }
            }
            sb.append("| `").append(r.get("id")).append("` | ").append(r.get("evidence"))
                    .append(" | ").append(r.get("expected")).append(" | ").append(share(r.get("verdict_reproduced_share"), runs.size()))
                    .append(" | ").append(share(r.get("control_flipped_share"), runs.size())).append(" | ")
                    .append(String.format(Locale.ROOT, "%.2f (%.2f)", minShare,
                            ((Number) r.get("control_flip_share_required")).doubleValue()))
                    .append(" | ").append(off.isEmpty() ? "" : String.join("; ", off)).append(" |\n");
        }
        return sb.toString();
    }

    private static String share(Object fraction, int n) {
        return Math.round(((Number) fraction).doubleValue() * n) + "/" + n;
    }

    private static String counts(theorycheck.claim.Statistics s) {
        return s.pass() + " pass / " + s.fail() + " fail / " + s.inconclusive() + " inconclusive";
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }

    private static boolean sameSeeds(List<Long> seeds, Object fromFile) {
        if (!(fromFile instanceof List<?> list) || list.size() != seeds.size()) {
            return false;
        }
        for (int i = 0; i < seeds.size(); i++) {
            if (!(list.get(i) instanceof Number n) || n.longValue() != seeds.get(i)) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Object> read(Path f) {
        try {
            return JSON.readValue(Files.readString(f, StandardCharsets.UTF_8), new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sweep file " + f, e);
        }
    }

    /** Two-space indented JSON with a final newline: the form of every committed record. */
    static String pretty(Object o) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return JSON.writer(printer).writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not serializable: " + e.getMessage(), e);
        }
    }
}
