package theorycheck.optim;

import theorycheck.linalg.Norm;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Builds an optimizer from a name and named hyper-parameters (as written in a claim file). */
public final class Optimizers {
    /** The names {@link #byName} accepts. */
    public static final Set<String> NAMES = Set.of("gd", "sgd", "heavy-ball", "nesterov", "adam", "adagrad", "rmsprop",
            "normalized-gd", "sign-gd", "coordinate-descent",
            "steepest-descent-l2", "steepest-descent-linf", "steepest-descent-l1", "lion", "sam");

    /** The parameter names each optimizer accepts. */
    private static final Map<String, Set<String>> PARAMETERS = Map.ofEntries(
            Map.entry("gd", Set.of("lr")),
            Map.entry("sgd", Set.of("lr")),
            Map.entry("heavy-ball", Set.of("lr", "beta")),
            Map.entry("nesterov", Set.of("lr", "beta")),
            Map.entry("adam", Set.of("lr", "beta1", "beta2", "eps", "decay")),
            Map.entry("adagrad", Set.of("lr", "eps")),
            Map.entry("rmsprop", Set.of("lr", "rho", "eps")),
            // steepest descent: the norm and normalization are in the name, since values are numbers
            Map.entry("normalized-gd", Set.of("lr", "decay")),
            Map.entry("sign-gd", Set.of("lr", "decay")),
            Map.entry("coordinate-descent", Set.of("lr", "decay")),
            Map.entry("steepest-descent-l2", Set.of("lr", "decay")),
            Map.entry("steepest-descent-linf", Set.of("lr", "decay")),
            Map.entry("steepest-descent-l1", Set.of("lr", "decay")),
            Map.entry("lion", Set.of("lr", "beta1", "beta2", "weight_decay")),
            Map.entry("sam", Set.of("lr", "rho")));

    private Optimizers() {
    }

    /**
     * @throws IllegalArgumentException naming the optimizer or parameter and what is allowed, for an
     *     unknown name, an unknown or missing parameter, or a bad value
     */
    public static Optimizer byName(String name, Map<String, Double> p) {
        // A misspelt key would otherwise be ignored and its default used silently.
        Set<String> allowed = PARAMETERS.get(name);
        if (allowed != null) {
            for (String key : p.keySet()) {
                if (!allowed.contains(key)) {
                    throw new IllegalArgumentException("optimizer '" + name + "' has no parameter '" + key
                            + "'; allowed: " + new TreeSet<>(allowed));
                }
            }
        }
        return switch (name) {
            case "gd", "sgd" -> new GradientDescent(req(name, p, "lr"));
            case "heavy-ball" -> new HeavyBall(req(name, p, "lr"), req(name, p, "beta"));
            case "nesterov" -> new Nesterov(req(name, p, "lr"), req(name, p, "beta"));
            case "adam" -> new Adam(req(name, p, "lr"), p.getOrDefault("beta1", 0.9), p.getOrDefault("beta2", 0.999),
                    p.getOrDefault("eps", 1e-8), p.getOrDefault("decay", 0.0));
            case "adagrad" -> new AdaGrad(req(name, p, "lr"), p.getOrDefault("eps", 1e-10));
            case "rmsprop" -> new RmsProp(req(name, p, "lr"), p.getOrDefault("rho", 0.99), p.getOrDefault("eps", 1e-8));
            case "normalized-gd" -> steepest(Norm.L2, true, name, p);
            case "sign-gd" -> steepest(Norm.LINF, true, name, p);
            case "coordinate-descent" -> steepest(Norm.L1, true, name, p);
            case "steepest-descent-l2" -> steepest(Norm.L2, false, name, p);
            case "steepest-descent-linf" -> steepest(Norm.LINF, false, name, p);
            case "steepest-descent-l1" -> steepest(Norm.L1, false, name, p);
            case "lion" -> {
                Lion d = Lion.withDefaults(req(name, p, "lr"));
                yield new Lion(d.lr(), p.getOrDefault("beta1", d.beta1()), p.getOrDefault("beta2", d.beta2()),
                        p.getOrDefault("weight_decay", d.weightDecay()));
            }
            case "sam" -> new Sam(req(name, p, "lr"), p.getOrDefault("rho", Sam.DEFAULT_RHO));
            default -> throw new IllegalArgumentException(
                    "unknown optimizer '" + name + "'; allowed: " + new TreeSet<>(NAMES));
        };
    }

    /**
     * An optimizer written as in a claim file's setting, {@code name(key=value, …)} — the form
     * {@link Optimizer#describe()} prints, e.g. {@code adam(lr=0.01, beta1=0.9, beta2=0.999, eps=1e-8, decay=0.5)}.
     *
     * @param type the class the claim needs (its code reads that optimizer's fields)
     * @throws IllegalArgumentException one line naming the spec and what is wrong with it
     */
    public static <T extends Optimizer> T parse(String spec, Class<T> type) {
        Optimizer o = parse(spec);
        if (!type.isInstance(o)) {
            throw new IllegalArgumentException("optimizer '" + spec + "' is a " + o.getClass().getSimpleName()
                    + "; here it must be a " + type.getSimpleName());
        }
        return type.cast(o);
    }

    /** As {@link #parse(String, Class)}, any optimizer. */
    public static Optimizer parse(String spec) {
        String t = spec.strip();
        int open = t.indexOf('(');
        if (open < 0 || !t.endsWith(")")) {
            throw new IllegalArgumentException("optimizer '" + spec + "': expected name(key=value, …), e.g. "
                    + "adam(lr=0.01, beta1=0.9)");
        }
        String name = t.substring(0, open).strip();
        String body = t.substring(open + 1, t.length() - 1).strip();
        Map<String, Double> params = new java.util.LinkedHashMap<>();
        if (!body.isEmpty()) {
            for (String part : body.split(",")) {
                int eq = part.indexOf('=');
                String key = eq < 0 ? part.strip() : part.substring(0, eq).strip();
                if (eq < 0 || key.isEmpty()) {
                    throw new IllegalArgumentException("optimizer '" + spec + "': '" + part.strip()
                            + "' is not key=value");
                }
                String value = part.substring(eq + 1).strip();
                double v;
                try {
                    v = Double.parseDouble(value);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("optimizer '" + spec + "': " + key + " = '" + value
                            + "' is not a number");
                }
                if (params.put(key, v) != null) {
                    throw new IllegalArgumentException("optimizer '" + spec + "': " + key + " is given twice");
                }
            }
        }
        try {
            return byName(name, params);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("optimizer '" + spec + "': " + e.getMessage());
        }
    }

    private static SteepestDescent steepest(Norm norm, boolean normalized, String name,
            Map<String, Double> p) {
        return new SteepestDescent(norm, req(name, p, "lr"), normalized, p.getOrDefault("decay", 0.0));
    }

    private static double req(String opt, Map<String, Double> p, String key) {
        Double v = p.get(key);
        if (v == null) {
            throw new IllegalArgumentException("optimizer '" + opt + "' needs parameter '" + key + "'");
        }
        return v;
    }
}
