package dev.genzoo.plugins.flow;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.options.Option;
import dev.genzoo.api.options.Options;
import java.util.List;

/**
 * How to build one kind of invertible flow (RealNVP, MAF) from options, shared by the density
 * encoder that runs it on data and the prior that runs it on latents.
 */
interface FlowRecipe {

    /**
     * The name users choose it by, as encoder and as prior.
     *
     * @return such as {@code realnvp}
     */
    String name();

    /**
     * What the flow is, citing its paper.
     *
     * @return one phrase
     */
    String description();

    /**
     * The options of the flow.
     *
     * @param onData true for the density model on data (which may also pre-process it), false for
     *     a prior
     * @return the declared options
     */
    List<Option<?>> options(boolean onData);

    /**
     * Builds the flow, its parameters on {@code manager}.
     *
     * @param options values of {@link #options(boolean)}
     * @param event one event's shape
     * @param manager owns the parameters
     * @param onData as in {@link #options(boolean)}
     * @param conditionSize the size F of a condition's features the flow's networks read beside
     *     their input (a class-conditional flow), 0 for none; only where {@link #takesCondition()}
     * @return the flow, normalizing direction (data or latent to base noise) forward
     */
    Flow build(Options options, Shape event, NDManager manager, boolean onData, int conditionSize);

    /**
     * Whether the flow can be conditioned: its networks read a condition's features beside their
     * input, so that f depends on y and p(x|y) is exact.
     *
     * @return false unless the recipe says otherwise
     */
    default boolean takesCondition() {
        return false;
    }
}
