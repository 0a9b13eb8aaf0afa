package com.example.genzoo.renyi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.Encoder;
import dev.genzoo.api.EncoderFactory;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Distribution;
import dev.genzoo.api.options.Option;
import dev.genzoo.api.options.Options;
import dev.genzoo.nn.MultilayerPerceptron;
import dev.genzoo.nn.RecognitionModel;
import java.util.List;

/**
 * An MLP mapping x to independent Laplace distributions q(z|x) = prod_i Laplace(z_i; mu_i(x),
 * b_i(x)), the heavier-tailed analogue of Kingma and Welling's Gaussian MLP (2014, appendix C.2):
 * the network's 2L outputs are mu and log b. The network and the encoder around it are genzoo-nn's
 * MultilayerPerceptron and RecognitionModel, which this plugin ships beside its jar.
 */
public final class MlpLaplaceEncoder extends RecognitionModel {
    private MlpLaplaceEncoder(MultilayerPerceptron network, int latent) {
        super(network, latent);
    }

    /** The first half of the outputs are the locations, the second the log-scales. */
    @Override
    protected Distribution posterior(NDArray outputs, StepContext context) {
        NDList halves = outputs.split(2, 1);
        return new Laplace(context.manager(), halves.get(0), halves.get(1).exp(), 1);
    }

    /** Creates {@code mlp-laplace} encoders. */
    public static final class Factory implements EncoderFactory {
        @Override
        public String name() {
            return "mlp-laplace";
        }

        @Override
        public String description() {
            return "MLP to independent Laplace(mu(x), b(x)) per latent dimension (example plugin; genzoo-nn's MLP)";
        }

        @Override
        public List<Option<?>> options() {
            return List.of(MultilayerPerceptron.HIDDEN, LATENT, MultilayerPerceptron.ACTIVATION);
        }

        @Override
        public Encoder create(Options options, BuildContext context) {
            int latent = options.get(LATENT);
            MultilayerPerceptron network = MultilayerPerceptron.builder(
                            context.dataShape().size(), options.get(MultilayerPerceptron.HIDDEN), 2L * latent)
                    .activation(options.get(MultilayerPerceptron.ACTIVATION))
                    .build(context.manager());
            return new MlpLaplaceEncoder(network, latent);
        }
    }
}
