package com.example.genzoo.renyi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.genzoo.api.Decoder;
import dev.genzoo.api.Encoder;
import dev.genzoo.api.EncoderKind;
import dev.genzoo.api.Encoding;
import dev.genzoo.api.GenerativeModel;
import dev.genzoo.api.ObjectiveValue;
import dev.genzoo.api.Prior;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Distribution;
import dev.genzoo.api.distribution.Draw;
import dev.genzoo.api.distribution.Normal;
import dev.genzoo.api.distribution.StandardNormal;
import dev.genzoo.api.options.OptionException;
import dev.genzoo.api.options.Options;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The renyi objective on a linear Gaussian model whose evidence is known exactly: p(z) = N(0, 1)
 * and p(x|z) = N(z, s^2), so p(x) = N(x; 0, 1 + s^2) and p(z|x) = N(x / (1 + s^2), s^2 / (1 + s^2)).
 */
final class RenyiBoundTest {
    private static final double S2 = 0.25;

    private static double logNormal(double x, double mean, double variance) {
        return -0.5 * Math.log(2 * Math.PI * variance) - (x - mean) * (x - mean) / (2 * variance);
    }

    private static double logEvidence(double x) {
        return logNormal(x, 0, 1 + S2);
    }

    /** The model with an encoder that maps x to the posterior the function gives. */
    private static GenerativeModel model(NDManager manager, Function<NDArray, Distribution> posterior) {
        Encoder encoder = new Encoder() {
            @Override
            public EncoderKind kind() {
                return EncoderKind.DENSITY;
            }

            @Override
            public Shape latentShape() {
                return new Shape(1);
            }

            @Override
            public Encoding encode(NDArray x, StepContext context) {
                return Encoding.density(posterior.apply(x));
            }
        };
        Prior prior = context -> new StandardNormal(context.manager(), new Shape(1));
        Decoder decoder = (z, context) ->
                Normal.ofLogVariance(z, context.manager().full(new Shape(), (float) Math.log(S2)), 1);
        return new GenerativeModel(encoder, prior, decoder);
    }

    /** N(c x, v) for every x. */
    private static Function<NDArray, Distribution> gaussianPosterior(double c, double v) {
        return x -> Normal.ofLogVariance(
                x.mul(x.getManager().full(new Shape(), (float) c)),
                x.getManager().full(x.getShape(), (float) Math.log(v)),
                1);
    }

    private static ObjectiveValue evaluate(NDManager manager, GenerativeModel model, float[] x, double alpha, int k) {
        RenyiBound.Factory factory = new RenyiBound.Factory();
        Options options = Options.resolve("objective 'renyi'", factory.options(),
                Map.of("alpha", String.valueOf(alpha), "samples", String.valueOf(k)));
        StepContext context = StepContext.evaluation(0, manager, new ParameterStore(manager, false));
        return factory.create(options, null).evaluate(manager.create(x, new Shape(x.length, 1)), model, context);
    }

    @Test
    void withTheExactPosteriorEveryWeightIsTheEvidenceSoTheBoundIsLogPx() {
        float[] x = {-2f, -0.3f, 0f, 0.8f, 2.5f};
        try (NDManager manager = NDManager.newBaseManager()) {
            GenerativeModel model = model(manager, gaussianPosterior(1 / (1 + S2), S2 / (1 + S2)));
            for (double alpha : new double[] {0, 0.5, 0.9}) {
                for (int k : new int[] {1, 7}) {
                    float[] bound = evaluate(manager, model, x, alpha, k).bound().orElseThrow().toFloatArray();
                    for (int b = 0; b < x.length; b++) {
                        assertThat((double) bound[b]).as("alpha %s, K %d, x %s", alpha, k, x[b])
                                .isCloseTo(logEvidence(x[b]), within(2e-5));
                    }
                }
            }
        }
    }

    /** A posterior whose "draws" are given, with their log-densities: the test knows every weight. */
    private static final class GivenDraws implements Distribution {
        private final NDArray z;
        private final NDArray logQ;

        GivenDraws(NDArray z, NDArray logQ) {
            this.z = z;
            this.logQ = logQ;
        }

        @Override
        public Shape batchShape() {
            return z.getShape().slice(1, 2);
        }

        @Override
        public Shape eventShape() {
            return new Shape(1);
        }

        @Override
        public NDArray sample(Shape sampleShape) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Draw rsampleWithLogProb(Shape sampleShape) {
            assertThat(sampleShape).isEqualTo(new Shape(z.getShape().get(0)));
            return new Draw(z, logQ);
        }

        @Override
        public NDArray logProb(NDArray value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public NDArray mean() {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void theEstimateIsLiAndTurnersFormulaOnTheDrawsItMade() {
        int k = 4;
        float[] x = {0.7f, -1.1f, 2f};
        float[] z = {0.1f, -0.5f, 1.2f, 0.9f, 0.3f, 2.2f, -0.4f, -1.6f, 1.7f, 1.5f, 0.0f, 2.9f};   // [K, B]
        float[] logQ = {-1.2f, -0.8f, -2.1f, -0.9f, -1.5f, -1.0f, -2.5f, -0.7f, -1.3f, -1.1f, -3.0f, -0.6f};
        try (NDManager manager = NDManager.newBaseManager()) {
            GenerativeModel model = model(manager, ignored -> new GivenDraws(
                    manager.create(z, new Shape(k, x.length, 1)), manager.create(logQ, new Shape(k, x.length))));
            for (double alpha : new double[] {0, 0.3, 0.95}) {
                ObjectiveValue value = evaluate(manager, model, x, alpha, k);
                float[] bound = value.bound().orElseThrow().toFloatArray();
                double meanBound = 0;
                double meanLogWeight = 0;
                for (int b = 0; b < x.length; b++) {
                    double sum = 0;
                    for (int i = 0; i < k; i++) {
                        double zi = z[i * x.length + b];
                        double logW = logNormal(x[b], zi, S2) + logNormal(zi, 0, 1) - logQ[i * x.length + b];
                        sum += Math.exp((1 - alpha) * logW);
                        meanLogWeight += logW / (k * x.length);
                    }
                    double expected = Math.log(sum / k) / (1 - alpha);
                    assertThat((double) bound[b]).as("alpha %s, example %d", alpha, b)
                            .isCloseTo(expected, within(1e-4 * Math.max(1, Math.abs(expected))));
                    meanBound += expected / x.length;
                }
                assertThat((double) value.loss().getFloat()).isCloseTo(-meanBound, within(1e-4));
                assertThat((double) value.terms().get("elbo").getFloat()).isCloseTo(meanLogWeight, within(1e-4));
            }
        }
    }

    /**
     * With the posterior N(0.3 x, 0.5), which is not the true one, the one-sample estimate averages
     * to the closed-form ELBO, and the 5-sample Renyi estimate of order 0.5 averages above it and
     * below log p(x) (Li and Turner 2016, theorem 2 and its finite-sample corollary). n examples;
     * each comparison allows 4 standard errors of the mean.
     */
    @Test
    void inExpectationTheBoundLiesBetweenTheElboAndTheEvidence() {
        int n = 20_000;
        float xValue = 1.2f;
        double c = 0.3;
        double v = 0.5;
        float[] x = new float[n];
        java.util.Arrays.fill(x, xValue);
        try (NDManager manager = NDManager.newBaseManager()) {
            GenerativeModel model = model(manager, gaussianPosterior(c, v));
            Engine.getInstance().setRandomSeed(11);
            double[] elbo = stats(evaluate(manager, model, x, 0.5, 1).bound().orElseThrow().toFloatArray());
            double[] renyi = stats(evaluate(manager, model, x, 0.5, 5).bound().orElseThrow().toFloatArray());

            double m = c * xValue;
            double closedElbo = -0.5 * Math.log(2 * Math.PI * S2) - ((xValue - m) * (xValue - m) + v) / (2 * S2)
                    - 0.5 * Math.log(2 * Math.PI) - (m * m + v) / 2
                    + 0.5 * Math.log(2 * Math.PI * Math.E * v);
            assertThat(elbo[0]).isCloseTo(closedElbo, within(4 * elbo[1]));
            assertThat(renyi[0] - elbo[0]).as("Renyi minus ELBO").isGreaterThan(4 * Math.hypot(elbo[1], renyi[1]));
            assertThat(renyi[0]).as("Renyi estimate").isLessThan(logEvidence(xValue) + 4 * renyi[1]);
        }
    }

    /** Mean and standard error of the mean. */
    private static double[] stats(float[] values) {
        double mean = 0;
        for (float v : values) {
            mean += v / (double) values.length;
        }
        double variance = 0;
        for (float v : values) {
            variance += (v - mean) * (v - mean) / (values.length - 1);
        }
        return new double[] {mean, Math.sqrt(variance / values.length)};
    }

    @Test
    void orderOneIsRefusedPointingToTheElbo() {
        RenyiBound.Factory factory = new RenyiBound.Factory();
        assertThatThrownBy(() -> Options.resolve("objective 'renyi'", factory.options(), Map.of("alpha", "1")))
                .isInstanceOf(OptionException.class)
                .hasMessageContaining("option 'alpha' of objective 'renyi' must be < 1 (alpha = 1 is the ELBO");
    }
}
