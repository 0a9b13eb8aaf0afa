package dev.genzoo.plugins.vqvae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.ParameterList;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.Decoder;
import dev.genzoo.api.DecoderFactory;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Distribution;
import dev.genzoo.api.options.Option;
import dev.genzoo.api.options.Options;
import dev.genzoo.nn.GaussianHead;
import java.util.List;

/**
 * A convolutional decoder with nearest-neighbour upsampling from a latent grid to a diagonal
 * Gaussian p(x|z) = N(mu(z), sigma^2 I), sigma fixed, learned per pixel or learned and shared (van
 * den Oord et al. 2017, section 4.1; the Gaussian as in Kingma and Welling 2014, appendix C.2).
 */
public final class ConvGaussianDecoder implements Decoder {
    private final UpsamplingNetwork network;
    private final GaussianHead head;
    private final Shape dataShape;

    ConvGaussianDecoder(UpsamplingNetwork network, GaussianHead head, Shape dataShape) {
        this.network = network;
        this.head = head;
        this.dataShape = dataShape;
    }

    @Override
    public Distribution decode(NDArray z, StepContext context) {
        NDArray mean = network.forward(LatentGrid.fold(z), context)
                .reshape(LatentGrid.leading(z).addAll(dataShape));
        return head.distribution(mean, context);
    }

    @Override
    public ParameterList parameters() {
        return head.addTo(network.parameters());
    }

    /** Creates {@code conv-gaussian} decoders. */
    public static final class Factory implements DecoderFactory {
        @Override
        public String name() {
            return "conv-gaussian";
        }

        @Override
        public String description() {
            return "convolutions with nearest-neighbour upsampling from a latent grid to a diagonal Gaussian, for real-valued images";
        }

        @Override
        public List<Option<?>> options() {
            return List.of(GridSizes.CHANNELS, GaussianHead.VARIANCE, GaussianHead.SIGMA);
        }

        @Override
        public Decoder create(Options options, BuildContext context) {
            List<Integer> channels = options.get(GridSizes.CHANNELS);
            long[][] sizes = LatentGrid.sizes(context, channels);
            Shape data = context.dataShape();
            UpsamplingNetwork network = new UpsamplingNetwork(
                    context.manager(), context.latentShape().get(0), channels, data.get(0), sizes);
            return new ConvGaussianDecoder(network, GaussianHead.of(options, data, context.manager()), data);
        }
    }
}
