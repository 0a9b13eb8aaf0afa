package dev.genzoo.plugins.hvae;

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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The bottom of a Markovian hierarchical VAE, p(x|z1): an MLP from the layer nearest the data, the
 * first block of the encoder's latent layout, to independent Bernoulli pixels (Burda et al. 2016,
 * section 5); the layers above reach x only through z1.
 */
final class FirstLayerDecoder extends ObservationModel {
    private final MultilayerPerceptron network;
    private final LatentLayout layout;
    private final String first;

    FirstLayerDecoder(MultilayerPerceptron network, LatentLayout layout, Shape dataShape) {
        super(new BernoulliHead(dataShape), dataShape, network.parameters());
        this.network = network;
        this.layout = layout;
        this.first = layout.names().get(0);
    }

    @Override
    protected NDArray outputs(NDArray z, StepContext context) {
        Shape leading = z.getShape().slice(0, z.getShape().dimension() - 1);
        return network.forwardLast(layout.slice(z, first), context).reshape(leading.addAll(dataShape()));
    }

    /** Creates {@code hvae} decoders. */
    static final class Factory implements DecoderFactory {
        @Override
        public String name() {
            return "hvae";
        }

        @Override
        public String description() {
            return "MLP from z1, the layer nearest the data, to Bernoulli pixels p(x|z1)";
        }

        @Override
        public List<Option<?>> options() {
            return List.of(LayerSizes.HIDDEN, LayerSizes.ACTIVATION);
        }

        @Override
        public Decoder create(Options options, BuildContext context) {
            if (context.latentShape().dimension() != 1) {
                throw new GenzooException("the hvae decoder reads a latent vector of layers, but the encoder's latents"
                        + " have shape " + context.latentShape());
            }
            LatentLayout layout = context.latentLayout();
            List<Integer> hidden = new ArrayList<>(options.get(LayerSizes.HIDDEN));
            Collections.reverse(hidden);
            MultilayerPerceptron network = LayerSizes.network(
                    context.manager(),
                    layout.blocks().get(0).size(),
                    hidden,
                    context.dataShape().size(),
                    options);
            return new FirstLayerDecoder(network, layout, context.dataShape());
        }
    }
}
