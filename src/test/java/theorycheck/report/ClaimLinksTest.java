package theorycheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Claim ids map to this report's uids, from either report form, and the page resolves #claim/<id> first. */
class ClaimLinksTest {
    private static final String CLAIM = "{\"uid\": \"a1b2\", \"name\": \"book.T1.1 — GD finds the min-norm solution\"}";
    private static final String CORE = "{\"uid\": \"c3d4\", \"name\": \"svdOfARandomMatrix()\"}";

    @Test
    void theOneFileReportsEmbeddedTestCasesAreRead(@TempDir Path report) throws IOException {
        Files.writeString(report.resolve("index.html"), "<html><head></head><body><script>"
                + "d('data/test-cases/a1b2.json','" + base64(CLAIM) + "')\n"
                + "d('data/test-cases/c3d4.json','" + base64(CORE) + "')</script></body></html>");
        assertEquals(Map.of("book.T1.1", "a1b2"), ClaimLinks.uids(report));
    }

    @Test
    void theMultiFileReportsTestCasesAreRead(@TempDir Path report) throws IOException {
        Path cases = Files.createDirectories(report.resolve("data/test-cases"));
        Files.writeString(cases.resolve("a1b2.json"), CLAIM);
        Files.writeString(cases.resolve("c3d4.json"), CORE);
        assertEquals(Map.of("book.T1.1", "a1b2"), ClaimLinks.uids(report));
    }

    @Test
    void theScriptComesFirstAndCarriesTheMap() {
        String page = ClaimLinks.withClaimLinks("<html><head><script src=\"app.js\"></script></head></html>",
                Map.of("book.T1.1", "a1b2"));
        assertTrue(page.indexOf("{\"book.T1.1\":\"a1b2\"}") < page.indexOf("app.js"), page);
        assertTrue(page.contains("'#testresult/' + uid"), page);
        assertThrows(IllegalArgumentException.class, () -> ClaimLinks.withClaimLinks("<html></html>", Map.of()));
    }

    private static String base64(String json) {
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
