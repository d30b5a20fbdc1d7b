package theorycheck.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import theorycheck.claim.ClaimCatalog;
import theorycheck.claim.ClaimResult;
import theorycheck.claim.ClaimRunner;
import theorycheck.claim.ClaimSpec;
import theorycheck.claim.ClaimSpecException;
import theorycheck.claim.Evidence;
import theorycheck.claim.RecordedReads;
import theorycheck.claim.RunSettings;
import theorycheck.claim.SettingOverrides;
import theorycheck.claim.Tier;
import theorycheck.claim.TrialSeeds;
import theorycheck.claims.ClaimChecks;

/**
 * {@code java -jar target/theorycheck.jar <command>}: the claims without the test runner.
 * <pre>
 *   run &lt;claim-id&gt; [--seed S] [--tier quick|deep] [--trial k] [--set key=value]... [--root DIR]
 *                                        run one claim and its control; print progress, verdicts, key number
 *   validate [theorems-dir | --root DIR] parse and validate every claim file; exit 1 naming the file and field
 *   list [theorems-dir | --root DIR]     one line per claim: id, quantifier, source's answer, recorded verdict
 *   seed &lt;claim-id&gt; &lt;base-seed&gt; &lt;k&gt;     the seed of trial k (claim arm; use "&lt;id&gt;#control" for the control)
 * </pre>
 * Exit status: 0 when the command ran (whatever the verdict), 1 for a malformed claim file, 2 for a
 * bad command line; each error is one line on standard error.
 */
public final class Main {
    static final String USAGE = "usage: run <claim-id> [--seed S] [--tier quick|deep] [--trial k] [--set key=value]... "
            + "[--root DIR] | validate [theorems-dir | --root DIR] | list [theorems-dir | --root DIR] | seed <claim-id> <base-seed> <trial>";

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** A command line that is wrong: exit 2 with this message. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    /** Runs a command; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println(USAGE);
            return 2;
        }
        try {
            switch (args[0]) {
                case "run" -> runClaim(args, out);
                case "validate" -> {
                    ClaimCatalog c = ClaimCatalog.load(dir(args));
                    RecordedReads reads = RecordedReads.load();
                    c.all().forEach(reads::check);
                    out.println(c.all().size() + " claim files valid");
                }
                case "list" -> {
                    for (ClaimSpec s : ClaimCatalog.load(dir(args)).all()) {
                        out.printf(Locale.ROOT, "%-28s %-12s source=%-9s expected=%-12s %s%n", s.id(),
                                s.quantifier().name().toLowerCase(Locale.ROOT),
                                s.sourceSays().name().toLowerCase(Locale.ROOT), s.expected(), s.title());
                    }
                }
                case "seed" -> seed(args, out);
                default -> throw new UsageException("unknown command '" + args[0] + "'; allowed: run, validate, list, seed");
            }
            return 0;
        } catch (ClaimSpecException e) {
            err.println(e.getMessage());
            return 1;
        } catch (UsageException | IllegalArgumentException | IllegalStateException e) {
            err.println(e.getMessage());
            return 2;
        }
    }

    private static void runClaim(String[] args, PrintStream out) {
        if (args.length < 2 || args[1].startsWith("--")) {
            throw new UsageException("run needs a claim id: " + USAGE);
        }
        String id = args[1];
        long seed = RunSettings.DEFAULT_SEED;
        Tier tier = Tier.QUICK;
        OptionalInt trial = OptionalInt.empty();
        Path root = Path.of("").toAbsolutePath();
        List<String> sets = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new UsageException(option + " needs a value; " + USAGE);
            }
            String value = args[++i];
            switch (option) {
                case "--seed" -> seed = RunSettings.integer("--seed", value);
                case "--tier" -> tier = Tier.parse(value);
                case "--trial" -> trial = OptionalInt.of(RunSettings.nonNegative("--trial", value));
                case "--set" -> sets.add(value);
                case "--root" -> root = Path.of(value).toAbsolutePath();
                default -> throw new UsageException("unknown option '" + option + "'; allowed: --seed, --tier, --trial, --set, --root");
            }
        }
        if (!Files.isDirectory(root.resolve("theorems"))) {
            throw new UsageException("no theorems/ folder under " + root + " (run from the project folder or give --root)");
        }
        ClaimCatalog catalog = ClaimCatalog.load(root.resolve("theorems"));
        if (!catalog.contains(id)) {
            throw new UsageException(ClaimChecks.unknownId(id, ClaimChecks.ids()));
        }
        ClaimSpec spec = SettingOverrides.apply(catalog.get(id), sets);
        try {
            RecordedReads.load().check(spec);
        } catch (ClaimSpecException e) {
            if (sets.isEmpty()) {
                throw e;
            }
            throw new UsageException("--set: " + e.getMessage());
        }
        RunSettings settings = new RunSettings(seed, tier, Optional.of(id), trial, root, List.of());
        ClaimResult r = new ClaimRunner(out).run(spec, settings, ClaimChecks.forId(id));
        out.println(summary(r, !sets.isEmpty()));
    }

    /** The last lines of {@code run}: verdict, control verdict and key number, and how they stand to the record. */
    static String summary(ClaimResult r, boolean overridden) {
        ClaimSpec s = r.spec();
        String record = overridden ? "setting overridden, so no record to compare"
                : r.complete() ? (r.reproduced() ? "as recorded" : "recorded " + s.expected() + ": reproduction changed")
                : "one trial: not a verdict";
        return String.format(Locale.ROOT, "%s (seed %d, tier %s)%n  verdict  %s  (%s; %s)%n  control  %s  (expected %s, "
                        + "flip share %.2f of %.2f required)%n  key      %s",
                s.id(), r.settings().baseSeed(), r.settings().tier().label(), r.verdict(), describe(r.claim()), record,
                r.control().verdict(), s.control().expected(), r.controlFlipShare(), s.control().flipShare(), r.keyNumber());
    }

    private static String describe(Evidence e) {
        var st = e.statistics();
        return st.pass() + " pass / " + st.fail() + " fail / " + st.inconclusive() + " inconclusive of " + st.trials();
    }

    private static void seed(String[] args, PrintStream out) {
        if (args.length != 4) {
            throw new UsageException("usage: seed <claim-id> <base-seed> <trial>");
        }
        String arm = args[1];
        String id = arm.endsWith("#control") ? arm.substring(0, arm.length() - "#control".length()) : arm;
        if (!ClaimChecks.ids().contains(id)) {
            throw new UsageException(ClaimChecks.unknownId(id, ClaimChecks.ids()));
        }
        out.println(TrialSeeds.seed(arm, RunSettings.integer("<base-seed>", args[2]),
                RunSettings.nonNegative("<trial>", args[3])));
    }

    /** The claim folder of {@code validate} / {@code list}: {@code [theorems-dir]} or {@code --root DIR}, as for run. */
    private static Path dir(String[] args) {
        if (args.length == 1) {
            return Path.of("theorems");
        }
        if (args.length == 2 && !args[1].startsWith("--")) {
            return Path.of(args[1]);
        }
        if (args.length == 3 && args[1].equals("--root")) {
            return Path.of(args[2]).resolve("theorems");
        }
        throw new UsageException(args[0] + " takes a claim folder or --root DIR, got: "
                + String.join(" ", java.util.Arrays.copyOfRange(args, 1, args.length)) + "; " + USAGE);
    }
}
