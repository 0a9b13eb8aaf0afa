package dev.genzoo.plugins.iwae;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.ApiVersion;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.Component;
import dev.genzoo.api.ComponentFactory;
import dev.genzoo.api.Decoder;
import dev.genzoo.api.Encoder;
import dev.genzoo.api.EncoderKind;
import dev.genzoo.api.GenzooPlugin;
import dev.genzoo.api.Objective;
import dev.genzoo.api.Prior;
import dev.genzoo.api.PriorFactory;
import dev.genzoo.api.options.Option;
import dev.genzoo.api.options.Options;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The plugin root: found by ServiceLoader, naming its factories, each creating from its defaults. */
final class IwaePluginTest {
    private final IwaePlugin plugin = new IwaePlugin();

    @Test
    void isRegisteredWithServiceLoader() {
        List<GenzooPlugin> found = ServiceLoader.load(GenzooPlugin.class).stream()
                .map(ServiceLoader.Provider::get)
                .toList();
        assertThat(found)
                .filteredOn(p -> p.name().equals("iwae"))
                .hasSize(1)
                .first()
                .isInstanceOf(IwaePlugin.class);
    }

    @Test
    void namesItsFactories() {
        assertThat(plugin.apiVersion()).isEqualTo(ApiVersion.CURRENT);
        assertThat(plugin.encoders())
                .extracting(ComponentFactory::name)
                .containsExactly("mlp-mixture", "two-layer-gaussian");
        assertThat(plugin.priors())
                .extracting(ComponentFactory::name)
                .containsExactly("mixture-of-gaussians", "vamp", "two-layer");
        assertThat(plugin.decoders()).extracting(ComponentFactory::name).containsExactly("first-layer-bernoulli");
        assertThat(plugin.objectives()).extracting(ComponentFactory::name).containsExactly("iwae");
        assertThat(plugin.objectives().get(0).options())
                .extracting(Option::name)
                .containsExactly("k");
    }

    @Test
    void everyFactoryDescribesItselfAndNamesItsOptionsOnce() {
        List<ComponentFactory<?>> factories = new ArrayList<>();
        factories.addAll(plugin.encoders());
        factories.addAll(plugin.priors());
        factories.addAll(plugin.decoders());
        factories.addAll(plugin.objectives());
        for (ComponentFactory<?> factory : factories) {
            assertThat(factory.description()).as(factory.name()).isNotBlank();
            Set<String> names = new HashSet<>();
            for (Option<?> option : factory.options()) {
                assertThat(names.add(option.name()))
                        .as("%s declares %s once", factory.name(), option.name())
                        .isTrue();
            }
        }
    }

    /** The mixture encoder with either mixture prior, then the iwae objective. */
    @Test
    void theMixtureComponentsCreateFromTheirDefaults() {
        try (NDManager manager = NDManager.newBaseManager()) {
            BuildContext context = BuildContext.of(manager, new Shape(1, 4, 4));
            Encoder encoder = create(plugin.encoders().get(0), context);
            assertThat(encoder.kind()).isEqualTo(EncoderKind.DENSITY);
            assertThat(encoder.latentShape()).isEqualTo(new Shape(20));
            context = context.withEncoder(encoder);
            for (PriorFactory factory : plugin.priors().subList(0, 2)) {
                Prior prior = create(factory, context);
                assertThat(prior.parameters().isEmpty()).as(factory.name()).isFalse();
            }
            Objective objective = create(plugin.objectives().get(0), context);
            assertThat(objective.acceptedEncoders()).containsExactly(EncoderKind.DENSITY);
            assertThat(((ImportanceWeightedBound) objective).samples()).isEqualTo(5);
        }
    }

    /** The IWAE paper's second architecture: 100 + 50 latent units, and every part has parameters. */
    @Test
    void theTwoLayerComponentsCreateFromTheirDefaults() {
        try (NDManager manager = NDManager.newBaseManager()) {
            BuildContext context = BuildContext.of(manager, new Shape(1, 4, 4));
            Encoder encoder = create(plugin.encoders().get(1), context);
            assertThat(encoder.latentShape()).isEqualTo(new Shape(150));
            context = context.withEncoder(encoder);
            Prior prior = create(plugin.priors().get(2), context);
            context = context.withPrior(prior);
            Decoder decoder = create(plugin.decoders().get(0), context);
            assertThat(encoder.parameters().size()).isEqualTo(12);
            assertThat(prior.parameters().size()).isEqualTo(6);
            assertThat(decoder.parameters().size()).isEqualTo(6);
        }
    }

    private static <T extends Component> T create(ComponentFactory<T> factory, BuildContext context) {
        return factory.create(Options.defaults(factory.options()), context);
    }
}
