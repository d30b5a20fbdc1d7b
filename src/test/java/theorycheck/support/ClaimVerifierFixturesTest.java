package theorycheck.support;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.opentest4j.AssertionFailedError;
import theorycheck.claim.RunSettings;
import theorycheck.support.fixtures.FixtureClaimsTestCase;

/**
 * Runs the fixture claims of {@link FixtureClaimsTestCase} through the JUnit engine and checks that a
 * wrong recorded verdict fails as "reproduction changed", a control that cannot flip fails as
 * "harness broken", and a sound claim passes. The fixtures' claim files are copied from
 * {@code fixture-theorems/} into a temporary project root.
 */
@Isolated // sets system properties that every claim test reads
class ClaimVerifierFixturesTest {
    private static final String[] PROPERTIES = {RunSettings.ROOT_PROPERTY_NAME, RunSettings.CLAIM_PROPERTY_NAME,
            RunSettings.TRIAL_PROPERTY_NAME, RunSettings.SEED_PROPERTY_NAME, FixtureClaimsTestCase.ENABLED_PROPERTY_NAME};
    private SavedProperties saved;

    @TempDir
    Path root;

    @BeforeEach
    void pointTheHarnessAtTheFixtures() throws IOException, URISyntaxException {
        Path source = Path.of(getClass().getResource("/fixture-theorems").toURI());
        Path target = root.resolve("theorems");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Path dest = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
        saved = new SavedProperties(PROPERTIES);
        System.setProperty(RunSettings.ROOT_PROPERTY_NAME, root.toString());
        System.clearProperty(RunSettings.CLAIM_PROPERTY_NAME);
        System.clearProperty(RunSettings.TRIAL_PROPERTY_NAME);
        System.clearProperty(RunSettings.SEED_PROPERTY_NAME);
        System.setProperty(FixtureClaimsTestCase.ENABLED_PROPERTY_NAME, "true");
    }

    @AfterEach
    void restoreProperties() {
        saved.restore();
    }

    @Test
    void wrongRecordedVerdictFailsAsReproductionChanged() {
        Events events = run("fixture_wrong_expected");
        events.assertStatistics(s -> s.started(1).succeeded(0).failed(1));
        events.assertThatEvents().haveExactly(1, event(test("fixture_wrong_expected"),
                finishedWithFailure(instanceOf(AssertionFailedError.class),
                        message(m -> m.startsWith(ClaimAssertions.REPRODUCTION_CHANGED + ": fixture.wrong-expected")
                                && m.contains("REFUTED") && m.contains("HOLDS")))));
    }

    @Test
    void controlThatCannotFlipFailsAsHarnessBroken() {
        Events events = run("fixture_control_stuck");
        events.assertStatistics(s -> s.started(1).succeeded(0).failed(1));
        events.assertThatEvents().haveExactly(1, event(test("fixture_control_stuck"),
                finishedWithFailure(instanceOf(AssertionFailedError.class),
                        message(m -> m.startsWith(ClaimAssertions.HARNESS_BROKEN + ": fixture.control-stuck")))));
    }

    @Test
    void soundClaimPasses() {
        Events events = run("fixture_sound");
        events.assertStatistics(s -> s.started(1).succeeded(1).failed(0));
        events.assertThatEvents().haveExactly(1, event(test("fixture_sound"), finishedSuccessfully()));
    }

    @Test
    void fixturesAreSkippedUnlessEnabled() {
        System.clearProperty(FixtureClaimsTestCase.ENABLED_PROPERTY_NAME);
        EngineExecutionResults results = execute("fixture_wrong_expected");
        results.testEvents().assertStatistics(s -> s.started(0));
        results.containerEvents().assertStatistics(s -> s.skipped(1));
    }

    @Test
    void anUnknownClaimIdFailsOnceNamingTheClosestIdAndSkipsTheRest() {
        System.setProperty(RunSettings.CLAIM_PROPERTY_NAME, "fixture.sond");
        Events events = EngineTestKit.engine("junit-jupiter").selectors(
                org.junit.platform.engine.discovery.DiscoverySelectors.selectClass(FixtureClaimsTestCase.class))
                .execute().testEvents();
        // three claim tests: one failure carrying the line, two aborted pointing at it; none passes
        events.assertStatistics(s -> s.started(3).failed(1).aborted(2).succeeded(0));
        events.assertThatEvents().haveExactly(1, event(finishedWithFailure(instanceOf(AssertionFailedError.class),
                message(m -> m.startsWith("cannot run claims: -D" + RunSettings.CLAIM_PROPERTY_NAME
                        + ": unknown claim id 'fixture.sond'; closest: fixture.sound, ")
                        && m.endsWith("(3 claim ids; 'list' shows them)") && m.lines().count() == 1))));
    }

    @Test
    void aBadSeedIsSaidOnceAndNoClaimRuns() {
        System.setProperty(RunSettings.SEED_PROPERTY_NAME, "abc");
        Events events = EngineTestKit.engine("junit-jupiter").selectors(
                org.junit.platform.engine.discovery.DiscoverySelectors.selectClass(FixtureClaimsTestCase.class))
                .execute().testEvents();
        events.assertStatistics(s -> s.started(3).failed(1).aborted(2).succeeded(0));
        events.assertThatEvents().haveExactly(1, event(finishedWithFailure(message(m -> m.equals(
                "cannot run claims: -D" + RunSettings.SEED_PROPERTY_NAME + " must be an integer, got 'abc'")))));
    }

    @Test
    void aTrialBeyondTheClaimsCountIsAnErrorNamingTheCount() {
        System.setProperty(RunSettings.CLAIM_PROPERTY_NAME, "fixture.sound");
        System.setProperty(RunSettings.TRIAL_PROPERTY_NAME, "999");
        Events events = run("fixture_sound");
        events.assertStatistics(s -> s.started(1).succeeded(0));
        events.assertThatEvents().haveExactly(1, event(test("fixture_sound"), finishedWithFailure(
                message(m -> m.startsWith("trial 999: fixture.sound runs ") && m.contains("allowed 0..")))));
    }

    @Test
    void aMalformedClaimFileFailsItsOwnTestOnlyAndTheOthersRun() throws IOException {
        Path broken = root.resolve("theorems").resolve("fixture").resolve("fixture.control-stuck.md");
        Files.writeString(broken, Files.readString(broken).replaceFirst("(?m)^quantifier: .*\n", ""));
        Events events = EngineTestKit.engine("junit-jupiter").selectors(
                org.junit.platform.engine.discovery.DiscoverySelectors.selectClass(FixtureClaimsTestCase.class))
                .execute().testEvents();
        // the sound claim passes, the wrong-expected one fails as before, the broken file fails with its one line
        events.assertStatistics(s -> s.started(3).succeeded(1).failed(2));
        events.assertThatEvents().haveExactly(1, event(test("fixture_control_stuck"), finishedWithFailure(
                message(m -> m.contains("fixture.control-stuck.md: field 'quantifier'") && m.lines().count() == 1))));
    }

    private static Events run(String method) {
        return execute(method).testEvents();
    }

    private static EngineExecutionResults execute(String method) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectMethod(FixtureClaimsTestCase.class, method))
                .execute();
    }
}
