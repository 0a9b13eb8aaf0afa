package dev.genzoo.plugins.iwae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.Decoder;
import dev.genzoo.api.DecoderFactory;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.LatentLayout;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.options.Option;
import dev.genzoo.api.options.Options;
import dev.genzoo.nn.BernoulliHead;
import dev.genzoo.nn.MultilayerPerceptron;
import dev.genzoo.nn.ObservationModel;
import java.util.List;

/**
 * The bottom of the IWAE paper's second architecture, p(x|z1): an MLP from the first stochastic
 * layer to independent Bernoulli pixels (Burda et al. 2016, section 5: z1 (100) -> 100-100 -> x). It
 * reads the layer z1 of the encoder's latent layout and ignores the layers above, which reach x only
 * through z1.
 */
public final class FirstLayerBernoulliDecoder extends ObservationModel {
    private final MultilayerPerceptron network;
    private final LatentLayout layout;

    FirstLayerBernoulliDecoder(MultilayerPerceptron network, LatentLayout layout, Shape dataShape) {
        super(new BernoulliHead(dataShape), dataShape, network.parameters());
        this.network = network;
        this.layout = layout;
    }

    /** The logits of every pixel, from z1 alone. */
    @Override
    protected NDArray outputs(NDArray z, StepContext context) {
        NDArray z1 = layout.slice(z, "z1");
        Shape leading = z.getShape().slice(0, z.getShape().dimension() - 1);
        return network.forwardLast(z1, context).reshape(leading.addAll(dataShape()));
    }

    /** Creates {@code first-layer-bernoulli} decoders. */
    public static final class Factory implements DecoderFactory {
        @Override
        public String name() {
            return "first-layer-bernoulli";
        }

        @Override
        public String description() {
            return "MLP from z1, the first latent coordinates, to Bernoulli pixels p(x|z1)"
                    + " (Burda et al. 2016, architecture 2)";
        }

        @Override
        public List<Option<?>> options() {
            return List.of(
                    TwoLayerGaussianEncoder.HIDDEN, TwoLayerGaussianEncoder.LATENT, TwoLayerGaussianEncoder.ACTIVATION);
        }

        @Override
        public Decoder create(Options options, BuildContext context) {
            int latent = options.get(TwoLayerGaussianEncoder.LATENT);
            LatentLayout layout = context.latentLayout();
            if (!layout.has("z1") || layout.block("z1").size() != latent) {
                throw new GenzooException("this decoder reads the layer z1 of latent = " + latent
                        + " units, but the encoder's latent is " + layout
                        + "; use an encoder with layers (two-layer-gaussian) and the same -P latent");
            }
            MultilayerPerceptron network = MultilayerPerceptron.sequential(
                    context.manager(),
                    latent,
                    options.get(TwoLayerGaussianEncoder.HIDDEN),
                    context.dataShape().size(),
                    options.get(TwoLayerGaussianEncoder.ACTIVATION));
            return new FirstLayerBernoulliDecoder(network, layout, context.dataShape());
        }
    }
}
