package dev.genzoo.plugins.vae;

import ai.djl.ndarray.NDArray;
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
import dev.genzoo.nn.GaussianMlp;
import dev.genzoo.nn.MultilayerPerceptron;
import java.util.List;

/**
 * An MLP mapping x to a diagonal Gaussian q(z|x) = N(mu(x), diag(exp(logvar(x)))) (Kingma and
 * Welling 2014, appendix C.2).
 */
public final class MlpGaussianEncoder implements Encoder {
    static final Option<Integer> LATENT =
            Option.integer("latent", 20, "latent dimensions").atLeast(1);

    private final GaussianMlp network;
    private final int latent;

    MlpGaussianEncoder(GaussianMlp network, int latent) {
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
        return Encoding.density(network.applyToExamples(x, context));
    }

    @Override
    public ParameterList parameters() {
        return network.parameters();
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
            MultilayerPerceptron network = MultilayerPerceptron.sequential(
                    context.manager(), context.dataShape().size(), options, 2L * latent);
            return new MlpGaussianEncoder(new GaussianMlp(network), latent);
        }
    }
}
