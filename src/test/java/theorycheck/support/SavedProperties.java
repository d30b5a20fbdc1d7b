package theorycheck.support;

import java.util.LinkedHashMap;
import java.util.Map;

/** System properties as they were before a test changed them, and the call that puts them back. */
public final class SavedProperties {
    private final Map<String, String> saved = new LinkedHashMap<>();

    /** Saves the current value (or absence) of each named property. */
    public SavedProperties(String... names) {
        for (String k : names) {
            saved.put(k, System.getProperty(k));
        }
    }

    /** Sets every saved property back, clearing those that were absent. */
    public void restore() {
        saved.forEach((k, v) -> {
            if (v == null) {
                System.clearProperty(k);
            } else {
                System.setProperty(k, v);
            }
        });
    }
}
