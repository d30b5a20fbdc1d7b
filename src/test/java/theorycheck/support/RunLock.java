package theorycheck.support;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

/**
 * One test run per checkout at a time. Two runs in one folder corrupt each other: each empties
 * reports/allure-results, and Maven removes target/surefire under the other. The first run holds an OS
 * lock on {@code target/theorycheck-run.lock} for the life of its test JVM; a second run sees it and
 * says so, in one line, instead of racing.
 */
public final class RunLock {
    static final String FILE_NAME = "theorycheck-run.lock";
    private static FileChannel held;

    private RunLock() {
    }

    /** Takes the checkout's lock; empty when this JVM holds it, else the line saying who does. */
    public static synchronized Optional<String> acquire(Path root) {
        if (held != null) {
            return Optional.empty();
        }
        Path file = root.resolve("target").resolve(FILE_NAME);
        try {
            Files.createDirectories(file.getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
                channel.close();
                return Optional.of("another test run is using " + root + " (" + (holder.isEmpty() ? "unknown process"
                        : holder) + "); it would empty this run's reports/allure-results and target/surefire: wait "
                        + "for it to finish or run in another clone");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ", started " + Instant.now())
                    .getBytes(StandardCharsets.UTF_8)));
            channel.force(false);
            held = channel; // kept open: the OS drops the lock when this JVM exits
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("cannot take the run lock " + file + ": " + e.getMessage());
        }
    }

    /** Holds the lock of {@code args[0]} (a project root) until stdin closes: another run, for the test. */
    public static void main(String[] args) throws IOException {
        Optional<String> problem = acquire(Path.of(args[0]));
        System.out.println(problem.orElse("locked"));
        System.out.flush();
        while (System.in.read() >= 0) {
            // wait for the parent to close stdin
        }
    }
}
