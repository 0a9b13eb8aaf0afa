package dev.genzoo.plugins.hvae;

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
import java.util.ArrayList;
import java.util.List;

/**
 * The generative top of a Markovian hierarchical VAE, p(zL) p(z_{L-1}|zL) ... p(z1|z2): zL ~ N(0,
 * I), each layer below a diagonal Gaussian whose parameters an MLP computes from the layer above
 * (Sonderby et al. 2016, equation 1; Burda et al. 2016, section 5, for L = 2), over the encoder's
 * layers (its latent layout). With a {@code ladder} encoder the conditionals are the encoder's own,
 * shared; otherwise they are this prior's.
 */
final class HierarchicalPrior implements Prior {
    private final LatentLayout layout;
    private final List<GaussianMlp> down;

    HierarchicalPrior(LatentLayout layout, List<GaussianMlp> down) {
        this.layout = layout;
        this.down = List.copyOf(down);
    }

    @Override
    public Distribution distribution(StepContext context) {
        List<LatentLayout.Block> blocks = layout.blocks();
        StandardNormal top = new StandardNormal(
                context.manager(), new Shape(blocks.get(blocks.size() - 1).size()));
        List<MarkovianHierarchy.Conditional> conditionals = new ArrayList<>();
        for (int l = down.size() - 1; l >= 0; l--) {
            GaussianMlp layer = down.get(l);
            conditionals.add(above -> layer.apply(above, context));
        }
        return MarkovianHierarchy.topDown(layout, top, conditionals);
    }

    /** p1 for p(z1|z2), p2 for p(z2|z3), .... */
    @Override
    public ParameterList parameters() {
        ParameterList list = new ParameterList();
        LayerSizes.addGenerative(list, down);
        return list;
    }

    /** Creates the {@code hvae} prior. */
    static final class Factory implements PriorFactory {
        @Override
        public String name() {
            return "hvae";
        }

        @Override
        public String description() {
            return "generative hierarchy p(zL) p(zL-1|zL) ... p(z1|z2) over the encoder's layers, zL ~ N(0, I)"
                    + " (Sonderby et al. 2016)";
        }

        @Override
        public List<Option<?>> options() {
            return List.of(LayerSizes.LAYER_HIDDEN, LayerSizes.ACTIVATION);
        }

        @Override
        public Prior create(Options options, BuildContext context) {
            LatentLayout layout = context.latentLayout();
            if (context.latentShape().dimension() != 1) {
                throw new GenzooException("the hvae prior is over a latent vector of layers, but the encoder's latents"
                        + " have shape " + context.latentShape());
            }
            if (context.encoder().orElseThrow() instanceof LadderEncoder ladder) {
                return new HierarchicalPrior(layout, ladder.generative());
            }
            return new HierarchicalPrior(layout, LayerSizes.generative(context.manager(), layout, options));
        }
    }
}
