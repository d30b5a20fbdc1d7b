package theorycheck.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Recorded points of a run: step, full loss, gradient norm, and any probe values. */
public final class Trajectory {
    private final List<Long> steps = new ArrayList<>();
    private final Map<String, List<Double>> series = new LinkedHashMap<>();

    void add(long step, Map<String, Double> values) {
        steps.add(step);
        for (Map.Entry<String, Double> e : values.entrySet()) {
            series.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
        }
    }

    public List<Long> steps() {
        return List.copyOf(steps);
    }

    /** The recorded values of one series ("loss", "gradNorm", or a probe's name). */
    public List<Double> series(String name) {
        List<Double> s = series.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no series '" + name + "'; have " + series.keySet());
        }
        return List.copyOf(s);
    }

    public java.util.Set<String> names() {
        return series.keySet();
    }

    public int size() {
        return steps.size();
    }
}
