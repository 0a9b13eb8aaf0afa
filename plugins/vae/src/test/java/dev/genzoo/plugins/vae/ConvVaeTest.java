package dev.genzoo.plugins.vae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.Decoder;
import dev.genzoo.api.Encoder;
import dev.genzoo.api.Encoding;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.Role;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.DiscretizedLogistic;
import dev.genzoo.api.distribution.Normal;
import dev.genzoo.api.options.Option;
import dev.genzoo.api.options.Options;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The convolutional VAE's components through their factories: {@code conv-gaussian} maps grey and
 * colour images to a Gaussian over a latent vector, {@code conv-logistic} maps latents with sample
 * axes back to discretized logistic pixels of the images' shape; the default channels fit the image
 * size, sides that do not halve evenly are refused, and the encoder pairs with the decoder that fits
 * the pixels' levels.
 */
final class ConvVaeTest {

    private static Options options(List<Option<?>> declared, Map<String, String> given) {
        return Options.resolve("test", declared, given);
    }

    private static void checkShapes(Shape data) {
        Engine.getInstance().setRandomSeed(5);
        try (NDManager manager = NDManager.newBaseManager()) {
            ConvGaussianEncoder.Factory encoders = new ConvGaussianEncoder.Factory();
            ConvLogisticDecoder.Factory decoders = new ConvLogisticDecoder.Factory();
            BuildContext context = BuildContext.of(manager, data);
            Encoder encoder = encoders.create(options(encoders.optionsFor(data), Map.of("latent", "6")), context);
            Decoder decoder =
                    decoders.create(options(decoders.optionsFor(data), Map.of()), context.withEncoder(encoder));
            StepContext pass = StepContext.evaluation(0, manager, new ParameterStore(manager, false));

            NDArray x = manager.randomInteger(0, 256, new Shape(4).addAll(data), DataType.INT32)
                    .toType(DataType.FLOAT32, false)
                    .div(255f);
            Normal posterior = (Normal) ((Encoding.Density) encoder.encode(x, pass)).posterior();
            assertThat(encoder.latentShape()).isEqualTo(new Shape(6));
            assertThat(posterior.loc().getShape()).isEqualTo(new Shape(4, 6));

            NDArray z = posterior.rsample(new Shape(3));
            DiscretizedLogistic likelihood = (DiscretizedLogistic) decoder.decode(z, pass);
            assertThat(likelihood.batchShape()).isEqualTo(new Shape(3, 4));
            assertThat(likelihood.eventShape()).isEqualTo(data);
            assertThat(likelihood.levels()).isEqualTo(256);
            assertThat(likelihood.logProb(x).getShape()).isEqualTo(new Shape(3, 4));
            assertThat(likelihood.mean().getShape()).isEqualTo(new Shape(3, 4).addAll(data));
            float[] draws = likelihood.sample().toFloatArray();
            for (float value : draws) {
                assertThat(value * 255).isBetween(0f, 255f).isEqualTo(Math.round(value * 255), within(1e-3f));
            }
        }
    }

    @Test
    void greyImagesGoThroughEncoderAndDecoderInTheirShape() {
        checkShapes(new Shape(1, 8, 8));
    }

    @Test
    void colourImagesGoThroughEncoderAndDecoderInTheirShape() {
        checkShapes(new Shape(3, 16, 16));
    }

    @Test
    void theDefaultChannelsLeaveAGridOfAtLeastFourASide() {
        ConvGaussianEncoder.Factory encoders = new ConvGaussianEncoder.Factory();
        Map<Shape, String> expected = Map.of(
                new Shape(1, 8, 8), "32",
                new Shape(1, 28, 28), "32,64",
                new Shape(3, 32, 32), "32,64,128",
                new Shape(3, 64, 64), "32,64,128");
        expected.forEach((shape, channels) -> assertThat(
                        options(encoders.optionsFor(shape), Map.of()).asText().get("channels"))
                .as("%s", shape)
                .isEqualTo(channels));
    }

    @Test
    void sidesThatDoNotHalveEvenlyAreRefusedNamingTheOptions() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ConvGaussianEncoder.Factory encoders = new ConvGaussianEncoder.Factory();
            Shape data = new Shape(3, 12, 12);
            assertThatThrownBy(() -> encoders.create(
                            options(encoders.optionsFor(data), Map.of("channels", "32,64,128")),
                            BuildContext.of(manager, data)))
                    .isInstanceOf(GenzooException.class)
                    .hasMessage("encoder conv-gaussian halves images 3 times, so their sides must divide by 8, but they"
                            + " are 12x12; give fewer -P channels, or an --image-size that divides by 8");
        }
    }

    @Test
    void theEncoderPairsWithTheLikelihoodThatFitsThePixels() {
        ConvGaussianEncoder.Factory encoders = new ConvGaussianEncoder.Factory();
        Shape colour = new Shape(3, 32, 32);
        assertThat(encoders.companionsFor(colour, 256)).containsEntry(Role.DECODER, "conv-logistic");
        assertThat(encoders.companionsFor(colour, 2)).containsEntry(Role.DECODER, "conv-bernoulli");
        assertThat(encoders.companionsFor(colour, 0)).containsEntry(Role.DECODER, "conv-gaussian");
    }
}
