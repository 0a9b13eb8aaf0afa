package dev.genzoo.plugins.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.Decoder;
import dev.genzoo.api.DecoderFactory;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.options.Option;
import dev.genzoo.api.options.Options;
import dev.genzoo.nn.GaussianHead;
import dev.genzoo.nn.MultilayerPerceptron;
import dev.genzoo.nn.ObservationModel;
import java.util.ArrayList;
import java.util.List;

/**
 * An MLP mapping z to a diagonal Gaussian p(x|z) = N(mu(z), sigma^2 I), sigma fixed, learned per
 * data dimension or learned and shared (Kingma and Welling 2014, appendix C.2).
 */
public final class MlpGaussianDecoder extends ObservationModel {
    private final MultilayerPerceptron network;

    MlpGaussianDecoder(MultilayerPerceptron network, GaussianHead head, Shape dataShape) {
        super(head, dataShape, network.parameters());
        this.network = network;
    }

    /** The mean of every data element. */
    @Override
    protected NDArray outputs(NDArray z, StepContext context) {
        return network.forwardLast(z, context).reshape(VectorLatent.leading(z).addAll(dataShape()));
    }

    /** Creates {@code mlp-gaussian} decoders. */
    public static final class Factory implements DecoderFactory {
        @Override
        public String name() {
            return "mlp-gaussian";
        }

        @Override
        public String description() {
            return "MLP to a diagonal Gaussian p(x|z), fixed or learned variance, for real-valued data";
        }

        @Override
        public List<Option<?>> options() {
            List<Option<?>> options =
                    new ArrayList<>(List.of(MultilayerPerceptron.HIDDEN, MultilayerPerceptron.ACTIVATION));
            options.addAll(GaussianHead.OPTIONS);
            return options;
        }

        @Override
        public Decoder create(Options options, BuildContext context) {
            Shape dataShape = context.dataShape();
            MultilayerPerceptron network = MultilayerPerceptron.sequential(
                    context.manager(), VectorLatent.size(context), options, dataShape.size());
            return new MlpGaussianDecoder(network, GaussianHead.of(options, dataShape, context.manager()), dataShape);
        }
    }
}
