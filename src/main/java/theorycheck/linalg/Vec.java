package theorycheck.linalg;

/** Operations on plain {@code double[]} vectors: norms, dot products, distances, axpy. */
public final class Vec {
    private Vec() {
    }

    public static double dot(double[] a, double[] b) {
        checkLength(a, b);
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Euclidean norm, scaled to avoid overflow and underflow. */
    public static double norm2(double[] a) {
        double scale = 0;
        for (double v : a) {
            scale = Math.max(scale, Math.abs(v));
        }
        if (scale == 0 || !Double.isFinite(scale)) {
            return scale;
        }
        double s = 0;
        for (double v : a) {
            double t = v / scale;
            s += t * t;
        }
        return scale * Math.sqrt(s);
    }

    public static double norm1(double[] a) {
        double s = 0;
        for (double v : a) {
            s += Math.abs(v);
        }
        return s;
    }

    public static double normInf(double[] a) {
        double s = 0;
        for (double v : a) {
            s = Math.max(s, Math.abs(v));
        }
        return s;
    }

    /** The median of {@code v} (the mean of the two middle values for an even count); NaN when empty. */
    public static double median(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] c = v.clone();
        java.util.Arrays.sort(c);
        int h = c.length / 2;
        return c.length % 2 == 1 ? c[h] : 0.5 * (c[h - 1] + c[h]);
    }

    /** The mean, summed in index order; NaN when empty. */
    public static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** The smallest entry; NaN when empty. */
    public static double min(double[] v) {
        return java.util.Arrays.stream(v).min().orElse(Double.NaN);
    }

    /** The largest entry; NaN when empty. */
    public static double max(double[] v) {
        return java.util.Arrays.stream(v).max().orElse(Double.NaN);
    }

    /** ‖a − b‖₂. */
    public static double distance(double[] a, double[] b) {
        return norm2(sub(a, b));
    }

    /** ‖a − b‖₂ / max(‖b‖₂, floor): relative error with a floored denominator. */
    public static double relativeError(double[] a, double[] reference, double floor) {
        return distance(a, reference) / Math.max(norm2(reference), floor);
    }

    public static double[] sub(double[] a, double[] b) {
        checkLength(a, b);
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] - b[i];
        }
        return c;
    }

    public static double[] add(double[] a, double[] b) {
        checkLength(a, b);
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] + b[i];
        }
        return c;
    }

    public static double[] scale(double s, double[] a) {
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            c[i] = s * a[i];
        }
        return c;
    }

    /** y ← y + s·x. y modified. */
    public static void axpyInPlace(double s, double[] x, double[] y) {
        checkLength(x, y);
        for (int i = 0; i < x.length; i++) {
            y[i] += s * x[i];
        }
    }

    /** Cosine of the angle between a and b; NaN if either is zero. */
    public static double cosine(double[] a, double[] b) {
        return dot(a, b) / (norm2(a) * norm2(b));
    }

    public static boolean isFinite(double[] a) {
        for (double v : a) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private static void checkLength(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("lengths differ: " + a.length + " and " + b.length);
        }
    }
}
