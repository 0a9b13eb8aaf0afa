package dev.genzoo.plugins.iwae;

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
 * An MLP mapping x to a mixture of C diagonal Gaussians q(z|x) = sum_c pi_c(x) N(z; mu_c(x),
 * diag sigma_c^2(x)), a multimodal posterior (Nalisnick, Hertel and Smyth 2016); its KL to any
 * prior is Monte Carlo, and its draws carry implicit reparameterization gradients (see {@link
 * MixtureOfGaussians}).
 */
public final class MlpMixtureEncoder implements Encoder {
    static final Option<Integer> LATENT =
            Option.integer("latent", 20, "latent dimensions").atLeast(1);
    static final Option<Integer> COMPONENTS =
            Option.integer("components", 3, "mixture components").atLeast(1);

    private final MultilayerPerceptron network;
    private final int latent;
    private final int components;

    MlpMixtureEncoder(MultilayerPerceptron network, int latent, int components) {
        this.network = network;
        this.latent = latent;
        this.components = components;
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
        long b = x.getShape().get(0);
        NDArray out = network.forward(x.reshape(b, -1), context);
        long spread = (long) components * latent;
        NDList parts = out.split(new long[] {components, components + spread}, 1);
        NDArray loc = parts.get(1).reshape(b, components, latent);
        NDArray logVar = parts.get(2).reshape(b, components, latent);
        return Encoding.density(new MixtureOfGaussians(parts.get(0), loc, logVar, context.training()));
    }

    @Override
    public ParameterList parameters() {
        return network.parameters();
    }

    /** Creates {@code mlp-mixture} encoders. */
    public static final class Factory implements EncoderFactory {
        @Override
        public String name() {
            return "mlp-mixture";
        }

        @Override
        public String description() {
            return "MLP to a mixture of diagonal Gaussians q(z|x), Monte Carlo KL, implicit reparameterization"
                    + " (Nalisnick et al. 2016; Figurnov et al. 2018)";
        }

        @Override
        public List<Option<?>> options() {
            return List.of(MultilayerPerceptron.HIDDEN, LATENT, COMPONENTS, MultilayerPerceptron.ACTIVATION);
        }

        @Override
        public Encoder create(Options options, BuildContext context) {
            int latent = options.get(LATENT);
            int components = options.get(COMPONENTS);
            MultilayerPerceptron network = MultilayerPerceptron.sequential(
                    context.manager(), context.dataShape().size(), options, (long) components * (1 + 2L * latent));
            return new MlpMixtureEncoder(network, latent, components);
        }
    }
}
