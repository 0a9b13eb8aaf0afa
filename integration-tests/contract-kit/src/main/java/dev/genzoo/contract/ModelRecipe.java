package dev.genzoo.contract;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.Component;
import dev.genzoo.api.ComponentFactory;
import dev.genzoo.api.DecoderFactory;
import dev.genzoo.api.EncoderFactory;
import dev.genzoo.api.GenerativeModel;
import dev.genzoo.api.PriorFactory;
import dev.genzoo.api.Role;
import dev.genzoo.api.options.Option;
import dev.genzoo.api.options.Options;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An encoder, a prior and a decoder named by their factories, with options as a user gives them
 * with {@code -P}: a plain {@code key} goes to every factory that declares it, {@code
 * encoder.key} (or {@code prior.}, {@code decoder.}) to that role's alone. The components are
 * built as the runtime builds them: the engine seeded, then encoder, prior and decoder, each
 * seeing those built before it; then an optional adjustment of their starting parameters. The kit's fixtures whose model comes from a plugin ({@link
 * GaussianData}, {@link CodebookMixture}) take one. Immutable.
 */
public final class ModelRecipe {
    private final EncoderFactory encoder;
    private final PriorFactory prior;
    private final DecoderFactory decoder;
    private final Map<String, String> options;
    private final Consumer<GenerativeModel> adjustment;

    private ModelRecipe(
            EncoderFactory encoder,
            PriorFactory prior,
            DecoderFactory decoder,
            Map<String, String> options,
            Consumer<GenerativeModel> adjustment) {
        this.encoder = encoder;
        this.prior = prior;
        this.decoder = decoder;
        this.options = Map.copyOf(options);
        this.adjustment = adjustment;
    }

    /**
     * The three components with their default options.
     *
     * @param encoder the encoder's factory
     * @param prior the prior's factory
     * @param decoder the decoder's factory
     * @return the recipe
     */
    public static ModelRecipe of(EncoderFactory encoder, PriorFactory prior, DecoderFactory decoder) {
        return new ModelRecipe(encoder, prior, decoder, Map.of(), model -> {});
    }

    /**
     * The same components with these options.
     *
     * @param given {@code key} or {@code role.key} to its text, as with {@code -P}
     * @return a new recipe
     */
    public ModelRecipe withOptions(Map<String, String> given) {
        return new ModelRecipe(encoder, prior, decoder, given, adjustment);
    }

    /**
     * The same components, their starting parameters adjusted once they are built and before a
     * fixture reads the starting model (to make a model's true distribution more distinct than
     * its plugin's initialization makes it, say). The adjustment writes parameter arrays in place
     * ({@code parameter.getArray().muli(...)}); no gradient is recorded outside a collector.
     *
     * @param adjust what to do to the built model
     * @return a new recipe
     */
    public ModelRecipe adjustedBy(Consumer<GenerativeModel> adjust) {
        return new ModelRecipe(encoder, prior, decoder, options, adjustment.andThen(adjust));
    }

    /**
     * Builds the components on a manager, the engine seeded first so that the same seed gives the
     * same parameters.
     *
     * @param manager owns the parameters
     * @param dataShape one example's shape
     * @param seed the engine's seed
     * @return a context holding encoder, prior and decoder
     * @throws IllegalArgumentException if an option is declared by none of the factories
     */
    BuildContext build(NDManager manager, Shape dataShape, long seed) {
        Set<String> used = new HashSet<>();
        Engine.getInstance().setRandomSeed((int) seed);
        BuildContext context = BuildContext.of(manager, dataShape);
        context = context.withEncoder(create(Role.ENCODER, encoder, context, used));
        context = context.withPrior(create(Role.PRIOR, prior, context, used));
        context = context.withDecoder(create(Role.DECODER, decoder, context, used));
        for (String key : options.keySet()) {
            if (!used.contains(key)) {
                throw new IllegalArgumentException("option '" + key + "' is declared by none of " + encoder.name()
                        + ", " + prior.name() + " and " + decoder.name());
            }
        }
        adjustment.accept(modelOf(context));
        return context;
    }

    /** The model of a context that {@link #build} returned. */
    static GenerativeModel modelOf(BuildContext context) {
        return new GenerativeModel(
                context.encoder().orElseThrow(),
                context.prior().orElseThrow(),
                context.decoder().orElseThrow());
    }

    private <T extends Component> T create(
            Role role, ComponentFactory<T> factory, BuildContext context, Set<String> used) {
        Map<String, String> own = new LinkedHashMap<>();
        for (Option<?> option : factory.options()) {
            if (options.containsKey(option.name())) {
                own.put(option.name(), options.get(option.name()));
                used.add(option.name());
            }
        }
        // a qualified key is its role's alone, and wins; resolve names one the factory lacks
        String prefix = role.word() + ".";
        options.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                own.put(key.substring(prefix.length()), value);
                used.add(key);
            }
        });
        Options resolved = Options.resolve(role.word() + " '" + factory.name() + "'", factory.options(), own);
        return factory.create(resolved, context);
    }
}
