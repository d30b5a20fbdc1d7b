package theorycheck.data;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import theorycheck.linalg.Mat;

/** The IDX reader on hand-made files, and the installed Fashion-MNIST package (.ci/setup installs it). */
class FashionMnistTest {

    @Test
    void installedDataSetHasTheDocumentedShape() {
        FashionMnist fm = FashionMnist.load();
        assertEquals(60_000, fm.train().size());
        assertEquals(10_000, fm.test().size());
        for (int c = 0; c < FashionMnist.CLASSES; c++) {
            assertEquals(6_000, fm.train().indicesOf(c).length, "train images of class " + c);
            assertEquals(1_000, fm.test().indicesOf(c).length, "test images of class " + c);
        }
        // the first training and test images are ankle boots (label 9), as in the data set's own README sample
        assertEquals(9, fm.train().label(0));
        assertEquals(9, fm.test().label(0));
        Mat first = fm.train().pixels(new int[] {0});
        double max = 0;
        double min = 1;
        for (double v : first.data()) {
            max = Math.max(max, v);
            min = Math.min(min, v);
        }
        assertEquals(0.0, min);
        assertTrue(max > 0.9 && max <= 1.0, "max pixel " + max);
        assertSame(fm, FashionMnist.load(), "cached per directory");
    }

    @Test
    void binarySubsetIsBalancedSignedAndReproducible() {
        FashionMnist fm = FashionMnist.load();
        Classification a = FashionMnist.binary(fm.train(), 0, 6, 50, new Rng(7));
        Classification b = FashionMnist.binary(fm.train(), 0, 6, 50, new Rng(7));
        assertEquals(100, a.examples());
        assertEquals(FashionMnist.PIXELS, a.dim());
        double sum = 0;
        for (double y : a.y()) {
            sum += y;
        }
        assertEquals(0.0, sum, "50 of each class");
        assertArrayEquals(a.y(), b.y());
        assertArrayEquals(a.x().data(), b.x().data());
        assertThrows(IllegalArgumentException.class, () -> FashionMnist.binary(fm.test(), 3, 3, 5, new Rng(1)));
        assertThrows(IllegalArgumentException.class, () -> FashionMnist.binary(fm.test(), 1, 2, 1001, new Rng(1)));
    }

    @Test
    void imbalancedPooledSubsetKeepsCountsAndBlockMeans() {
        FashionMnist fm = FashionMnist.load();
        Classification c = FashionMnist.binary(fm.test(), 1, 8, 30, 10, 2, new Rng(3));
        assertEquals(40, c.examples());
        assertEquals(196, c.dim());
        long positives = java.util.Arrays.stream(c.y()).filter(v -> v > 0).count();
        assertEquals(30, positives);
        Mat raw = new Mat(1, FashionMnist.PIXELS);
        for (int p = 0; p < FashionMnist.PIXELS; p++) {
            raw.data()[p] = p;
        }
        Mat pooled = FashionMnist.averagePool(raw, 2);
        // block (0,0) holds pixels 0, 1, 28, 29
        assertEquals((0 + 1 + 28 + 29) / 4.0, pooled.data()[0], 1e-12);
        assertEquals((26 + 27 + 54 + 55) / 4.0, pooled.data()[13], 1e-12);
        assertEquals((56 + 57 + 84 + 85) / 4.0, pooled.data()[14], 1e-12);
        assertThrows(IllegalArgumentException.class, () -> FashionMnist.binary(fm.test(), 1, 8, 3, 3, 5, new Rng(1)));
    }

    @Test
    void readsAHandMadeFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("x-images-idx3-ubyte.gz");
        writeGzip(f, header(0x0803, 2, 2, 3), new byte[] {0, 1, 2, 3, 4, (byte) 255, 6, 7, 8, 9, 10, 11});
        IdxFile idx = IdxFile.readGzip(f, 3);
        assertArrayEquals(new int[] {2, 2, 3}, idx.dims());
        assertEquals(255, idx.unsigned(5));
    }

    @Test
    void everyBrokenFileNamesItself(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("nope.gz");
        assertThat(assertThrows(IdxFile.IdxFormatException.class, () -> IdxFile.readGzip(missing, 1)).getMessage(),
                containsString("nope.gz: file not found"));

        Path truncated = dir.resolve("short.gz");
        writeGzip(truncated, header(0x0801, 10), new byte[] {1, 2, 3});
        assertThat(assertThrows(IdxFile.IdxFormatException.class, () -> IdxFile.readGzip(truncated, 1)).getMessage(),
                containsString("short.gz: truncated: header [10] promises 10 bytes of data, the file holds 3"));

        Path magic = dir.resolve("magic.gz");
        writeGzip(magic, header(0x0D01, 1), new byte[] {1});
        assertThat(assertThrows(IdxFile.IdxFormatException.class, () -> IdxFile.readGzip(magic, 1)).getMessage(),
                containsString("magic.gz: bad magic number 0x00000D01"));

        Path rank = dir.resolve("rank.gz");
        writeGzip(rank, header(0x0801, 1), new byte[] {1});
        assertThat(assertThrows(IdxFile.IdxFormatException.class, () -> IdxFile.readGzip(rank, 3)).getMessage(),
                containsString("rank.gz: has 1 dimensions, expected 3"));

        Path trailing = dir.resolve("long.gz");
        writeGzip(trailing, header(0x0801, 1), new byte[] {1, 2});
        assertThat(assertThrows(IdxFile.IdxFormatException.class, () -> IdxFile.readGzip(trailing, 1)).getMessage(),
                containsString("long.gz: has bytes after"));

        Path plain = dir.resolve("plain.gz");
        Files.write(plain, header(0x0801, 1));
        assertThat(assertThrows(IdxFile.IdxFormatException.class, () -> IdxFile.readGzip(plain, 1)).getMessage(),
                containsString("plain.gz: cannot be read as gzip-compressed IDX"));
    }

    @Test
    void mismatchedCountsAndMissingDirectoryAreNamed(@TempDir Path dir) throws IOException {
        for (String prefix : new String[] {"train", "t10k"}) {
            writeGzip(dir.resolve(prefix + "-images-idx3-ubyte.gz"), header(0x0803, 2, 28, 28), new byte[2 * 784]);
            writeGzip(dir.resolve(prefix + "-labels-idx1-ubyte.gz"), header(0x0801, 3), new byte[] {1, 2, 3});
        }
        assertThat(assertThrows(IdxFile.IdxFormatException.class, () -> FashionMnist.load(dir)).getMessage(),
                containsString("train-labels-idx1-ubyte.gz: has 3 labels but train-images-idx3-ubyte.gz has 2 images"));
        Path none = dir.resolve("absent");
        assertThat(assertThrows(IdxFile.IdxFormatException.class, () -> FashionMnist.load(none)).getMessage(),
                containsString("dataset-fashion-mnist"));
    }

    private static byte[] header(int magic, int... dims) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        for (int d : dims) {
            out.writeInt(d);
        }
        return bytes.toByteArray();
    }

    private static void writeGzip(Path f, byte[] header, byte[] payload) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            out.write(header);
            out.write(payload);
        }
    }
}
