package theorycheck.train;

import theorycheck.data.Rng;

/** Chooses the examples of each step. {@code next()} returns null for the full batch. */
public interface BatchSampler {
    int[] next();

    /** Human-readable description for reports. */
    String describe();

    static BatchSampler full() {
        return new BatchSampler() {
            @Override
            public int[] next() {
                return null;
            }

            @Override
            public String describe() {
                return "full batch";
            }
        };
    }

    /** Each step draws {@code size} indices uniformly with replacement. */
    static BatchSampler withReplacement(int examples, int size, Rng rng) {
        checkSize(examples, size);
        return new BatchSampler() {
            private final int[] batch = new int[size];

            @Override
            public int[] next() {
                for (int i = 0; i < size; i++) {
                    batch[i] = rng.nextInt(examples);
                }
                return batch;
            }

            @Override
            public String describe() {
                return "with replacement, batch " + size;
            }
        };
    }

    /**
     * Random reshuffling: each epoch is a fresh permutation cut into consecutive batches of
     * {@code size}; a last partial batch is used as it is (so every example is seen once per epoch).
     */
    static BatchSampler withoutReplacement(int examples, int size, Rng rng) {
        checkSize(examples, size);
        return new BatchSampler() {
            private int[] perm = rng.permutation(examples);
            private int pos = 0;

            @Override
            public int[] next() {
                if (pos >= examples) {
                    perm = rng.permutation(examples);
                    pos = 0;
                }
                int len = Math.min(size, examples - pos);
                int[] batch = java.util.Arrays.copyOfRange(perm, pos, pos + len);
                pos += len;
                return batch;
            }

            @Override
            public String describe() {
                return "without replacement (reshuffled epochs), batch " + size;
            }
        };
    }

    private static void checkSize(int examples, int size) {
        if (size < 1 || size > examples) {
            throw new IllegalArgumentException("batch size " + size + " not in [1, " + examples + "]");
        }
    }
}
