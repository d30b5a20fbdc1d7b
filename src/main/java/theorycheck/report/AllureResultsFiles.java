package theorycheck.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import theorycheck.claim.Disagreement;

/**
 * The report-level files Allure reads from its results folder: {@code categories.json}, which sorts
 * failures into "reproduction changed" and "harness broken" and passing claims that disagree with their
 * source by class, and {@code environment.properties}.
 */
public final class AllureResultsFiles {
    public static final String CATEGORIES_FILE = "categories.json";
    public static final String ENVIRONMENT_FILE = "environment.properties";
    public static final String REPRODUCTION_CHANGED_CATEGORY = "reproduction changed";
    public static final String HARNESS_BROKEN_CATEGORY = "harness broken";
    public static final String DISAGREES_CATEGORY = "disagrees with the source";

    private AllureResultsFiles() {
    }

    /**
     * The categories: a failure whose message starts with {@code reproductionChangedPrefix} is
     * "reproduction changed"; one starting with {@code harnessBrokenPrefix}, and every broken test (an
     * exception rather than a failed assertion), is "harness broken". The entries match disjoint
     * statuses, since Allure files a result under every category it matches.
     */
    public static String categories(String reproductionChangedPrefix, String harnessBrokenPrefix) {
        List<Map<String, Object>> categories = List.of(
                category(REPRODUCTION_CHANGED_CATEGORY,
                        "A sound check (its control flipped) found a verdict other than the recorded one.",
                        List.of("failed"), startsWith(reproductionChangedPrefix)),
                category(HARNESS_BROKEN_CATEGORY, "A check whose control did not flip proves nothing.",
                        List.of("failed"), startsWith(harnessBrokenPrefix)),
                category(HARNESS_BROKEN_CATEGORY,
                        "A test that threw instead of deciding: a bad claim file or setting, a bug.",
                        List.of("broken"), null),
                disagreement(Disagreement.SUBSTANTIVE,
                        "The statement, read as its authors meant it, in its own setting, is contradicted."),
                disagreement(Disagreement.READING,
                        "Contradicted only under an operational reading the source does not force."),
                disagreement(Disagreement.PREMISE,
                        "The source's hypotheses fail on the instances, so the statement does not apply there."));
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return new ObjectMapper().writer(printer).writeValueAsString(categories) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Passing claims whose verdict disagrees with the source, of class {@code d} (see AllureClaimReport). */
    private static Map<String, Object> disagreement(Disagreement d, String description) {
        return category(DISAGREES_CATEGORY + ": " + d.label(), description, List.of("passed"),
                startsWith(AllureClaimReport.disagreementMessage(d, "")));
    }

    private static Map<String, Object> category(String name, String description, List<String> statuses, String regex) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name);
        c.put("description", description);
        c.put("matchedStatuses", statuses);
        if (regex != null) {
            c.put("messageRegex", regex);
        }
        return c;
    }

    /** A regex matching any message (across lines) that starts with {@code prefix}. */
    static String startsWith(String prefix) {
        StringBuilder sb = new StringBuilder("(?s)");
        for (char c : prefix.toCharArray()) {
            if (!Character.isLetterOrDigit(c) && c != ' ') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append(".*").toString();
    }

    /** {@code key=value} lines in the given order, escaped as {@link java.util.Properties} reads them. */
    public static String environment(Map<String, String> entries) {
        StringBuilder sb = new StringBuilder();
        entries.forEach((k, v) -> sb.append(escape(k, true)).append('=').append(escape(v, false)).append('\n'));
        return sb.toString();
    }

    public static void write(Path resultsDir, String fileName, String content) {
        try {
            Files.createDirectories(resultsDir);
            Files.writeString(resultsDir.resolve(fileName), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + fileName + " into " + resultsDir, e);
        }
    }

    private static String escape(String s, boolean key) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '=', ':', '#', '!' -> sb.append('\\').append(c);
                case ' ' -> sb.append(key || i == 0 ? "\\ " : " ");
                default -> {
                    if (c > 0x7e) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
