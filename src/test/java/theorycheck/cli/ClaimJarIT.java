package theorycheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packaged jar, end to end (failsafe, after {@code package}): {@code java -jar target/theorycheck.jar run <id>}
 * in a fresh JVM prints the verdict, control verdict and key number recorded in reports/verdicts.json.
 */
class ClaimJarIT {
    @ParameterizedTest
    @ValueSource(strings = {"book.T1.1", "book.C.6", "book.B.13"})
    void theJarReproducesTheRecord(String id) throws IOException, InterruptedException {
        Path jar = Path.of("target", "theorycheck.jar");
        assertTrue(Files.isRegularFile(jar), "no " + jar + ": run after package");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Djava.awt.headless=true", "-jar", jar.toString(), "run", id)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        JsonNode record = Recorded.claim(id);
        assertTrue(out.contains("  verdict  " + record.get("verdict").asText() + "  ("), out);
        assertTrue(out.contains("as recorded"), out);
        assertTrue(out.contains("  control  " + record.get("control_verdict").asText() + "  ("), out);
        assertTrue(out.contains("  key      " + record.get("key_number").asText()), out);
    }
}
