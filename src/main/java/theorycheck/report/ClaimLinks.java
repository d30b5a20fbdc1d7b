package theorycheck.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Links that name a claim: {@code index.html#claim/<id>} opens that claim's page. Allure's own links
 * carry uids that its generator draws anew for every report, so a link shared from one run breaks in
 * the next; a claim id does not change. A small script put first in the page maps each claim id to
 * this report's uid and turns {@code #claim/<id>} into Allure's {@code #testresult/<uid>}.
 */
public final class ClaimLinks {
    /** How the one-file report embeds a test case's data. */
    private static final Pattern EMBEDDED_TEST_CASE =
            Pattern.compile("d\\('data/test-cases/([0-9a-f]+)\\.json','([A-Za-z0-9+/=]*)'\\)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ClaimLinks() {
    }

    /** Claim id → uid of the claims in a generated report folder (one-file or not). */
    public static Map<String, String> uids(Path report) throws IOException {
        Map<String, String> uids = new TreeMap<>();
        Path testCases = report.resolve("data/test-cases");
        if (Files.isDirectory(testCases)) {
            try (Stream<Path> s = Files.list(testCases)) {
                for (Path f : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                    add(uids, JSON.readTree(f.toFile()));
                }
            }
        } else {
            Matcher m = EMBEDDED_TEST_CASE.matcher(Files.readString(report.resolve("index.html"), StandardCharsets.UTF_8));
            while (m.find()) {
                add(uids, JSON.readTree(Base64.getDecoder().decode(m.group(2))));
            }
        }
        return uids;
    }

    /** A claim's test is named "{@code <id> — <title>}" (ClaimTexts.testName); other tests are skipped. */
    private static void add(Map<String, String> uids, JsonNode testCase) {
        String name = testCase.path("name").asText();
        int dash = name.indexOf(" — ");
        if (dash > 0) {
            uids.put(name.substring(0, dash), testCase.path("uid").asText());
        }
    }

    /** {@code html} with the resolving script as the first element of its head. */
    public static String withClaimLinks(String html, Map<String, String> uids) {
        String map;
        try {
            map = JSON.writeValueAsString(uids).replace("</", "<\\/");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String script = """
                <script>
                // #claim/<id> opens that claim: this report's uids change with every run, claim ids do not
                (function () {
                    var uids = %s;
                    function open() {
                        var m = /^#claim\\/(.+)$/.exec(window.location.hash);
                        var uid = m && uids[decodeURIComponent(m[1])];
                        if (uid) {
                            window.location.replace('#testresult/' + uid);
                        }
                    }
                    open();
                    window.addEventListener('hashchange', open);
                })();
                </script>
                """.formatted(map);
        int head = html.indexOf("<head>");
        if (head < 0) {
            throw new IllegalArgumentException("no <head> in the report page");
        }
        int at = head + "<head>".length();
        return html.substring(0, at) + "\n" + script + html.substring(at);
    }
}
