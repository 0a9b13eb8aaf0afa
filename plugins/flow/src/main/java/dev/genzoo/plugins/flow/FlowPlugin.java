package dev.genzoo.plugins.flow;

import dev.genzoo.api.ApiVersion;
import dev.genzoo.api.DecoderFactory;
import dev.genzoo.api.EncoderFactory;
import dev.genzoo.api.GenzooPlugin;
import dev.genzoo.api.ObjectiveFactory;
import dev.genzoo.api.PriorFactory;
import java.util.List;

/**
 * The normalizing-flow family's plugin root (Rezende and Mohamed 2015; Dinh et al. 2017;
 * Papamakarios et al. 2017; Kingma et al. 2016): flows as density models, priors and posteriors.
 */
public final class FlowPlugin implements GenzooPlugin {
    private static final List<FlowRecipe> RECIPES = List.of(new RealNvpRecipe(), new MafRecipe());

    @Override
    public String name() {
        return "flow";
    }

    @Override
    public String apiVersion() {
        return ApiVersion.CURRENT;
    }

    @Override
    public List<EncoderFactory> encoders() {
        return List.of(
                new FlowEncoder.Factory(RECIPES.get(0)),
                new FlowEncoder.Factory(RECIPES.get(1)),
                new RefinedGaussianEncoder.Factory(false),
                new RefinedGaussianEncoder.Factory(true));
    }

    @Override
    public List<DecoderFactory> decoders() {
        return List.of(new FlowInverseDecoder.Factory());
    }

    @Override
    public List<PriorFactory> priors() {
        return List.of(new FlowPrior.Factory(RECIPES.get(0)), new FlowPrior.Factory(RECIPES.get(1)));
    }

    @Override
    public List<ObjectiveFactory> objectives() {
        return List.of(new ExactNegativeLogLikelihood.Factory());
    }
}
