package theorycheck.claims.minnorm;

import theorycheck.optim.Optimizer;
import theorycheck.optim.Stepper;

/**
 * A core optimizer with its update unchanged and an observer called with θ after every step, so a
 * check can compare the trajectory the trainer produces with a closed form at every step (the
 * trainer's own trajectory keeps only a log-spaced subset). The observer must not modify θ.
 */
record ClosedFormObserved(Optimizer inner, Observer observer) implements Optimizer {

    /** Called after step {@code stepsDone} (1, 2, …) with the parameters it produced. */
    interface Observer {
        void after(long stepsDone, double[] theta);
    }

    @Override
    public String describe() {
        return inner.describe();
    }

    @Override
    public Stepper start(int dim) {
        Stepper s = inner.start(dim);
        return (theta, g, t) -> {
            s.step(theta, g, t);
            observer.after(t + 1, theta);
        };
    }
}
