package theorycheck.claim;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import theorycheck.data.Rng;

/**
 * Runs a claim: draws seeded instances, runs the claim's check and its control's, decides both
 * verdicts, and minimises the first counterexample. It asserts nothing: see {@code ClaimAssertions}
 * in the tests for the pass/fail rules.
 */
public final class ClaimRunner {
    /** Upper bound on variants tried while shrinking one counterexample. */
    static final int MAX_SHRINK_EVALUATIONS = 40;

    private final PrintStream progress;

    public ClaimRunner(PrintStream progress) {
        this.progress = progress;
    }

    /**
     * Runs the claim arm on the claim's setting and the control arm on the control's (the claim's
     * setting with the keys the claim file's {@code control.setting} overrides): one check, two settings.
     */
    public <I> ClaimResult run(ClaimSpec spec, RunSettings settings, InstanceCheck<I> check) {
        int claimTrials = spec.trials(settings.tier());
        int controlTrials = controlTrials(spec, settings);
        if (settings.onlyTrial().isPresent() && settings.onlyTrial().getAsInt() >= Math.max(claimTrials, controlTrials)) {
            throw new IllegalArgumentException("trial " + settings.onlyTrial().getAsInt() + ": " + spec.id() + " runs "
                    + claimTrials + " claim and " + controlTrials + " control trials in the " + settings.tier().label()
                    + " tier; allowed 0.." + (Math.max(claimTrials, controlTrials) - 1));
        }
        long start = System.nanoTime();
        SettingReads read = new SettingReads();
        Evidence claimEvidence = arm(spec, settings, "claim", check, claimTrials, read);
        Evidence controlEvidence = arm(spec, settings, "control", check, controlTrials, read);
        if (settings.onlyTrial().isEmpty()) {
            // one trial or arm may take one branch of a variant; all trials of both arms together must read
            // every key (the control's keys are the claim's: its file may only override them)
            spec.setting(settings.tier()).requireRead(read.readKeys());
        }
        Statistics s = claimEvidence.statistics();
        String key = check instanceof KeyNumber k ? k.keyNumber(claimEvidence)
                : String.format(java.util.Locale.ROOT, "key value median %.4g (range %.4g to %.4g)", s.keyMedian(),
                        s.keyMin(), s.keyMax());
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new ClaimResult(spec, settings, claimEvidence, controlEvidence, List.copyOf(check.charts(claimEvidence)),
                List.copyOf(check.charts(controlEvidence)), key, millis, read);
    }

    /** A check that names its headline number itself. */
    public interface KeyNumber {
        String keyNumber(Evidence claimEvidence);
    }

    private static int controlTrials(ClaimSpec spec, RunSettings settings) {
        return settings.tier() == Tier.QUICK ? spec.control().trials() : spec.control().trialsDeep();
    }

    private <I> Evidence arm(ClaimSpec spec, RunSettings settings, String arm, InstanceCheck<I> check, int n,
            SettingReads read) {
        // The control's seeds are a separate stream so that adding control trials never moves claim trials.
        String seedKey = arm.equals("claim") ? spec.id() : spec.id() + "#control";
        Setting setting = spec.setting(settings.tier(), arm).recordingReadsInto(read);
        List<TrialResult> results = new ArrayList<>();
        List<Integer> indices = new ArrayList<>();
        if (settings.onlyTrial().isPresent()) {
            int k = settings.onlyTrial().getAsInt();
            if (k < n) {
                indices.add(k);
            }
        } else {
            for (int i = 0; i < n; i++) {
                indices.add(i);
            }
        }
        // Trials run side by side and are gathered in index order: each depends only on its own seed, so
        // the evidence is the same at any thread count (checks hold no mutable state; CatalogIntegrityTest).
        List<Drawn<I>> done = TrialPool.map(indices, i -> {
            long seed = TrialSeeds.seed(seedKey, settings.baseSeed(), i);
            Trial trial = new Trial(spec.id(), arm, i, seed, settings.tier(), setting, new Rng(seed));
            I instance = check.draw(trial);
            TrialResult r = check.check(instance, trial);
            progress.printf("[%s] %s trial %d of %d: %s (%s)%n", spec.id(), arm, i + 1, n, r.outcome(), r.instance());
            return new Drawn<>(instance, r);
        });
        List<I> instances = new ArrayList<>();
        for (Drawn<I> d : done) {
            results.add(d.result());
            instances.add(d.instance());
        }
        Statistics stats = VerdictRules.summarize(spec.quantifier(), results);
        Verdict verdict = VerdictRules.decide(spec.quantifier(), stats, spec.alpha().orElse(Double.NaN));
        Optional<Counterexample> cx = Optional.empty();
        if (spec.quantifier() == Quantifier.UNIVERSAL) {
            for (int j = 0; j < results.size(); j++) {
                if (results.get(j).outcome() == Outcome.FAIL) {
                    Trial trial = new Trial(spec.id(), arm, results.get(j).index(), results.get(j).seed(), settings.tier(),
                            setting, new Rng(results.get(j).seed()));
                    cx = Optional.of(minimize(check, instances.get(j), results.get(j), trial));
                    break;
                }
            }
        }
        return new Evidence(arm, spec.quantifier(), List.copyOf(results), verdict, stats, cx,
                settings.onlyTrial().isEmpty(), setting);
    }

    /** One trial's instance and what its check found. */
    private record Drawn<I>(I instance, TrialResult result) {
    }

    /** Greedy shrinking: take the first smaller variant that still fails, repeat, within a budget. */
    private <I> Counterexample minimize(InstanceCheck<I> check, I instance, TrialResult failing, Trial trial) {
        I current = instance;
        TrialResult currentResult = failing;
        int steps = 0;
        int evaluations = 0;
        boolean progressMade = true;
        while (progressMade && evaluations < MAX_SHRINK_EVALUATIONS) {
            progressMade = false;
            for (I candidate : check.shrink(current)) {
                if (evaluations >= MAX_SHRINK_EVALUATIONS) {
                    break;
                }
                evaluations++;
                Trial retry = new Trial(trial.claimId(), trial.arm(), trial.index(), trial.seed(), trial.tier(),
                        trial.setting(), new Rng(trial.seed()));
                TrialResult r = check.check(candidate, retry);
                if (r.outcome() == Outcome.FAIL) {
                    current = candidate;
                    currentResult = r;
                    steps++;
                    progressMade = true;
                    break;
                }
            }
        }
        // the check's own description of what it ran is the most faithful; the instance's toString is the fallback
        String described = currentResult.instance().isBlank() ? String.valueOf(current) : currentResult.instance();
        return new Counterexample(failing, currentResult, described, steps, evaluations);
    }
}
