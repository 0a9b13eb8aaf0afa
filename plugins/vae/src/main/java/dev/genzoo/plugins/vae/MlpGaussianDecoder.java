package dev.genzoo.plugins.vae;

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
import dev.genzoo.nn.MultilayerPerceptron;
import java.util.List;

/**
 * An MLP mapping z to a diagonal Gaussian p(x|z) = N(mu(z), sigma^2 I), sigma fixed, learned per
 * data dimension or learned and shared (Kingma and Welling 2014, appendix C.2).
 */
public final class MlpGaussianDecoder implements Decoder {
    private final MultilayerPerceptron network;
    private final GaussianHead head;
    private final Shape dataShape;

    MlpGaussianDecoder(MultilayerPerceptron network, GaussianHead head, Shape dataShape) {
        this.network = network;
        this.head = head;
        this.dataShape = dataShape;
    }

    @Override
    public Distribution decode(NDArray z, StepContext context) {
        NDArray mean =
                network.forwardLast(z, context).reshape(VectorLatent.leading(z).addAll(dataShape));
        return head.distribution(mean, context);
    }

    @Override
    public ParameterList parameters() {
        return head.addTo(network.parameters());
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
            return List.of(
                    MultilayerPerceptron.HIDDEN,
                    MultilayerPerceptron.ACTIVATION,
                    GaussianHead.VARIANCE,
                    GaussianHead.SIGMA);
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
