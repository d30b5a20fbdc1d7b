package theorycheck.claim;

/** How much work a run does: {@code quick} for CI, {@code deep} for more trials and longer runs. */
public enum Tier {
    QUICK, DEEP;

    public static Tier parse(String s) {
        return switch (s.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "quick" -> QUICK;
            case "deep" -> DEEP;
            default -> throw new IllegalArgumentException("tier must be 'quick' or 'deep', got '" + s + "'");
        };
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
