package theorycheck.report;

import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.TestResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import theorycheck.claim.Chart;
import theorycheck.claim.ClaimResult;
import theorycheck.claim.ClaimSpec;
import theorycheck.claim.Disagreement;
import theorycheck.claim.Evidence;

/**
 * Puts one claim's result onto the Allure test that produced it (one Allure result per claim; trials
 * are parameters and attachments, not results of their own).
 *
 * <p>Labels: epic = family, feature = source document, story = claim id; {@value #VERDICT_LABEL},
 * {@value #SOURCE_SAYS_LABEL} and {@value #AGREES_LABEL} as labels and as tags. The default suite
 * labels (the test class) are replaced so the Suites view reads family → verdict → claim id (the report
 * step adds each family's verdict counts to its name: {@link FamilySuites}).
 * Attachments: statement, setting, per-trial CSV of each arm, statistics, minimized counterexamples,
 * and every chart as a PNG (a key-value chart when the checks drew none).
 */
public final class AllureClaimReport {
    public static final String VERDICT_LABEL = "verdict";
    /** The suite of claim tests that broke before deciding (SuiteGrouping puts them there). */
    public static final String NO_VERDICT_SUITE = "No verdict";
    public static final String SOURCE_SAYS_LABEL = "source_says";
    public static final String AGREES_LABEL = "agrees_with_source";
    public static final String EVIDENCE_LABEL = "evidence";
    public static final String DISAGREEMENT_LABEL = "disagreement";
    /** How the status message of a claim that disagrees with its source starts (the categories match it). */
    public static final String DISAGREES_PREFIX = "disagrees with the source";
    /** Labels this class owns: any earlier value is replaced. */
    static final Set<String> REPLACED_LABELS = Set.of("parentSuite", "suite", "subSuite", "epic", "feature", "story",
            VERDICT_LABEL, SOURCE_SAYS_LABEL, AGREES_LABEL, EVIDENCE_LABEL, DISAGREEMENT_LABEL);

    private AllureClaimReport() {
    }

    /**
     * Decorates the running Allure test with {@code result} and attaches its evidence.
     *
     * @param isThisTest whether the running Allure test is the one that ran the claim (a claim run
     *     nested inside another test, as in the harness's own tests, must not decorate the outer one)
     * @param testSelector {@code Class#method} for the re-run command, when known
     * @return false (and nothing done) when no Allure test is running or it is not this claim's test
     */
    public static boolean publish(AllureLifecycle lifecycle, ClaimResult result, Predicate<TestResult> isThisTest,
            Optional<String> testSelector) {
        Optional<String> uuid = lifecycle.getCurrentTestCase();
        if (uuid.isEmpty()) {
            return false;
        }
        boolean[] ours = {false};
        lifecycle.updateTestCase(uuid.get(), tr -> ours[0] = isThisTest.test(tr));
        if (!ours[0]) {
            return false;
        }
        lifecycle.updateTestCase(uuid.get(), tr -> decorate(tr, result));
        attach(lifecycle, result, testSelector);
        return true;
    }

    /** Sets name, description, labels and parameters of {@code tr} from {@code r}. */
    public static void decorate(TestResult tr, ClaimResult r) {
        ClaimSpec s = r.spec();
        tr.setName(ClaimTexts.testName(s));
        tr.setDescriptionHtml(ClaimTexts.descriptionHtml(r));
        List<Label> labels = new ArrayList<>(tr.getLabels() == null ? List.of() : tr.getLabels());
        labels.removeIf(l -> REPLACED_LABELS.contains(l.getName()));
        labels.addAll(labels(r));
        tr.setLabels(labels);
        List<Parameter> params = new ArrayList<>(tr.getParameters() == null ? List.of() : tr.getParameters());
        params.addAll(parameters(r));
        tr.setParameters(params);
        // a passing claim has no message of its own: a disagreement takes its place, so that the Categories
        // widget on the first screen lists the disagreements by class (a failure's message replaces it)
        s.disagreement().ifPresent(d -> tr.setStatusDetails(new StatusDetails().setMessage(
                disagreementMessage(d, s.disagreementNote().orElse("")))));
    }

    /** "disagrees with the source (substantive): note". */
    public static String disagreementMessage(Disagreement d, String note) {
        return DISAGREES_PREFIX + " (" + d.label() + "): " + note;
    }

    /** The labels of a claim's result, in the order they are added. */
    public static List<Label> labels(ClaimResult r) {
        ClaimSpec s = r.spec();
        String verdict = r.verdict().name();
        String says = ClaimTexts.sourceSays(s);
        String agrees = ClaimTexts.agreement(r);
        List<Label> labels = new ArrayList<>(List.of(
                label("parentSuite", s.family()),
                label("suite", r.verdict().title()),
                label("subSuite", s.id()),
                label("epic", s.family()),
                label("feature", s.sourceDocument()),
                label("story", s.id()),
                label(VERDICT_LABEL, verdict),
                label(SOURCE_SAYS_LABEL, says),
                label(AGREES_LABEL, agrees),
                label("tag", VERDICT_LABEL + ":" + verdict),
                label("tag", SOURCE_SAYS_LABEL + ":" + says),
                label("tag", AGREES_LABEL + ":" + agrees)));
        String evidence = s.evidence().label();
        labels.add(label(EVIDENCE_LABEL, evidence));
        labels.add(label("tag", EVIDENCE_LABEL + ":" + evidence));
        s.disagreement().ifPresent(d -> {
            labels.add(label(DISAGREEMENT_LABEL, d.label()));
            labels.add(label("tag", DISAGREEMENT_LABEL + ":" + d.label()));
        });
        if (!r.complete()) {
            labels.add(label("tag", "partial-run"));
        }
        return labels;
    }

    /** Base seed, tier, trial counts, expected and observed verdicts, control verdict, key number. */
    public static List<Parameter> parameters(ClaimResult r) {
        return List.of(
                parameter("base seed", Long.toString(r.settings().baseSeed())),
                parameter("tier", r.settings().tier().label()),
                parameter("trials (claim / control)", ClaimTexts.trials(r)),
                parameter("expected", r.spec().expected().name()),
                parameter("verdict", r.verdict().name()),
                parameter("evidence", r.spec().evidence().label()),
                parameter("control verdict", r.control().verdict().name() + " (expected "
                        + r.spec().control().expected() + String.format(java.util.Locale.ROOT,
                                "; %.0f%% of decided control trials the other way, %.0f%% required)",
                                100 * r.controlFlipShare(), 100 * r.spec().control().flipShare())),
                parameter("control setting", r.spec().control().setting().toString()),
                parameter("key number", r.keyNumber()));
    }

    private static void attach(AllureLifecycle lifecycle, ClaimResult r, Optional<String> testSelector) {
        // the statement and reading are the description's first paragraphs: not attached a second time
        text(lifecycle, "setting (" + r.settings().tier().label() + " tier)", "text/yaml", "yaml", ClaimTexts.setting(r));
        for (Evidence e : List.of(r.claim(), r.control())) {
            text(lifecycle, "trials: " + e.arm() + " arm", "text/csv", "csv", TrialTable.csv(e));
        }
        text(lifecycle, "statistics", "text/plain", "txt", ClaimTexts.statistics(r));
        for (Evidence e : List.of(r.claim(), r.control())) {
            ClaimTexts.counterexample(r, e, testSelector).ifPresent(
                    c -> text(lifecycle, "counterexample (" + e.arm() + " arm, minimized)", "text/plain", "txt", c));
        }
        int drawn = 0;
        List<Chart> claim = r.claimCharts();
        List<Chart> control = r.controlCharts();
        if (claim.size() == control.size()) {
            // the same check drew both arms' charts in the same order: each pair side by side in one image
            for (int i = 0; i < claim.size(); i++) {
                drawn += sideBySide(lifecycle, claim.get(i), control.get(i)) ? 1 : 0;
            }
        } else {
            for (Chart c : r.charts()) {
                drawn += chart(lifecycle, c) ? 1 : 0;
            }
        }
        if (drawn == 0) {
            chart(lifecycle, ChartRenderer.keyValuesPerTrial(r));
        }
    }

    /** Attaches a claim arm's chart and its control's side by side, named after both. */
    private static boolean sideBySide(AllureLifecycle lifecycle, Chart claim, Chart control) {
        String name = "chart: " + title(claim) + " | " + title(control);
        return attachPng(lifecycle, name, claim.fileName(), () -> ChartRenderer.pngSideBySide(claim, control));
    }

    private static String title(Chart c) {
        return c.title() == null || c.title().isBlank() ? c.fileName() : c.title();
    }

    /** Attaches {@code c} as a PNG. */
    private static boolean chart(AllureLifecycle lifecycle, Chart c) {
        return attachPng(lifecycle, "chart: " + title(c), c.fileName(), () -> ChartRenderer.png(c));
    }

    /** Attaches what {@code draw} makes; a chart that cannot be drawn becomes a text note saying why. */
    private static boolean attachPng(AllureLifecycle lifecycle, String name, String fileName,
            java.util.function.Supplier<Optional<byte[]>> draw) {
        Optional<byte[]> png;
        try {
            png = draw.get();
        } catch (RuntimeException e) {
            text(lifecycle, name + " (not drawn)", "text/plain", "txt", "chart " + fileName + " could not be drawn: " + e);
            return false;
        }
        if (png.isEmpty()) {
            text(lifecycle, name + " (not drawn)", "text/plain", "txt", "chart " + fileName
                    + " has no drawable point (non-finite values, or non-positive values on a log axis, are dropped)");
            return false;
        }
        lifecycle.addAttachment(name, "image/png", "png", png.get());
        return true;
    }

    private static void text(AllureLifecycle lifecycle, String name, String type, String ext, String body) {
        lifecycle.addAttachment(name, type, ext, body.getBytes(StandardCharsets.UTF_8));
    }

    private static Label label(String name, String value) {
        return new Label().setName(name).setValue(value);
    }

    private static Parameter parameter(String name, String value) {
        return new Parameter().setName(name).setValue(value);
    }
}
