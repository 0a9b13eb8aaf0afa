package dev.genzoo.plugins.vae;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.ComponentFactory;
import dev.genzoo.api.Decoder;
import dev.genzoo.api.DecoderFactory;
import dev.genzoo.api.Encoder;
import dev.genzoo.api.EncoderKind;
import dev.genzoo.api.GenzooPlugin;
import dev.genzoo.api.Objective;
import dev.genzoo.api.Prior;
import dev.genzoo.api.options.Option;
import dev.genzoo.api.options.Options;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The plugin root: found by ServiceLoader, with its named factories, each creating from defaults.
 */
final class VaePluginTest {
    private static final Shape DATA = new Shape(1, 4, 4);

    private NDManager manager;
    private final VaePlugin plugin = new VaePlugin();

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    @Test
    void isRegisteredWithServiceLoader() {
        List<GenzooPlugin> found = ServiceLoader.load(GenzooPlugin.class).stream()
                .map(ServiceLoader.Provider::get)
                .toList();

        assertThat(found).hasAtLeastOneElementOfType(VaePlugin.class);
        assertThat(found).filteredOn(p -> p.name().equals("vae")).hasSize(1);
    }

    @Test
    void namesItsFactories() {
        assertThat(plugin.name()).isEqualTo("vae");
        assertThat(plugin.encoders()).extracting(ComponentFactory::name).containsExactly("mlp-gaussian");
        assertThat(plugin.decoders())
                .extracting(ComponentFactory::name)
                .containsExactly("mlp-bernoulli", "mlp-gaussian");
        assertThat(plugin.priors()).extracting(ComponentFactory::name).containsExactly("standard-normal");
        assertThat(plugin.objectives()).extracting(ComponentFactory::name).containsExactly("elbo");
        assertThat(plugin.objectives().get(0).options())
                .extracting(Option::name)
                .containsExactly("beta", "kl", "warmup-epochs", "samples");
    }

    @Test
    void everyFactoryDescribesItselfAndNamesItsOptionsOnce() {
        List<ComponentFactory<?>> factories = new ArrayList<>();
        factories.addAll(plugin.encoders());
        factories.addAll(plugin.decoders());
        factories.addAll(plugin.priors());
        factories.addAll(plugin.objectives());
        for (ComponentFactory<?> factory : factories) {
            assertThat(factory.description()).as(factory.name()).isNotBlank();
            assertThat(factory.name()).matches("[a-z][a-z0-9-]*");
            Set<String> names = new HashSet<>();
            for (Option<?> option : factory.options()) {
                assertThat(names.add(option.name()))
                        .as("%s declares %s once", factory.name(), option.name())
                        .isTrue();
            }
        }
    }

    @Test
    void everyFactoryCreatesFromItsDefaults() {
        BuildContext context = BuildContext.of(manager, DATA);
        var encoderFactory = plugin.encoders().get(0);
        Encoder encoder = encoderFactory.create(Options.defaults(encoderFactory.options()), context);
        assertThat(encoder.kind()).isEqualTo(EncoderKind.DENSITY);
        assertThat(encoder.latentShape()).isEqualTo(new Shape(20));
        assertThat(encoder.parameters().isEmpty()).isFalse();

        context = context.withEncoder(encoder);
        var priorFactory = plugin.priors().get(0);
        Prior prior = priorFactory.create(Options.defaults(priorFactory.options()), context);
        assertThat(prior.parameters().isEmpty()).isTrue();

        context = context.withPrior(prior);
        for (DecoderFactory decoderFactory : plugin.decoders()) {
            Decoder decoder = decoderFactory.create(Options.defaults(decoderFactory.options()), context);
            assertThat(decoder.parameters().isEmpty()).as(decoderFactory.name()).isFalse();
        }

        var objectiveFactory = plugin.objectives().get(0);
        Objective objective = objectiveFactory.create(Options.defaults(objectiveFactory.options()), context);
        assertThat(objective.acceptedEncoders()).containsExactly(EncoderKind.DENSITY);
    }
}
