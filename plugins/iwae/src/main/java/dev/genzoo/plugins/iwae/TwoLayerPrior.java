package dev.genzoo.plugins.iwae;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.ParameterList;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.LatentLayout;
import dev.genzoo.api.Prior;
import dev.genzoo.api.PriorFactory;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Distribution;
import dev.genzoo.api.distribution.StandardNormal;
import dev.genzoo.api.options.Option;
import dev.genzoo.api.options.Options;
import dev.genzoo.nn.GaussianMlp;
import dev.genzoo.nn.MarkovianHierarchy;
import dev.genzoo.nn.MultilayerPerceptron;
import java.util.List;

/**
 * The generative top of the IWAE paper's second architecture, p(z2) p(z1|z2): z2 ~ N(0, I), then z1
 * ~ N(mu(z2), diag exp(logvar(z2))) from an MLP (Burda et al. 2016, section 5: z2 (50) -> 50-50 ->
 * z1 (100)), over the vector (z1, z2), drawn from the top down ({@link MarkovianHierarchy}).
 * Learned. The two layers are the encoder's latent layout, z1 and z2; the options {@code latent} and
 * {@code latent2}, which {@code -P} gives the encoder too (and older configs give this prior), must
 * agree with it.
 */
public final class TwoLayerPrior implements Prior {
    private final GaussianMlp conditional;
    private final LatentLayout layout;

    TwoLayerPrior(GaussianMlp conditional, LatentLayout layout) {
        this.conditional = conditional;
        this.layout = layout;
    }

    @Override
    public Distribution distribution(StepContext context) {
        StandardNormal top = new StandardNormal(
                context.manager(), new Shape(layout.block("z2").size()));
        return MarkovianHierarchy.topDown(layout, top, List.of(a -> conditional.apply(a, context)));
    }

    @Override
    public ParameterList parameters() {
        return conditional.parameters();
    }

    /** Creates the {@code two-layer} prior. */
    public static final class Factory implements PriorFactory {
        @Override
        public String name() {
            return "two-layer";
        }

        @Override
        public String description() {
            return "two stochastic layers p(z2) p(z1|z2), z2 ~ N(0, I), latent (z1, z2)"
                    + " (Burda et al. 2016, architecture 2)";
        }

        @Override
        public List<Option<?>> options() {
            return List.of(
                    TwoLayerGaussianEncoder.LATENT,
                    TwoLayerGaussianEncoder.HIDDEN2,
                    TwoLayerGaussianEncoder.LATENT2,
                    TwoLayerGaussianEncoder.ACTIVATION);
        }

        @Override
        public Prior create(Options options, BuildContext context) {
            int latent = options.get(TwoLayerGaussianEncoder.LATENT);
            int latent2 = options.get(TwoLayerGaussianEncoder.LATENT2);
            LatentLayout layout = context.latentLayout();
            if (!layout.equals(LatentLayout.layers(latent, latent2))) {
                throw new GenzooException("the two-layer prior is over two layers z1 (latent = " + latent
                        + ") and z2 (latent2 = " + latent2 + "), but the encoder's latent is " + layout
                        + "; use the two-layer-gaussian encoder and give both the same -P latent and -P latent2");
            }
            MultilayerPerceptron conditional = MultilayerPerceptron.sequential(
                    context.manager(),
                    latent2,
                    options.get(TwoLayerGaussianEncoder.HIDDEN2),
                    2L * latent,
                    options.get(TwoLayerGaussianEncoder.ACTIVATION));
            return new TwoLayerPrior(new GaussianMlp(conditional), layout);
        }
    }
}
