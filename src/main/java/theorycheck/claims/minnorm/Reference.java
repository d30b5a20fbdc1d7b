package theorycheck.claims.minnorm;

import theorycheck.linalg.Mat;
import theorycheck.reference.MinNorm;

/** The exact limit a run is judged against. */
interface Reference {
    double[] of(Mat x, double[] y, double[] w0);

    Reference MIN_NORM = (x, y, w0) -> MinNorm.solve(x, y);
    Reference CLOSEST_TO_START = MinNorm::closestInterpolant;
}
