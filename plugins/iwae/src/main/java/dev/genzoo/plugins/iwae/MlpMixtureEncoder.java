package dev.genzoo.plugins.iwae;

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
 * An MLP mapping x to a mixture of C diagonal Gaussians q(z|x) = sum_c pi_c(x) N(z; mu_c(x),
 * diag sigma_c^2(x)), a multimodal posterior (Nalisnick, Hertel and Smyth 2016); its KL to any
 * prior is Monte Carlo, and its draws carry implicit reparameterization gradients (see {@link
 * MixtureOfGaussians}).
 */
public final class MlpMixtureEncoder extends RecognitionModel {
    static final Option<Integer> COMPONENTS =
            Option.integer("components", 3, "mixture components").atLeast(1);

    private final int components;

    MlpMixtureEncoder(MultilayerPerceptron network, int latent, int components) {
        super(network, latent);
        this.components = components;
    }

    /** The outputs are C mixture logits, then C means of L dimensions, then C log-variances. */
    @Override
    protected Distribution posterior(NDArray outputs, StepContext context) {
        long b = outputs.getShape().get(0);
        int latent = latent();
        long spread = (long) components * latent;
        NDList parts = outputs.split(new long[] {components, components + spread}, 1);
        NDArray loc = parts.get(1).reshape(b, components, latent);
        NDArray logVar = parts.get(2).reshape(b, components, latent);
        return new MixtureOfGaussians(parts.get(0), loc, logVar, context.training());
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
