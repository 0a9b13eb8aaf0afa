package dev.genzoo.plugins.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.Decoder;
import dev.genzoo.api.DecoderFactory;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.options.Option;
import dev.genzoo.api.options.Options;
import dev.genzoo.nn.ConvolutionalDecoderNetwork;
import dev.genzoo.nn.DiscretizedLogisticHead;
import dev.genzoo.nn.ObservationModel;
import java.util.List;

/**
 * A convolutional decoder from a latent vector (or a latent grid) to pixels of K levels, each a
 * discretized logistic p(x_i|z) whose location and log-scale the network gives (Salimans et al.
 * 2017, PixelCNN++, section 2.1, one logistic per pixel): a real probability of 8-bit data, so its
 * bound in nats is one on log P(x) and -bound / (D ln 2) is bits per dimension.
 */
public final class ConvLogisticDecoder extends ObservationModel {
    private final ConvolutionalDecoderNetwork network;

    ConvLogisticDecoder(ConvolutionalDecoderNetwork network, DiscretizedLogisticHead head, Shape dataShape) {
        super(head, dataShape, network.parameters());
        this.network = network;
    }

    @Override
    public boolean acceptsCondition() {
        return network.conditioned();
    }

    /** Each pixel's location, then each pixel's log-scale, along the channels: [..., 2C, H, W]. */
    @Override
    protected NDArray outputs(NDArray z, StepContext context) {
        return network.forward(z, context);
    }

    /** Creates {@code conv-logistic} decoders. */
    public static final class Factory implements DecoderFactory {
        static final String NAME = "conv-logistic";

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "convolutions with nearest-neighbour upsampling from a latent vector to discretized logistic"
                    + " pixels, for 8-bit images; reports bits/dim (Salimans et al. 2017)";
        }

        @Override
        public List<Option<?>> options() {
            return List.of(ImageHalvings.CHANNELS, DiscretizedLogisticHead.LEVELS);
        }

        @Override
        public List<Option<?>> optionsFor(Shape data) {
            return List.of(ImageHalvings.channels(data), DiscretizedLogisticHead.LEVELS);
        }

        @Override
        public Decoder create(Options options, BuildContext context) {
            List<Integer> channels = options.get(ImageHalvings.CHANNELS);
            Shape data = context.dataShape();
            long[][] sizes = ImageHalvings.of("decoder " + NAME, data, channels.size());
            Shape latent = context.latentShape();
            long[] grid = sizes[channels.size()];
            if (latent.dimension() == 3 && (latent.get(1) != grid[0] || latent.get(2) != grid[1])) {
                throw new GenzooException(String.format(
                        "with %d upsamplings decoder %s expects a %dx%d latent grid, but the encoder gives %dx%d;"
                                + " give encoder and decoder the same -P channels",
                        channels.size(), NAME, grid[0], grid[1], latent.get(1), latent.get(2)));
            }
            DiscretizedLogisticHead head =
                    new DiscretizedLogisticHead(data, options.get(DiscretizedLogisticHead.LEVELS));
            return new ConvLogisticDecoder(
                    ConvolutionalDecoderNetwork.create(context, channels, sizes, head.outputsPerValue()), head, data);
        }
    }
}
