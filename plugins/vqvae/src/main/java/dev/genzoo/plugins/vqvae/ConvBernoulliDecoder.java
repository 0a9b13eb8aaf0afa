package dev.genzoo.plugins.vqvae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.Decoder;
import dev.genzoo.api.DecoderFactory;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.options.Option;
import dev.genzoo.api.options.Options;
import dev.genzoo.nn.BernoulliHead;
import dev.genzoo.nn.ConvolutionalDecoderNetwork;
import dev.genzoo.nn.ObservationModel;
import java.util.List;

/**
 * A convolutional decoder with nearest-neighbour upsampling from a latent grid or vector to independent
 * Bernoulli pixels p(x|z) (van den Oord et al. 2017, section 4.1, with upsample-then-convolve in
 * place of transposed convolutions).
 */
public final class ConvBernoulliDecoder extends ObservationModel {
    private final ConvolutionalDecoderNetwork network;

    ConvBernoulliDecoder(ConvolutionalDecoderNetwork network, BernoulliHead head, Shape dataShape) {
        super(head, dataShape, network.parameters());
        this.network = network;
    }

    @Override
    public boolean acceptsCondition() {
        return network.conditioned();
    }

    /** The logits of every pixel. */
    @Override
    protected NDArray outputs(NDArray z, StepContext context) {
        return network.forward(z, context);
    }

    /** Creates {@code conv-bernoulli} decoders. */
    public static final class Factory implements DecoderFactory {
        @Override
        public String name() {
            return "conv-bernoulli";
        }

        @Override
        public String description() {
            return "convolutions with nearest-neighbour upsampling from a latent grid or vector to Bernoulli pixels (van den Oord et al. 2017)";
        }

        @Override
        public List<Option<?>> options() {
            return List.of(GridSizes.CHANNELS);
        }

        @Override
        public List<Option<?>> optionsFor(Shape data) {
            return GridSizes.fitted(options(), data);
        }

        @Override
        public Decoder create(Options options, BuildContext context) {
            List<Integer> channels = options.get(GridSizes.CHANNELS);
            long[][] sizes = LatentGrid.sizes(context, channels);
            Shape data = context.dataShape();
            BernoulliHead head = new BernoulliHead(data);
            return new ConvBernoulliDecoder(
                    ConvolutionalDecoderNetwork.create(context, channels, sizes, head.outputsPerValue()), head, data);
        }
    }
}
