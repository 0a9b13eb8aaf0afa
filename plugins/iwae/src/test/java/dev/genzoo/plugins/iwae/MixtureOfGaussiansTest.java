package dev.genzoo.plugins.iwae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link MixtureOfGaussians} against the mixture's definition in doubles: the log-density as a
 * sum of weighted Gaussian densities, the moments of its draws, and the gradient of E[f(z)] for
 * f(z) = sum_l a_l z_l + z_l^2, whose expectation sum_c pi_c sum_l (a_l mu_cl + mu_cl^2 +
 * sigma_cl^2) has closed-form derivatives in the weights, means and log-variances, and of the
 * cross moment E[z_1 z_2], which only a draw that respects the coupling of the coordinates gets
 * right. Monte Carlo checks allow 5 standard errors, computed from the draws.
 */
final class MixtureOfGaussiansTest {
    private static final float[] LOGITS = {0.3f, -0.4f, 0.8f};
    private static final float[] LOC = {-1.5f, 0.5f, 0.2f, -0.7f, 1.8f, 1.1f};
    private static final float[] LOG_VAR = {-0.6f, 0.1f, -1.2f, 0.3f, -0.2f, -0.9f};
    private static final int C = 3;
    private static final int L = 2;

    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
        Engine.getInstance().setRandomSeed(19);
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private MixtureOfGaussians mixture(boolean differentiable) {
        return new MixtureOfGaussians(
                manager.create(LOGITS),
                manager.create(LOC, new Shape(C, L)),
                manager.create(LOG_VAR, new Shape(C, L)),
                differentiable);
    }

    private static double[] weights() {
        double[] w = new double[C];
        double total = 0;
        for (int c = 0; c < C; c++) {
            w[c] = Math.exp(LOGITS[c]);
            total += w[c];
        }
        for (int c = 0; c < C; c++) {
            w[c] /= total;
        }
        return w;
    }

    @Test
    void logProbIsTheLogOfTheWeightedDensities() {
        MixtureOfGaussians mixture = mixture(false);
        float[] z = {0.1f, -0.2f, 2.0f, 1.0f, -1.4f, 0.6f, 5.0f, -4.0f};
        float[] got = mixture.logProb(manager.create(z, new Shape(2, 2, L))).toFloatArray();
        assertThat(mixture.batchShape()).isEqualTo(new Shape());
        assertThat(mixture.eventShape()).isEqualTo(new Shape(L));
        double[] w = weights();
        for (int i = 0; i < 4; i++) {
            double density = 0;
            for (int c = 0; c < C; c++) {
                double p = w[c];
                for (int l = 0; l < L; l++) {
                    double variance = Math.exp(LOG_VAR[c * L + l]);
                    double r = z[i * L + l] - LOC[c * L + l];
                    p *= Math.exp(-r * r / (2 * variance)) / Math.sqrt(2 * Math.PI * variance);
                }
                density += p;
            }
            assertThat((double) got[i]).isCloseTo(Math.log(density), within(1e-4 * (1 + Math.abs(Math.log(density)))));
        }
    }

    @Test
    void drawsHaveTheMixturesMeanAndVariance() {
        int n = 40_000;
        float[] z = mixture(false).sample(new Shape(n)).toFloatArray();
        double[] w = weights();
        for (int l = 0; l < L; l++) {
            double mean = 0;
            double second = 0;
            double fourth = 0;
            for (int c = 0; c < C; c++) {
                double mu = LOC[c * L + l];
                double v = Math.exp(LOG_VAR[c * L + l]);
                mean += w[c] * mu;
                second += w[c] * (v + mu * mu);
                fourth += w[c] * (mu * mu * mu * mu + 6 * mu * mu * v + 3 * v * v);
            }
            double sampleMean = 0;
            double sampleSecond = 0;
            for (int i = 0; i < n; i++) {
                sampleMean += z[i * L + l] / n;
                sampleSecond += (double) z[i * L + l] * z[i * L + l] / n;
            }
            assertThat(sampleMean).isCloseTo(mean, within(5 * Math.sqrt((second - mean * mean) / n)));
            assertThat(sampleSecond).isCloseTo(second, within(5 * Math.sqrt((fourth - second * second) / n)));
        }
        double[] analyticMean = {0, 0};
        for (int c = 0; c < C; c++) {
            for (int l = 0; l < L; l++) {
                analyticMean[l] += w[c] * LOC[c * L + l];
            }
        }
        float[] mean = mixture(false).mean().toFloatArray();
        assertThat((double) mean[0]).isCloseTo(analyticMean[0], within(1e-6));
        assertThat((double) mean[1]).isCloseTo(analyticMean[1], within(1e-6));
    }

    /** The implicit-gradient draw is the plain draw in value: the surrogate adds zero. */
    @Test
    void reparameterizedDrawsEqualPlainDrawsInValue() {
        Engine.getInstance().setRandomSeed(5);
        float[] plain = mixture(false).rsample(new Shape(50)).toFloatArray();
        Engine.getInstance().setRandomSeed(5);
        float[] implicit = mixture(true).rsample(new Shape(50)).toFloatArray();
        assertThat(implicit).containsExactly(plain);
    }

    @Test
    void gradientsOfAnExpectationMatchTheClosedForm() {
        float[] a = {0.7f, -1.3f};
        double[][] gradients = gradients(
                z -> z.mul(manager.create(a)).add(z.square()).sum(new int[] {1}).mean());

        double[] w = weights();
        double[] g = new double[C];
        double expectation = 0;
        for (int c = 0; c < C; c++) {
            for (int l = 0; l < L; l++) {
                double mu = LOC[c * L + l];
                g[c] += a[l] * mu + mu * mu + Math.exp(LOG_VAR[c * L + l]);
            }
            expectation += w[c] * g[c];
        }
        double[] exact = new double[C + 2 * C * L];
        for (int c = 0; c < C; c++) {
            exact[c] = w[c] * (g[c] - expectation);
            for (int l = 0; l < L; l++) {
                exact[C + c * L + l] = w[c] * (a[l] + 2 * LOC[c * L + l]);
                exact[C + C * L + c * L + l] = w[c] * Math.exp(LOG_VAR[c * L + l]);
            }
        }
        assertMatches(gradients, exact);
        // the weights get a real gradient, not a zero-mean one: the closed form is far from zero
        assertThat(Math.abs(exact[2])).isGreaterThan(0.3);
    }

    /**
     * E[z_1 z_2] = sum_c pi_c mu_c1 mu_c2 depends on how the coordinates vary together, which an
     * additive f cannot see: a draw whose second coordinate were moved by the mixture's marginal CDF
     * in that coordinate, ignoring that z_1 shifts the component weights, has the right marginals
     * and wrong gradients here.
     */
    @Test
    void gradientsOfACrossMomentMatchTheClosedForm() {
        double[][] gradients =
                gradients(z -> z.get("..., 0").mul(z.get("..., 1")).mean());

        double[] w = weights();
        double expectation = 0;
        for (int c = 0; c < C; c++) {
            expectation += w[c] * LOC[c * L] * LOC[c * L + 1];
        }
        double[] exact = new double[C + 2 * C * L];
        for (int c = 0; c < C; c++) {
            exact[c] = w[c] * (LOC[c * L] * LOC[c * L + 1] - expectation);
            exact[C + c * L] = w[c] * LOC[c * L + 1];
            exact[C + c * L + 1] = w[c] * LOC[c * L];
            // the log-variances do not enter E[z_1 z_2]: their exact gradients are 0
        }
        assertMatches(gradients, exact);
    }

    /** Gradients of E[f(z)] in (logits, means, log-variances), from 8 batches of 5000 draws. */
    private double[][] gradients(java.util.function.Function<NDArray, NDArray> f) {
        int batches = 8;
        int draws = 5000;
        double[][] gradients = new double[batches][];
        for (int r = 0; r < batches; r++) {
            NDArray logits = manager.create(LOGITS);
            NDArray loc = manager.create(LOC, new Shape(C, L));
            NDArray logVar = manager.create(LOG_VAR, new Shape(C, L));
            for (NDArray p : new NDArray[] {logits, loc, logVar}) {
                p.setRequiresGradient(true);
            }
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray z = new MixtureOfGaussians(logits, loc, logVar, true).rsample(new Shape(draws));
                collector.backward(f.apply(z));
            }
            gradients[r] = concat(
                    logits.getGradient().toFloatArray(),
                    loc.getGradient().toFloatArray(),
                    logVar.getGradient().toFloatArray());
        }
        return gradients;
    }

    /** Each gradient's mean over the batches is within 5 standard errors (and 1e-3) of the exact one. */
    private static void assertMatches(double[][] gradients, double[] exact) {
        int batches = gradients.length;
        for (int i = 0; i < exact.length; i++) {
            double mean = 0;
            for (double[] batch : gradients) {
                mean += batch[i] / batches;
            }
            double squares = 0;
            for (double[] batch : gradients) {
                squares += (batch[i] - mean) * (batch[i] - mean);
            }
            double standardError = Math.sqrt(squares / (batches - 1) / batches);
            assertThat(mean).as("gradient %d", i).isCloseTo(exact[i], within(5 * standardError + 1e-3));
        }
    }

    private static double[] concat(float[]... parts) {
        int n = 0;
        for (float[] p : parts) {
            n += p.length;
        }
        double[] out = new double[n];
        int i = 0;
        for (float[] p : parts) {
            for (float v : p) {
                out[i++] = v;
            }
        }
        return out;
    }
}
