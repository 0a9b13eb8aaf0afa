package com.example.genzoo.renyi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.ParameterList;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.Encoder;
import dev.genzoo.api.EncoderFactory;
import dev.genzoo.api.EncoderKind;
import dev.genzoo.api.Encoding;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.options.Option;
import dev.genzoo.api.options.Options;
import dev.genzoo.nn.MultilayerPerceptron;
import java.util.List;

/**
 * An MLP mapping x to independent Laplace distributions q(z|x) = prod_i Laplace(z_i; mu_i(x),
 * b_i(x)), the heavier-tailed analogue of Kingma and Welling's Gaussian MLP (2014, appendix C.2):
 * the network's 2L outputs are mu and log b. The network is genzoo-nn's MultilayerPerceptron, which
 * this plugin ships beside its jar.
 */
public final class MlpLaplaceEncoder implements Encoder {
    static final Option<Integer> LATENT = Option.integer("latent", 20, "latent dimensions").atLeast(1);

    private final MultilayerPerceptron network;
    private final int latent;

    private MlpLaplaceEncoder(MultilayerPerceptron network, int latent) {
        this.network = network;
        this.latent = latent;
    }

    @Override
    public EncoderKind kind() {
        return EncoderKind.DENSITY;
    }

    @Override
    public Shape latentShape() {
        return new Shape(latent);
    }

    @Override
    public Encoding encode(NDArray x, StepContext context) {
        NDList halves = network.forward(x.reshape(x.getShape().get(0), -1), context).split(2, 1);
        return Encoding.density(new Laplace(context.manager(), halves.get(0), halves.get(1).exp(), 1));
    }

    @Override
    public ParameterList parameters() {
        return network.parameters();
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
