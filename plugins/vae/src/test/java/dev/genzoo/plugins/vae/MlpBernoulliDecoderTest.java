package dev.genzoo.plugins.vae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.distribution.Bernoulli;
import dev.genzoo.api.distribution.Distribution;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link MlpBernoulliDecoder}: latents with extra leading sample axes [K, B, L] give batch shape
 * [K, B] in one pass, the same as decoding each of the K slices alone, and a batch x of shape [B,
 * data] is scored against all K by broadcasting, as x log p + (1 - x) log(1 - p).
 */
final class MlpBernoulliDecoderTest {
    private static final int K = 3;
    private static final int B = 4;

    private TinyVae vae;
    private NDManager scope;

    @BeforeEach
    void setUp() {
        vae = TinyVae.bernoulli(2);
        scope = vae.manager.newSubManager();
    }

    @AfterEach
    void tearDown() {
        vae.close();
    }

    @Test
    void oneLatentPerExampleGivesBatchShapeB() {
        Distribution decoded =
                vae.decoder.decode(scope.randomNormal(new Shape(B, TinyVae.LATENT)), vae.evaluation(scope));

        assertThat(decoded.batchShape()).isEqualTo(new Shape(B));
        assertThat(decoded.eventShape()).isEqualTo(TinyVae.DATA);
        assertThat(decoded.mean().getShape()).isEqualTo(new Shape(B, 1, 4, 4));
    }

    @Test
    void sampleAxesOfTheLatentBecomeLeadingBatchAxes() {
        NDArray z = scope.randomNormal(new Shape(K, B, TinyVae.LATENT));
        NDArray x = TinyVae.images(scope, TinyVae.binaryBatch(B));

        Bernoulli decoded = (Bernoulli) vae.decoder.decode(z, vae.evaluation(scope));
        NDArray logProb = decoded.logProb(x);

        assertThat(decoded.batchShape()).isEqualTo(new Shape(K, B));
        assertThat(decoded.eventShape()).isEqualTo(TinyVae.DATA);
        assertThat(logProb.getShape()).isEqualTo(new Shape(K, B));
        float[] joint = logProb.toFloatArray();
        for (int k = 0; k < K; k++) {
            float[] alone = vae.decoder
                    .decode(z.get(k), vae.evaluation(scope))
                    .logProb(x)
                    .toFloatArray();
            for (int b = 0; b < B; b++) {
                assertThat(joint[k * B + b]).isCloseTo(alone[b], within(1e-5f * (1 + Math.abs(alone[b]))));
            }
        }
    }

    @Test
    void logProbIsTheBernoulliLikelihoodOfTheLogits() {
        NDArray z = scope.randomNormal(new Shape(K, B, TinyVae.LATENT));
        float[] x = TinyVae.binaryBatch(B);

        Bernoulli decoded = (Bernoulli) vae.decoder.decode(z, vae.evaluation(scope));
        float[] logProb = decoded.logProb(TinyVae.images(scope, x)).toFloatArray();
        float[] logits = decoded.logits().toFloatArray();

        for (int k = 0; k < K; k++) {
            for (int b = 0; b < B; b++) {
                double expected = 0;
                for (int i = 0; i < TinyVae.PIXELS; i++) {
                    double l = logits[(k * B + b) * TinyVae.PIXELS + i];
                    double p = 1 / (1 + Math.exp(-l));
                    double xi = x[b * TinyVae.PIXELS + i];
                    expected += xi * Math.log(p) + (1 - xi) * Math.log(1 - p);
                }
                assertThat((double) logProb[k * B + b]).isCloseTo(expected, within(1e-4));
            }
        }
    }
}
