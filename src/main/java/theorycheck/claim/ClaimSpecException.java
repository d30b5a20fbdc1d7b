package theorycheck.claim;

import java.nio.file.Path;

/** A claim file that cannot be used: names the file, the field, and what is allowed. */
public final class ClaimSpecException extends RuntimeException {
    private final transient Path file;
    private final String field;
    private final String problem;

    public ClaimSpecException(Path file, String field, String problem) {
        super(file + ": field '" + field + "': " + problem);
        this.file = file;
        this.field = field;
        this.problem = problem;
    }

    /** What is wrong with the field, without the file and field names. */
    public String problem() {
        return problem;
    }

    public Path file() {
        return file;
    }

    public String field() {
        return field;
    }
}
