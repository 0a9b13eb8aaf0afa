package dev.genzoo.plugins.hvae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.Component;
import dev.genzoo.api.ComponentFactory;
import dev.genzoo.api.Decoder;
import dev.genzoo.api.Encoder;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.LatentLayout;
import dev.genzoo.api.Prior;
import dev.genzoo.api.Role;
import dev.genzoo.api.options.Options;
import dev.genzoo.testkit.PluginConformance;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The plugin root: the plugin contract, its factories and companions, the layers' layout and
 * parameter names, and the ladder's generative conditionals shared with the prior.
 */
final class HvaePluginTest {
    private static final Map<String, String> SMALL = Map.of("latents", "4,3,2", "hidden", "8,6", "layer-hidden", "5");

    private final HvaePlugin plugin = new HvaePlugin();

    @TestFactory
    Stream<DynamicTest> meetsThePluginContract() {
        return PluginConformance.of(plugin)
                .data(new Shape(1, 4, 4))
                .model("hvae", "hvae", "hvae", null)
                .model("ladder", "hvae", "hvae", null)
                .model(Map.of("latents", "5"), "hvae", "hvae", "hvae", null)
                .tests();
    }

    @Test
    void namesItsFactoriesAndTheEncodersPickThePriorAndDecoder() {
        assertThat(plugin.name()).isEqualTo("hvae");
        assertThat(plugin.encoders()).extracting(ComponentFactory::name).containsExactly("hvae", "ladder");
        assertThat(plugin.priors()).extracting(ComponentFactory::name).containsExactly("hvae");
        assertThat(plugin.decoders()).extracting(ComponentFactory::name).containsExactly("hvae");
        for (ComponentFactory<?> encoder : plugin.encoders()) {
            assertThat(encoder.companions()).isEqualTo(Map.of(Role.PRIOR, "hvae", Role.DECODER, "hvae"));
        }
    }

    @Test
    void theLayersAreTheLatentsLayoutAndNameTheNetworks() {
        try (NDManager manager = NDManager.newBaseManager()) {
            BuildContext context = BuildContext.of(manager, new Shape(1, 4, 4));
            Encoder encoder = create(plugin.encoders().get(0), context);
            assertThat(encoder.latentShape()).isEqualTo(new Shape(9));
            assertThat(encoder.latentLayout()).isEqualTo(LatentLayout.layers(4, 3, 2));
            assertThat(encoder.parameters().keys())
                    .containsExactly(
                            "q1.layer0.weight",
                            "q1.layer0.bias",
                            "q1.layer1.weight",
                            "q1.layer1.bias",
                            "q1.layer2.weight",
                            "q1.layer2.bias",
                            "q2.layer0.weight",
                            "q2.layer0.bias",
                            "q2.layer1.weight",
                            "q2.layer1.bias",
                            "q3.layer0.weight",
                            "q3.layer0.bias",
                            "q3.layer1.weight",
                            "q3.layer1.bias");
            assertThat(encoder.parameters().get("q3.layer1.weight").getArray().getShape())
                    .isEqualTo(new Shape(4, 5));
            context = context.withEncoder(encoder);
            Prior prior = create(plugin.priors().get(0), context);
            assertThat(prior.parameters().keys())
                    .containsExactly(
                            "p1.layer0.weight",
                            "p1.layer0.bias",
                            "p1.layer1.weight",
                            "p1.layer1.bias",
                            "p2.layer0.weight",
                            "p2.layer0.bias",
                            "p2.layer1.weight",
                            "p2.layer1.bias");
            // p(z1|z2): from z2's 3 units to z1's mean and log-variance
            assertThat(prior.parameters().get("p1.layer0.weight").getArray().getShape())
                    .isEqualTo(new Shape(5, 3));
            assertThat(prior.parameters().get("p1.layer1.weight").getArray().getShape())
                    .isEqualTo(new Shape(8, 5));
            Decoder decoder = create(plugin.decoders().get(0), context.withPrior(prior));
            // z1 (4) -> 6 -> 8 -> 16 pixels: the encoder's widths reversed
            assertThat(decoder.parameters().get("layer0.weight").getArray().getShape())
                    .isEqualTo(new Shape(6, 4));
            assertThat(decoder.parameters().get("layer2.weight").getArray().getShape())
                    .isEqualTo(new Shape(16, 8));
        }
    }

    @Test
    void aLaddersPriorSharesTheLaddersGenerativeConditionals() {
        try (NDManager manager = NDManager.newBaseManager()) {
            BuildContext context = BuildContext.of(manager, new Shape(1, 4, 4));
            Encoder ladder = create(plugin.encoders().get(1), context);
            assertThat(ladder.parameters().keys())
                    .contains("up1.layer0.weight", "up2.layer0.weight", "up3.layer0.weight")
                    .contains("q1.layer0.weight", "q2.layer0.weight", "q3.layer0.weight")
                    .contains("p1.layer0.weight", "p2.layer1.bias");
            Prior prior = create(plugin.priors().get(0), context.withEncoder(ladder));
            prior.parameters()
                    .forEach(pair -> assertThat(ladder.parameters().get(pair.getKey()))
                            .as(pair.getKey())
                            .isSameAs(pair.getValue()));
            assertThat(prior.parameters().size()).isEqualTo(8);
        }
    }

    @Test
    void aPriorOrDecoderRefusesALatentThatIsNotAVector() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Encoder grid = new Encoder() {
                @Override
                public dev.genzoo.api.EncoderKind kind() {
                    return dev.genzoo.api.EncoderKind.POINT_MASS;
                }

                @Override
                public Shape latentShape() {
                    return new Shape(2, 3, 3);
                }

                @Override
                public dev.genzoo.api.Encoding encode(ai.djl.ndarray.NDArray x, dev.genzoo.api.StepContext c) {
                    throw new UnsupportedOperationException();
                }
            };
            BuildContext context = BuildContext.of(manager, new Shape(1, 4, 4)).withEncoder(grid);
            assertThatThrownBy(() -> create(plugin.priors().get(0), context))
                    .isInstanceOf(GenzooException.class)
                    .hasMessageContaining("the hvae prior is over a latent vector of layers");
            assertThatThrownBy(() -> create(plugin.decoders().get(0), context))
                    .isInstanceOf(GenzooException.class)
                    .hasMessageContaining("the hvae decoder reads a latent vector of layers");
        }
    }

    private static <T extends Component> T create(ComponentFactory<T> factory, BuildContext context) {
        Map<String, String> given = new java.util.HashMap<>();
        factory.options().forEach(o -> {
            if (SMALL.containsKey(o.name())) {
                given.put(o.name(), SMALL.get(o.name()));
            }
        });
        return factory.create(Options.resolve(factory.name(), factory.options(), given), context);
    }
}
