package theorycheck.measure;

import java.util.Arrays;
import java.util.Objects;
import theorycheck.data.Rng;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Ops;
import theorycheck.linalg.SymmetricEigen;
import theorycheck.linalg.Vec;
import theorycheck.loss.EmpiricalRisk;
import theorycheck.loss.Objective;

/**
 * Sharpness measures of a loss at a point θ, each named for what it computes:
 * <ul>
 *   <li>{@link #lambdaMax}: λ_max(∇²L(θ)) by {@link Lanczos}; {@link #spectrum} exactly for small models;
 *   <li>{@link #trace}: tr ∇²L(θ) exactly, {@link #hutchinsonTrace} as an estimate with its standard error;
 *   <li>{@link #worstCase}: S(ρ) = max_{‖δ‖₂≤ρ} L(θ+δ) − L(θ) by projected gradient ascent with restarts;
 *   <li>{@link #relative}: λ_max / L(θ);
 *   <li>{@link #adaptiveOperator}: |θ|·∇²L·|θ| (diag|θ| on both sides), whose λ_max is the
 *       second-order adaptive sharpness of Kwon et al. (2021);
 *   <li>{@link #randomDirection}: the mean loss increase ΔL over random directions of norm r, and
 *       λ_eff = 2ΔL/r² (the probe of the book's "Flatness proxies" example);
 *   <li>{@link #randomDirectionScan}: the same mean at several radii along one shared set of
 *       directions, each taken with both signs, so that ratios between radii carry no sampling noise
 *       from the first-order term.
 * </ul>
 *
 * @see "J. Kwon, J. Kim, H. Park, I. K. Choi, ASAM: adaptive sharpness-aware minimization, ICML 2021"
 * @see "L. Dinh, R. Pascanu, S. Bengio, Y. Bengio, Sharp minima can generalize for deep nets, ICML 2017"
 */
public final class Sharpness {
    private Sharpness() {
    }

    /** λ_max(∇²L(θ)) and its eigenvector, by Lanczos with the default tolerance. */
    public static Lanczos.Result lambdaMax(EmpiricalRisk risk, double[] theta, Rng rng) {
        return Lanczos.top(HessianVectorProduct.of(risk, theta), theta.length, 1, rng);
    }

    /** The full spectrum of ∇²L(θ) (descending) from the dense Hessian; small models only. */
    public static SymmetricEigen.Result spectrum(EmpiricalRisk risk, double[] theta) {
        return FullHessian.eigen(risk, theta);
    }

    /** tr ∇²L(θ), exact: the diagonal e_jᵀ H e_j over all p basis vectors. */
    public static double trace(EmpiricalRisk risk, double[] theta) {
        return Ops.trace(FullHessian.of(risk, theta));
    }

    /**
     * A Hutchinson trace estimate: the mean of zᵀHz over Rademacher z (entries ±1). Each term is
     * unbiased with variance 2(‖H‖_F² − Σ_j H_jj²); the returned standard error is the sample one,
     * s/√m.
     *
     * @param mean the estimate
     * @param standardError sample standard deviation of the terms / √samples
     * @param samples m
     */
    public record TraceEstimate(double mean, double standardError, int samples) {
    }

    /** Hutchinson estimate of tr A from m ≥ 2 Rademacher probes. */
    public static TraceEstimate hutchinsonTrace(SymmetricOperator a, int dim, int samples, Rng rng) {
        if (samples < 2) {
            throw new IllegalArgumentException("need at least 2 samples for a standard error, got " + samples);
        }
        double[] z = new double[dim];
        double[] az = new double[dim];
        double sum = 0;
        double sumSq = 0;
        for (int s = 0; s < samples; s++) {
            for (int i = 0; i < dim; i++) {
                z[i] = rng.uniform() < 0.5 ? -1.0 : 1.0;
            }
            a.apply(z, az);
            double t = Vec.dot(z, az);
            sum += t;
            sumSq += t * t;
        }
        double mean = sum / samples;
        double var = Math.max(0, (sumSq - samples * mean * mean) / (samples - 1));
        return new TraceEstimate(mean, Math.sqrt(var / samples), samples);
    }

    /** λ_max / L(θ), the "relative sharpness" of the book (C.7, C.11); +∞ at zero loss with λ_max &gt; 0. */
    public static double relative(double lambdaMax, double loss) {
        return lambdaMax / loss;
    }

    /**
     * v ↦ diag(|θ|) ∇²L(θ) diag(|θ|) v: the Hessian in the coordinates θ_j = |θ_j|·u_j, which is the
     * quadratic term of the adaptive sharpness max_{‖δ/|θ|‖≤ρ} L(θ+δ) − L(θ) of Kwon et al. (2021).
     */
    public static SymmetricOperator adaptiveOperator(EmpiricalRisk risk, double[] theta) {
        SymmetricOperator h = HessianVectorProduct.of(risk, theta);
        double[] scale = new double[theta.length];
        for (int i = 0; i < theta.length; i++) {
            scale[i] = Math.abs(theta[i]);
        }
        double[] scaled = new double[theta.length];
        return (v, out) -> {
            for (int i = 0; i < scale.length; i++) {
                scaled[i] = scale[i] * v[i];
            }
            h.apply(scaled, out);
            for (int i = 0; i < scale.length; i++) {
                out[i] *= scale[i];
            }
        };
    }

    /** λ_max(|θ| ∇²L |θ|) by Lanczos. */
    public static Lanczos.Result adaptiveLambdaMax(EmpiricalRisk risk, double[] theta, Rng rng) {
        return Lanczos.top(adaptiveOperator(risk, theta), theta.length, 1, rng);
    }

    /** λ_max(|θ| ∇²L |θ|) exactly, from the dense matrix; small models only. */
    public static double adaptiveLambdaMaxExact(EmpiricalRisk risk, double[] theta) {
        Mat m = FullHessian.of(adaptiveOperator(risk, theta), theta.length);
        return SymmetricEigen.decompose(m).max();
    }

    /**
     * The result of a worst-case search.
     *
     * @param value S(ρ) = max(0, best L(θ+δ) − L(θ) found); δ = 0 is feasible, so S ≥ 0
     * @param delta the maximizing perturbation (zero vector if none beat δ = 0)
     * @param restartValues L(θ+δ) − L(θ) reached by each restart
     * @param agreeing restarts within a relative {@link #AGREEMENT_TOL} of the best
     */
    public record WorstCase(double value, double[] delta, double[] restartValues, int agreeing) {
        public int restarts() {
            return restartValues.length;
        }
    }

    /** Relative gap within which two restarts count as having found the same maximum. */
    public static final double AGREEMENT_TOL = 1e-6;

    /**
     * S(ρ) = max_{‖δ‖₂≤ρ} L(θ+δ) − L(θ) by gradient ascent on the sphere ‖δ‖ = ρ (where the maximum
     * of a function with a non-zero gradient or a positive curvature direction lies): from a seeded
     * random point, step δ ← ρ·(δ + η g)/‖δ + η g‖ with g = ∇L(θ+δ), starting at η = ρ/‖g‖ and
     * halving η whenever the step does not increase the loss (so each restart increases L
     * monotonically), until η is below 1e-10·ρ/‖g‖ or the step budget is spent. The search is local:
     * restarts that reach the same value are evidence, not proof, that it is global.
     *
     * @param objective not modified
     * @param theta not modified
     * @param rho radius, &gt; 0
     * @param restarts ≥ 1
     * @param steps gradient steps per restart
     * @param rng modified (start directions)
     */
    public static WorstCase worstCase(Objective objective, double[] theta, double rho, int restarts, int steps,
            Rng rng) {
        Objects.requireNonNull(objective, "objective");
        if (!(rho > 0) || restarts < 1 || steps < 1) {
            throw new IllegalArgumentException("need ρ > 0, restarts ≥ 1, steps ≥ 1; got ρ=" + rho + ", restarts="
                    + restarts + ", steps=" + steps);
        }
        int p = theta.length;
        double base = objective.value(theta);
        double[] restartValues = new double[restarts];
        double best = 0;
        double[] bestDelta = new double[p];
        double[] point = new double[p];
        double[] g = new double[p];
        double[] trial = new double[p];
        for (int r = 0; r < restarts; r++) {
            double[] delta = rng.gaussianVector(p, 1.0);
            rescale(delta, rho);
            double current = objective.valueAndGradient(shifted(theta, delta, point), null, g);
            double eta = Double.NaN;
            for (int s = 0; s < steps; s++) {
                double gn = Vec.norm2(g);
                if (!(gn > 0) || !Double.isFinite(current)) {
                    break;
                }
                if (Double.isNaN(eta)) {
                    eta = rho / gn;
                }
                boolean improved = false;
                while (eta * gn > 1e-10 * rho) {
                    for (int i = 0; i < p; i++) {
                        trial[i] = delta[i] + eta * g[i];
                    }
                    rescale(trial, rho);
                    double value = objective.value(shifted(theta, trial, point));
                    if (value > current) {
                        System.arraycopy(trial, 0, delta, 0, p);
                        current = objective.valueAndGradient(point, null, g);
                        improved = true;
                        eta *= 1.5; // let the step grow back after a success
                        break;
                    }
                    eta *= 0.5;
                }
                if (!improved) {
                    break;
                }
            }
            restartValues[r] = current - base;
            if (restartValues[r] > best) {
                best = restartValues[r];
                bestDelta = delta.clone();
            }
        }
        int agreeing = 0;
        for (double v : restartValues) {
            if (Math.abs(v - best) <= AGREEMENT_TOL * Math.max(Math.abs(best), Double.MIN_NORMAL)) {
                agreeing++;
            }
        }
        return new WorstCase(best, bestDelta, restartValues, agreeing);
    }

    /**
     * The random-direction probe: per direction u (Gaussian, normalized), ΔL = L(θ + r u) − L(θ);
     * λ_eff = 2 mean(ΔL)/r², which for a quadratic L equals the mean of uᵀHu = tr H / p in expectation.
     *
     * @param increases ΔL per direction
     * @param mean the mean increase
     * @param standardError sample standard deviation / √m
     * @param effectiveCurvature 2·mean/r²
     */
    public record RandomDirectionProbe(double radius, double[] increases, double mean, double standardError,
            double effectiveCurvature) {
    }

    /** The random-direction probe with m ≥ 2 directions of norm r &gt; 0. */
    public static RandomDirectionProbe randomDirection(Objective objective, double[] theta, double radius,
            int directions, Rng rng) {
        if (!(radius > 0) || directions < 2) {
            throw new IllegalArgumentException("need r > 0 and at least 2 directions; got r=" + radius
                    + ", directions=" + directions);
        }
        double base = objective.value(theta);
        double[] increases = new double[directions];
        double[] point = new double[theta.length];
        for (int d = 0; d < directions; d++) {
            double[] u = rng.gaussianVector(theta.length, 1.0);
            rescale(u, radius);
            increases[d] = objective.value(shifted(theta, u, point)) - base;
        }
        double mean = Arrays.stream(increases).average().orElseThrow();
        double ss = 0;
        for (double v : increases) {
            ss += (v - mean) * (v - mean);
        }
        double se = Math.sqrt(ss / (directions - 1) / directions);
        return new RandomDirectionProbe(radius, increases, mean, se, 2 * mean / (radius * radius));
    }

    /**
     * The random-direction probe at several radii with common directions: per unit direction u and
     * radius r, the antithetic increase ½[L(θ + r u) + L(θ − r u)] − L(θ). Its mean over u is the same
     * E ΔL as {@link #randomDirection} (u and −u are equally likely), but the odd orders cancel per
     * direction: it equals ½r²uᵀHu + (r⁴/24)∇⁴L[u,u,u,u] + O(r⁶), so at small r the ratio of the means
     * at 2r and r is 4(1 + O(r²)) without sampling noise.
     *
     * @param radii the probe norms
     * @param meanIncrease per radius, the mean antithetic increase over the directions
     * @param increases [radius][direction] antithetic increases
     */
    public record RadiusScan(double[] radii, double[] meanIncrease, double[][] increases) {
        /** λ_eff = 2·meanIncrease/r² at radius index k. */
        public double effectiveCurvature(int k) {
            return 2 * meanIncrease[k] / (radii[k] * radii[k]);
        }
    }

    /** The antithetic random-direction probe at every radius (each &gt; 0) on m ≥ 2 shared directions. */
    public static RadiusScan randomDirectionScan(Objective objective, double[] theta, double[] radii, int directions,
            Rng rng) {
        if (directions < 2 || radii.length == 0 || Arrays.stream(radii).anyMatch(r -> !(r > 0))) {
            throw new IllegalArgumentException("need radii > 0 and at least 2 directions; got radii="
                    + Arrays.toString(radii) + ", directions=" + directions);
        }
        double base = objective.value(theta);
        double[][] increases = new double[radii.length][directions];
        double[] point = new double[theta.length];
        double[] step = new double[theta.length];
        for (int d = 0; d < directions; d++) {
            double[] u = rng.gaussianVector(theta.length, 1.0);
            rescale(u, 1.0);
            for (int k = 0; k < radii.length; k++) {
                for (int i = 0; i < u.length; i++) {
                    step[i] = radii[k] * u[i];
                }
                double plus = objective.value(shifted(theta, step, point));
                for (int i = 0; i < u.length; i++) {
                    step[i] = -step[i];
                }
                double minus = objective.value(shifted(theta, step, point));
                increases[k][d] = 0.5 * (plus + minus) - base;
            }
        }
        double[] means = new double[radii.length];
        for (int k = 0; k < radii.length; k++) {
            means[k] = Arrays.stream(increases[k]).average().orElseThrow();
        }
        return new RadiusScan(radii.clone(), means, increases);
    }

    private static double[] shifted(double[] theta, double[] delta, double[] out) {
        for (int i = 0; i < theta.length; i++) {
            out[i] = theta[i] + delta[i];
        }
        return out;
    }

    private static void rescale(double[] v, double norm) {
        double n = Vec.norm2(v);
        for (int i = 0; i < v.length; i++) {
            v[i] *= norm / n;
        }
    }
}
