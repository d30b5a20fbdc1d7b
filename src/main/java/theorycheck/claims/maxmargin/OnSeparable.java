package theorycheck.claims.maxmargin;

import theorycheck.claim.InstanceCheck;
import theorycheck.claim.Trial;

/** A check on instances drawn by {@link SeparableInstance#draw}. */
abstract class OnSeparable implements InstanceCheck<SeparableInstance> {
    @Override
    public SeparableInstance draw(Trial trial) {
        return SeparableInstance.draw(trial);
    }
}
