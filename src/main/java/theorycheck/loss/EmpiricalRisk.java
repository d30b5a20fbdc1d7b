package theorycheck.loss;

import theorycheck.linalg.Mat;
import theorycheck.linalg.SplitMat;
import theorycheck.model.LinearPredictor;
import theorycheck.model.Model;

/**
 * L(θ) = (1/|B|) Σ_{i∈B} ℓ(f_θ(x_i), y_i): mean loss of a model on a data set.
 *
 * <p>A gradient is one pass over the selected rows: each row's prediction gives its loss
 * derivative, which goes straight into the pullback ({@link Model#predictAndPullback}); for a
 * {@link LinearPredictor} it is Xβ(θ), the derivatives, then Xᵀ(·) pulled back through β(θ), the
 * two products on a {@link SplitMat} copy of X (taken at the first gradient, so X must not change
 * afterwards). Results equal those of separate predict, derivative and pullback passes bit for
 * bit; scratch buffers are allocated once.
 */
public final class EmpiricalRisk implements Objective {
    private final Model model;
    private final Loss loss;
    private final Mat x;
    private final double[] y;
    // scratch buffers, sized for the full data set; one objective is used by one thread
    private final double[] predictions;
    private final double[] coefficients;
    private final LinearPredictor linear; // null unless the model is linear in x
    private final double[] beta;
    private final double[] betaGradient;
    private SplitMat split; // X as row and column arrays, copied at the first linear gradient
    private final RowCoefficients rowCoefficients = new RowCoefficients();

    public EmpiricalRisk(Model model, Loss loss, Mat x, double[] y) {
        if (x.cols() != model.inputDim()) {
            throw new IllegalArgumentException("X has " + x.cols() + " columns, model expects " + model.inputDim());
        }
        if (x.rows() != y.length) {
            throw new IllegalArgumentException("X has " + x.rows() + " rows, y has " + y.length);
        }
        this.model = model;
        this.loss = loss;
        this.x = x;
        this.y = y;
        this.predictions = new double[x.rows()];
        this.coefficients = new double[x.rows()];
        this.linear = model instanceof LinearPredictor lp ? lp : null;
        this.beta = linear == null ? null : new double[x.cols()];
        this.betaGradient = linear == null ? null : new double[x.cols()];
    }

    public Model model() {
        return model;
    }

    public Loss loss() {
        return loss;
    }

    public Mat x() {
        return x;
    }

    public double[] y() {
        return y;
    }

    @Override
    public int dim() {
        return model.numParams();
    }

    @Override
    public int examples() {
        return x.rows();
    }

    @Override
    public void gradientOnly(double[] theta, int[] batch, double[] grad) {
        fusedPass(theta, batch, grad, false);
    }

    @Override
    public double valueAndGradient(double[] theta, int[] batch, double[] grad) {
        if (grad != null) {
            return fusedPass(theta, batch, grad, true);
        }
        int count = Model.count(x, batch);
        model.predict(theta, x, batch, predictions);
        double total = 0;
        for (int i = 0; i < count; i++) {
            total += loss.value(predictions[i], y[Model.row(batch, i)]);
        }
        return total * (1.0 / count);
    }

    /** The gradient into grad, and the mean loss if asked (else NaN): predictions, their derivatives, the pullback. */
    private double fusedPass(double[] theta, int[] batch, double[] grad, boolean withValue) {
        int count = Model.count(x, batch);
        rowCoefficients.start(batch, 1.0 / count, withValue);
        if (linear != null) {
            // Model.predictAndPullback on β(θ), into buffers allocated once
            linear.effectiveWeights(theta, beta);
            if (split == null) {
                split = new SplitMat(x);
            }
            if (batch == null) {
                split.times(beta, predictions);
            } else {
                LinearPredictor.rowDots(beta, x, batch, predictions);
            }
            rowCoefficients.fill(count, predictions, coefficients);
            split.transposeTimes(batch, coefficients, betaGradient);
            linear.pullbackWeights(theta, betaGradient, grad);
        } else {
            model.predictAndPullback(theta, x, batch, rowCoefficients, predictions, coefficients, grad);
        }
        return withValue ? rowCoefficients.total * rowCoefficients.inv : Double.NaN;
    }

    /** coef_i = ℓ'(f_i, y_i)/|B|, summing ℓ(f_i, y_i) on the way when the value is wanted. */
    private final class RowCoefficients implements Model.Coefficients {
        private int[] batch;
        private double inv;
        private boolean withValue;
        private double total;

        void start(int[] rows, double invCount, boolean value) {
            this.batch = rows;
            this.inv = invCount;
            this.withValue = value;
            this.total = 0;
        }

        @Override
        public double at(int i, double prediction) {
            double target = y[Model.row(batch, i)];
            if (withValue) {
                total += loss.value(prediction, target);
            }
            return inv * loss.derivative(prediction, target);
        }
    }
}
