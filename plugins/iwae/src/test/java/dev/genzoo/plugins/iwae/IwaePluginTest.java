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
import dev.genzoo.api.Prior;
import dev.genzoo.api.options.Option;
import dev.genzoo.api.options.Options;
import dev.genzoo.testkit.PluginConformance;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The plugin root: the plugin contract (the test kit's checks, the mixture encoder with either
 * mixture prior and the two-layer architecture), its named factories, and the sizes and checkpoint
 * names of the second architecture's networks.
 */
final class IwaePluginTest {
    private final IwaePlugin plugin = new IwaePlugin();

    @TestFactory
    Stream<DynamicTest> meetsThePluginContract() {
        return PluginConformance.of(plugin)
                .data(new Shape(1, 4, 4))
                .model("mlp-mixture", "mixture-of-gaussians", null, "iwae")
                .model("mlp-mixture", "vamp", null, "iwae")
                .model("two-layer-gaussian", "two-layer", "first-layer-bernoulli", "iwae")
                .tests();
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
                .containsExactly("k", "kl-cycles", "kl-cycle-rise", "free-bits");
    }

    /** The IWAE paper's second architecture: 100 + 50 latent units, and every part's parameters under their checkpoint names. */
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
            assertThat(encoder.parameters().keys())
                    .hasSize(12)
                    .startsWith("first.01Linear_weight", "first.01Linear_bias")
                    .endsWith("second.05Linear_weight", "second.05Linear_bias");
            assertThat(encoder.parameters()
                            .get("second.05Linear_weight")
                            .getArray()
                            .getShape())
                    .isEqualTo(new Shape(100, 50));
            assertThat(prior.parameters().keys()).hasSize(6).startsWith("01Linear_weight");
            assertThat(decoder.parameters().keys()).hasSize(6).endsWith("05Linear_weight", "05Linear_bias");
            assertThat(((ImportanceWeightedBound) create(plugin.objectives().get(0), context)).samples())
                    .isEqualTo(5);
        }
    }

    private static <T extends Component> T create(ComponentFactory<T> factory, BuildContext context) {
        return factory.create(Options.resolve(factory.name(), factory.options(), Map.of()), context);
    }
}
