package theorycheck.linalg;


/**
 * The three vector norms of the steepest-descent geometries and the max-margin results: ℓ1
 * (coordinate descent), ℓ2 (gradient descent) and ℓ∞ (sign gradient descent, and the claim for Adam).
 *
 * <p>Each has a dual norm, ‖z‖_* = max{⟨w, z⟩ : ‖w‖ ≤ 1}: ℓ1 ↔ ℓ∞, ℓ2 ↔ ℓ2. For a direction of
 * unit norm, |⟨w, x⟩| ≤ ‖x‖_*, so the dual norm of the inputs is the scale of the margins.
 */
public enum Norm {
    /** ‖v‖₁ = Σ|vⱼ|. */
    L1("l1") {
        @Override
        public double of(double[] v) {
            return Vec.norm1(v);
        }

        @Override
        public Norm dual() {
            return LINF;
        }
    },
    /** ‖v‖₂ = √(Σvⱼ²), computed without overflow ({@link Vec#norm2}). */
    L2("l2") {
        @Override
        public double of(double[] v) {
            return Vec.norm2(v);
        }

        @Override
        public Norm dual() {
            return L2;
        }
    },
    /** ‖v‖∞ = maxⱼ|vⱼ|. */
    LINF("linf") {
        @Override
        public double of(double[] v) {
            return Vec.normInf(v);
        }

        @Override
        public Norm dual() {
            return L1;
        }
    };

    private final String key;

    Norm(String key) {
        this.key = key;
    }

    /** Lower-case name as used in optimizer names: "l2", "linf", "l1". */
    public String key() {
        return key;
    }

    /** The norm of v; v not modified. */
    public abstract double of(double[] v);

    /** The dual norm. */
    public abstract Norm dual();

    /**
     * v/‖v‖, a new array.
     *
     * @param v not modified
     * @throws IllegalArgumentException if ‖v‖ is 0 or not finite (a zero vector has no direction)
     */
    public double[] normalize(double[] v) {
        double n = of(v);
        if (!(n > 0) || Double.isInfinite(n)) {
            throw new IllegalArgumentException("cannot normalize a vector with " + this + " norm " + n);
        }
        return Vec.scale(1 / n, v);
    }
}
