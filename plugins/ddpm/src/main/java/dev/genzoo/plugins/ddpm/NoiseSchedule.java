package dev.genzoo.plugins.ddpm;

import java.util.function.IntToDoubleFunction;

/**
 * The variances beta_1..beta_T of the forward process and what follows from them: alpha_t = 1 -
 * beta_t, abar_t = prod_{s<=t} alpha_s, and the posterior q(x_{t-1} | x_t, x_0) (Ho et al. 2020,
 * equations 4, 6 and 7; the cosine schedule from Nichol and Dhariwal 2021, equation 17). Computed
 * in double precision on the host; index t runs 1..T, and index 0 stands for x_0 (beta_0 = 0,
 * abar_0 = 1). Immutable.
 */
final class NoiseSchedule {
    /** Ho et al. (2020), section 4: beta rises linearly from 1e-4 to 0.02. */
    static final double LINEAR_START = 1e-4;

    static final double LINEAR_END = 0.02;
    /** Nichol and Dhariwal (2021), section 3.2: the offset s and the largest beta. */
    static final double COSINE_OFFSET = 0.008;

    static final double COSINE_MAX_BETA = 0.999;

    private final double[] beta;
    private final double[] alphaBar;

    private NoiseSchedule(double[] beta) {
        this.beta = beta;
        this.alphaBar = new double[beta.length];
        alphaBar[0] = 1;
        for (int t = 1; t < beta.length; t++) {
            alphaBar[t] = alphaBar[t - 1] * (1 - beta[t]);
        }
    }

    /**
     * The linear schedule: beta_t evenly spaced from 1e-4 (t = 1) to 0.02 (t = T).
     *
     * @param steps T, at least 1
     * @return the schedule
     */
    static NoiseSchedule linear(int steps) {
        double[] beta = new double[steps + 1];
        for (int t = 1; t <= steps; t++) {
            double fraction = steps == 1 ? 0 : (t - 1) / (double) (steps - 1);
            beta[t] = LINEAR_START + fraction * (LINEAR_END - LINEAR_START);
        }
        return new NoiseSchedule(beta);
    }

    /**
     * The cosine schedule: abar_t = f(t) / f(0) with f(t) = cos^2((t/T + s) / (1 + s) * pi/2),
     * beta_t = 1 - abar_t / abar_{t-1} clipped at 0.999.
     *
     * @param steps T, at least 1
     * @return the schedule
     */
    static NoiseSchedule cosine(int steps) {
        double[] beta = new double[steps + 1];
        for (int t = 1; t <= steps; t++) {
            double ratio = cosineF(t, steps) / cosineF(t - 1, steps);
            beta[t] = Math.min(1 - ratio, COSINE_MAX_BETA);
        }
        return new NoiseSchedule(beta);
    }

    /**
     * The schedule of the chain that visits only some steps, tau_1 < ... < tau_S, of this one:
     * its abar_i is this abar at tau_i, so beta'_i = 1 - abar_{tau_i} / abar_{tau_{i-1}} (Nichol
     * and Dhariwal 2021, section 4). Visiting every step gives this schedule back.
     *
     * @param visited the steps kept, increasing, each in 1..T
     * @return a schedule of S steps
     */
    NoiseSchedule respaced(int[] visited) {
        double[] kept = new double[visited.length + 1];
        double previous = 1;
        for (int i = 0; i < visited.length; i++) {
            kept[i + 1] = 1 - alphaBar[visited[i]] / previous;
            previous = alphaBar[visited[i]];
        }
        return new NoiseSchedule(kept);
    }

    /**
     * S steps of 1..T, evenly spaced and rounded, always including 1 and T (for S >= 2).
     *
     * @param count S, in 1..T
     * @return the steps, increasing
     */
    int[] evenlySpaced(int count) {
        int steps = steps();
        int[] visited = new int[count];
        for (int i = 0; i < count; i++) {
            visited[i] = count == 1 ? steps : (int) Math.round(1 + (steps - 1) * (double) i / (count - 1));
        }
        return visited;
    }

    private static double cosineF(int t, int steps) {
        double c = Math.cos((t / (double) steps + COSINE_OFFSET) / (1 + COSINE_OFFSET) * Math.PI / 2);
        return c * c;
    }

    /** The number of steps T. */
    int steps() {
        return beta.length - 1;
    }

    /** beta_t, 0 at t = 0. */
    double beta(int t) {
        return beta[t];
    }

    /** abar_t = prod_{s<=t} (1 - beta_s), 1 at t = 0. */
    double alphaBar(int t) {
        return alphaBar[t];
    }

    /** The posterior variance beta~_t = beta_t (1 - abar_{t-1}) / (1 - abar_t) (equation 7); 0 at t = 1. */
    double posteriorVariance(int t) {
        return beta[t] * (1 - alphaBar[t - 1]) / (1 - alphaBar[t]);
    }

    /**
     * The posterior variance with the t = 1 value (0, x_0 is then known) replaced by that of t = 2,
     * so that its logarithm is finite, as Ho et al.'s code does.
     */
    double clippedPosteriorVariance(int t) {
        return t == 1 && steps() > 1 ? posteriorVariance(2) : posteriorVariance(t);
    }

    /** The weight of x_0 in the posterior mean: sqrt(abar_{t-1}) beta_t / (1 - abar_t) (equation 7). */
    double posteriorStartWeight(int t) {
        return Math.sqrt(alphaBar[t - 1]) * beta[t] / (1 - alphaBar[t]);
    }

    /** The weight of x_t in the posterior mean: sqrt(alpha_t) (1 - abar_{t-1}) / (1 - abar_t) (equation 7). */
    double posteriorCurrentWeight(int t) {
        return Math.sqrt(1 - beta[t]) * (1 - alphaBar[t - 1]) / (1 - alphaBar[t]);
    }

    /**
     * A quantity at every step, as floats for a device table indexed by t.
     *
     * @param value the quantity at step t, asked for t in 1..T
     * @return T + 1 floats, the one at index 0 unused (0)
     */
    float[] table(IntToDoubleFunction value) {
        float[] out = new float[beta.length];
        for (int t = 1; t < out.length; t++) {
            out[t] = (float) value.applyAsDouble(t);
        }
        return out;
    }
}
