package theorycheck.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;
import theorycheck.claim.ClaimCatalog;
import theorycheck.claim.ClaimResult;
import theorycheck.claim.ClaimSpec;
import theorycheck.claim.RunSettings;
import theorycheck.linalg.Nd4jBridge;
import theorycheck.report.AllureResultsFiles;
import theorycheck.report.RobustnessTable;
import theorycheck.report.RunSummary;
import theorycheck.report.VerdictRegistry;
import theorycheck.report.VerdictTable;

/**
 * The report's session hooks, registered through {@code META-INF/services}.
 *
 * <p>Before the first test plan of the JVM: empties the Allure results folder (it lives outside
 * {@code target/}, so {@code mvn clean} would not, and stale results would show up as retries) and
 * writes {@code categories.json}. After each test plan: writes {@code environment.properties};
 * when every claim under {@code theorems/} has a complete result from this session, rewrites
 * {@code reports/verdicts.md} and {@code reports/verdicts.json}; prints the verdict table.
 *
 * <p>Assumes one test JVM per checkout (surefire's default {@code forkCount=1}): a second run in the same
 * folder finds the {@link RunLock} taken, says so in one line, and leaves the first run's results alone.
 */
public final class ReportSessionListener implements TestExecutionListener {
    /** Where Allure writes its results (set by surefire); Allure's own default when unset. */
    static final String RESULTS_PROPERTY_NAME = "allure.results.directory";
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        if (!STARTED.compareAndSet(false, true) || isSweep()) {
            return; // a sweep writes no Allure report; its JVMs may run side by side
        }
        Optional<String> busy = RunLock.acquire(projectRoot());
        if (busy.isPresent()) {
            RUN_PROBLEM.set(busy.get());
            System.err.println("theorycheck: " + busy.get());
            return; // leave the other run's results alone
        }
        Path results = resultsDir();
        emptyFolder(results);
        AllureResultsFiles.write(results, AllureResultsFiles.CATEGORIES_FILE, AllureResultsFiles.categories(
                ClaimAssertions.REPRODUCTION_CHANGED, ClaimAssertions.HARNESS_BROKEN));
    }

    /** Why this run must not run claims (another run holds the checkout), once known; null otherwise. */
    private static final AtomicReference<String> RUN_PROBLEM = new AtomicReference<>();

    static Optional<String> runProblem() {
        return Optional.ofNullable(RUN_PROBLEM.get());
    }

    private static Path projectRoot() {
        String r = System.getProperty(RunSettings.ROOT_PROPERTY_NAME);
        return (r == null || r.isBlank() ? Path.of("") : Path.of(r)).toAbsolutePath();
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (runProblem().isPresent()) {
            return; // said once at the start and by the first claim test
        }
        RunSettings settings;
        try {
            settings = RunSettings.fromSystemProperties();
        } catch (IllegalArgumentException e) {
            System.err.println("theorycheck: no verdict table: " + e.getMessage());
            return;
        }
        if (settings.isSweep()) {
            gatherSweep(settings);
            return;
        }
        List<ClaimResult> results = VerdictRegistry.results(settings.root());
        Map<String, String> env = new LinkedHashMap<>();
        if (!results.isEmpty()) {
            Path json = settings.reports().resolve(VerdictTable.JSON_FILE);
            Optional<String> previous = readIfPresent(json);
            Written written = writeVerdicts(settings, results);
            if (written.rewritten()) {
                // the overview widget is the report's first screen: claim counts, disagreements, what changed
                env.putAll(RunSummary.overview(readIfPresent(json).orElseThrow(), previous));
            }
            System.out.print("\n" + VerdictTable.console(results) + written.line() + "\n");
            System.out.flush();
        }
        env.putAll(environment(settings));
        AllureResultsFiles.write(resultsDir(), AllureResultsFiles.ENVIRONMENT_FILE, AllureResultsFiles.environment(env));
    }

    /** What {@link #writeVerdicts} did: whether it rewrote reports/verdicts.*, and the line saying so. */
    record Written(boolean rewritten, String line) {
    }

    private static Optional<String> readIfPresent(Path file) {
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Rewrites reports/verdicts.* when this session ran every claim; returns a line saying what happened. */
    static Written writeVerdicts(RunSettings settings, List<ClaimResult> results) {
        if (!settings.isFullRun()) {
            return new Written(false, "reports/verdicts.* left as they were: -D" + RunSettings.CLAIM_PROPERTY_NAME
                    + " ran one claim.");
        }
        ClaimCatalog catalog;
        try {
            catalog = ClaimCatalog.load(settings.theorems());
        } catch (RuntimeException e) {
            return new Written(false, "reports/verdicts.* left as they were: the claim catalogue does not load: "
                    + e.getMessage());
        }
        List<String> missing = VerdictTable.missing(catalog, results);
        if (!missing.isEmpty()) {
            return new Written(false, "reports/verdicts.* left as they were: " + missing.size() + " of "
                    + catalog.all().size() + " claims have no result in this run (first: " + missing.get(0) + ").");
        }
        List<String> ids = catalog.all().stream().map(ClaimSpec::id).toList();
        VerdictTable.write(settings.reports(), results.stream().filter(r -> ids.contains(r.spec().id())).toList());
        return new Written(true, "reports/" + VerdictTable.MARKDOWN_FILE + " and reports/" + VerdictTable.JSON_FILE
                + " rewritten (" + ids.size() + " claims).");
    }

    /**
     * Gathers a robustness sweep's per-claim rows into reports/robustness.* once every claim has one.
     * Several test JVMs may share the sweep: the one that finishes last finds every row.
     */
    static void gatherSweep(RunSettings settings) {
        if (!settings.isFullRun()) {
            System.out.println("theorycheck: reports/robustness.* left as they were: -D" + RunSettings.CLAIM_PROPERTY_NAME
                    + " swept one claim (its row is in " + settings.sweepDir() + ").");
            return;
        }
        ClaimCatalog catalog = ClaimCatalog.load(settings.theorems());
        RobustnessTable.gather(settings.sweepDir(), settings.reports(), catalog, settings.tier().label(),
                settings.robustnessSeeds()).ifPresentOrElse(line -> System.out.println("theorycheck: " + line),
                        () -> System.out.println("theorycheck: robustness sweep: not every claim has its row in "
                                + settings.sweepDir() + " yet (another test JVM gathers them, or claims did not run)."));
    }

    private static boolean isSweep() {
        try {
            return RunSettings.fromSystemProperties().isSweep();
        } catch (IllegalArgumentException e) {
            return false; // reported once the plan finishes
        }
    }

    static Map<String, String> environment(RunSettings settings) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("java.version", System.getProperty("java.version"));
        env.put("java.vendor", System.getProperty("java.vendor"));
        env.put("os.name", System.getProperty("os.name"));
        env.put("os.arch", System.getProperty("os.arch"));
        env.put("processors", Integer.toString(Runtime.getRuntime().availableProcessors()));
        String backend;
        try {
            backend = Nd4jBridge.backendName();
        } catch (Throwable t) { // a missing native library surfaces as an Error; the report still says so
            backend = "unavailable (" + t + ")";
        }
        env.put("nd4j.backend", backend);
        env.put(RunSettings.SEED_PROPERTY_NAME, Long.toString(settings.baseSeed()));
        env.put(RunSettings.TIER_PROPERTY_NAME, settings.tier().label());
        return env;
    }

    static Path resultsDir() {
        return Path.of(System.getProperty(RESULTS_PROPERTY_NAME, "allure-results")).toAbsolutePath();
    }

    /** Deletes everything inside {@code dir} (not {@code dir} itself); nothing when it does not exist. */
    static void emptyFolder(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) {
                    Files.delete(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty " + dir, e);
        }
    }
}
