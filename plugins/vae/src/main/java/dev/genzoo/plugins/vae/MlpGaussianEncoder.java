package dev.genzoo.plugins.vae;

import ai.djl.ndarray.NDArray;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.Encoder;
import dev.genzoo.api.EncoderFactory;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Distribution;
import dev.genzoo.api.options.Option;
import dev.genzoo.api.options.Options;
import dev.genzoo.nn.GaussianMlp;
import dev.genzoo.nn.MultilayerPerceptron;
import dev.genzoo.nn.RecognitionModel;
import java.util.List;

/**
 * An MLP mapping x to a diagonal Gaussian q(z|x) = N(mu(x), diag(exp(logvar(x)))) (Kingma and
 * Welling 2014, appendix C.2); in a conditional model x and y's features, q(z|x, y) (Sohn et al.
 * 2015).
 */
public final class MlpGaussianEncoder extends RecognitionModel {
    MlpGaussianEncoder(MultilayerPerceptron network, int latent, boolean conditioned) {
        super(network, latent, conditioned);
    }

    @Override
    protected Distribution posterior(NDArray outputs, StepContext context) {
        return GaussianMlp.meanAndLogVariance(outputs);
    }

    /** Creates {@code mlp-gaussian} encoders. */
    public static final class Factory implements EncoderFactory {
        @Override
        public String name() {
            return "mlp-gaussian";
        }

        @Override
        public String description() {
            return "MLP to a diagonal Gaussian q(z|x) (Kingma and Welling 2014)";
        }

        @Override
        public List<Option<?>> options() {
            return List.of(MultilayerPerceptron.HIDDEN, LATENT, MultilayerPerceptron.ACTIVATION);
        }

        @Override
        public Encoder create(Options options, BuildContext context) {
            int latent = options.get(LATENT);
            return new MlpGaussianEncoder(
                    MultilayerPerceptron.sequential(
                            context.manager(),
                            context.dataShape().size() + context.conditionSize(),
                            options,
                            2L * latent),
                    latent,
                    context.conditionSize() > 0);
        }
    }
}
