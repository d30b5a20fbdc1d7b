package theorycheck.claims.minnorm;

import java.util.List;
import theorycheck.claim.InstanceCheck;
import theorycheck.claim.Trial;

/** A check on instances drawn by {@link LeastSquaresInstance#draw}, shrunk by halving both dimensions. */
abstract class OnLeastSquares implements InstanceCheck<LeastSquaresInstance> {
    @Override
    public LeastSquaresInstance draw(Trial trial) {
        return LeastSquaresInstance.draw(trial);
    }

    @Override
    public List<LeastSquaresInstance> shrink(LeastSquaresInstance instance) {
        return instance.halved();
    }
}
