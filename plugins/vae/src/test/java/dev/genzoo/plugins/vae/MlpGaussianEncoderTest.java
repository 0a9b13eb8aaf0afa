package dev.genzoo.plugins.vae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.EncoderKind;
import dev.genzoo.api.Encoding;
import dev.genzoo.api.distribution.Normal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link MlpGaussianEncoder}: a posterior with batch shape [B] and the latent as event shape. */
final class MlpGaussianEncoderTest {
    private TinyVae vae;
    private NDManager scope;

    @BeforeEach
    void setUp() {
        vae = TinyVae.bernoulli(1);
        scope = vae.manager.newSubManager();
    }

    @AfterEach
    void tearDown() {
        vae.close();
    }

    @Test
    void imagesBecomeADiagonalGaussianOverTheLatent() {
        NDArray x = TinyVae.images(scope, TinyVae.binaryBatch(5));

        Encoding encoding = vae.encoder.encode(x, vae.evaluation(scope));

        assertThat(vae.encoder.kind()).isEqualTo(EncoderKind.DENSITY);
        assertThat(vae.encoder.latentShape()).isEqualTo(new Shape(TinyVae.LATENT));
        assertThat(encoding.kind()).isEqualTo(EncoderKind.DENSITY);
        Normal posterior = (Normal) ((Encoding.Density) encoding).posterior();
        assertThat(posterior.batchShape()).isEqualTo(new Shape(5));
        assertThat(posterior.eventShape()).isEqualTo(new Shape(TinyVae.LATENT));
        assertThat(posterior.loc().getShape()).isEqualTo(new Shape(5, TinyVae.LATENT));
        assertThat(posterior.logVariance().getShape()).isEqualTo(new Shape(5, TinyVae.LATENT));
        assertThat(posterior.rsample(new Shape(2)).getShape()).isEqualTo(new Shape(2, 5, TinyVae.LATENT));
    }

    /** Each example's posterior depends on that example alone, as one-at-a-time encoding shows. */
    @Test
    void examplesAreEncodedIndependently() {
        NDArray x = TinyVae.images(scope, TinyVae.binaryBatch(5));
        Normal batch = posterior(x);

        for (int b = 0; b < 5; b++) {
            Normal single = posterior(x.get(new NDIndex(b + ":" + (b + 1))));
            float[] expectedLoc = batch.loc().get(b).toFloatArray();
            float[] expectedLogVar = batch.logVariance().get(b).toFloatArray();
            float[] loc = single.loc().toFloatArray();
            float[] logVar = single.logVariance().toFloatArray();
            for (int d = 0; d < TinyVae.LATENT; d++) {
                assertThat(loc[d]).isCloseTo(expectedLoc[d], within(1e-6f));
                assertThat(logVar[d]).isCloseTo(expectedLogVar[d], within(1e-6f));
            }
        }
        // Different images, different posteriors: the network reads its input.
        assertThat(batch.loc().get(0).toFloatArray())
                .isNotEqualTo(batch.loc().get(1).toFloatArray());
    }

    @Test
    void parametersAreTheTwoLinearLayers() {
        // 16 -> 8 -> 2 * 3: two weights and two biases.
        long count = 0;
        for (var parameter : vae.encoder.parameters().values()) {
            count += parameter.getArray().getShape().size();
        }
        assertThat(vae.encoder.parameters().size()).isEqualTo(4);
        assertThat(count).isEqualTo(16 * 8 + 8 + 8 * 6 + 6);
    }

    private Normal posterior(NDArray x) {
        return (Normal) ((Encoding.Density) vae.encoder.encode(x, vae.evaluation(scope))).posterior();
    }
}
