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
        sb.append("| verdict");
        for (EvidenceKind k : EvidenceKind.values()) {
            sb.append(" | ").append(k.label());
        }
        sb.append(" | total |\n|---").append("|---:".repeat(EvidenceKind.values().length + 1)).append("|\n");
        for (Verdict v : Verdict.values()) {
            sb.append("| ").append(v);
            for (EvidenceKind k : EvidenceKind.values()) {
                sb.append(" | ").append(rows.stream().filter(r -> r.verdict() == v && r.spec().evidence() == k).count());
            }
            sb.append(" | ").append(rows.stream().filter(r -> r.verdict() == v).count()).append(" |\n");
        }
        sb.append("| total");
        for (EvidenceKind k : EvidenceKind.values()) {
            sb.append(" | ").append(of(rows, k).size());
        }
        sb.append(" | ").append(rows.size()).append(" |\n\n");
        sb.append("Agreement with the source: ");
        List<String> parts = new ArrayList<>();
        for (EvidenceKind k : EvidenceKind.values()) {
            List<ClaimResult> of = of(rows, k);
            long agree = of.stream().filter(r -> r.agreesWithSource().orElse(false)).count();
            long disagree = of.stream().filter(r -> !r.agreesWithSource().orElse(true)).count();
            parts.add(k.label() + " " + agree + " agree, " + disagree + " disagree, " + (of.size() - agree - disagree) + " —");
        }
        sb.append(String.join("; ", parts)).append(".\n\n");
        sb.append("| id | title | family | evidence | source says | verdict | agrees | disagreement | key number | "
                + "control (flip share) | trials (claim / control) |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (ClaimResult r : rows) {
            ClaimSpec s = r.spec();
            String verdict = r.reproduced() ? r.verdict().name() : r.verdict() + " (recorded " + s.expected() + ")";
            String agrees = r.agreesWithSource().map(a -> a ? "yes" : "no").orElse("—");
            String disagreement = s.disagreement().map(d -> d.label() + ": " + s.disagreementNote().orElse("")).orElse("");
            sb.append("| ").append(cell("`" + s.id() + "`")).append(" | ").append(cell(s.title())).append(" | ")
                    .append(cell(s.family())).append(" | ").append(s.evidence().label()).append(" | ").append(ClaimTexts.sourceSays(s))
                    .append(" | ").append(cell(verdict)).append(" | ").append(agrees).append(" | ").append(cell(disagreement))
                    .append(" | ").append(cell(r.keyNumber())).append(" | ").append(r.control().verdict())
                    .append(String.format(Locale.ROOT, " (%.2f)", r.controlFlipShare())).append(" | ")
                    .append(ClaimTexts.trials(r)).append(" |\n");
        }
        return sb.toString();
    }

    /**
     * "disagrees: N substantive, M reading, K premise", then the same counts among the empirical claims
     * (an identity's disagreement is a finding about the source's algebra, not about training).
     */
    public static String disagreementLine(List<ClaimResult> rows) {
        Map<Disagreement, Long> all = disagreements(rows);
        Map<Disagreement, Long> empirical = disagreements(of(rows, EvidenceKind.EMPIRICAL));
        return "disagrees: " + all.get(Disagreement.SUBSTANTIVE) + " substantive, " + all.get(Disagreement.READING)
                + " reading, " + all.get(Disagreement.PREMISE) + " premise (empirical claims: "
                + empirical.get(Disagreement.SUBSTANTIVE) + " substantive, " + empirical.get(Disagreement.READING)
                + " reading, " + empirical.get(Disagreement.PREMISE) + " premise)";
    }

    /** How many claims of {@code rows} disagree with their source, by class. */
    static Map<Disagreement, Long> disagreements(List<ClaimResult> rows) {
        Map<Disagreement, Long> by = new EnumMap<>(Disagreement.class);
        for (Disagreement d : Disagreement.values()) {
            by.put(d, rows.stream().filter(r -> !r.agreesWithSource().orElse(true)
                    && r.spec().disagreement().equals(java.util.Optional.of(d))).count());
        }
        return by;
    }

    private static List<ClaimResult> of(List<ClaimResult> rows, EvidenceKind kind) {
        return rows.stream().filter(r -> r.spec().evidence() == kind).toList();
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
        for (EvidenceKind kind : EvidenceKind.values()) {
            List<ClaimResult> of = of(rows, kind);
            Map<String, Object> k = new LinkedHashMap<>();
            counts(of).forEach((v, n) -> k.put(v.name(), n));
            k.put("total", of.size());
            k.put("agree", of.stream().filter(r -> r.agreesWithSource().orElse(false)).count());
            k.put("disagree", of.stream().filter(r -> !r.agreesWithSource().orElse(true)).count());
            Map<String, Long> classes = new LinkedHashMap<>();
            disagreements(of).forEach((d, n) -> classes.put(d.label(), n));
            k.put("disagreements", classes);
            byKind.put(kind.label(), k);
        }
        root.put("counts_by_evidence", byKind);
        Map<String, Long> disagreements = new LinkedHashMap<>();
        disagreements(rows).forEach((d, n) -> disagreements.put(d.label(), n));
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
            c.put("evidence", s.evidence().label());
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
