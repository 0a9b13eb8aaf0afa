package dev.genzoo.plugins.hvae;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.ParameterList;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.Encoder;
import dev.genzoo.api.EncoderFactory;
import dev.genzoo.api.LatentLayout;
import dev.genzoo.api.Role;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Distribution;
import dev.genzoo.api.options.Option;
import dev.genzoo.api.options.Options;
import dev.genzoo.nn.GaussianMlp;
import dev.genzoo.nn.MarkovianHierarchy;
import dev.genzoo.nn.MultilayerPerceptron;
import dev.genzoo.nn.RecognitionModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The bottom-up posterior of a Markovian hierarchical VAE, q(z1|x) q(z2|z1) ... q(zL|z_{L-1}), each
 * layer a diagonal Gaussian whose parameters an MLP computes from the layer below (Rezende et al.
 * 2014; Burda et al. 2016, section 5, for L = 2; Sonderby et al. 2016, equation 2). Its latent is
 * the vector (z1, ..., zL) with that layout.
 */
final class BottomUpEncoder extends RecognitionModel {
    private final LatentLayout layout;
    private final List<GaussianMlp> up;

    BottomUpEncoder(MultilayerPerceptron first, LatentLayout layout, List<GaussianMlp> up) {
        super(first, (int) layout.shape().get(0));
        this.layout = layout;
        this.up = List.copyOf(up);
    }

    @Override
    public LatentLayout latentLayout() {
        return layout;
    }

    @Override
    protected Distribution posterior(NDArray outputs, StepContext context) {
        List<MarkovianHierarchy.Conditional> conditionals = new ArrayList<>();
        for (GaussianMlp layer : up) {
            conditionals.add(below -> layer.apply(below, context));
        }
        return MarkovianHierarchy.bottomUp(layout, GaussianMlp.meanAndLogVariance(outputs), conditionals);
    }

    /** q1 for the network x -> z1, q2 for z1 -> z2, .... */
    @Override
    public ParameterList parameters() {
        ParameterList list = new ParameterList();
        network().addParameters(list, "q1");
        for (int l = 0; l < up.size(); l++) {
            up.get(l).network().addParameters(list, "q" + (l + 2));
        }
        return list;
    }

    /** Creates {@code hvae} encoders. */
    static final class Factory implements EncoderFactory {
        @Override
        public String name() {
            return "hvae";
        }

        @Override
        public String description() {
            return "bottom-up posterior of L stochastic layers, q(z1|x) q(z2|z1) ... (a Markovian hierarchical VAE;"
                    + " Burda et al. 2016, Sonderby et al. 2016)";
        }

        @Override
        public List<Option<?>> options() {
            return List.of(LayerSizes.LATENTS, LayerSizes.HIDDEN, LayerSizes.LAYER_HIDDEN, LayerSizes.ACTIVATION);
        }

        @Override
        public Map<Role, String> companions() {
            return Map.of(Role.PRIOR, "hvae", Role.DECODER, "hvae");
        }

        @Override
        public Encoder create(Options options, BuildContext context) {
            LatentLayout layout = LayerSizes.layout(options);
            List<LatentLayout.Block> blocks = layout.blocks();
            MultilayerPerceptron first = LayerSizes.network(
                    context.manager(),
                    context.dataShape().size(),
                    options.get(LayerSizes.HIDDEN),
                    2 * blocks.get(0).size(),
                    options);
            List<GaussianMlp> up = new ArrayList<>();
            for (int l = 1; l < blocks.size(); l++) {
                up.add(new GaussianMlp(LayerSizes.network(
                        context.manager(),
                        blocks.get(l - 1).size(),
                        options.get(LayerSizes.LAYER_HIDDEN),
                        2 * blocks.get(l).size(),
                        options)));
            }
            return new BottomUpEncoder(first, layout, up);
        }
    }
}
