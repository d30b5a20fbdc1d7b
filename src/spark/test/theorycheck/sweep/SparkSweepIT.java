package theorycheck.sweep;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import theorycheck.claim.ClaimCatalog;
import theorycheck.claim.ClaimRunner;
import theorycheck.claim.ClaimSpec;
import theorycheck.claim.RunSettings;
import theorycheck.claim.Tier;
import theorycheck.claims.ClaimChecks;
import theorycheck.report.RobustnessTable;

/**
 * The sweep jar end to end (failsafe, after {@code mvn -Pspark package}), each run a fresh JVM started as the
 * README says: {@code java -jar target/theorycheck-sweep.jar ...}.
 */
class SparkSweepIT {
    private static final Path JAR = Path.of("target", "theorycheck-sweep.jar");
    private static final List<String> CLAIMS = List.of("book.T1.1", "book.C.6", "book.B.13");
    private static final List<Long> SEEDS = List.of(20261122L, 20261123L);

    @TempDir
    Path dir;

    /** What a run of the jar did. */
    private record Run(int status, String out, String err) {
    }

    @Test
    void aSweepOnTwoLocalCoresWritesTheTablesOfTheSequentialRuns() throws IOException, InterruptedException {
        Path spark = dir.resolve("spark");
        Run run = sweep("--master", "local[2]", "--seeds", "20261122,20261123", "--claims", String.join(",", CLAIMS),
                "--out", spark.toString());

        Path sequential = dir.resolve("sequential");
        ClaimCatalog catalog = ClaimCatalog.load(Path.of("theorems"));
        ClaimRunner runner = new ClaimRunner(new PrintStream(OutputStream.nullOutputStream()));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String id : CLAIMS) {
            ClaimSpec spec = catalog.get(id);
            rows.add(RobustnessTable.row(spec, SEEDS.stream().map(seed -> RobustnessTable.seedRun(runner.run(spec,
                    new RunSettings(seed, Tier.QUICK, Optional.empty(), OptionalInt.empty(), Path.of("").toAbsolutePath(),
                            List.of()), ClaimChecks.forId(id)))).toList()));
        }
        RobustnessTable.write(sequential, "quick", SEEDS, rows);

        assertAll(
                () -> assertEquals(0, run.status(), run.err()),
                () -> assertTrue(run.out().contains("3 claims x 2 seeds on local[2]"), run.out()),
                () -> assertEquals(read(sequential.resolve(RobustnessTable.JSON_FILE)),
                        read(spark.resolve(RobustnessTable.JSON_FILE))),
                () -> assertEquals(read(sequential.resolve(RobustnessTable.MARKDOWN_FILE)),
                        read(spark.resolve(RobustnessTable.MARKDOWN_FILE))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--seeds 1 --claims book.T1.x    | --claims: unknown claim id 'book.T1.x'; closest: book.T1.1",
        "--seeds 5..1                    | --seeds takes integers and ranges a..b",
        "--seeds 1,x                     | --seeds takes integers and ranges a..b",
        "--seeds 1 --tier medium         | --tier: tier must be 'quick' or 'deep', got 'medium'",
        "--seeds 1 --master nonsense     | --master nonsense: Could not parse Master URL: 'nonsense'",
        "--seeds 1 --master local[0]     | --master local[0]: Asked to run locally with 0 threads",
        "--tier deep                     | --seeds is required",
        "--seeds 1 --claim book.T1.1     | unknown option '--claim'",
        "--seeds 1 --out /proc/sweep     | --out /proc/sweep: cannot create the folder"})
    void badInputIsOneLineAndExitStatusTwo(String args, String message) throws IOException, InterruptedException {
        Run run = sweep(args.strip().split(" +"));
        assertAll(
                () -> assertEquals(2, run.status(), run.err()),
                () -> assertEquals(1, run.err().lines().count(), run.err()),
                () -> assertTrue(run.err().startsWith(message), run.err()),
                () -> assertEquals("", run.out()));
    }

    private Run sweep(String... args) throws IOException, InterruptedException {
        assertTrue(Files.isRegularFile(JAR), "no " + JAR + ": run after mvn -Pspark package");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        int status = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start().waitFor();
        return new Run(status, read(out), read(err));
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
