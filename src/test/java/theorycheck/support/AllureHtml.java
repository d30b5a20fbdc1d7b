package theorycheck.support;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import theorycheck.report.ClaimLinks;

/**
 * Writes the {@code report} profile's two HTML reports with analytics off. Allure's generator sends a
 * "report generated" event and its page loads Google's tag manager unless {@code ALLURE_NO_ANALYTICS}
 * is set while it generates; even then its page template keeps an inline {@code gtag(...)} bootstrap,
 * so that script element is removed as well, and every written page is then checked to hold neither.
 * Each page also gets the script that opens {@code #claim/<id>} links ({@link ClaimLinks}).
 *
 * <p>Usage: {@code AllureHtml <allure-commandline zip> <unpack folder> <results folder>
 * <report folder> <single-file folder>}. The zip is Maven Central's {@code io.qameta.allure:allure-commandline}
 * (a test dependency of the project, so Maven fetches it on a fresh machine).
 */
public final class AllureHtml {
    /** Text that only analytics puts into a page: the tag manager's host and the tag call. */
    static final List<String> ANALYTICS_MARKERS = List.of("googletagmanager", "gtag(");
    private static final long GENERATE_TIMEOUT_SECONDS = 600;
    /** The one-file report must stay small enough to send by mail or attach to a review. */
    static final long SINGLE_FILE_LIMIT_BYTES = 10_000_000;

    private AllureHtml() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            throw new IllegalArgumentException("usage: AllureHtml <allure-commandline zip> <unpack folder> "
                    + "<results folder> <report folder> <single-file folder>; got " + args.length + " arguments");
        }
        Path home = unpack(Path.of(args[0]), Path.of(args[1]));
        Path results = Path.of(args[2]);
        write(home, results, Path.of(args[3]), false);
        write(home, results, Path.of(args[4]), true);
    }

    /** Generates one report from {@code results} into {@code out}, strips and checks it. */
    static void write(Path allureHome, Path results, Path out, boolean singleFile) throws IOException, InterruptedException {
        if (!Files.isDirectory(results)) {
            throw new IllegalArgumentException("AllureHtml: results folder " + results + " does not exist; "
                    + "run the tests first (mvn -B -Preport verify)");
        }
        generate(allureHome, results, out, singleFile);
        Path index = out.resolve("index.html");
        String page = withoutAnalytics(Files.readString(index, StandardCharsets.UTF_8));
        Files.writeString(index, ClaimLinks.withClaimLinks(page, ClaimLinks.uids(out)), StandardCharsets.UTF_8);
        requireNoAnalytics(out);
        if (singleFile) {
            requireAtMost(index, SINGLE_FILE_LIMIT_BYTES);
        }
    }

    /** Runs {@code allure generate} in its own JVM with {@code ALLURE_NO_ANALYTICS=true}. */
    static void generate(Path allureHome, Path results, Path out, boolean singleFile)
            throws IOException, InterruptedException {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new ArrayList<>(List.of(javaBin.toString(), "-cp",
                allureHome.resolve("lib") + "/*" + File.pathSeparator + allureHome.resolve("lib/config"),
                "io.qameta.allure.CommandLine", "generate", "--clean"));
        if (singleFile) {
            cmd.add("--single-file");
        }
        cmd.addAll(List.of(results.toString(), "-o", out.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
        pb.environment().put("ALLURE_NO_ANALYTICS", "true");
        pb.environment().put("APP_HOME", allureHome.toString()); // where the generator finds its plugins
        Process p = pb.start();
        if (!p.waitFor(GENERATE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("AllureHtml: allure generate did not finish within "
                    + GENERATE_TIMEOUT_SECONDS + " s for " + out);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("AllureHtml: allure generate exited with " + p.exitValue() + " for " + out);
        }
    }

    /** {@code html} without the script elements that mention an analytics marker; every other byte kept. */
    static String withoutAnalytics(String html) {
        StringBuilder kept = new StringBuilder(html.length());
        int from = 0;
        while (true) {
            int start = html.indexOf("<script", from);
            if (start < 0) {
                break;
            }
            int close = html.indexOf("</script>", start);
            if (close < 0) {
                break;
            }
            int end = close + "</script>".length();
            kept.append(html, from, start);
            String element = html.substring(start, end);
            if (ANALYTICS_MARKERS.stream().noneMatch(element::contains)) {
                kept.append(element);
            } else {
                // drop the element and the line break after it
                while (end < html.length() && (html.charAt(end) == ' ' || html.charAt(end) == '\n')) {
                    end++;
                }
            }
            from = end;
        }
        return kept.append(html, from, html.length()).toString();
    }

    /** Throws, naming the file and both sizes, when {@code file} is larger than {@code limit} bytes. */
    static void requireAtMost(Path file, long limit) throws IOException {
        long size = Files.size(file);
        if (size > limit) {
            throw new IllegalStateException(String.format(java.util.Locale.ROOT,
                    "AllureHtml: %s is %d bytes (%.1f MB), above the %d bytes a one-file report may take", file, size,
                    size / 1e6, limit));
        }
    }

    /** Throws, naming the file and the marker, when a page or script under {@code report} holds analytics. */
    static void requireNoAnalytics(Path report) throws IOException {
        List<Path> pages;
        try (Stream<Path> s = Files.walk(report)) {
            pages = s.filter(p -> p.toString().endsWith(".html") || p.toString().endsWith(".js")).sorted().toList();
        }
        if (pages.isEmpty()) {
            throw new IllegalStateException("AllureHtml: no .html or .js file under " + report);
        }
        for (Path page : pages) {
            String text = Files.readString(page, StandardCharsets.UTF_8);
            for (String marker : ANALYTICS_MARKERS) {
                if (text.contains(marker)) {
                    throw new IllegalStateException("AllureHtml: " + page + " still contains '" + marker
                            + "'; the report must hold no analytics");
                }
            }
        }
    }

    /** Unpacks the commandline zip into {@code dir} (once) and returns its home folder (the one with lib/). */
    static Path unpack(Path zip, Path dir) throws IOException {
        if (!Files.isRegularFile(zip)) {
            throw new IllegalArgumentException("AllureHtml: allure-commandline zip " + zip + " does not exist; "
                    + "Maven fetches it as a test dependency (io.qameta.allure:allure-commandline:zip)");
        }
        String name = zip.getFileName().toString().replaceFirst("\\.zip$", "");
        Path done = dir.resolve(name + ".unpacked");
        if (!Files.exists(done)) {
            Files.createDirectories(dir);
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
                for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                    Path target = dir.resolve(e.getName()).normalize();
                    if (!target.startsWith(dir.normalize())) {
                        throw new IOException("AllureHtml: zip entry " + e.getName() + " points outside " + dir);
                    }
                    if (e.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            Files.writeString(done, zip.toString());
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isDirectory(p.resolve("lib"))
                            && p.getFileName().toString().startsWith(name.replace("-commandline", "")))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("AllureHtml: no allure home with lib/ under " + dir));
        }
    }
}
