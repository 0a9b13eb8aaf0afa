package dev.genzoo.plugins.vqvae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.Decoder;
import dev.genzoo.api.DecoderFactory;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.options.Option;
import dev.genzoo.api.options.Options;
import dev.genzoo.nn.ConvolutionalDecoderNetwork;
import dev.genzoo.nn.GaussianHead;
import dev.genzoo.nn.ObservationModel;
import java.util.ArrayList;
import java.util.List;

/**
 * A convolutional decoder with nearest-neighbour upsampling from a latent grid or vector to a diagonal
 * Gaussian p(x|z) = N(mu(z), sigma^2 I), sigma fixed, learned per pixel or learned and shared (van
 * den Oord et al. 2017, section 4.1; the Gaussian as in Kingma and Welling 2014, appendix C.2).
 */
public final class ConvGaussianDecoder extends ObservationModel {
    private final ConvolutionalDecoderNetwork network;

    ConvGaussianDecoder(ConvolutionalDecoderNetwork network, GaussianHead head, Shape dataShape) {
        super(head, dataShape, network.parameters());
        this.network = network;
    }

    @Override
    public boolean acceptsCondition() {
        return network.conditioned();
    }

    /** The mean of every pixel. */
    @Override
    protected NDArray outputs(NDArray z, StepContext context) {
        return network.forward(z, context);
    }

    /** Creates {@code conv-gaussian} decoders. */
    public static final class Factory implements DecoderFactory {
        @Override
        public String name() {
            return "conv-gaussian";
        }

        @Override
        public String description() {
            return "convolutions with nearest-neighbour upsampling from a latent grid or vector to a diagonal Gaussian, for real-valued images";
        }

        @Override
        public List<Option<?>> options() {
            List<Option<?>> options = new ArrayList<>(List.of(GridSizes.CHANNELS));
            options.addAll(GaussianHead.OPTIONS);
            return options;
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
            GaussianHead head = GaussianHead.of(options, data, context.manager());
            return new ConvGaussianDecoder(
                    ConvolutionalDecoderNetwork.create(context, channels, sizes, head.outputsPerValue()), head, data);
        }
    }
}
