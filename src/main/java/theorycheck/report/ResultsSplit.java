package theorycheck.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Splits one Allure results folder in two, so that the report a reviewer opens counts claims only: every
 * result without a claim's verdict (the tests of the core and the harness) moves, with its attachments and
 * the containers of nothing but such results, to a folder of its own, which makes the second report.
 * Claim tests that broke before deciding (suite "No verdict") stay with the claims.
 *
 * <p>Usage: {@code ResultsSplit <claims results folder> <core results folder>}.
 */
public final class ResultsSplit {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultsSplit() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ResultsSplit <claims results folder> <core results folder>");
        }
        int[] moved = split(Path.of(args[0]), Path.of(args[1]));
        System.out.println("theorycheck: " + moved[0] + " core and harness test results moved to " + args[1] + ", "
                + moved[1] + " claim results stay in " + args[0]);
    }

    /**
     * Moves the non-claim results of {@code results} into {@code core} (emptied first); returns {moved, kept}
     * result counts.
     */
    public static int[] split(Path results, Path core) throws IOException {
        if (!Files.isDirectory(results)) {
            throw new IllegalArgumentException("no Allure results folder " + results + " (run the tests first)");
        }
        Files.createDirectories(core);
        try (Stream<Path> stale = Files.list(core)) {
            for (Path p : stale.filter(Files::isRegularFile).toList()) {
                Files.delete(p); // a previous run's core results
            }
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(results)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        Set<String> movedUuids = new HashSet<>();
        int kept = 0;
        for (Path f : files) {
            if (!f.getFileName().toString().endsWith("-result.json")) {
                continue;
            }
            JsonNode r = JSON.readTree(f.toFile());
            if (isClaim(r)) {
                kept++;
                continue;
            }
            movedUuids.add(r.path("uuid").asText());
            List<String> attachments = new ArrayList<>();
            collectAttachments(r, attachments);
            for (String a : attachments) {
                move(results.resolve(a), core);
            }
            move(f, core);
        }
        for (Path f : files) {
            if (f.getFileName().toString().endsWith("-container.json") && Files.exists(f)) {
                JsonNode c = JSON.readTree(f.toFile());
                boolean allMoved = c.path("children").size() > 0;
                for (JsonNode child : c.path("children")) {
                    allMoved &= movedUuids.contains(child.asText());
                }
                if (allMoved) {
                    List<String> attachments = new ArrayList<>();
                    collectAttachments(c, attachments);
                    for (String a : attachments) {
                        move(results.resolve(a), core);
                    }
                    move(f, core);
                }
            }
        }
        Path categories = results.resolve(AllureResultsFiles.CATEGORIES_FILE);
        if (Files.exists(categories)) {
            Files.copy(categories, core.resolve(AllureResultsFiles.CATEGORIES_FILE), StandardCopyOption.REPLACE_EXISTING);
        }
        return new int[] {movedUuids.size(), kept};
    }

    /** A claim's result carries its verdict, or (broken before deciding) sits under "No verdict". */
    static boolean isClaim(JsonNode result) {
        for (JsonNode l : result.path("labels")) {
            String name = l.path("name").asText();
            if (name.equals(AllureClaimReport.VERDICT_LABEL)
                    || name.equals("parentSuite") && l.path("value").asText().equals(AllureClaimReport.NO_VERDICT_SUITE)) {
                return true;
            }
        }
        return false;
    }

    private static void collectAttachments(JsonNode node, List<String> out) {
        for (JsonNode a : node.path("attachments")) {
            out.add(a.path("source").asText());
        }
        for (String nested : new String[] {"steps", "befores", "afters"}) {
            for (JsonNode n : node.path(nested)) {
                collectAttachments(n, out);
            }
        }
    }

    private static void move(Path file, Path dir) throws IOException {
        if (Files.exists(file)) {
            Files.move(file, dir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
