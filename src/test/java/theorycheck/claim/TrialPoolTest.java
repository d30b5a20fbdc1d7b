package theorycheck.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import theorycheck.claims.ClaimChecks;

/** Trials run side by side but come back in index order, and a claim's evidence does not depend on the thread count. */
class TrialPoolTest {
    @Test
    void resultsComeBackInIndexOrderWhateverFinishesFirst() {
        List<Integer> indices = IntStream.range(0, 16).boxed().toList();
        // later indices finish first
        List<Integer> out = new ForkJoinPool(4).invoke(java.util.concurrent.ForkJoinTask.adapt(() -> TrialPool.map(indices, i -> {
            sleep(16 - i);
            return i * i;
        })));
        assertEquals(indices.stream().map(i -> i * i).toList(), out);
    }

    /** Two quick claims of two families, at one thread and at four: every trial identical, bit for bit. */
    @Test
    void aClaimsEvidenceIsTheSameAtOneThreadAndAtFour() {
        ClaimCatalog catalog = ClaimCatalog.load(Path.of("theorems"));
        for (String id : List.of("book.T1.1", "book.B.13")) {
            ClaimResult one = runIn(new ForkJoinPool(1), catalog.get(id));
            ClaimResult four = runIn(new ForkJoinPool(4), catalog.get(id));
            assertEquals(one.keyNumber(), four.keyNumber(), id);
            assertEquals(one.verdict(), four.verdict(), id);
            assertEquals(one.control().verdict(), four.control().verdict(), id);
            assertEquals(describe(one.claim()), describe(four.claim()), id);
            assertEquals(describe(one.control()), describe(four.control()), id);
            assertTrue(one.claim().trials().size() >= 3, id);
        }
    }

    @Test
    void badThreadCountsNameTheProperty() {
        assertEquals(6, TrialPool.threads(null, 6));
        assertEquals(6, TrialPool.threads(" ", 6));
        assertEquals(1, TrialPool.threads("1", 6));
        for (String bad : new String[] {"0", "-2", "two"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrialPool.threads(bad, 6));
            assertTrue(e.getMessage().contains(TrialPool.THREADS_PROPERTY_NAME) && e.getMessage().contains(bad),
                    e.getMessage());
        }
    }

    private static ClaimResult runIn(ForkJoinPool pool, ClaimSpec spec) {
        RunSettings settings = new RunSettings(RunSettings.DEFAULT_SEED, Tier.QUICK, Optional.of(spec.id()),
                OptionalInt.empty(), Path.of("").toAbsolutePath(), List.of());
        try {
            return pool.invoke(java.util.concurrent.ForkJoinTask.adapt(() -> new ClaimRunner(
                    new PrintStream(OutputStream.nullOutputStream())).run(spec, settings, ClaimChecks.forId(spec.id()))));
        } finally {
            pool.shutdown();
        }
    }

    /** Every trial's index, seed, outcome, key value (as bits) and metrics, in order. */
    private static String describe(Evidence e) {
        StringBuilder b = new StringBuilder();
        for (TrialResult t : e.trials()) {
            b.append(t.index()).append(' ').append(t.seed()).append(' ').append(t.outcome()).append(' ')
                    .append(Double.doubleToLongBits(t.keyValue())).append(' ').append(t.metrics()).append('\n');
        }
        return b.toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
