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

    /** The project's claim files copied to {@code dir}, book.T1.1's with {@code from} replaced by {@code to}. */
    private static Path theoremsWith(Path dir, String from, String to) throws IOException {
        Path source = Path.of("theorems");
        try (var files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Path target = dir.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        Path file = dir.resolve("min-norm").resolve("book.T1.1.md");
        String text = Files.readString(file);
        assertThat("book.T1.1.md holds '" + from + "'", text, containsString(from));
        Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)));
        return dir;
    }

    /** validate alone, without running anything, judges a claim file by what its check reads. */
    private String validateFails(Path theorems) {
        assertEquals(1, run("validate", theorems.toString()), out::toString);
        String message = err.toString(StandardCharsets.UTF_8).strip();
        assertEquals(1, message.lines().count(), message);
        assertThat(message, containsString("book.T1.1.md"));
        return message;
    }

    @Test
    void validateRejectsAKeyNoCheckReads(@TempDir Path dir) throws IOException {
        String message = validateFails(theoremsWith(dir, "  m: [8, 60]\n", "  m: [8, 60]\n  bogus_key: 3\n"));
        assertThat(message, containsString("field 'setting.bogus_key': is read by no check of this claim"));
        assertThat(message, containsString("keys read: aspect, init_std, m, max_steps"));
    }

    @Test
    void validateRejectsAValueOfAKindTheCheckDoesNotAskFor(@TempDir Path dir) throws IOException {
        assertThat(validateFails(theoremsWith(dir, "  sparsity: 10\n", "  sparsity: 2.5\n")),
                containsString("field 'setting.sparsity': expected an integer, got Double 2.5"));
    }

    @Test
    void validateRejectsAChoiceTheCheckDoesNotKnow(@TempDir Path dir) throws IOException {
        assertThat(validateFails(theoremsWith(dir, "  start: zero\n", "  start: sideways\n")),
                containsString("field 'setting.start': 'sideways' is not one of "));
    }

    @Test
    void validateRejectsABadValueInTheControlsOverrides(@TempDir Path dir) throws IOException {
        assertThat(validateFails(theoremsWith(dir, "    start: gaussian\n", "    start: sideways\n")),
                containsString("field 'control.setting.start': 'sideways' is not one of "));
    }

    @Test
    void validateRejectsAMissingKeyTheCheckReads(@TempDir Path dir) throws IOException {
        assertThat(validateFails(theoremsWith(dir, "  noise_std: 0.01\n", "")),
                containsString("field 'setting.noise_std': missing (the claim's check reads it as real)"));
    }
}
