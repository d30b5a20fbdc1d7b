package theorycheck.optim;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Builds an optimizer from a name and named hyper-parameters (as written in a claim file). */
public final class Optimizers {
    /** The names {@link #byName} accepts. */
    public static final Set<String> NAMES = Set.of("gd", "sgd", "heavy-ball", "nesterov", "adam", "adagrad", "rmsprop");

    /** The parameter names each optimizer accepts. */
    private static final Map<String, Set<String>> PARAMETERS = Map.of(
            "gd", Set.of("lr"),
            "sgd", Set.of("lr"),
            "heavy-ball", Set.of("lr", "beta"),
            "nesterov", Set.of("lr", "beta"),
            "adam", Set.of("lr", "beta1", "beta2", "eps", "decay"),
            "adagrad", Set.of("lr", "eps"),
            "rmsprop", Set.of("lr", "rho", "eps"));

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
            default -> throw new IllegalArgumentException(
                    "unknown optimizer '" + name + "'; allowed: " + new TreeSet<>(NAMES));
        };
    }

    private static double req(String opt, Map<String, Double> p, String key) {
        Double v = p.get(key);
        if (v == null) {
            throw new IllegalArgumentException("optimizer '" + opt + "' needs parameter '" + key + "'");
        }
        return v;
    }
}
