package theorycheck.data;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * A gzip-compressed IDX file of unsigned bytes, the format of MNIST and Fashion-MNIST
 * (LeCun et al.): a big-endian header {@code 0x00 0x00 0x08 rank}, then {@code rank} big-endian
 * int32 dimensions, then the product of the dimensions in unsigned bytes, row-major.
 *
 * <p>Only the unsigned-byte type (0x08) is accepted; both data sets use nothing else. Every
 * failure — missing file, not gzip, wrong magic or rank, truncated payload, trailing bytes — is an
 * {@link IdxFormatException} whose message names the file.
 *
 * @param file where it was read from
 * @param dims the dimensions from the header, outermost first
 * @param data the payload, {@code product(dims)} bytes (read as unsigned: {@code b & 0xFF})
 */
public record IdxFile(Path file, int[] dims, byte[] data) {
    private static final int UNSIGNED_BYTE = 0x08;

    /** A malformed, truncated or missing IDX file; the message names the file. */
    public static final class IdxFormatException extends IllegalStateException {
        public IdxFormatException(Path file, String problem, Throwable cause) {
            super(file + ": " + problem, cause);
        }

        public IdxFormatException(Path file, String problem) {
            this(file, problem, null);
        }
    }

    /**
     * Reads a gzip-compressed IDX file and checks that it has {@code expectedRank} dimensions.
     *
     * @throws IdxFormatException naming the file, on any problem
     */
    public static IdxFile readGzip(Path file, int expectedRank) {
        try (InputStream raw = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new GZIPInputStream(raw, 1 << 16))) {
            int magic = in.readInt();
            int type = (magic >>> 8) & 0xFF;
            int rank = magic & 0xFF;
            if ((magic >>> 16) != 0 || type != UNSIGNED_BYTE) {
                throw new IdxFormatException(file, String.format("bad magic number 0x%08X (expected 0x%08X: unsigned bytes, rank %d)",
                        magic, (UNSIGNED_BYTE << 8) | expectedRank, expectedRank));
            }
            if (rank != expectedRank) {
                throw new IdxFormatException(file, "has " + rank + " dimensions, expected " + expectedRank);
            }
            int[] dims = new int[rank];
            long size = 1;
            for (int k = 0; k < rank; k++) {
                dims[k] = in.readInt();
                if (dims[k] <= 0) {
                    throw new IdxFormatException(file, "dimension " + k + " is " + dims[k]);
                }
                size *= dims[k];
            }
            if (size > Integer.MAX_VALUE - 16) {
                throw new IdxFormatException(file, "payload of " + size + " bytes is too large");
            }
            byte[] data = new byte[(int) size];
            int read = in.readNBytes(data, 0, data.length);
            if (read < data.length) {
                throw new IdxFormatException(file, "truncated: header " + Arrays.toString(dims) + " promises " + size
                        + " bytes of data, the file holds " + read);
            }
            if (in.read() != -1) {
                throw new IdxFormatException(file, "has bytes after the " + size + " promised by its header " + Arrays.toString(dims));
            }
            return new IdxFile(file, dims, data);
        } catch (NoSuchFileException e) {
            throw new IdxFormatException(file, "file not found", e);
        } catch (EOFException e) {
            throw new IdxFormatException(file, "truncated inside the header or gzip stream", e);
        } catch (IOException e) {
            throw new IdxFormatException(file, "cannot be read as gzip-compressed IDX (" + e.getMessage() + ")", e);
        }
    }

    /** The unsigned value of payload byte {@code i}. */
    public int unsigned(int i) {
        return data[i] & 0xFF;
    }
}
