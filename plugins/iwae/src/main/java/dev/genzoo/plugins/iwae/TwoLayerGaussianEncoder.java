package dev.genzoo.plugins.iwae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.ParameterList;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.Encoder;
import dev.genzoo.api.EncoderFactory;
import dev.genzoo.api.EncoderKind;
import dev.genzoo.api.Encoding;
import dev.genzoo.api.LatentLayout;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Normal;
import dev.genzoo.api.options.Option;
import dev.genzoo.api.options.Options;
import dev.genzoo.nn.GaussianMlp;
import dev.genzoo.nn.MarkovianHierarchy;
import dev.genzoo.nn.MultilayerPerceptron;
import dev.genzoo.nn.Nonlinearity;
import java.util.List;

/**
 * The recognition model of the IWAE paper's second architecture, q(z1|x) q(z2|z1) with diagonal
 * Gaussians (Burda et al. 2016, section 5: x -> 100-100 -> z1 (100) -> 50-50 -> z2 (50), tanh). Its
 * latent is one vector whose layout names the two layers, z1 and z2 ({@link LatentLayout#layers}),
 * drawn from z1 up ({@link MarkovianHierarchy}); the {@code two-layer} prior and the decoder that
 * reads z1, {@code first-layer-bernoulli}, read that layout.
 */
public final class TwoLayerGaussianEncoder implements Encoder {
    static final Option<List<Integer>> HIDDEN = Option.integers("hidden", List.of(100, 100), "widths between x and z1")
            .atLeast(1);
    static final Option<Integer> LATENT = Option.integer("latent", 100, "units of the first stochastic layer z1")
            .atLeast(1);
    static final Option<List<Integer>> HIDDEN2 = Option.integers("hidden2", List.of(50, 50), "widths between z1 and z2")
            .atLeast(1);
    static final Option<Integer> LATENT2 = Option.integer("latent2", 50, "units of the second stochastic layer z2")
            .atLeast(1);
    static final Option<String> ACTIVATION = Nonlinearity.option(Nonlinearity.TANH, Nonlinearity.values());

    private final GaussianMlp first;
    private final GaussianMlp second;
    private final int latent;
    private final int latent2;

    TwoLayerGaussianEncoder(GaussianMlp first, GaussianMlp second, int latent, int latent2) {
        this.first = first;
        this.second = second;
        this.latent = latent;
        this.latent2 = latent2;
    }

    @Override
    public EncoderKind kind() {
        return EncoderKind.DENSITY;
    }

    @Override
    public Shape latentShape() {
        return new Shape(latent + latent2);
    }

    @Override
    public LatentLayout latentLayout() {
        return LatentLayout.layers(latent, latent2);
    }

    @Override
    public Encoding encode(NDArray x, StepContext context) {
        Normal z1 = first.applyToExamples(x, context);
        return Encoding.density(
                MarkovianHierarchy.bottomUp(latentLayout(), z1, List.of(a -> second.apply(a, context))));
    }

    @Override
    public ParameterList parameters() {
        ParameterList list = new ParameterList();
        first.network().addParameters(list, "first");
        second.network().addParameters(list, "second");
        return list;
    }

    /** Creates {@code two-layer-gaussian} encoders. */
    public static final class Factory implements EncoderFactory {
        @Override
        public String name() {
            return "two-layer-gaussian";
        }

        @Override
        public String description() {
            return "two stochastic layers q(z1|x) q(z2|z1), latent (z1, z2) (Burda et al. 2016, architecture 2)";
        }

        @Override
        public List<Option<?>> options() {
            return List.of(HIDDEN, LATENT, HIDDEN2, LATENT2, ACTIVATION);
        }

        @Override
        public Encoder create(Options options, BuildContext context) {
            int latent = options.get(LATENT);
            int latent2 = options.get(LATENT2);
            String activation = options.get(ACTIVATION);
            long in = context.dataShape().size();
            MultilayerPerceptron first = MultilayerPerceptron.sequential(
                    context.manager(), in, options.get(HIDDEN), 2L * latent, activation);
            MultilayerPerceptron second = MultilayerPerceptron.sequential(
                    context.manager(), latent, options.get(HIDDEN2), 2L * latent2, activation);
            return new TwoLayerGaussianEncoder(new GaussianMlp(first), new GaussianMlp(second), latent, latent2);
        }
    }
}
