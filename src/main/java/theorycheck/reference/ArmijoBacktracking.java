package theorycheck.reference;

import theorycheck.linalg.Vec;

/**
 * The backtracking line search the Newton solvers of this package share: from w along −step, halve
 * t until f(w − t·step) ≤ f(w) − 1e-4·t·⟨∇f, step⟩ (Armijo: a decrease in proportion to the one the
 * slope predicts, not just any decrease). Near the minimum the predicted decrease is itself below the
 * rounding of f and Armijo cannot see it; there, and only there, a step that raises f by no more than
 * rounding is accepted too, or Newton would stall short of its tolerance.
 */
final class ArmijoBacktracking {
    /** Relative size of the rounding in a value of f: a few ulps of a sum of terms. */
    private static final double ROUNDING = 1e-15;

    /** f(w), with ∇f(w) written into grad. */
    @FunctionalInterface
    interface ValueAndGradient {
        double at(double[] w, double[] grad);
    }

    private ArmijoBacktracking() {
    }

    /**
     * Takes the step: overwrites w with the accepted point and grad with its gradient, and returns its
     * value. trial and trialGrad are scratch arrays of w's length.
     */
    static double step(ValueAndGradient f, double[] w, double[] grad, double value, double[] step, double[] trial,
            double[] trialGrad) {
        int d = w.length;
        double slope = -Vec.dot(grad, step);
        double t = 1;
        double trialValue;
        while (true) {
            for (int j = 0; j < d; j++) {
                trial[j] = w[j] - t * step[j];
            }
            trialValue = f.at(trial, trialGrad);
            double rounding = ROUNDING * Math.abs(value);
            boolean invisible = -1e-4 * t * slope <= rounding && trialValue - value <= rounding;
            if (trialValue <= value + 1e-4 * t * slope || invisible || t < 1e-12) {
                break;
            }
            t /= 2;
        }
        System.arraycopy(trial, 0, w, 0, d);
        System.arraycopy(trialGrad, 0, grad, 0, d);
        return trialValue;
    }
}
