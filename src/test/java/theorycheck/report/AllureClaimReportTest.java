package theorycheck.report;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.AllureResultsWriter;
import io.qameta.allure.model.Attachment;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import theorycheck.claim.ClaimResult;

class AllureClaimReportTest {
    private final ClaimResult result = ReportFixtures.run(ReportFixtures.spec("fam", "fam.a"));

    @Test
    void suiteLabelsAreReplacedByFamilyVerdictAndId() {
        TestResult tr = new TestResult().setLabels(new ArrayList<>(List.of(
                new Label().setName("suite").setValue("theorycheck.claims.SomeClaims"),
                new Label().setName("parentSuite").setValue("old"),
                new Label().setName("testClass").setValue("theorycheck.claims.SomeClaims"))));
        AllureClaimReport.decorate(tr, result);
        Map<String, List<String>> labels = tr.getLabels().stream().collect(Collectors.groupingBy(Label::getName,
                Collectors.mapping(Label::getValue, Collectors.toList())));
        assertAll(
                () -> assertEquals(List.of("fam"), labels.get("parentSuite")),
                () -> assertEquals(List.of("Holds"), labels.get("suite")),
                () -> assertEquals(List.of("fam.a"), labels.get("subSuite")),
                () -> assertEquals(List.of("fam"), labels.get("epic")),
                () -> assertEquals(List.of("notes.txt"), labels.get("feature")),
                () -> assertEquals(List.of("fam.a"), labels.get("story")),
                () -> assertEquals(List.of("HOLDS"), labels.get("verdict")),
                () -> assertEquals(List.of("true"), labels.get("source_says")),
                () -> assertEquals(List.of("yes"), labels.get("agrees_with_source")),
                () -> assertEquals(List.of("verdict:HOLDS", "source_says:true", "agrees_with_source:yes", "evidence:empirical"),
                        labels.get("tag")),
                () -> assertEquals(List.of("theorycheck.claims.SomeClaims"), labels.get("testClass")));
    }

    @Test
    void nameDescriptionAndParameters() {
        TestResult tr = new TestResult();
        AllureClaimReport.decorate(tr, result);
        Map<String, String> params = tr.getParameters().stream()
                .collect(Collectors.toMap(Parameter::getName, Parameter::getValue));
        assertAll(
                () -> assertEquals("fam.a — Title of fam.a | with a pipe", tr.getName()),
                () -> assertNull(tr.getDescription()),
                () -> assertTrue(tr.getDescriptionHtml().contains("Every draw of U(0, 1) is below the bound.")),
                () -> assertTrue(tr.getDescriptionHtml().contains("<p>A body with a paragraph\nwrapped over two lines.</p>")),
                () -> assertTrue(tr.getDescriptionHtml().contains("<ul>\n<li>a list item</li>\n<li>another</li>\n</ul>")),
                () -> assertTrue(tr.getDescriptionHtml().contains("<strong>Verdict:</strong>")),
                () -> assertTrue(tr.getDescriptionHtml().contains("never proven")),
                () -> assertEquals(String.valueOf(ReportFixtures.SEED), params.get("base seed")),
                () -> assertEquals("quick", params.get("tier")),
                () -> assertEquals("5 / 3", params.get("trials (claim / control)")),
                () -> assertEquals("HOLDS", params.get("expected")),
                () -> assertEquals("HOLDS", params.get("verdict")),
                () -> assertEquals("REFUTED (expected REFUTED; 100% of decided control trials the other way, 50% required)",
                        params.get("control verdict")),
                () -> assertEquals("{bound=-1.0}", params.get("control setting")),
                () -> assertEquals("empirical", params.get("evidence")),
                () -> assertEquals(result.keyNumber(), params.get("key number")));
    }

    @Test
    void aDisagreementIsThePassingClaimsMessage() {
        TestResult agrees = new TestResult();
        AllureClaimReport.decorate(agrees, result);
        TestResult disagrees = new TestResult();
        AllureClaimReport.decorate(disagrees,
                ReportFixtures.run(ReportFixtures.spec("fam", "fam.b", "universal", "false", "HOLDS", "REFUTED")));
        assertAll(
                () -> assertEquals(null, agrees.getStatusDetails()),
                () -> assertEquals("disagrees with the source (reading): a fixture's reading",
                        disagrees.getStatusDetails().getMessage()));
    }

    @Test
    void publishAttachesEveryPartOfTheEvidence() {
        Recorder rec = new Recorder();
        TestResult tr = rec.publish(result, t -> true);
        List<String> names = tr.getAttachments().stream().map(Attachment::getName).toList();
        assertAll(
                () -> assertEquals(List.of("setting (quick tier)", "trials: claim arm",
                        "trials: control arm", "statistics", "counterexample (control arm, minimized)",
                        "chart: x per trial (claim) | x per trial (control)"), names),
                () -> assertEquals("image/png", tr.getAttachments().get(5).getType()),
                () -> assertEquals("text/csv", tr.getAttachments().get(1).getType()),
                () -> assertTrue(rec.text(tr, "setting (quick tier)").contains("bound: 2.0\nd: [3, 5]\n")),
                () -> assertTrue(rec.text(tr, "counterexample (control arm, minimized)")
                        .contains("mvn test -Dtheorycheck.claim=fam.a -Dtheorycheck.trial=0 -Dtheorycheck.seed=7 "
                                + "-Dtheorycheck.tier=quick")),
                () -> assertTrue(rec.text(tr, "counterexample (control arm, minimized)").contains("-Dtest='X#y'")),
                () -> assertTrue(rec.text(tr, "statistics").contains("95% Wilson score interval")),
                () -> assertEquals("fam.a — Title of fam.a | with a pipe", tr.getName()));
    }

    @Test
    void claimWithoutChartsGetsTheKeyValueChart() {
        Recorder rec = new Recorder();
        TestResult tr = rec.publish(ReportFixtures.run(ReportFixtures.spec("fam", "fam.a"), false), t -> true);
        List<Attachment> charts = tr.getAttachments().stream().filter(a -> a.getType().equals("image/png")).toList();
        assertEquals(1, charts.size());
        assertEquals("chart: fam.a: key value per trial", charts.get(0).getName());
    }

    @Test
    void anotherTestIsLeftAlone() {
        Recorder rec = new Recorder();
        TestResult tr = rec.publish(result, t -> false);
        assertAll(
                () -> assertTrue(tr.getAttachments().isEmpty()),
                () -> assertEquals("outer test", tr.getName()),
                () -> assertTrue(rec.attachments.isEmpty()));
    }

    @Test
    void nothingRunningMeansNothingPublished() {
        AllureLifecycle lifecycle = new AllureLifecycle(new Recorder());
        assertFalse(AllureClaimReport.publish(lifecycle, result, t -> true, Optional.empty()));
    }

    /** An Allure lifecycle that keeps what it writes in memory. */
    static final class Recorder implements AllureResultsWriter {
        final List<TestResult> results = new ArrayList<>();
        final Map<String, byte[]> attachments = new HashMap<>();

        TestResult publish(ClaimResult r, java.util.function.Predicate<TestResult> ours) {
            AllureLifecycle lifecycle = new AllureLifecycle(this);
            String uuid = UUID.randomUUID().toString();
            lifecycle.scheduleTestCase(new TestResult().setUuid(uuid).setName("outer test"));
            lifecycle.startTestCase(uuid);
            AllureClaimReport.publish(lifecycle, r, ours, Optional.of("X#y"));
            lifecycle.stopTestCase(uuid);
            lifecycle.writeTestCase(uuid);
            return results.get(results.size() - 1);
        }

        String text(TestResult tr, String name) {
            Attachment a = tr.getAttachments().stream().filter(x -> x.getName().equals(name)).findFirst().orElseThrow();
            return new String(attachments.get(a.getSource()), StandardCharsets.UTF_8);
        }

        @Override
        public void write(TestResult testResult) {
            results.add(testResult);
        }

        @Override
        public void write(TestResultContainer testResultContainer) {
        }

        @Override
        public void write(String source, InputStream attachment) {
            try {
                attachments.put(source, attachment.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
