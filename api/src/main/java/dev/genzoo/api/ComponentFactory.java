package dev.genzoo.api;

import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.options.Option;
import dev.genzoo.api.options.Options;
import java.util.List;
import java.util.Map;

/**
 * A named recipe for a component, with the options it accepts (after Trino's connector
 * factories: {@code name()} plus {@code create(config, context)}).
 *
 * @param <T> the kind of component made
 */
public interface ComponentFactory<T extends Component> {

    /**
     * The name users choose this factory by, unique within its role: lower-case words joined by
     * hyphens, such as {@code mlp-gaussian}.
     *
     * @return the name
     */
    String name();

    /**
     * One line saying what the component is, citing its paper where it has one.
     *
     * @return the description
     */
    String description();

    /**
     * The options this factory accepts, with their defaults. Users set them as {@code key=value}
     * pairs; unknown keys are refused before {@link #create} is called.
     *
     * @return the declared options, empty by default
     */
    default List<Option<?>> options() {
        return List.of();
    }

    /**
     * The options with defaults fitted to the data: the same options as {@link #options()}, in the
     * same order, except that a default may depend on one example's shape (a convolutional encoder
     * halves small images fewer times, say). The runtime resolves a new config with these, so the
     * fitted default is what the run's config records; a saved config names every value.
     *
     * @param dataShape one data example's shape, without the batch axis
     * @return the options; {@link #options()} unless overridden
     * @since api 1.2
     */
    default List<Option<?>> optionsFor(Shape dataShape) {
        return options();
    }

    /**
     * Components this one is usually paired with, used when the user names none: a flow encoder
     * suggests its inverse as decoder and the exact likelihood as objective.
     *
     * @return factory names by role, empty by default
     */
    default Map<Role, String> companions() {
        return Map.of();
    }

    /**
     * The companions for some data: a convolutional encoder may pair with a Bernoulli decoder on
     * binary pixels and with a discretized likelihood on 8-bit ones. The runtime asks this of a new
     * run's encoder; a saved config names every component.
     *
     * @param dataShape one data example's shape, without the batch axis
     * @param levels the values a pixel takes as far as the user's settings say: 2 when binarized, 0
     *     for real or dequantized values, else the data's own (256 for 8-bit images)
     * @return factory names by role; {@link #companions()} unless overridden
     * @since api 1.3
     */
    default Map<Role, String> companionsFor(Shape dataShape, int levels) {
        return companions();
    }

    /**
     * Runtime settings a run with this component usually takes, as text by their config path: a
     * diffusion model trains with a moving average of its weights ({@code training.ema} to {@code
     * 0.999}). The runtime sets them in a new run's config where the user gives none, and the run's
     * config.yaml records them; a saved config is never changed by them.
     *
     * @return values by setting path, empty by default
     * @since api 1.4
     */
    default Map<String, String> usualSettings() {
        return Map.of();
    }

    /**
     * Creates the component, its parameters on {@code context.manager()}.
     *
     * @param options validated values for {@link #options()}
     * @param context the device, the data shape and the components already built
     * @return a new component
     * @throws GenzooException if the options cannot work together or with the context
     */
    T create(Options options, BuildContext context);
}
