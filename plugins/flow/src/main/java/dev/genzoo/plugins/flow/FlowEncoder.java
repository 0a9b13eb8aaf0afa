package dev.genzoo.plugins.flow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.ParameterList;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.Encoder;
import dev.genzoo.api.EncoderFactory;
import dev.genzoo.api.EncoderKind;
import dev.genzoo.api.Encoding;
import dev.genzoo.api.Role;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.options.Option;
import dev.genzoo.api.options.Options;
import java.util.List;
import java.util.Map;

/**
 * A flow on the data itself, z = f(x) with log|det df/dx| (Dinh et al. 2017, equation 3): the
 * encoder of an exact-likelihood density model. Its latent has the data's shape; {@link #inverse}
 * is the way back, which the {@code flow-inverse} decoder runs to sample.
 */
final class FlowEncoder implements Encoder {
    private final Flow flow;
    private final boolean conditioned;

    FlowEncoder(Flow flow, boolean conditioned) {
        this.flow = flow;
        this.conditioned = conditioned;
    }

    /** Whether f reads the batch's condition: z = f(x; y), a conditional density p(x|y). */
    @Override
    public boolean acceptsCondition() {
        return conditioned;
    }

    @Override
    public EncoderKind kind() {
        return EncoderKind.BIJECTION;
    }

    @Override
    public Shape latentShape() {
        return flow.event();
    }

    @Override
    public Encoding encode(NDArray x, StepContext context) {
        Transformed t = flow.forward(x, context);
        return Encoding.bijection(t.value(), t.logDet());
    }

    /** The flow, data to latent forward. */
    Flow flow() {
        return flow;
    }

    /**
     * x = f^-1(z).
     *
     * @param z latents [..., data...]
     * @param context the step being run
     * @return data of z's shape
     */
    NDArray inverse(NDArray z, StepContext context) {
        return flow.inverse(z, context);
    }

    @Override
    public ParameterList parameters() {
        return flow.parameters();
    }

    /** Creates a flow encoder from a recipe: {@code realnvp} or {@code maf}. */
    static final class Factory implements EncoderFactory {
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
            return "density model on the data: " + recipe.description() + ", exact log-likelihood";
        }

        @Override
        public List<Option<?>> options() {
            return recipe.options(true);
        }

        /** Its inverse to sample, a N(0, I) base, and the exact likelihood. */
        @Override
        public Map<Role, String> companions() {
            return Map.of(
                    Role.PRIOR, "standard-normal",
                    Role.DECODER, FlowInverseDecoder.NAME,
                    Role.OBJECTIVE, ExactNegativeLogLikelihood.NAME);
        }

        @Override
        public Encoder create(Options options, BuildContext context) {
            int condition = recipe.takesCondition() ? context.conditionSize() : 0;
            return new FlowEncoder(
                    recipe.build(options, context.dataShape(), context.manager(), true, condition), condition > 0);
        }
    }
}
