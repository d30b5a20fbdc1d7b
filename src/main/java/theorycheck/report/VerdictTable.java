package theorycheck.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import theorycheck.claim.ClaimCatalog;
import theorycheck.claim.ClaimResult;
import theorycheck.claim.ClaimSpec;
import theorycheck.claim.Disagreement;
import theorycheck.claim.EvidenceKind;
import theorycheck.claim.Verdict;

/**
 * The verdict of every claim as a table: {@code reports/verdicts.md} and {@code reports/verdicts.json}
 * (committed, so a reader needs no Allure to see what the suite found) and a compact console table.
 *
 * <p>The files are a function of the results only: no timestamps, durations or machine details, so two
 * runs with the same base seed and tier write identical bytes. Rows are sorted by family, then id.
 */
public final class VerdictTable {
    public static final String MARKDOWN_FILE = "verdicts.md";
    public static final String JSON_FILE = "verdicts.json";
    static final Comparator<ClaimResult> ORDER = Comparator.comparing((ClaimResult r) -> r.spec().family())
            .thenComparing(r -> r.spec().id());

    private VerdictTable() {
    }

    /** The ids in {@code catalog} without a complete result in {@code results}, sorted. */
    public static List<String> missing(ClaimCatalog catalog, Collection<ClaimResult> results) {
        Set<String> have = results.stream().filter(ClaimResult::complete).map(r -> r.spec().id())
                .collect(Collectors.toSet());
        return catalog.all().stream().map(ClaimSpec::id).filter(id -> !have.contains(id)).sorted().toList();
    }

    /** Writes {@value #MARKDOWN_FILE} and {@value #JSON_FILE} into {@code reportsDir}. */
    public static void write(Path reportsDir, List<ClaimResult> results) {
        try {
            Files.createDirectories(reportsDir);
            Files.writeString(reportsDir.resolve(MARKDOWN_FILE), markdown(results), StandardCharsets.UTF_8);
            Files.writeString(reportsDir.resolve(JSON_FILE), json(results), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the verdict table into " + reportsDir, e);
        }
    }

    public static String markdown(List<ClaimResult> results) {
        List<ClaimResult> rows = sorted(results);
        StringBuilder sb = new StringBuilder();
        sb.append("# Verdicts\n\n");
        sb.append("**").append(disagreementLine(rows)).append("**\n\n");
        sb.append("Written by a test run in which every claim ran (`mvn test`); do not edit by hand.");
        header(rows).ifPresent(h -> sb.append(' ').append(h));
        sb.append("\nA claim's test passes when its verdict equals the one recorded in its claim file (`expected`); ")
                .append("a verdict that differs is marked with the recorded one. *evidence* is `identity` where the ")
                .append("outcome follows from algebra or a definition (the run checks the implementation) and ")
                .append("`empirical` where it depends on training dynamics, data or chance; counts are split by it. ")
                .append("*agrees* compares our verdict with what the source says (— when the source is silent or we ")
                .append("are inconclusive); a disagreement is *substantive* (the statement, read as its authors meant ")
                .append("it, is contradicted), a *reading* (contradicted only under an operational reading the source ")
                .append("does not force) or a *premise* (the source's hypotheses fail on the instances). ")
                .append("*control* is the verdict of the claim's control variant, which must come out the other way, ")
                .append("with the share of its decided trials that did.\n\n");
        sb.append("| verdict | empirical | identity | unclassified | total |\n|---|---:|---:|---:|---:|\n");
        Map<Verdict, Map<String, Integer>> byKind = countsByEvidence(rows);
        for (Verdict v : Verdict.values()) {
            Map<String, Integer> k = byKind.get(v);
            sb.append("| ").append(v).append(" | ").append(k.get(EMPIRICAL)).append(" | ").append(k.get(IDENTITY))
                    .append(" | ").append(k.get(UNCLASSIFIED)).append(" | ").append(k.values().stream().mapToInt(i -> i).sum())
                    .append(" |\n");
        }
        sb.append("| total | ").append(kindCount(rows, EMPIRICAL)).append(" | ").append(kindCount(rows, IDENTITY))
                .append(" | ").append(kindCount(rows, UNCLASSIFIED)).append(" | ").append(rows.size()).append(" |\n\n");
        sb.append("Agreement with the source: ");
        for (String kind : List.of(EMPIRICAL, IDENTITY, UNCLASSIFIED)) {
            List<ClaimResult> of = rows.stream().filter(r -> kind(r).equals(kind)).toList();
            if (of.isEmpty()) {
                continue;
            }
            long agree = of.stream().filter(r -> r.agreesWithSource().orElse(false)).count();
            long disagree = of.stream().filter(r -> !r.agreesWithSource().orElse(true)).count();
            sb.append(kind).append(" ").append(agree).append(" agree, ").append(disagree).append(" disagree, ")
                    .append(of.size() - agree - disagree).append(" —; ");
        }
        sb.setLength(sb.length() - 2);
        sb.append(".\n\n");
        sb.append("| id | title | family | evidence | source says | verdict | agrees | disagreement | key number | "
                + "control (flip share) | trials (claim / control) |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (ClaimResult r : rows) {
            ClaimSpec s = r.spec();
            String verdict = r.reproduced() ? r.verdict().name() : r.verdict() + " (recorded " + s.expected() + ")";
            String agrees = r.agreesWithSource().map(a -> a ? "yes" : "no").orElse("—");
            String disagreement = s.disagreement().map(d -> d.label() + ": " + s.disagreementNote().orElse("")).orElse("");
            sb.append("| ").append(cell("`" + s.id() + "`")).append(" | ").append(cell(s.title())).append(" | ")
                    .append(cell(s.family())).append(" | ").append(kind(r)).append(" | ").append(ClaimTexts.sourceSays(s))
                    .append(" | ").append(cell(verdict)).append(" | ").append(agrees).append(" | ").append(cell(disagreement))
                    .append(" | ").append(cell(r.keyNumber())).append(" | ").append(r.control().verdict())
                    .append(String.format(Locale.ROOT, " (%.2f)", r.controlFlipShare())).append(" | ")
                    .append(ClaimTexts.trials(r)).append(" |\n");
        }
        return sb.toString();
    }

    /** "disagrees: N substantive, M reading, K premise" (and how many are not yet classified, if any). */
    public static String disagreementLine(List<ClaimResult> rows) {
        List<ClaimResult> disagreeing = rows.stream().filter(r -> !r.agreesWithSource().orElse(true)).toList();
        Map<Disagreement, Long> by = new EnumMap<>(Disagreement.class);
        for (Disagreement d : Disagreement.values()) {
            by.put(d, disagreeing.stream().filter(r -> r.spec().disagreement().equals(java.util.Optional.of(d))).count());
        }
        long unclassified = disagreeing.stream().filter(r -> r.spec().disagreement().isEmpty()).count();
        String line = "disagrees: " + by.get(Disagreement.SUBSTANTIVE) + " substantive, " + by.get(Disagreement.READING)
                + " reading, " + by.get(Disagreement.PREMISE) + " premise";
        return unclassified == 0 ? line : line + ", " + unclassified + " unclassified";
    }

    static final String EMPIRICAL = "empirical";
    static final String IDENTITY = "identity";
    static final String UNCLASSIFIED = "unclassified";

    static String kind(ClaimResult r) {
        return r.spec().evidence().map(EvidenceKind::label).orElse(UNCLASSIFIED);
    }

    private static long kindCount(List<ClaimResult> rows, String kind) {
        return rows.stream().filter(r -> kind(r).equals(kind)).count();
    }

    static Map<Verdict, Map<String, Integer>> countsByEvidence(List<ClaimResult> rows) {
        Map<Verdict, Map<String, Integer>> out = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            Map<String, Integer> k = new LinkedHashMap<>();
            for (String kind : List.of(EMPIRICAL, IDENTITY, UNCLASSIFIED)) {
                k.put(kind, 0);
            }
            out.put(v, k);
        }
        rows.forEach(r -> out.get(r.verdict()).merge(kind(r), 1, Integer::sum));
        return out;
    }

    public static String json(List<ClaimResult> results) {
        List<ClaimResult> rows = sorted(results);
        Map<String, Object> root = new LinkedHashMap<>();
        if (!rows.isEmpty()) {
            root.put("base_seed", rows.get(0).settings().baseSeed());
            root.put("tier", rows.get(0).settings().tier().label());
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts(rows).forEach((v, n) -> counts.put(v.name(), n));
        counts.put("total", rows.size());
        root.put("counts", counts);
        Map<String, Object> byKind = new LinkedHashMap<>();
        for (String kind : List.of(EMPIRICAL, IDENTITY, UNCLASSIFIED)) {
            List<ClaimResult> of = rows.stream().filter(r -> kind(r).equals(kind)).toList();
            Map<String, Object> k = new LinkedHashMap<>();
            counts(of).forEach((v, n) -> k.put(v.name(), n));
            k.put("total", of.size());
            k.put("agree", of.stream().filter(r -> r.agreesWithSource().orElse(false)).count());
            k.put("disagree", of.stream().filter(r -> !r.agreesWithSource().orElse(true)).count());
            byKind.put(kind, k);
        }
        root.put("counts_by_evidence", byKind);
        Map<String, Object> disagreements = new LinkedHashMap<>();
        for (Disagreement d : Disagreement.values()) {
            disagreements.put(d.label(), rows.stream().filter(r -> !r.agreesWithSource().orElse(true)
                    && r.spec().disagreement().equals(java.util.Optional.of(d))).count());
        }
        disagreements.put(UNCLASSIFIED, rows.stream().filter(r -> !r.agreesWithSource().orElse(true)
                && r.spec().disagreement().isEmpty()).count());
        root.put("disagreements", disagreements);
        List<Map<String, Object>> claims = new ArrayList<>();
        for (ClaimResult r : rows) {
            ClaimSpec s = r.spec();
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("id", s.id());
            c.put("title", s.title());
            c.put("family", s.family());
            c.put("source", s.source());
            c.put("source_says", ClaimTexts.sourceSays(s));
            c.put("quantifier", s.quantifier().name().toLowerCase(Locale.ROOT));
            c.put("evidence", s.evidence().map(EvidenceKind::label).orElse(null));
            c.put("verdict", r.verdict().name());
            c.put("expected", s.expected().name());
            c.put("reproduced", r.reproduced());
            c.put("agrees_with_source", r.agreesWithSource().orElse(null));
            c.put("disagreement", s.disagreement().map(Disagreement::label).orElse(null));
            c.put("disagreement_note", s.disagreementNote().orElse(null));
            c.put("key_number", r.keyNumber());
            c.put("control_variant", s.control().variant());
            c.put("control_verdict", r.control().verdict().name());
            c.put("control_expected", s.control().expected().name());
            c.put("control_setting", s.control().setting().asMap());
            c.put("control_flip_share", Math.round(r.controlFlipShare() * 1e4) / 1e4);
            c.put("control_flip_share_required", s.control().flipShare());
            c.put("control_flipped", r.controlFlipped());
            c.put("trials", r.claim().trials().size());
            c.put("control_trials", r.control().trials().size());
            claims.add(c);
        }
        root.put("claims", claims);
        return RobustnessTable.pretty(root);
    }

    /** A fixed-width table for the console: id, source says, verdict, agrees, key number. */
    public static String console(List<ClaimResult> results) {
        List<ClaimResult> rows = sorted(results);
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"id", "source", "verdict", "agrees", "key number"});
        for (ClaimResult r : rows) {
            String verdict = r.verdict().name() + (r.complete() && !r.reproduced() ? " (recorded " + r.spec().expected() + ")"
                    : r.complete() ? "" : " (partial)");
            cells.add(new String[] {r.spec().id(), ClaimTexts.sourceSays(r.spec()), verdict, ClaimTexts.agreement(r),
                    ClaimTexts.oneLine(r.keyNumber())});
        }
        int[] width = new int[4];
        for (String[] row : cells) {
            for (int i = 0; i < width.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        Map<Verdict, Integer> counts = counts(rows);
        sb.append("theorycheck verdicts: ").append(rows.size()).append(" claims, ")
                .append(counts.get(Verdict.HOLDS)).append(" holds, ").append(counts.get(Verdict.REFUTED)).append(" refuted, ")
                .append(counts.get(Verdict.INCONCLUSIVE)).append(" inconclusive");
        if (!rows.isEmpty()) {
            sb.append(" (base seed ").append(rows.get(0).settings().baseSeed()).append(", tier ")
                    .append(rows.get(0).settings().tier().label()).append(')');
        }
        sb.append('\n');
        for (int k = 0; k < cells.size(); k++) {
            String[] row = cells.get(k);
            for (int i = 0; i < width.length; i++) {
                sb.append(pad(row[i], width[i])).append("  ");
            }
            sb.append(row[4]).append('\n');
            if (k == 0) {
                int total = 0;
                for (int w : width) {
                    total += w + 2;
                }
                sb.append("-".repeat(total + "key number".length())).append('\n');
            }
        }
        return sb.toString();
    }

    static Map<Verdict, Integer> counts(List<ClaimResult> rows) {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            counts.put(v, 0);
        }
        rows.forEach(r -> counts.merge(r.verdict(), 1, Integer::sum));
        return counts;
    }

    private static java.util.Optional<String> header(List<ClaimResult> rows) {
        if (rows.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("Base seed " + rows.get(0).settings().baseSeed() + ", tier "
                + rows.get(0).settings().tier().label() + ".");
    }

    private static List<ClaimResult> sorted(Collection<ClaimResult> results) {
        return results.stream().sorted(ORDER).toList();
    }

    /** A Markdown table cell: one line, pipes escaped. */
    static String cell(String s) {
        return ClaimTexts.oneLine(s).replace("|", "\\|");
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
