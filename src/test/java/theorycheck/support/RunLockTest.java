package theorycheck.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two test runs in one checkout: the second is told, in one line, who holds it. */
class RunLockTest {
    @Test
    void aSecondProcessOnTheSameCheckoutIsToldWhoHoldsIt(@TempDir Path root) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process first = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), RunLock.class.getName(),
                root.toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("locked", out.readLine());
            // a second run on the same folder while the first holds it
            Process second = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    RunLock.class.getName(), root.toString()).redirectErrorStream(true).start();
            try (BufferedReader out2 = new BufferedReader(new InputStreamReader(second.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line = out2.readLine();
                assertTrue(line.startsWith("another test run is using " + root + " (pid " + first.pid() + ", started "),
                        line);
            } finally {
                second.getOutputStream().close();
                second.waitFor();
            }
        } finally {
            first.getOutputStream().close();
            first.waitFor();
        }
        // once the first run ended, the folder is free again
        Process third = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), RunLock.class.getName(),
                root.toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(third.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("locked", out.readLine());
        } finally {
            third.getOutputStream().close();
            third.waitFor();
        }
    }
}
