package dev.genzoo.plugins.flow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.ParameterList;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.Encoder;
import dev.genzoo.api.EncoderFactory;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Distribution;
import dev.genzoo.api.options.Option;
import dev.genzoo.api.options.Options;
import dev.genzoo.nn.GaussianMlp;
import dev.genzoo.nn.MultilayerPerceptron;
import dev.genzoo.nn.RecognitionModel;
import java.util.ArrayList;
import java.util.List;

/**
 * An inference network q(z|x) that is an MLP diagonal Gaussian refined by K flow steps: planar
 * flows (Rezende and Mohamed 2015, section 4.1) or inverse autoregressive flows (Kingma et al.
 * 2016, section 4). The steps' parameters are learned, shared by all x.
 */
final class RefinedGaussianEncoder extends RecognitionModel {
    static final Option<List<Integer>> HIDDEN = Option.integers(
                    "hidden", List.of(400), "hidden widths of the Gaussian's MLP")
            .atLeast(1);
    static final Option<Integer> FLOWS =
            Option.integer("flows", 4, "flow steps K after the Gaussian").atLeast(1);
    static final Option<List<Integer>> FLOW_HIDDEN = Option.integers(
                    "flow-hidden", List.of(64, 64), "hidden widths of each IAF step's MADE")
            .atLeast(1);

    private final Flow flow;

    RefinedGaussianEncoder(MultilayerPerceptron network, Flow flow, int latent) {
        super(network, latent);
        this.flow = flow;
    }

    @Override
    protected Distribution posterior(NDArray outputs, StepContext context) {
        return new RefinedPosterior(GaussianMlp.meanAndLogVariance(outputs), flow, context);
    }

    /** The Gaussian's network under {@code gaussian.}, then the flow steps' parameters. */
    @Override
    public ParameterList parameters() {
        ParameterList list = new ParameterList();
        network().addParameters(list, "gaussian");
        flow.parameters().forEach(pair -> list.add(pair.getKey(), pair.getValue()));
        return list;
    }

    /** Creates {@code mlp-planar} or {@code mlp-iaf} encoders. */
    static final class Factory implements EncoderFactory {
        private final boolean autoregressive;

        /**
         * A factory for one kind of step.
         *
         * @param autoregressive IAF steps if true, planar steps if false
         */
        Factory(boolean autoregressive) {
            this.autoregressive = autoregressive;
        }

        @Override
        public String name() {
            return autoregressive ? "mlp-iaf" : "mlp-planar";
        }

        @Override
        public String description() {
            return autoregressive
                    ? "MLP Gaussian q(z|x) refined by K inverse autoregressive flows (Kingma et al. 2016)"
                    : "MLP Gaussian q(z|x) refined by K planar flows (Rezende and Mohamed 2015)";
        }

        @Override
        public List<Option<?>> options() {
            List<Option<?>> options = new ArrayList<>(List.of(HIDDEN, LATENT, Conditioner.ACTIVATION, FLOWS));
            if (autoregressive) {
                options.add(FLOW_HIDDEN);
                options.add(LogScale.BOUND);
            }
            return options;
        }

        @Override
        public Encoder create(Options options, BuildContext context) {
            int latent = options.get(LATENT);
            NDManager manager = context.manager();
            String activation = options.get(Conditioner.ACTIVATION);
            MultilayerPerceptron network = MultilayerPerceptron.builder(
                            context.dataShape().size(), options.get(HIDDEN), 2L * latent)
                    .activation(activation)
                    .build(manager);
            List<FlowStep> steps = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int k = 0; k < options.get(FLOWS); k++) {
                if (autoregressive) {
                    if (latent < 2) {
                        throw new GenzooException("inverse autoregressive flows need latent >= 2");
                    }
                    steps.add(new AutoregressiveAffine(
                            manager,
                            latent,
                            options.get(FLOW_HIDDEN),
                            activation,
                            k % 2 == 1,
                            options.get(LogScale.BOUND).floatValue()));
                    names.add("iaf" + k);
                } else {
                    steps.add(new PlanarStep(manager, latent));
                    names.add("planar" + k);
                }
            }
            return new RefinedGaussianEncoder(network, new Flow(new Shape(latent), steps, names), latent);
        }
    }
}
