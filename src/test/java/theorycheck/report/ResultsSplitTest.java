package theorycheck.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The claims' results stay, everything of the core tests moves, attachments and containers included. */
class ResultsSplitTest {
    @Test
    void coreResultsMoveWithTheirAttachmentsAndContainers(@TempDir Path dir) throws IOException {
        Path results = Files.createDirectories(dir.resolve("results"));
        Path core = Files.createDirectories(dir.resolve("core"));
        Files.writeString(core.resolve("stale-result.json"), "{}");
        write(results, "claim-result.json", """
                {"uuid": "claim", "labels": [{"name": "verdict", "value": "HOLDS"}],
                 "attachments": [{"source": "chart-attachment.png"}]}""");
        write(results, "broken-result.json", """
                {"uuid": "broken", "labels": [{"name": "parentSuite", "value": "No verdict"}]}""");
        write(results, "core-result.json", """
                {"uuid": "core", "labels": [{"name": "parentSuite", "value": "Core and harness tests"}],
                 "steps": [{"attachments": [{"source": "log-attachment.txt"}]}]}""");
        write(results, "chart-attachment.png", "png");
        write(results, "log-attachment.txt", "log");
        write(results, "corebox-container.json", "{\"uuid\": \"c1\", \"children\": [\"core\"]}");
        write(results, "mixed-container.json", "{\"uuid\": \"c2\", \"children\": [\"core\", \"claim\"]}");
        write(results, "categories.json", "[]");

        assertArrayEquals(new int[] {1, 2}, ResultsSplit.split(results, core));
        assertEquals(List.of("broken-result.json", "categories.json", "chart-attachment.png", "claim-result.json",
                "mixed-container.json"), names(results));
        assertEquals(List.of("categories.json", "core-result.json", "corebox-container.json", "log-attachment.txt"),
                names(core));
    }

    @Test
    void aMissingResultsFolderIsOneLine(@TempDir Path dir) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ResultsSplit.split(dir.resolve("none"), dir.resolve("core")));
        assertTrue(e.getMessage().startsWith("no Allure results folder"), e.getMessage());
    }

    private static void write(Path dir, String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
