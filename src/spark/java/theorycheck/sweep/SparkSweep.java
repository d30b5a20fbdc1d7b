package theorycheck.sweep;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import theorycheck.claim.ClaimCatalog;
import theorycheck.claim.ClaimSpec;
import theorycheck.claim.ClaimSpecException;
import theorycheck.report.RobustnessTable;
import theorycheck.report.RobustnessTable.SeedRun;

/**
 * {@code java -jar target/theorycheck-sweep.jar --seeds a..b [options]}: every claim (or {@code --claims}) at
 * every base seed, one Spark task per claim and seed, on {@code local[*]} or the cluster {@code --master}
 * names. Writes robustness.json and .md as the Maven sweep does: the same rows, the same bytes.
 *
 * <p>Exit status: 0 when every claim reproduced its verdict and control at every seed, 1 when one did not
 * (the tables are written all the same), a claim file is malformed or a run failed, 2 for a bad command line
 * or master; each error is one line on standard error.
 */
public final class SparkSweep {
    private SparkSweep() {
    }

    public static void main(String[] args) {
        // before Spark's classes load: what Spark's own launcher passes its JVMs, and quiet logs: warnings and
        // errors, less two warnings every embedded run gives (loopback host name, no native Hadoop library) and
        // what a context that cannot start logs (run() says why in one line)
        System.setProperty("io.netty.tryReflectionSetAccessible", "true");
        quietUnlessSet("defaultLogLevel", "warn");
        quietUnlessSet("log.org.apache.spark.util.Utils", "error");
        quietUnlessSet("log.org.apache.hadoop.util.NativeCodeLoader", "error");
        quietUnlessSet("log.org.apache.spark.SparkContext", "off");
        quietUnlessSet("log.org.apache.spark.metrics.MetricsSystem", "error");
        System.exit(run(args, System.out, System.err));
    }

    /** Sets an slf4j-simple level ({@code org.slf4j.simpleLogger.<key>}) unless the command line did. */
    private static void quietUnlessSet(String key, String level) {
        String property = "org.slf4j.simpleLogger." + key;
        if (System.getProperty(property) == null) {
            System.setProperty(property, level);
        }
    }

    /** Runs a sweep; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        SweepOptions options;
        List<ClaimSpec> claims;
        try {
            options = SweepOptions.parse(args);
            claims = options.select(ClaimCatalog.load(options.theorems()));
            writable(options.outDir());
        } catch (ClaimSpecException e) {
            err.println(e.getMessage());
            return 1;
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println(e.getMessage());
            return 2;
        }
        SparkConf conf = conf(options);
        JavaSparkContext sc;
        try {
            sc = new JavaSparkContext(conf);
        } catch (Exception e) { // Spark's exceptions are unchecked in Java; a bad master URL is one of them
            err.println("--master " + conf.get("spark.master") + ": " + firstLine(e));
            return 2;
        }
        long start = System.nanoTime();
        List<SeedRun> done;
        try {
            shipJars(sc, conf.get("spark.master"));
            done = runAll(sc, options, claims);
        } catch (Exception e) {
            err.println("sweep failed: " + firstLine(e));
            return 1;
        } finally {
            sc.stop();
        }
        String line = RobustnessTable.write(options.outDir(), options.tier().label(), options.seeds(),
                rows(options, claims, done));
        out.printf(Locale.ROOT, "%s%n%d claims x %d seeds on %s in %.1f s%n", line, claims.size(), options.seeds().size(),
                conf.get("spark.master"), (System.nanoTime() - start) / 1e9);
        List<String> off = notReproduced(options, claims, done);
        off.forEach(err::println);
        return off.isEmpty() ? 0 : 1;
    }

    /**
     * The tasks, base seed by base seed and claim by claim, one Spark partition each (so a long claim holds up
     * one core only); results come back in task order.
     */
    static List<SeedRun> runAll(JavaSparkContext sc, SweepOptions options, List<ClaimSpec> claims) {
        HashMap<String, ClaimTask.ClaimFile> files = new HashMap<>();
        for (ClaimSpec spec : claims) {
            files.put(spec.id(), new ClaimTask.ClaimFile(options.root().relativize(spec.file().toAbsolutePath()).toString(),
                    read(spec.file())));
        }
        Broadcast<HashMap<String, ClaimTask.ClaimFile>> shared = sc.broadcast(files);
        List<ClaimTask> tasks = tasks(options, claims);
        return sc.parallelize(tasks, tasks.size()).map(task -> task.run(shared.value())).collect();
    }

    static List<ClaimTask> tasks(SweepOptions options, List<ClaimSpec> claims) {
        List<ClaimTask> tasks = new ArrayList<>();
        for (long seed : options.seeds()) {
            for (ClaimSpec spec : claims) {
                tasks.add(new ClaimTask(spec.id(), seed, options.tier()));
            }
        }
        return tasks;
    }

    /** One row per claim, its runs in seed order (tasks go seed by seed). */
    static List<Map<String, Object>> rows(SweepOptions options, List<ClaimSpec> claims, List<SeedRun> done) {
        Map<String, List<SeedRun>> byClaim = byClaim(options, claims, done);
        return claims.stream().map(spec -> RobustnessTable.row(spec, byClaim.get(spec.id()))).toList();
    }

    private static Map<String, List<SeedRun>> byClaim(SweepOptions options, List<ClaimSpec> claims, List<SeedRun> done) {
        List<ClaimTask> tasks = tasks(options, claims);
        Map<String, List<SeedRun>> byClaim = new LinkedHashMap<>();
        for (int i = 0; i < tasks.size(); i++) {
            byClaim.computeIfAbsent(tasks.get(i).claimId(), k -> new ArrayList<>()).add(done.get(i));
        }
        return byClaim;
    }

    /** One line per claim that did not reproduce its verdict and control at some seed. */
    static List<String> notReproduced(SweepOptions options, List<ClaimSpec> claims, List<SeedRun> done) {
        List<String> off = new ArrayList<>();
        byClaim(options, claims, done).forEach((id, runs) -> {
            List<Object> seeds = runs.stream().filter(r -> !r.reproduced() || !r.controlFlipped())
                    .map(r -> r.entry().get("seed")).toList();
            if (!seeds.isEmpty()) {
                off.add(id + " does not reproduce at base seeds " + seeds);
            }
        });
        return off;
    }

    static SparkConf conf(SweepOptions options) {
        SparkConf conf = new SparkConf().setAppName("theorycheck sweep");
        options.master().ifPresent(conf::setMaster);
        if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]"); // embedded: the Spark in this JVM, every core
        }
        if (isLocal(conf.get("spark.master"))) {
            // nothing to serve to other machines: stay on the loopback, no web UI
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
            conf.setIfMissing("spark.ui.enabled", "false");
        }
        return conf;
    }

    private static boolean isLocal(String master) {
        return master.startsWith("local");
    }

    /**
     * On a cluster the executors get this jar and its libraries (target/lib: the project's own, not Spark's)
     * from the driver; embedded, they already have them.
     */
    private static void shipJars(JavaSparkContext sc, String master) throws URISyntaxException, IOException {
        if (isLocal(master)) {
            return;
        }
        Path jar = Path.of(SparkSweep.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("a cluster run needs the sweep jar (mvn -B -Pspark -DskipTests package), "
                    + "not the classes in " + jar);
        }
        sc.addJar(jar.toString());
        try (Stream<Path> libs = Files.list(jar.resolveSibling("lib"))) {
            for (Path lib : libs.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                sc.addJar(lib.toString());
            }
        }
    }

    /** Said before the sweep, not after hours of it. */
    private static void writable(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException("--out " + dir + ": cannot create the folder (" + e + ")");
        }
        if (!Files.isWritable(dir)) {
            throw new IllegalArgumentException("--out " + dir + ": cannot write there");
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage());
        return m.lines().findFirst().orElse(m);
    }
}
