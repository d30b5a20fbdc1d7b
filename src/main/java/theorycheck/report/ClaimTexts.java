package theorycheck.report;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import theorycheck.claim.ClaimResult;
import theorycheck.claim.ClaimSpec;
import theorycheck.claim.Counterexample;
import theorycheck.claim.Evidence;
import theorycheck.claim.Quantifier;
import theorycheck.claim.RunSettings;
import theorycheck.claim.Statistics;
import theorycheck.claim.TrialResult;

/**
 * The text parts of a claim's report: description, statement, setting, statistics, counterexample
 * and the command that re-runs one trial. Pure functions of the result; numbers are formatted with
 * {@link Locale#ROOT} so the text does not depend on the machine.
 */
public final class ClaimTexts {
    private static final Parser MARKDOWN = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).build();
    /** Said of every universal claim: trials support it, they never prove it. */
    public static final String UNIVERSAL_CAVEAT =
            "A universal claim is only ever supported by trials, never proven: HOLDS means no counterexample was found "
                    + "in the trials run.";

    private ClaimTexts() {
    }

    /** The Allure test name: {@code "<id> — <title>"}. */
    public static String testName(ClaimSpec spec) {
        return spec.id() + " — " + spec.title();
    }

    /** The claim file's {@code source_says} as written there: true, false or unstated. */
    public static String sourceSays(ClaimSpec spec) {
        return spec.sourceSays().name().toLowerCase(Locale.ROOT);
    }

    /** yes, no, or n.a. (source silent, or our verdict inconclusive). */
    public static String agreement(ClaimResult r) {
        return r.agreesWithSource().map(a -> a ? "yes" : "no").orElse("n.a.");
    }

    /**
     * {@link #description} as HTML. Allure keeps a Markdown description three times in each claim's page
     * data (and once more in its CSV export) but HTML once, which keeps the one-file report small; raw HTML
     * in a claim file is shown as text.
     */
    public static String descriptionHtml(ClaimResult r) {
        return HTML.render(MARKDOWN.parse(description(r)));
    }

    /** The test description (Markdown): the claim file's fields, the outcome, then its body. */
    public static String description(ClaimResult r) {
        ClaimSpec s = r.spec();
        StringBuilder sb = new StringBuilder();
        sb.append("**Statement** (").append(s.source()).append("; the source says **").append(sourceSays(s))
                .append("**): ").append(s.statement()).append("\n\n");
        s.reading().ifPresent(reading -> sb.append("**Reading tested:** ").append(reading).append("\n\n"));
        sb.append("**Prediction:** ").append(s.prediction()).append("\n\n");
        sb.append("**Tolerance:** ").append(s.tolerance()).append("\n\n");
        sb.append("**Control:** ").append(s.control().variant()).append(" Overrides: `")
                .append(s.control().setting()).append("`. Must come out **").append(s.control().expected())
                .append("** with at least ").append(Math.round(100 * s.control().flipShare()))
                .append("% of its decided trials the other way; came out **").append(r.control().verdict())
                .append("** with ").append(Math.round(100 * r.controlFlipShare())).append("%.\n\n");
        sb.append("**Evidence:** ").append(s.evidence().label()).append(s.evidence() == theorycheck.claim.EvidenceKind.IDENTITY
                ? " — the outcome follows from algebra or a definition; the run checks the implementation."
                : " — the outcome depends on training dynamics, data or chance.").append("\n\n");
        sb.append("**Verdict:** **").append(r.verdict()).append("** (recorded: ").append(s.expected())
                .append("; ").append(s.quantifier().name().toLowerCase(Locale.ROOT)).append(" claim, ")
                .append(r.claim().trials().size()).append(" trials). ").append(r.keyNumber()).append(".");
        if (!r.complete()) {
            sb.append(" *Only some trials were run: the verdict speaks for those trials alone.*");
        }
        sb.append("\n\n");
        s.disagreement().ifPresent(d -> sb.append("**Disagrees with the source (").append(d.label()).append("):** ")
                .append(s.disagreementNote().orElse("")).append("\n\n"));
        if (s.quantifier() == Quantifier.UNIVERSAL) {
            sb.append("*").append(UNIVERSAL_CAVEAT).append("*\n\n");
        }
        if (!s.body().isBlank()) {
            sb.append("---\n\n").append(s.body()).append('\n');
        }
        return sb.toString();
    }

    /** The setting of the tier that ran, as YAML. */
    public static String setting(ClaimResult r) {
        DumperOptions flow = new DumperOptions();
        flow.setDefaultFlowStyle(DumperOptions.FlowStyle.FLOW);
        flow.setWidth(Integer.MAX_VALUE);
        Yaml yaml = new Yaml(flow);
        ClaimSpec s = r.spec();
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(s.id()).append(": setting of the ").append(r.settings().tier().label())
                .append(" tier (").append(s.file().getFileName()).append(")\n");
        sb.append("# base seed ").append(r.settings().baseSeed()).append(", claim trials ")
                .append(s.trials(r.settings().tier())).append(", control trials ").append(r.control().trials().size())
                .append('\n');
        sb.append("# control: ").append(oneLine(s.control().variant())).append('\n');
        sb.append("# control overrides: ").append(s.control().setting()).append('\n');
        for (Map.Entry<String, Object> e : s.setting(r.settings().tier()).asMap().entrySet()) {
            sb.append(e.getKey()).append(": ").append(yaml.dump(e.getValue()).strip()).append('\n');
        }
        return sb.toString();
    }

    /** Counts, key-value summary, the decision rule with its test and level, and the Wilson interval. */
    public static String statistics(ClaimResult r) {
        StringBuilder sb = new StringBuilder();
        armStatistics(sb, r, r.claim(), r.spec().expected().name());
        sb.append('\n');
        armStatistics(sb, r, r.control(), r.spec().control().expected().name());
        return sb.toString();
    }

    private static void armStatistics(StringBuilder sb, ClaimResult r, Evidence e, String expected) {
        ClaimSpec spec = r.spec();
        Statistics st = e.statistics();
        String title = e.arm().equals("claim") ? "claim" : "control (" + oneLine(spec.control().variant()) + ")";
        sb.append("== ").append(title).append(" ==\n");
        sb.append("verdict: ").append(e.verdict()).append(" (expected ").append(expected).append(")\n");
        sb.append("trials: ").append(st.trials()).append(": ").append(st.pass()).append(" pass, ").append(st.fail())
                .append(" fail, ").append(st.inconclusive()).append(" inconclusive\n");
        long nan = e.trials().stream().filter(t -> Double.isNaN(t.keyValue())).count();
        sb.append("key value: min ").append(num(st.keyMin())).append(", median ").append(num(st.keyMedian()))
                .append(", max ").append(num(st.keyMax()));
        if (nan > 0) {
            sb.append(" (").append(nan).append(" NaN left out)");
        }
        sb.append('\n');
        int decided = st.pass() + st.fail();
        sb.append("pass rate: ").append(decided == 0 ? "n/a" : num((double) st.pass() / decided))
                .append(", 95% Wilson score interval [").append(num(st.passRateLow())).append(", ")
                .append(num(st.passRateHigh())).append("] over ").append(decided).append(" decided trials\n");
        switch (spec.quantifier()) {
            case UNIVERSAL -> sb.append("rule: universal — any FAIL refutes (REFUTED); else any INCONCLUSIVE trial makes the ")
                    .append("verdict INCONCLUSIVE; else HOLDS.\n").append(UNIVERSAL_CAVEAT).append('\n');
            case EXISTENTIAL -> sb.append("rule: existential — one PASS is a witness (HOLDS); no witness found is ")
                    .append("INCONCLUSIVE, not a disproof.\n");
            case STATISTICAL -> {
                double alpha = spec.alpha().orElse(Double.NaN);
                sb.append("test: exact one-sided sign test on PASS vs FAIL trials (INCONCLUSIVE trials, i.e. ties or ")
                        .append("failed runs, dropped), X ~ Bin(").append(decided).append(", 1/2), significance level α = ")
                        .append(alpha).append('\n');
                sb.append("p (effect as predicted) = P(X ≥ ").append(st.pass()).append(") = ").append(num(st.pValueFor()))
                        .append(st.pValueFor() < alpha ? "  < α: HOLDS" : "").append('\n');
                sb.append("p (effect reversed)     = P(X ≥ ").append(st.fail()).append(") = ")
                        .append(num(st.pValueAgainst())).append(st.pValueAgainst() < alpha ? "  < α: REFUTED" : "")
                        .append('\n');
                sb.append("effect size: median signed effect (key value) ").append(num(st.keyMedian()))
                        .append("; share of trials with the predicted sign ")
                        .append(decided == 0 ? "n/a" : num((double) st.pass() / decided)).append('\n');
            }
        }
        if (!e.complete()) {
            sb.append("note: only some trials were run (single-trial re-run); this verdict is not compared.\n");
        }
    }

    /** The minimized counterexample of one arm, with its seed and the command that re-runs its trial. */
    public static Optional<String> counterexample(ClaimResult r, Evidence e, Optional<String> testSelector) {
        if (e.counterexample().isEmpty()) {
            return Optional.empty();
        }
        Counterexample c = e.counterexample().get();
        TrialResult o = c.original();
        TrialResult m = c.minimized();
        StringBuilder sb = new StringBuilder();
        sb.append("arm: ").append(e.arm()).append(e.arm().equals("claim") ? "" : " (" + oneLine(r.spec().control().variant()) + ")")
                .append('\n');
        sb.append("first failing trial: index ").append(o.index()).append(", seed ").append(o.seed()).append('\n');
        sb.append("  instance:  ").append(o.instance()).append('\n');
        sb.append("  key value: ").append(num(o.keyValue())).append('\n');
        sb.append("  note:      ").append(o.note()).append('\n');
        sb.append("minimized: ").append(c.shrinkSteps()).append(" shrink step(s), ").append(c.evaluations())
                .append(" variant(s) tried\n");
        sb.append("  instance:  ").append(c.minimizedInstance()).append('\n');
        sb.append("  key value: ").append(num(m.keyValue())).append('\n');
        sb.append("  note:      ").append(m.note()).append('\n');
        sb.append("\nre-run the failing trial alone (it re-draws the original instance, then shrinks it again):\n  ")
                .append(rerunCommand(r.settings(), r.spec().id(), o.index(), Optional.empty())).append('\n');
        testSelector.ifPresent(t -> sb.append("  faster, running only this test class:\n  ")
                .append(rerunCommand(r.settings(), r.spec().id(), o.index(), testSelector)).append('\n'));
        sb.append("-D").append(RunSettings.TRIAL_PROPERTY_NAME).append("=k runs trial k of both arms. The control arm ")
                .append("draws from its own seed stream (claim id + \"#control\"), so control trial k and claim trial k ")
                .append("have different seeds.\n");
        return Optional.of(sb.toString());
    }

    /**
     * {@code mvn test -Dtheorycheck.claim=<id> -Dtheorycheck.trial=<k> -Dtheorycheck.seed=<s>
     * -Dtheorycheck.tier=<t>}, with {@code -Dtest=<selector>} first when given.
     */
    public static String rerunCommand(RunSettings settings, String claimId, int trial, Optional<String> testSelector) {
        StringBuilder sb = new StringBuilder("mvn test");
        testSelector.ifPresent(t -> sb.append(" -Dtest='").append(t).append('\''));
        sb.append(" -D").append(RunSettings.CLAIM_PROPERTY_NAME).append('=').append(claimId);
        sb.append(" -D").append(RunSettings.TRIAL_PROPERTY_NAME).append('=').append(trial);
        sb.append(" -D").append(RunSettings.SEED_PROPERTY_NAME).append('=').append(settings.baseSeed());
        sb.append(" -D").append(RunSettings.TIER_PROPERTY_NAME).append('=').append(settings.tier().label());
        return sb.toString();
    }

    /** The trial counts as "claim / control". */
    public static String trials(ClaimResult r) {
        return r.claim().trials().size() + " / " + r.control().trials().size();
    }

    /** Compact number: 4 significant digits, NaN and infinities spelled out. */
    public static String num(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }

    static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
