package dev.genzoo.plugins.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.ComponentFactory;
import dev.genzoo.api.Decoder;
import dev.genzoo.api.Encoder;
import dev.genzoo.api.EncoderFactory;
import dev.genzoo.api.EncoderKind;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.Objective;
import dev.genzoo.api.Prior;
import dev.genzoo.api.PriorFactory;
import dev.genzoo.api.Role;
import dev.genzoo.api.options.Option;
import dev.genzoo.api.options.Options;
import dev.genzoo.testkit.PluginConformance;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The plugin root: the plugin contract (the test kit's checks), its named factories, their kinds and parameter names. */
final class FlowPluginTest {
    private final FlowPlugin plugin = new FlowPlugin();

    @TestFactory
    Stream<DynamicTest> meetsThePluginContract() {
        return PluginConformance.of(plugin)
                .data(new Shape(1, 4, 4))
                .model("realnvp", "maf", "flow-inverse", "flow-nll")
                .model("maf", "realnvp", "flow-inverse", "flow-nll")
                .model("mlp-planar", "realnvp", null, null)
                .model("mlp-iaf", "maf", null, null)
                .tests();
    }

    @Test
    void namesItsFactories() {
        assertThat(plugin.encoders())
                .extracting(ComponentFactory::name)
                .containsExactly("realnvp", "maf", "mlp-planar", "mlp-iaf");
        assertThat(plugin.priors()).extracting(ComponentFactory::name).containsExactly("realnvp", "maf");
        assertThat(plugin.decoders()).extracting(ComponentFactory::name).containsExactly("flow-inverse");
        assertThat(plugin.objectives()).extracting(ComponentFactory::name).containsExactly("flow-nll");
        assertThat(plugin.encoders().get(0).options())
                .extracting(Option::name)
                .containsExactly("couplings", "hidden", "activation", "scale-bound", "logit-alpha");
        assertThat(plugin.priors().get(1).options())
                .extracting(Option::name)
                .containsExactly("layers", "hidden", "activation", "scale-bound");
    }

    @Test
    void densityEncodersBringTheirInverseAStandardNormalAndTheExactLikelihood() {
        Map<Role, String> expected =
                Map.of(Role.PRIOR, "standard-normal", Role.DECODER, "flow-inverse", Role.OBJECTIVE, "flow-nll");
        assertThat(plugin.encoders().get(0).companions()).isEqualTo(expected);
        assertThat(plugin.encoders().get(1).companions()).isEqualTo(expected);
        assertThat(plugin.encoders().get(2).companions()).isEmpty();
    }

    @Test
    void everyFactoryCreatesFromItsDefaults() {
        try (Fixtures f = new Fixtures(1)) {
            BuildContext images = BuildContext.of(f.manager, new Shape(1, 4, 4));
            for (EncoderFactory factory : plugin.encoders()) {
                Encoder encoder = factory.create(Options.defaults(factory.options()), images);
                assertThat(encoder.parameters().isEmpty()).as(factory.name()).isFalse();
                boolean density = factory.name().startsWith("mlp-");
                assertThat(encoder.kind()).isEqualTo(density ? EncoderKind.DENSITY : EncoderKind.BIJECTION);
                assertThat(encoder.latentShape()).isEqualTo(density ? new Shape(20) : new Shape(1, 4, 4));
                BuildContext context = images.withEncoder(encoder);
                for (PriorFactory priorFactory : plugin.priors()) {
                    Prior prior = priorFactory.create(Options.defaults(priorFactory.options()), context);
                    assertThat(prior.parameters().isEmpty()).isFalse();
                }
            }
            Encoder realNvp = plugin.encoders()
                    .get(0)
                    .create(Options.defaults(plugin.encoders().get(0).options()), images);
            Decoder inverse = plugin.decoders().get(0).create(Options.defaults(List.of()), images.withEncoder(realNvp));
            assertThat(inverse.parameters().isEmpty())
                    .as("the inverse shares the encoder's parameters")
                    .isTrue();
            Objective nll = plugin.objectives().get(0).create(Options.defaults(List.of()), images);
            assertThat(nll.acceptedEncoders()).containsExactly(EncoderKind.BIJECTION);
        }
    }

    @Test
    void parameterNamesAreUniqueAndStable() {
        try (Fixtures f = new Fixtures(1)) {
            BuildContext context = BuildContext.of(f.manager, new Shape(2));
            Encoder encoder = f.create(plugin.encoders().get(0), Map.of("couplings", "2", "hidden", "4"), context);
            assertThat(encoder.parameters().keys())
                    .containsExactly(
                            "coupling0.layer0.weight",
                            "coupling0.layer0.bias",
                            "coupling0.layer1.weight",
                            "coupling0.layer1.bias",
                            "coupling1.layer0.weight",
                            "coupling1.layer0.bias",
                            "coupling1.layer1.weight",
                            "coupling1.layer1.bias");
            Encoder iaf = f.create(
                    plugin.encoders().get(3),
                    Map.of("flows", "1", "hidden", "4", "flow-hidden", "4", "latent", "2"),
                    context);
            assertThat(iaf.parameters().keys())
                    .doesNotHaveDuplicates()
                    .contains("gaussian.layer0.weight", "iaf0.layer1.bias");
        }
    }

    @Test
    void refusesWhatCannotWork() {
        try (Fixtures f = new Fixtures(1)) {
            BuildContext context = BuildContext.of(f.manager, new Shape(1));
            Encoder planar = f.create(plugin.encoders().get(2), Map.of("latent", "1", "hidden", "4"), context);
            assertThatThrownBy(() ->
                            plugin.decoders().get(0).create(Options.defaults(List.of()), context.withEncoder(planar)))
                    .isInstanceOf(GenzooException.class)
                    .hasMessage(
                            "it runs a flow encoder (realnvp, maf) backwards, but the chosen encoder outputs a density q(z|x);"
                                    + " choose --encoder realnvp or maf, or another decoder");
            assertThatThrownBy(() -> f.create(plugin.encoders().get(1), Map.of(), context))
                    .isInstanceOf(GenzooException.class)
                    .hasMessage("an autoregressive flow needs events of at least 2 dimensions, got shape (1)");
            assertThatThrownBy(() -> f.create(plugin.encoders().get(3), Map.of("latent", "1"), context))
                    .isInstanceOf(GenzooException.class)
                    .hasMessage("inverse autoregressive flows need latent >= 2");
            assertThatThrownBy(() -> f.create(plugin.encoders().get(0), Map.of("logit-alpha", "0.5"), context))
                    .isInstanceOf(GenzooException.class)
                    .hasMessageContaining("logit-alpha");
        }
    }
}
