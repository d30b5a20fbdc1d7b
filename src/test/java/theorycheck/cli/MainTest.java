package theorycheck.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import theorycheck.claim.TrialSeeds;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void validatesTheProjectsClaimFiles() {
        assertEquals(0, run("validate", "theorems"), err::toString);
        assertThat(out.toString(StandardCharsets.UTF_8), containsString("claim files valid"));
    }

    @Test
    void listsEveryClaimWithItsRecordedVerdict() {
        assertEquals(0, run("list", "theorems"), err::toString);
        assertThat(out.toString(StandardCharsets.UTF_8), containsString("book.T1.1"));
    }

    @Test
    void aMalformedFileFailsNamingFileAndField(@TempDir Path dir) throws IOException {
        Path family = Files.createDirectories(dir.resolve("fam"));
        Files.writeString(family.resolve("x.md"), "---\nid: x\nfamily: fam\n---\n");
        assertEquals(1, run("validate", dir.toString()));
        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(message, containsString("x.md"));
        assertThat(message, containsString("field 'quantifier': missing"));
    }

    @Test
    void printsTheSeedTheHarnessUses() {
        assertEquals(0, run("seed", "book.T1.1", "7", "3"));
        assertEquals(String.valueOf(TrialSeeds.seed("book.T1.1", 7, 3)), out.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void rejectsAnUnknownCommand() {
        assertEquals(2, run("frobnicate"));
        assertThat(err.toString(StandardCharsets.UTF_8), containsString("allowed: run, validate, list, seed"));
    }

    @Test
    void validateAndListTakeAFolderOrARootLikeRun() {
        assertEquals(0, run("validate", "--root", "."), err::toString);
        assertThat(out.toString(StandardCharsets.UTF_8), containsString(" claim files valid"));
        for (String[] bad : new String[][] {{"validate", "--root"}, {"list", "--seed", "7"}, {"validate", "a", "b"}}) {
            err.reset();
            assertEquals(2, run(bad), String.join(" ", bad));
            String message = err.toString(StandardCharsets.UTF_8);
            assertThat(message, containsString(bad[0] + " takes a claim folder or --root DIR, got: "));
            assertEquals(1, message.strip().lines().count(), message);
        }
    }
}
