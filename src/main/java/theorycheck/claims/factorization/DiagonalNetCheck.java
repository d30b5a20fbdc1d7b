package theorycheck.claims.factorization;

import theorycheck.claim.ClaimRunner;
import theorycheck.claim.InstanceCheck;
import theorycheck.claim.Outcome;
import theorycheck.claim.Trial;
import theorycheck.claim.TrialResult;
import theorycheck.data.Regression;
import theorycheck.reference.MinL1Interpolant;

/** Shared parts of the diagonal-net checks: drawing the instance and the certified min-ℓ1 reference. */
abstract class DiagonalNetCheck implements InstanceCheck<DiagonalNetInstance>, ClaimRunner.KeyNumber {
    @Override
    public DiagonalNetInstance draw(Trial trial) {
        return DiagonalNetInstance.draw(trial);
    }

    /** The min-ℓ1 interpolant of the data; check {@code certified()} before use (see {@link #uncertified}). */
    static MinL1Interpolant.Result minL1(Regression data) {
        return MinL1Interpolant.solve(data.x(), data.y());
    }

    /** The INCONCLUSIVE outcome of a trial whose LP answer could not be certified. */
    static TrialResult uncertified(TrialResult.Builder b, MinL1Interpolant.Result l1) {
        return b.outcome(Outcome.INCONCLUSIVE, Double.NaN, "min-ℓ1 LP not certified (" + l1.states() + ", gap "
                + l1.relativeGap() + ")");
    }
}
