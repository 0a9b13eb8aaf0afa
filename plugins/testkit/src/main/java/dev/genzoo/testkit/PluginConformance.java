package dev.genzoo.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.genzoo.api.ApiVersion;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.Component;
import dev.genzoo.api.ComponentFactory;
import dev.genzoo.api.Decoder;
import dev.genzoo.api.DecoderFactory;
import dev.genzoo.api.Encoder;
import dev.genzoo.api.EncoderFactory;
import dev.genzoo.api.GenerativeModel;
import dev.genzoo.api.GenzooPlugin;
import dev.genzoo.api.Objective;
import dev.genzoo.api.ObjectiveFactory;
import dev.genzoo.api.Prior;
import dev.genzoo.api.PriorFactory;
import dev.genzoo.api.SamplerFactory;
import dev.genzoo.api.options.Option;
import dev.genzoo.api.options.Options;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The contract every genzoo plugin meets, checked the same way for all (after the common test base
 * diffusers' schedulers share): the plugin is found by {@link ServiceLoader} and declares an api
 * this genzoo runs; its names are lower-case words; every factory describes itself; every factory's
 * options are unique, documented and read their own defaults back; and every factory creates a
 * component from its defaults in a {@link BuildContext} built in genzoo's order, encoder, prior,
 * decoder, objective (then samplers), in the models the plugin's test names.
 *
 * <pre>
 * &#64;TestFactory
 * Stream&lt;DynamicTest&gt; meetsThePluginContract() {
 *     return PluginConformance.of(new VaePlugin())
 *             .data(new Shape(1, 4, 4))
 *             .model("mlp-gaussian", "standard-normal", "mlp-bernoulli", "elbo")
 *             .model("mlp-gaussian", "standard-normal", "mlp-gaussian", "elbo")
 *             .tests();
 * }
 * </pre>
 *
 * <p>Each check is also a method that throws {@link AssertionError}. Not thread-safe; creates and
 * closes its own {@link NDManager} for each model.
 */
public final class PluginConformance {
    private static final String WORD = "[a-z][a-z0-9]*";
    private static final String WORDS = WORD + "(-[a-z0-9]+)*";

    private final GenzooPlugin plugin;
    private final List<ComponentFactory<?>> alongside = new ArrayList<>();
    private final List<Model> models = new ArrayList<>();
    private Shape data = new Shape(1, 4, 4);

    private PluginConformance(GenzooPlugin plugin) {
        this.plugin = Objects.requireNonNull(plugin, "plugin");
    }

    /**
     * The checks for one plugin.
     *
     * @param plugin a new instance of the plugin's root
     * @return the checks, with no model yet
     */
    public static PluginConformance of(GenzooPlugin plugin) {
        return new PluginConformance(plugin);
    }

    /**
     * The shape of one data example for the models named after this call; (1, 4, 4) until given.
     *
     * @param example one example's shape, without the batch axis
     * @return this
     */
    public PluginConformance data(Shape example) {
        this.data = Objects.requireNonNull(example, "example");
        return this;
    }

    /**
     * Factories from elsewhere (another plugin, the test itself) that models may name beside the
     * plugin's own: a standard normal prior for a flow, a decoder for a plugin that has none.
     *
     * @param factories encoder, prior, decoder, objective or sampler factories
     * @return this
     */
    public PluginConformance alongside(ComponentFactory<?>... factories) {
        alongside.addAll(List.of(factories));
        return this;
    }

    /**
     * A model to build from defaults: each name is looked up in its role among the plugin's
     * factories, then among those given {@link #alongside}; null leaves a role out.
     *
     * @param encoder the encoder's name
     * @param prior the prior's name, or null
     * @param decoder the decoder's name, or null
     * @param objective the objective's name, or null
     * @param samplers samplers to create for the model
     * @return this
     */
    public PluginConformance model(String encoder, String prior, String decoder, String objective, String... samplers) {
        return model(Map.of(), encoder, prior, decoder, objective, samplers);
    }

    /**
     * A model to build with some options set (as {@code -P key=value} sets them: every factory
     * that declares the key takes the value), the rest at their defaults.
     *
     * @param options option values by key
     * @param encoder the encoder's name
     * @param prior the prior's name, or null
     * @param decoder the decoder's name, or null
     * @param objective the objective's name, or null
     * @param samplers samplers to create for the model
     * @return this
     */
    public PluginConformance model(
            Map<String, String> options,
            String encoder,
            String prior,
            String decoder,
            String objective,
            String... samplers) {
        models.add(new Model(data, Map.copyOf(options), encoder, prior, decoder, objective, List.of(samplers)));
        return this;
    }

    /**
     * Every check as a JUnit dynamic test, for a {@code @TestFactory}.
     *
     * @return the checks, one test each
     */
    public Stream<DynamicTest> tests() {
        String name = plugin.name();
        return Stream.of(
                DynamicTest.dynamicTest(name + " is found by ServiceLoader", this::isFoundByServiceLoader),
                DynamicTest.dynamicTest(name + " declares an api this genzoo runs", this::declaresAnApiThisGenzooRuns),
                DynamicTest.dynamicTest(name + "'s names are lower-case words", this::namesAreLowerCaseWords),
                DynamicTest.dynamicTest(name + "'s factories describe themselves", this::everyFactoryDescribesItself),
                DynamicTest.dynamicTest(
                        name + "'s options are unique and documented", this::optionsAreUniqueAndDocumented),
                DynamicTest.dynamicTest(
                        name + "'s factories create from their defaults", this::everyFactoryCreatesFromItsDefaults));
    }

    /** ServiceLoader, asked as genzoo asks it, finds one plugin of this name, and it is this class. */
    public void isFoundByServiceLoader() {
        List<GenzooPlugin> named = ServiceLoader.load(
                        GenzooPlugin.class, plugin.getClass().getClassLoader())
                .stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> plugin.name().equals(p.name()))
                .toList();
        assertThat(named)
                .as(
                        "plugins named '%s' that ServiceLoader finds: register %s in META-INF/services/%s",
                        plugin.name(), plugin.getClass().getName(), GenzooPlugin.class.getName())
                .hasSize(1);
        assertThat(named.get(0)).isInstanceOf(plugin.getClass());
    }

    /** The plugin says which api it was built for, and this genzoo's api can run it. */
    public void declaresAnApiThisGenzooRuns() {
        String declared = plugin.apiVersion();
        assertThat(declared)
                .as("plugin %s's apiVersion(): return ApiVersion.CURRENT", plugin.name())
                .isNotBlank();
        assertThat(ApiVersion.provided().canRun(ApiVersion.parse(declared)))
                .as("api %s runs plugin %s, built for api %s", ApiVersion.provided(), plugin.name(), declared)
                .isTrue();
    }

    /**
     * The plugin's name is one lower-case word; every factory's name is lower-case words joined by
     * hyphens (as every option's is, which {@link Option} itself enforces); no two factories of one
     * role share a name.
     */
    public void namesAreLowerCaseWords() {
        assertThat(plugin.name()).as("the plugin's name").matches(WORD);
        for (Map.Entry<String, List<? extends ComponentFactory<?>>> role : roles().entrySet()) {
            Set<String> seen = new HashSet<>();
            for (ComponentFactory<?> factory : role.getValue()) {
                assertThat(factory.name())
                        .as("a %s factory's name", role.getKey())
                        .matches(WORDS);
                assertThat(seen.add(factory.name()))
                        .as("%s %s is named once", role.getKey(), factory.name())
                        .isTrue();
            }
        }
    }

    /** Every factory has a one-line description. */
    public void everyFactoryDescribesItself() {
        forEachFactory((role, factory) -> {
            assertThat(factory.description())
                    .as("the description of %s %s", role, factory.name())
                    .isNotBlank()
                    .doesNotContain("\n");
        });
    }

    /**
     * Every factory declares each option once, with a description, and each option reads the text
     * of its own default back as the default.
     */
    public void optionsAreUniqueAndDocumented() {
        forEachFactory((role, factory) -> {
            Set<String> names = new HashSet<>();
            for (Option<?> option : factory.options()) {
                String owner = role + " '" + factory.name() + "'";
                assertThat(names.add(option.name()))
                        .as("%s declares option %s once", owner, option.name())
                        .isTrue();
                assertThat(option.description())
                        .as("the description of option %s of %s", option.name(), owner)
                        .isNotBlank();
                assertThat((Object) option.parse(option.defaultText(), owner))
                        .as("option %s of %s reads its default '%s' back", option.name(), owner, option.defaultText())
                        .isEqualTo(option.defaultValue());
            }
        });
    }

    /**
     * Every model builds from defaults in genzoo's order, encoder, prior, decoder, objective, then
     * samplers, each component listing its parameters under distinct names; the objective accepts
     * the encoder's kind and finds nothing incompatible; and every factory of the plugin is in some
     * model.
     */
    public void everyFactoryCreatesFromItsDefaults() {
        Set<String> used = new HashSet<>();
        for (Model model : models) {
            try (NDManager manager = NDManager.newBaseManager()) {
                BuildContext context = BuildContext.of(manager, model.data());
                Encoder encoder = create("encoder", plugin.encoders(), model.encoder(), model, context, used);
                assertThat(encoder.latentShape())
                        .as("encoder %s's latent shape", model.encoder())
                        .isNotNull();
                context = context.withEncoder(encoder);
                Prior prior = create("prior", plugin.priors(), model.prior(), model, context, used);
                context = prior == null ? context : context.withPrior(prior);
                Decoder decoder = create("decoder", plugin.decoders(), model.decoder(), model, context, used);
                context = decoder == null ? context : context.withDecoder(decoder);
                Objective objective = create("objective", plugin.objectives(), model.objective(), model, context, used);
                for (String sampler : model.samplers()) {
                    create("sampler", plugin.samplers(), sampler, model, context, used);
                }
                if (objective != null && prior != null && decoder != null) {
                    assertThat(objective.acceptedEncoders())
                            .as("objective %s accepts encoder %s", model.objective(), model.encoder())
                            .contains(encoder.kind());
                    assertThat(objective.incompatibility(new GenerativeModel(encoder, prior, decoder)))
                            .as("what objective %s finds wrong with %s", model.objective(), model)
                            .isEmpty();
                }
            }
        }
        forEachFactory((role, factory) -> assertThat(used)
                .as("%s %s is in a model: name it in one", role, factory.name())
                .contains(role + " " + factory.name()));
    }

    private <T extends Component> T create(
            String role,
            List<? extends ComponentFactory<? extends T>> own,
            String name,
            Model model,
            BuildContext context,
            Set<String> used) {
        if (name == null) {
            return null;
        }
        ComponentFactory<? extends T> factory = find(role, own, name);
        used.add(role + " " + factory.name());
        Map<String, String> given = new HashMap<>();
        for (Option<?> option : factory.options()) {
            if (model.options().containsKey(option.name())) {
                given.put(option.name(), model.options().get(option.name()));
            }
        }
        String owner = role + " '" + name + "'";
        T component = factory.create(Options.resolve(owner, factory.options(), given), context);
        assertThat(component).as("what %s creates", owner).isNotNull();
        Set<String> keys = new HashSet<>();
        for (Pair<String, Parameter> pair : component.parameters()) {
            assertThat(keys.add(pair.getKey()))
                    .as("%s lists parameter %s once", owner, pair.getKey())
                    .isTrue();
            assertThat(pair.getValue().isInitialized())
                    .as("%s's parameter %s is initialized", owner, pair.getKey())
                    .isTrue();
        }
        return component;
    }

    @SuppressWarnings("unchecked")
    private <T extends Component> ComponentFactory<? extends T> find(
            String role, List<? extends ComponentFactory<? extends T>> own, String name) {
        for (ComponentFactory<? extends T> factory : own) {
            if (factory.name().equals(name)) {
                return factory;
            }
        }
        Class<?> kind = kinds().get(role);
        for (ComponentFactory<?> factory : alongside) {
            if (kind.isInstance(factory) && factory.name().equals(name)) {
                return (ComponentFactory<? extends T>) factory;
            }
        }
        throw new AssertionError("no " + role + " named '" + name + "' in plugin " + plugin.name()
                + " or among the factories given alongside it");
    }

    private static Map<String, Class<?>> kinds() {
        return Map.of(
                "encoder", EncoderFactory.class,
                "prior", PriorFactory.class,
                "decoder", DecoderFactory.class,
                "objective", ObjectiveFactory.class,
                "sampler", SamplerFactory.class);
    }

    private Map<String, List<? extends ComponentFactory<?>>> roles() {
        Map<String, List<? extends ComponentFactory<?>>> roles = new LinkedHashMap<>();
        roles.put("encoder", plugin.encoders());
        roles.put("prior", plugin.priors());
        roles.put("decoder", plugin.decoders());
        roles.put("objective", plugin.objectives());
        roles.put("sampler", plugin.samplers());
        return roles;
    }

    private interface FactoryCheck {
        void check(String role, ComponentFactory<?> factory);
    }

    private void forEachFactory(FactoryCheck check) {
        roles().forEach((role, factories) -> factories.forEach(factory -> check.check(role, factory)));
    }

    /** One model to build: its data shape, options, and component names by role. */
    private record Model(
            Shape data,
            Map<String, String> options,
            String encoder,
            String prior,
            String decoder,
            String objective,
            List<String> samplers) {
        @Override
        public String toString() {
            return String.join(" / ", String.valueOf(encoder), String.valueOf(prior), String.valueOf(decoder)) + " on "
                    + data;
        }
    }
}
