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
import dev.genzoo.nn.BernoulliHead;
import dev.genzoo.nn.MultilayerPerceptron;
import dev.genzoo.nn.ObservationModel;
import java.util.List;

/**
 * An MLP mapping z to independent Bernoulli pixels p(x|z) (Kingma and Welling 2014, appendix C.1);
 * in a conditional model z and y's features, p(x|z, y) (Sohn et al. 2015).
 */
public final class MlpBernoulliDecoder extends ObservationModel {
    private final MultilayerPerceptron network;

    private final boolean conditioned;

    MlpBernoulliDecoder(MultilayerPerceptron network, Shape dataShape, boolean conditioned) {
        super(new BernoulliHead(dataShape), dataShape, network.parameters());
        this.network = network;
        this.conditioned = conditioned;
    }

    @Override
    public boolean acceptsCondition() {
        return conditioned;
    }

    /** The logits of every pixel. */
    @Override
    protected NDArray outputs(NDArray z, StepContext context) {
        NDArray input = z;
        if (conditioned) {
            input = context.condition()
                    .orElseThrow(() -> new GenzooException("this decoder was built for a conditional model, and the"
                            + " latents came without a condition"))
                    .appendTo(z);
        }
        return network.forwardLast(input, context)
                .reshape(VectorLatent.leading(z).addAll(dataShape()));
    }

    /** Creates {@code mlp-bernoulli} decoders. */
    public static final class Factory implements DecoderFactory {
        @Override
        public String name() {
            return "mlp-bernoulli";
        }

        @Override
        public String description() {
            return "MLP to independent Bernoulli pixels p(x|z), for binary data (Kingma and Welling 2014)";
        }

        @Override
        public List<Option<?>> options() {
            return List.of(MultilayerPerceptron.HIDDEN, MultilayerPerceptron.ACTIVATION);
        }

        @Override
        public Decoder create(Options options, BuildContext context) {
            MultilayerPerceptron network = MultilayerPerceptron.sequential(
                    context.manager(),
                    VectorLatent.size(context) + context.conditionSize(),
                    options,
                    context.dataShape().size());
            return new MlpBernoulliDecoder(network, context.dataShape(), context.conditionSize() > 0);
        }
    }
}
