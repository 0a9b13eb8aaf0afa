package dev.genzoo.plugins.vae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import dev.genzoo.api.distribution.Normal;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link MlpGaussianDecoder} with fixed, learned and shared variance: which parameters each exposes, the
 * learned log-variance's start at 2 log(sigma), and log p(x|z) against the Gaussian density written
 * out in doubles, including its gradient with respect to the learned log-variance.
 */
final class MlpGaussianDecoderTest {
    private static final int K = 2;
    private static final int B = 3;
    private static final double SIGMA = 0.3;

    @Test
    void fixedVarianceAddsNoParameter() {
        try (TinyVae vae = TinyVae.gaussian(5, Map.of("sigma", "0.3"))) {
            assertThat(vae.decoder.parameters().keys()).doesNotContain("log_variance");
            // 3 -> 8 -> 16: two weights and two biases.
            assertThat(vae.decoder.parameters().size()).isEqualTo(4);
        }
    }

    @Test
    void learnedVarianceAddsOneLogVarianceStartingAtTwiceLogSigma() {
        try (TinyVae fixed = TinyVae.gaussian(5, Map.of("sigma", "0.3"));
                TinyVae learned = TinyVae.gaussian(5, Map.of("sigma", "0.3", "variance", "learned"))) {
            assertThat(learned.decoder.parameters().size())
                    .isEqualTo(fixed.decoder.parameters().size() + 1);
            Parameter logVariance = learned.decoder.parameters().get("log_variance");
            assertThat(logVariance).isNotNull();
            assertThat(logVariance.getArray().getShape()).isEqualTo(TinyVae.DATA);
            assertThat(logVariance.requiresGradient()).isTrue();
            for (float v : logVariance.getArray().toFloatArray()) {
                assertThat((double) v).isCloseTo(2 * Math.log(SIGMA), within(1e-6));
            }
            // Asking twice does not add it twice.
            assertThat(learned.decoder.parameters().size())
                    .isEqualTo(fixed.decoder.parameters().size() + 1);
        }
    }

    @Test
    void sharedVarianceAddsOneScalarLogVariance() {
        try (TinyVae shared = TinyVae.gaussian(5, Map.of("sigma", "0.3", "variance", "shared"))) {
            Parameter logVariance = shared.decoder.parameters().get("log_variance");
            assertThat(logVariance.getArray().getShape()).isEqualTo(new Shape());
            assertThat((double) logVariance.getArray().getFloat()).isCloseTo(2 * Math.log(SIGMA), within(1e-6));
        }
    }

    @Test
    void fixedVarianceLogProbIsTheGaussianDensity() {
        try (TinyVae vae = TinyVae.gaussian(6, Map.of("sigma", "0.3"));
                NDManager scope = vae.manager.newSubManager()) {
            double[] logVariance = new double[TinyVae.PIXELS];
            Arrays.fill(logVariance, 2 * Math.log(SIGMA));

            assertLogProbIsGaussian(vae, scope, logVariance);
        }
    }

    @Test
    void learnedVarianceLogProbUsesEachPixelsOwnVariance() {
        try (TinyVae vae = TinyVae.gaussian(7, Map.of("variance", "learned"));
                NDManager scope = vae.manager.newSubManager()) {
            double[] logVariance = new double[TinyVae.PIXELS];
            float[] values = new float[TinyVae.PIXELS];
            Random random = new Random(1);
            for (int i = 0; i < TinyVae.PIXELS; i++) {
                values[i] = (float) (-3 + 2 * random.nextDouble());
                logVariance[i] = values[i];
            }
            NDArray parameter = vae.decoder.parameters().get("log_variance").getArray();
            parameter.set(values);

            assertLogProbIsGaussian(vae, scope, logVariance);
        }
    }

    /**
     * d/d logVar_i of sum_b log N(x_bi; m_bi, e^logVar_i) = sum_b ((x - m)^2 e^-logVar - 1) / 2.
     */
    @Test
    void learnedLogVarianceReceivesTheGaussianGradient() {
        try (TinyVae vae = TinyVae.gaussian(8, Map.of("variance", "learned", "sigma", "0.5"));
                NDManager scope = vae.manager.newSubManager()) {
            float[] x = TinyVae.realBatch(B);
            NDArray z = scope.randomNormal(new Shape(B, TinyVae.LATENT));
            NDArray parameter = vae.decoder.parameters().get("log_variance").getArray();
            float[] mean;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                Normal decoded = (Normal) vae.decoder.decode(z, vae.training(scope, 0, 1));
                mean = decoded.mean().toFloatArray();
                collector.backward(decoded.logProb(TinyVae.images(scope, x)).sum());
            }
            float[] gradient = parameter.getGradient().toFloatArray();

            double logVar = 2 * Math.log(0.5);
            for (int i = 0; i < TinyVae.PIXELS; i++) {
                double expected = 0;
                for (int b = 0; b < B; b++) {
                    double r = x[b * TinyVae.PIXELS + i] - mean[b * TinyVae.PIXELS + i];
                    expected += 0.5 * (r * r * Math.exp(-logVar) - 1);
                }
                assertThat((double) gradient[i]).isCloseTo(expected, within(1e-4 * (1 + Math.abs(expected))));
            }
        }
    }

    /** Decodes z of shape [K, B, L] and checks every log p(x_b | z_kb) against the formula. */
    private static void assertLogProbIsGaussian(TinyVae vae, NDManager scope, double[] logVariance) {
        float[] x = TinyVae.realBatch(B);
        NDArray z = scope.randomNormal(new Shape(K, B, TinyVae.LATENT));

        Normal decoded = (Normal) vae.decoder.decode(z, vae.evaluation(scope));
        NDArray logProb = decoded.logProb(TinyVae.images(scope, x));

        assertThat(decoded.batchShape()).isEqualTo(new Shape(K, B));
        assertThat(decoded.eventShape()).isEqualTo(TinyVae.DATA);
        assertThat(logProb.getShape()).isEqualTo(new Shape(K, B));
        float[] mean = decoded.mean().toFloatArray();
        float[] got = logProb.toFloatArray();
        for (int k = 0; k < K; k++) {
            for (int b = 0; b < B; b++) {
                double expected = 0;
                for (int i = 0; i < TinyVae.PIXELS; i++) {
                    double r = x[b * TinyVae.PIXELS + i] - mean[(k * B + b) * TinyVae.PIXELS + i];
                    double variance = Math.exp(logVariance[i]);
                    expected += -r * r / (2 * variance) - 0.5 * Math.log(2 * Math.PI * variance);
                }
                assertThat((double) got[k * B + b]).isCloseTo(expected, within(1e-4 * (1 + Math.abs(expected))));
            }
        }
    }
}
