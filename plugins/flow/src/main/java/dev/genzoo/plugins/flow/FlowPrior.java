package dev.genzoo.plugins.flow;

import ai.djl.nn.ParameterList;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.Prior;
import dev.genzoo.api.PriorFactory;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Distribution;
import dev.genzoo.api.options.Option;
import dev.genzoo.api.options.Options;
import java.util.List;

/**
 * A learned prior p(z) that is a flow over a base N(0, I), its density exact by the change of
 * variables, so the ELBO uses it directly (Rezende and Mohamed 2015, section 4; Papamakarios et
 * al. 2017 for MAF).
 */
final class FlowPrior implements Prior {
    private final Flow flow;

    FlowPrior(Flow flow) {
        this.flow = flow;
    }

    @Override
    public Distribution distribution(StepContext context) {
        return new FlowDistribution(flow, context);
    }

    /** The flow, normalizing direction forward. */
    Flow flow() {
        return flow;
    }

    @Override
    public ParameterList parameters() {
        return flow.parameters();
    }

    /** Creates a flow prior from a recipe: {@code realnvp} or {@code maf}. */
    static final class Factory implements PriorFactory {
        private final FlowRecipe recipe;

        Factory(FlowRecipe recipe) {
            this.recipe = recipe;
        }

        @Override
        public String name() {
            return recipe.name();
        }

        @Override
        public String description() {
            return "learned prior: " + recipe.description() + " over N(0, I)";
        }

        @Override
        public List<Option<?>> options() {
            return recipe.options(false);
        }

        @Override
        public Prior create(Options options, BuildContext context) {
            return new FlowPrior(recipe.build(options, context.latentShape(), context.manager(), false, 0));
        }
    }
}
