package theorycheck.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import theorycheck.linalg.Mat;

/**
 * Fashion-MNIST (Xiao, Rasul, Vollgraf 2017): 60 000 training and 10 000 test images of 28×28
 * grey-scale pixels in ten classes, read from the four gzip IDX files of Debian's
 * {@code dataset-fashion-mnist} package ({@value #DEFAULT_DIR}; another directory through the
 * system property {@value #DIR_PROPERTY_NAME}).
 *
 * <p>Pixels stay bytes in memory (47 MB for the training set; as doubles it would be 376 MB) and are
 * turned into doubles in [0, 1] only for the rows a caller selects. Loaded sets are cached per
 * directory, so many claims share one read.
 */
public final class FashionMnist {
    public static final String DIR_PROPERTY_NAME = "theorycheck.fashionMnist.dir";
    public static final String DEFAULT_DIR = "/usr/share/datasets/fashion-mnist";
    public static final int SIDE = 28;
    public static final int PIXELS = SIDE * SIDE;
    public static final int CLASSES = 10;
    /** Class names in label order, from the data set's README. */
    public static final String[] CLASS_NAMES = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
        "Sneaker", "Bag", "Ankle boot"};

    private static final Map<Path, FashionMnist> CACHE = new ConcurrentHashMap<>();

    private final Images train;
    private final Images test;

    private FashionMnist(Images train, Images test) {
        this.train = train;
        this.test = test;
    }

    /** Images with labels 0–9; pixels as stored (0–255), converted on selection. */
    public static final class Images {
        private final String name;
        private final byte[] pixels;
        private final int[] labels;

        Images(String name, byte[] pixels, int[] labels) {
            this.name = name;
            this.pixels = pixels;
            this.labels = labels;
        }

        /** "train" or "test". */
        public String name() {
            return name;
        }

        public int size() {
            return labels.length;
        }

        /** The label (0–9) of image i. */
        public int label(int i) {
            return labels[i];
        }

        /** A copy of all labels. */
        public int[] labels() {
            return labels.clone();
        }

        /** Indices of every image with this label, in file order. */
        public int[] indicesOf(int label) {
            return java.util.stream.IntStream.range(0, labels.length).filter(i -> labels[i] == label).toArray();
        }

        /** The selected images as rows of a new |rows|×784 matrix, pixel/255 ∈ [0, 1]. */
        public Mat pixels(int[] rows) {
            Mat out = new Mat(rows.length, PIXELS);
            double[] a = out.data();
            for (int r = 0; r < rows.length; r++) {
                int base = rows[r] * PIXELS;
                for (int p = 0; p < PIXELS; p++) {
                    a[r * PIXELS + p] = (pixels[base + p] & 0xFF) / 255.0;
                }
            }
            return out;
        }
    }

    /** The data set from {@value #DIR_PROPERTY_NAME}, or {@value #DEFAULT_DIR}; cached. */
    public static FashionMnist load() {
        String dir = System.getProperty(DIR_PROPERTY_NAME);
        return load(Paths.get(dir == null || dir.isBlank() ? DEFAULT_DIR : dir));
    }

    /**
     * The data set from a directory holding train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz,
     * t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz; cached per directory.
     *
     * @throws IdxFile.IdxFormatException naming the file that is missing, truncated or malformed,
     *     or whose counts disagree with its partner
     */
    public static FashionMnist load(Path dir) {
        Path key = dir.toAbsolutePath().normalize();
        return CACHE.computeIfAbsent(key, d -> {
            if (!Files.isDirectory(d)) {
                throw new IdxFile.IdxFormatException(d, "Fashion-MNIST directory not found; install Debian's "
                        + "dataset-fashion-mnist package (.ci/setup does) or set -D" + DIR_PROPERTY_NAME);
            }
            return new FashionMnist(read(d, "train"), read(d, "t10k"));
        });
    }

    private static Images read(Path dir, String prefix) {
        Path imageFile = dir.resolve(prefix + "-images-idx3-ubyte.gz");
        Path labelFile = dir.resolve(prefix + "-labels-idx1-ubyte.gz");
        IdxFile images = IdxFile.readGzip(imageFile, 3);
        IdxFile labels = IdxFile.readGzip(labelFile, 1);
        if (images.dims()[1] != SIDE || images.dims()[2] != SIDE) {
            throw new IdxFile.IdxFormatException(imageFile, "images are " + images.dims()[1] + "×" + images.dims()[2]
                    + ", expected " + SIDE + "×" + SIDE);
        }
        if (images.dims()[0] != labels.dims()[0]) {
            throw new IdxFile.IdxFormatException(labelFile, "has " + labels.dims()[0] + " labels but " + imageFile.getFileName()
                    + " has " + images.dims()[0] + " images");
        }
        int[] y = new int[labels.dims()[0]];
        for (int i = 0; i < y.length; i++) {
            y[i] = labels.unsigned(i);
            if (y[i] >= CLASSES) {
                throw new IdxFile.IdxFormatException(labelFile, "label " + y[i] + " at index " + i + " is not in 0–9");
            }
        }
        return new Images(prefix.equals("train") ? "train" : "test", images.data(), y);
    }

    public Images train() {
        return train;
    }

    public Images test() {
        return test;
    }

    /**
     * A two-class subset: {@code perClass} images of each class drawn without replacement by
     * {@code rng}, shuffled together; label +1 for {@code positiveClass}, −1 for {@code negativeClass}.
     */
    public static Classification binary(Images images, int positiveClass, int negativeClass, int perClass, Rng rng) {
        return binary(images, positiveClass, negativeClass, perClass, perClass, 1, rng);
    }

    /**
     * A two-class subset with {@code positives} and {@code negatives} images drawn without
     * replacement, shuffled together, each image average-pooled over {@code pool}×{@code pool}
     * blocks (pool = 1: the 784 raw pixels; 2: 14×14 = 196 features; 4: 7×7). Pooling keeps real
     * images while cutting the cost of a first layer by pool².
     */
    public static Classification binary(Images images, int positiveClass, int negativeClass, int positives, int negatives,
            int pool, Rng rng) {
        if (positiveClass == negativeClass || positiveClass < 0 || negativeClass < 0 || positiveClass >= CLASSES
                || negativeClass >= CLASSES) {
            throw new IllegalArgumentException("classes must be two different labels in 0–9, got " + positiveClass + " and "
                    + negativeClass);
        }
        if (pool <= 0 || SIDE % pool != 0) {
            throw new IllegalArgumentException("pool must divide " + SIDE + ", got " + pool);
        }
        int[] pos = sample(images.indicesOf(positiveClass), positives, rng, images, positiveClass);
        int[] neg = sample(images.indicesOf(negativeClass), negatives, rng, images, negativeClass);
        int n = positives + negatives;
        int[] rows = new int[n];
        double[] y = new double[n];
        int[] order = rng.permutation(n);
        for (int k = 0; k < n; k++) {
            int j = order[k];
            rows[k] = j < positives ? pos[j] : neg[j - positives];
            y[k] = j < positives ? 1.0 : -1.0;
        }
        Mat x = images.pixels(rows);
        return new Classification(pool == 1 ? x : averagePool(x, pool), y);
    }

    /** Rows of 28×28 images → rows of (28/pool)² block means. */
    static Mat averagePool(Mat x, int pool) {
        int side = SIDE / pool;
        Mat out = new Mat(x.rows(), side * side);
        double[] a = x.data();
        double[] b = out.data();
        double scale = 1.0 / (pool * pool);
        for (int r = 0; r < x.rows(); r++) {
            for (int i = 0; i < SIDE; i++) {
                for (int j = 0; j < SIDE; j++) {
                    b[r * side * side + (i / pool) * side + j / pool] += scale * a[r * PIXELS + i * SIDE + j];
                }
            }
        }
        return out;
    }

    private static int[] sample(int[] candidates, int count, Rng rng, Images images, int label) {
        if (count <= 0 || count > candidates.length) {
            throw new IllegalArgumentException("asked for " + count + " " + images.name() + " images of class " + label
                    + "; there are " + candidates.length);
        }
        int[] perm = rng.permutation(candidates.length);
        int[] out = new int[count];
        for (int k = 0; k < count; k++) {
            out[k] = candidates[perm[k]];
        }
        Arrays.sort(out);
        return out;
    }
}
