package dev.genzoo.plugins.vae;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.ComponentFactory;
import dev.genzoo.api.Decoder;
import dev.genzoo.api.Encoder;
import dev.genzoo.api.options.Option;
import dev.genzoo.api.options.Options;
import dev.genzoo.testkit.PluginConformance;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The plugin root: the plugin contract (the test kit's checks), its named factories, and the names
 * its networks' parameters have in checkpoints.
 */
final class VaePluginTest {
    private final VaePlugin plugin = new VaePlugin();

    @TestFactory
    Stream<DynamicTest> meetsThePluginContract() {
        return PluginConformance.of(plugin)
                .data(new Shape(1, 4, 4))
                .model("mlp-gaussian", "standard-normal", "mlp-bernoulli", "elbo")
                .model("mlp-gaussian", "standard-normal", "mlp-gaussian", "elbo")
                .data(new Shape(3, 8, 8))
                .model(
                        Map.of("latent", "4", "channels", "8"),
                        "conv-gaussian",
                        "standard-normal",
                        "conv-logistic",
                        "elbo")
                .data(new Shape(2))
                .model(Map.of("variance", "learned"), "mlp-gaussian", "standard-normal", "mlp-gaussian", "elbo")
                .tests();
    }

    @Test
    void namesItsFactories() {
        assertThat(plugin.name()).isEqualTo("vae");
        assertThat(plugin.encoders())
                .extracting(ComponentFactory::name)
                .containsExactly("mlp-gaussian", "conv-gaussian");
        assertThat(plugin.decoders())
                .extracting(ComponentFactory::name)
                .containsExactly("mlp-bernoulli", "mlp-gaussian", "conv-logistic");
        assertThat(plugin.priors()).extracting(ComponentFactory::name).containsExactly("standard-normal");
        assertThat(plugin.objectives()).extracting(ComponentFactory::name).containsExactly("elbo");
        assertThat(plugin.objectives().get(0).options())
                .extracting(Option::name)
                .containsExactly("beta", "kl", "warmup-epochs", "kl-cycles", "kl-cycle-rise", "free-bits", "samples");
    }

    /** The keys of checkpoint.zip's parameters.npz, as every genzoo before the shared network blocks wrote them. */
    @Test
    void theNetworksParametersKeepTheirCheckpointNames() {
        try (NDManager manager = NDManager.newBaseManager()) {
            BuildContext context = BuildContext.of(manager, new Shape(1, 4, 4));
            Encoder encoder = create(plugin.encoders().get(0), Map.of("hidden", "8,6"), context);
            assertThat(encoder.latentShape()).isEqualTo(new Shape(20));
            assertThat(encoder.parameters().keys())
                    .containsExactly(
                            "01Linear_weight",
                            "01Linear_bias",
                            "03Linear_weight",
                            "03Linear_bias",
                            "05Linear_weight",
                            "05Linear_bias");
            assertThat(encoder.parameters().get("05Linear_weight").getArray().getShape())
                    .isEqualTo(new Shape(40, 6));
            context = context.withEncoder(encoder);
            Decoder decoder = create(plugin.decoders().get(1), Map.of("hidden", "8", "variance", "learned"), context);
            assertThat(decoder.parameters().keys())
                    .containsExactly(
                            "01Linear_weight", "01Linear_bias", "03Linear_weight", "03Linear_bias", "log_variance");
        }
    }

    private static <T extends dev.genzoo.api.Component> T create(
            ComponentFactory<T> factory, Map<String, String> given, BuildContext context) {
        return factory.create(Options.resolve(factory.name(), factory.options(), given), context);
    }
}
