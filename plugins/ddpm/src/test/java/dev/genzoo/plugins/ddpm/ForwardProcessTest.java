package dev.genzoo.plugins.ddpm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.Encoding;
import dev.genzoo.api.distribution.Normal;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * q(x_t | x_0) drawn in closed form against the forward chain iterated one step at a time, and
 * q(x_{t-1} | x_t, x_0) against the product of the two Gaussians that define it.
 */
final class ForwardProcessTest {
    private static final int T = 1000;
    private static final int N = 20_000;
    private static final double[] START = {1.5, -0.5};

    /**
     * Moments of 20,000 closed-form draws against 20,000 chains x_s = sqrt(1 - beta_s) x_{s-1} +
     * sqrt(beta_s) z run on the host in double precision. Both are Monte Carlo: the means must
     * agree within 4.5 standard errors of their difference, the variances within 4.5 standard
     * errors (the variance of a sample variance of a Gaussian is 2 v^2 / (N - 1)); a wrong
     * coefficient (sqrt(abar) against abar, say) is hundreds of standard errors off.
     */
    @Test
    void closedFormDrawsMatchTheIteratedChain() {
        int[] times = {1, 10, 300, T};
        double[][] closed = new double[times.length][];
        try (TinyDiffusion d = TinyDiffusion.points(T, "linear", 3);
                NDManager scope = d.manager.newSubManager()) {
            NDArray x0 = scope.create(new float[] {1.5f, -0.5f}).broadcast(new Shape(N, 2));
            GaussianForwardProcess process = process(d, x0);
            for (int i = 0; i < times.length; i++) {
                NDArray t = scope.full(new Shape(N), times[i], DataType.INT64);
                closed[i] = process.marginal(t)
                        .sample()
                        .toType(DataType.FLOAT64, false)
                        .toDoubleArray();
            }
        }
        double[][][] iterated = iterate(times);
        for (int i = 0; i < times.length; i++) {
            for (int c = 0; c < 2; c++) {
                double[] a = column(closed[i], c);
                double[] b = iterated[i][c];
                double ma = mean(a);
                double mb = mean(b);
                double va = variance(a, ma);
                double vb = variance(b, mb);
                double meanError = Math.sqrt(va / N + vb / N);
                double varianceError = Math.sqrt(2 * va * va / (N - 1) + 2 * vb * vb / (N - 1));
                assertThat(Math.abs(ma - mb)).as("mean at t=%d", times[i]).isLessThan(4.5 * meanError);
                assertThat(Math.abs(va - vb)).as("variance at t=%d", times[i]).isLessThan(4.5 * varianceError);
            }
        }
    }

    @Test
    void theMarginalIsTheClosedFormGaussian() {
        try (TinyDiffusion d = TinyDiffusion.points(T, "linear", 3);
                NDManager scope = d.manager.newSubManager()) {
            NDArray x0 = scope.create(new float[] {1.5f, -0.5f, 0.25f, 2f}, new Shape(2, 2));
            NDArray t = scope.create(new long[] {7, 640});
            Normal q = (Normal) process(d, x0).marginal(t);
            float[] loc = q.loc().toFloatArray();
            float[] variance = q.logVariance().exp().broadcast(new Shape(2, 2)).toFloatArray();
            double[] alphaBar = {alphaBar(7), alphaBar(640)};
            float[] start = x0.toFloatArray();
            for (int i = 0; i < 4; i++) {
                double ab = alphaBar[i / 2];
                assertThat((double) loc[i]).isCloseTo(Math.sqrt(ab) * start[i], within(1e-5));
                assertThat((double) variance[i]).isCloseTo(1 - ab, within(1e-5));
            }
        }
    }

    /**
     * q(x_{t-1} | x_t, x_0) is proportional to q(x_t | x_{t-1}) q(x_{t-1} | x_0): completing the
     * square gives precision alpha_t / beta_t + 1 / (1 - abar_{t-1}) and mean (sqrt(alpha_t) /
     * beta_t x_t + sqrt(abar_{t-1}) / (1 - abar_{t-1}) x_0) / precision, a different route from
     * equation 7's coefficients.
     */
    @Test
    void thePosteriorIsTheProductOfTheTwoGaussians() {
        try (TinyDiffusion d = TinyDiffusion.points(T, "linear", 3);
                NDManager scope = d.manager.newSubManager()) {
            float[] x0 = {1.5f, -0.5f, 0.25f, 2f, -1f, 0.1f};
            float[] xt = {0.3f, 1.1f, -2f, 0.5f, 0.7f, -0.9f};
            long[] steps = {2, 57, 999};
            Normal q = process(d, scope.create(x0, new Shape(3, 2)))
                    .posterior(scope.create(xt, new Shape(3, 2)), scope.create(steps));
            float[] loc = q.loc().toFloatArray();
            float[] variance = q.logVariance().exp().broadcast(new Shape(3, 2)).toFloatArray();
            for (int i = 0; i < 6; i++) {
                int t = (int) steps[i / 2];
                double beta = beta(t);
                double abPrev = alphaBar(t - 1);
                double precision = (1 - beta) / beta + 1 / (1 - abPrev);
                double mean =
                        (Math.sqrt(1 - beta) / beta * xt[i] + Math.sqrt(abPrev) / (1 - abPrev) * x0[i]) / precision;
                assertThat((double) loc[i]).as("mean %d", i).isCloseTo(mean, within(2e-5 * (1 + Math.abs(mean))));
                assertThat((double) variance[i] * precision)
                        .as("variance %d", i)
                        .isCloseTo(1, within(1e-4));
            }
        }
    }

    private static GaussianForwardProcess process(TinyDiffusion d, NDArray x0) {
        return (GaussianForwardProcess)
                ((Encoding.Process) d.encoder.encode(x0, d.evaluation(x0.getManager()))).process();
    }

    /** beta_t of the linear schedule, written out. */
    private static double beta(int t) {
        return 1e-4 + (t - 1) * (0.02 - 1e-4) / (T - 1);
    }

    private static double alphaBar(int t) {
        double product = 1;
        for (int s = 1; s <= t; s++) {
            product *= 1 - beta(s);
        }
        return product;
    }

    /** [time][coordinate][sample] of chains iterated on the host. */
    private static double[][][] iterate(int[] times) {
        Engine.getInstance();
        Random random = new Random(11);
        double[][][] out = new double[times.length][2][N];
        for (int n = 0; n < N; n++) {
            double x = START[0];
            double y = START[1];
            int next = 0;
            for (int s = 1; s <= T; s++) {
                double b = beta(s);
                x = Math.sqrt(1 - b) * x + Math.sqrt(b) * random.nextGaussian();
                y = Math.sqrt(1 - b) * y + Math.sqrt(b) * random.nextGaussian();
                if (s == times[next]) {
                    out[next][0][n] = x;
                    out[next][1][n] = y;
                    next++;
                    if (next == times.length) {
                        break;
                    }
                }
            }
        }
        return out;
    }

    private static double[] column(double[] pairs, int c) {
        double[] out = new double[pairs.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = pairs[2 * i + c];
        }
        return out;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double variance(double[] v, double mean) {
        double s = 0;
        for (double x : v) {
            s += (x - mean) * (x - mean);
        }
        return s / (v.length - 1);
    }
}
