package dev.genzoo.plugins.vqvae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.Decoder;
import dev.genzoo.api.Encoder;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Distribution;
import dev.genzoo.api.distribution.Normal;
import dev.genzoo.nn.UpsamplingNetwork;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The decoders: nearest-neighbour upsampling copies each source pixel (PyTorch's rule, source =
 * floor(i * in / out)) and hands each source the sum of its copies' gradients, the output has the
 * data's shape for even and odd sizes, leading sample axes are folded into the batch, the Gaussian's log-density is the closed form, weights start in
 * PyTorch's range, and a decoder whose levels do not match the encoder's grid is refused.
 */
final class ConvDecoderTest {

    @Test
    void upsamplingCopiesTheNearestSourcePixel() {
        try (NDManager manager = NDManager.newBaseManager()) {
            float[] source = {1, 2, 3, 4, 5, 6};
            NDArray x = manager.create(source, new Shape(1, 1, 2, 3));
            for (long[] size : new long[][] {{4, 6}, {5, 7}}) {
                float[] up = UpsamplingNetwork.nearest(x, size).toFloatArray();
                assertThat(up).hasSize((int) (size[0] * size[1]));
                for (int i = 0; i < size[0]; i++) {
                    for (int j = 0; j < size[1]; j++) {
                        int si = (int) Math.floor(i * 2.0 / size[0]);
                        int sj = (int) Math.floor(j * 3.0 / size[1]);
                        assertThat(up[(int) (i * size[1] + j)]).isEqualTo(source[si * 3 + sj]);
                    }
                }
            }
        }
    }

    @Test
    void upsamplingPassesEachOutputPixelsGradientToItsSource() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.randomNormal(new Shape(2, 3, 4, 5));
            x.setRequiresGradient(true);
            NDArray weights = manager.randomNormal(new Shape(2, 3, 8, 10));
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(UpsamplingNetwork.nearest(x, new long[] {8, 10})
                        .mul(weights)
                        .sum());
            }
            // d/dx of sum(w * up(x)) is, for each source pixel, the sum of w over its 2x2 block
            float[] w = weights.toFloatArray();
            float[] gradient = x.getGradient().toFloatArray();
            for (int map = 0; map < 6; map++) {
                for (int i = 0; i < 4; i++) {
                    for (int j = 0; j < 5; j++) {
                        int top = map * 80 + 2 * i * 10 + 2 * j;
                        float expected = w[top] + w[top + 1] + w[top + 10] + w[top + 11];
                        assertThat(gradient[map * 20 + i * 5 + j]).isCloseTo(expected, within(1e-5f));
                    }
                }
            }
        }
    }

    @Test
    void decodesBackToTheDataShape() {
        assertRoundTrip(new Shape(1, 28, 28), "32,64", new Shape(64, 7, 7));
        assertRoundTrip(new Shape(1, 9, 7), "4,4", new Shape(5, 2, 1));
        assertRoundTrip(new Shape(3, 8, 8), "4", new Shape(5, 4, 4));
    }

    private static void assertRoundTrip(Shape data, String channels, Shape latent) {
        Map<String, String> options =
                Map.of("channels", channels, "code-dim", String.valueOf(latent.get(0)), "codes", "8");
        try (TinyVqVae vq = new TinyVqVae(1, options, data);
                NDManager scope = vq.manager.newSubManager()) {
            assertThat(vq.encoder.latentShape()).isEqualTo(latent);
            NDArray z = vq.prior.distribution(vq.evaluation(scope)).sample(new Shape(2));
            Distribution p = vq.decoder.decode(z, vq.evaluation(scope));
            assertThat(p.batchShape()).isEqualTo(new Shape(2));
            assertThat(p.eventShape()).isEqualTo(data);
            assertThat(p.logProb(scope.zeros(new Shape(2).addAll(data))).getShape())
                    .isEqualTo(new Shape(2));
        }
    }

    @Test
    void leadingSampleAxesAreFoldedIntoTheBatch() {
        try (TinyVqVae vq = new TinyVqVae(2, Map.of());
                NDManager scope = vq.manager.newSubManager()) {
            StepContext context = vq.evaluation(scope);
            NDArray z = scope.randomNormal(new Shape(2, 3).addAll(vq.encoder.latentShape()));
            NDArray all = vq.decoder.decode(z, context).mean();
            assertThat(all.getShape()).isEqualTo(new Shape(2, 3).addAll(TinyVqVae.DATA));
            for (int k = 0; k < 2; k++) {
                float[] one = vq.decoder
                        .decode(z.get(new NDIndex("{}", k)), context)
                        .mean()
                        .toFloatArray();
                float[] folded = all.get(new NDIndex("{}", k)).toFloatArray();
                assertThat(folded).containsExactly(one, within(1e-6f));
            }
        }
    }

    @Test
    void theGaussianDensityIsTheClosedForm() {
        try (TinyVqVae vq = new TinyVqVae(3, Map.of());
                NDManager scope = vq.manager.newSubManager()) {
            BuildContext context = BuildContext.of(vq.manager, TinyVqVae.DATA).withEncoder(vq.encoder);
            Decoder gaussian = TinyVqVae.create(
                    new ConvGaussianDecoder.Factory(), Map.of("channels", "4", "sigma", "0.5"), context);
            NDArray z = scope.randomNormal(new Shape(2).addAll(vq.encoder.latentShape()));
            NDArray x = scope.randomUniform(0f, 1f, new Shape(2).addAll(TinyVqVae.DATA));
            Distribution p = gaussian.decode(z, vq.evaluation(scope));
            float[] mean = p.mean().toFloatArray();
            float[] values = x.toFloatArray();
            float[] logP = p.logProb(x).toFloatArray();
            for (int b = 0; b < 2; b++) {
                double expected = 0;
                for (int i = b * TinyVqVae.PIXELS; i < (b + 1) * TinyVqVae.PIXELS; i++) {
                    double r = (values[i] - mean[i]) / 0.5;
                    expected += -0.5 * (r * r + Math.log(2 * Math.PI * 0.25));
                }
                assertThat((double) logP[b]).isCloseTo(expected, within(1e-3));
            }
            Decoder learned = TinyVqVae.create(
                    new ConvGaussianDecoder.Factory(), Map.of("channels", "4", "variance", "learned"), context);
            Parameter logVariance = learned.parameters().get("log_variance");
            assertThat(logVariance.getArray().getShape()).isEqualTo(TinyVqVae.DATA);
            assertThat(((Normal) learned.decode(z, vq.evaluation(scope)))
                            .logVariance()
                            .getFloat(0, 3, 3))
                    .isCloseTo((float) (2 * Math.log(0.1)), within(1e-6f));
        }
    }

    @Test
    void weightsStartInPyTorchsRange() {
        try (TinyVqVae vq = new TinyVqVae(4, Map.of())) {
            for (Pair<String, Parameter> pair : vq.decoder.parameters()) {
                Shape shape = pair.getValue().getArray().getShape();
                if (shape.dimension() == 4) {
                    double bound = 1 / Math.sqrt(shape.get(1) * shape.get(2) * shape.get(3));
                    for (float w : pair.getValue().getArray().toFloatArray()) {
                        assertThat(Math.abs(w)).as(pair.getKey()).isLessThanOrEqualTo((float) bound);
                    }
                }
            }
        }
    }

    @Test
    void aDecoderWhoseLevelsMissTheGridIsRefused() {
        try (TinyVqVae vq = new TinyVqVae(5, Map.of("channels", "4,4"))) {
            BuildContext context = BuildContext.of(vq.manager, TinyVqVae.DATA).withEncoder(vq.encoder);
            assertThatThrownBy(() ->
                            TinyVqVae.create(new ConvBernoulliDecoder.Factory(), Map.of("channels", "4"), context))
                    .isInstanceOf(GenzooException.class)
                    .hasMessage("with 1 upsamplings the decoder expects a 4x4 latent grid, but the encoder gives 2x2;"
                            + " give encoder and decoder the same -P channels");
        }
    }

    /**
     * A latent vector (a VAE's) goes through a dense layer to the coarsest grid, then the same
     * upsampling: latents with a sample axis decode to pixels of the data's shape.
     */
    @Test
    void aLatentVectorIsDecodedThroughADenseLayerToTheCoarsestGrid() {
        try (TinyVqVae vq = new TinyVqVae(6, Map.of())) {
            Encoder vector = new FakeVectorEncoder();
            Decoder decoder = TinyVqVae.create(
                    new ConvBernoulliDecoder.Factory(),
                    Map.of("channels", "4,8"),
                    BuildContext.of(vq.manager, TinyVqVae.DATA).withEncoder(vector));
            assertThat(decoder.parameters().keys())
                    .startsWith("from_latent_weight", "from_latent_bias", "from_code_weight");
            assertThat(decoder.parameters().get("from_latent_weight").getArray().getShape())
                    .isEqualTo(new Shape(8 * 2 * 2, 4));
            try (NDManager scope = vq.manager.newSubManager()) {
                NDArray z = scope.randomNormal(new Shape(2, 3, 4));
                Distribution pixels = decoder.decode(z, vq.evaluation(scope));
                assertThat(pixels.batchShape()).isEqualTo(new Shape(2, 3));
                assertThat(pixels.eventShape()).isEqualTo(TinyVqVae.DATA);
                // Each latent decodes alone: the first sample of the second example, decoded by itself.
                float[] alone = decoder.decode(z.get("0, 1:2"), vq.evaluation(scope))
                        .mean()
                        .toFloatArray();
                float[] together = pixels.mean().get("0, 1").toFloatArray();
                for (int i = 0; i < alone.length; i++) {
                    assertThat(alone[i]).isCloseTo(together[i], within(1e-6f));
                }
            }
        }
    }
}
