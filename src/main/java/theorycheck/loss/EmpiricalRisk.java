package theorycheck.loss;

import theorycheck.linalg.Mat;
import theorycheck.model.Model;

/** L(θ) = (1/|B|) Σ_{i∈B} ℓ(f_θ(x_i), y_i): mean loss of a model on a data set. */
public final class EmpiricalRisk implements Objective {
    private final Model model;
    private final Loss loss;
    private final Mat x;
    private final double[] y;
    // scratch buffers, sized for the full data set; one objective is used by one thread
    private final double[] predictions;
    private final double[] coefficients;

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
        int count = Model.count(x, batch);
        model.predict(theta, x, batch, predictions);
        double inv = 1.0 / count;
        for (int i = 0; i < count; i++) {
            coefficients[i] = inv * loss.derivative(predictions[i], y[Model.row(batch, i)]);
        }
        model.pullback(theta, x, batch, coefficients, grad);
    }

    @Override
    public double valueAndGradient(double[] theta, int[] batch, double[] grad) {
        int count = Model.count(x, batch);
        model.predict(theta, x, batch, predictions);
        double total = 0;
        double inv = 1.0 / count;
        for (int i = 0; i < count; i++) {
            double target = y[Model.row(batch, i)];
            total += loss.value(predictions[i], target);
            if (grad != null) {
                coefficients[i] = inv * loss.derivative(predictions[i], target);
            }
        }
        if (grad != null) {
            model.pullback(theta, x, batch, coefficients, grad);
        }
        return total * inv;
    }
}
