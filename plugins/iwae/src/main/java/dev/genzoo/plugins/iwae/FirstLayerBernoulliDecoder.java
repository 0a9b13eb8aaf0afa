package dev.genzoo.plugins.iwae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.Decoder;
import dev.genzoo.api.DecoderFactory;
import dev.genzoo.api.GenzooException;
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
 * reads the first {@code latent} coordinates of the latent vector (z1, z2) and ignores z2, which
 * reaches x only through z1.
 */
public final class FirstLayerBernoulliDecoder extends ObservationModel {
    private final MultilayerPerceptron network;
    private final int latent;

    FirstLayerBernoulliDecoder(MultilayerPerceptron network, int latent, Shape dataShape) {
        super(new BernoulliHead(dataShape), dataShape, network.parameters());
        this.network = network;
        this.latent = latent;
    }

    /** The logits of every pixel, from z1 alone. */
    @Override
    protected NDArray outputs(NDArray z, StepContext context) {
        NDArray z1 = z.get(new NDIndex("..., :" + latent));
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
            Shape encoderLatent = context.latentShape();
            if (encoderLatent.dimension() != 1 || encoderLatent.get(0) < latent) {
                throw new GenzooException("this decoder reads z1, the first latent = " + latent
                        + " coordinates, but the encoder's latents"
                        + " have shape " + encoderLatent);
            }
            MultilayerPerceptron network = MultilayerPerceptron.sequential(
                    context.manager(),
                    latent,
                    options.get(TwoLayerGaussianEncoder.HIDDEN),
                    context.dataShape().size(),
                    options.get(TwoLayerGaussianEncoder.ACTIVATION));
            return new FirstLayerBernoulliDecoder(network, latent, context.dataShape());
        }
    }
}
