package dev.genzoo.plugins.vqvae;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.options.Option;
import dev.genzoo.api.options.Options;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The code grid's default fits the images: 7x7 for MNIST, 4x4 (not 2x2) for the 8x8 digits. */
final class GridSizesTest {

    private static List<Integer> defaultChannels(Shape data) {
        List<Option<?>> fitted = new VqConvEncoder.Factory().optionsFor(data);
        return Options.resolve("encoder 'vq-conv'", fitted, Map.of()).get(GridSizes.CHANNELS);
    }

    @Test
    void mnistIsHalvedTwiceAndTheDigitsOnce() {
        Shape mnist = new Shape(1, 28, 28);
        Shape digits = new Shape(1, 8, 8);
        assertThat(defaultChannels(mnist)).containsExactly(32, 64);
        assertThat(defaultChannels(digits)).containsExactly(64);
        assertThat(GridSizes.of(mnist, defaultChannels(mnist).size())[2]).containsExactly(7, 7);
        assertThat(GridSizes.of(digits, defaultChannels(digits).size())[1]).containsExactly(4, 4);
    }

    @Test
    void theDecodersMirrorTheEncodersFittedDefaultAndAGivenValueStands() {
        Shape digits = new Shape(1, 8, 8);
        for (List<Option<?>> options : List.of(
                new ConvBernoulliDecoder.Factory().optionsFor(digits),
                new ConvGaussianDecoder.Factory().optionsFor(digits))) {
            assertThat(Options.resolve("decoder", options, Map.of()).get(GridSizes.CHANNELS))
                    .containsExactly(64);
            assertThat(Options.resolve("decoder", options, Map.of("channels", "32,64"))
                            .get(GridSizes.CHANNELS))
                    .containsExactly(32, 64);
        }
    }
}
