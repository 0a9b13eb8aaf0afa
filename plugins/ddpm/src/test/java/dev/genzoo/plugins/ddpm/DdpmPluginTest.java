package dev.genzoo.plugins.ddpm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.ComponentFactory;
import dev.genzoo.api.Decoder;
import dev.genzoo.api.Encoder;
import dev.genzoo.api.EncoderKind;
import dev.genzoo.api.GenerativeModel;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.Objective;
import dev.genzoo.api.Prior;
import dev.genzoo.api.PriorFactory;
import dev.genzoo.api.Role;
import dev.genzoo.api.distribution.PointMass;
import dev.genzoo.api.distribution.StandardNormal;
import dev.genzoo.api.options.Option;
import dev.genzoo.api.options.Options;
import dev.genzoo.testkit.PluginConformance;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The plugin root: the plugin contract (the test kit's checks), its factories and their refusals, each a sentence. */
final class DdpmPluginTest {
    private final DdpmPlugin plugin = new DdpmPlugin();
    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    @TestFactory
    Stream<DynamicTest> meetsThePluginContract() {
        return PluginConformance.of(plugin)
                .alongside(new UnitNormal())
                .data(new Shape(2))
                .model("diffusion", "standard-normal", "ddpm-mlp", "ddpm-simple", "ancestral", "ddim")
                .data(new Shape(1, 8, 8))
                .model("diffusion", "standard-normal", "ddpm-unet", "ddpm-vlb", "ddim")
                .tests();
    }

    /** The prior every diffusion is paired with, from the vae plugin in a run; here a stand-in. */
    private static final class UnitNormal implements PriorFactory {
        @Override
        public String name() {
            return "standard-normal";
        }

        @Override
        public String description() {
            return "N(0, I) over the encoder's latent shape (test)";
        }

        @Override
        public Prior create(Options options, BuildContext context) {
            Shape latent = context.latentShape();
            return c -> new StandardNormal(c.manager(), latent);
        }
    }

    @Test
    void namesItsFactories() {
        assertThat(plugin.encoders()).extracting(ComponentFactory::name).containsExactly("diffusion");
        assertThat(plugin.decoders()).extracting(ComponentFactory::name).containsExactly("ddpm-mlp", "ddpm-unet");
        assertThat(plugin.priors()).isEmpty();
        assertThat(plugin.objectives()).extracting(ComponentFactory::name).containsExactly("ddpm-simple", "ddpm-vlb");
        assertThat(plugin.samplers()).extracting(ComponentFactory::name).containsExactly("ancestral", "ddim");
        assertThat(plugin.encoders().get(0).options())
                .extracting(Option::name)
                .containsExactly("schedule", "timesteps", "variance", "range", "levels");
        assertThat(plugin.samplers().get(1).options())
                .extracting(Option::name)
                .containsExactly("steps", "eta", "guidance");
    }

    @Test
    void theEncoderSuggestsTheRestOfADiffusion() {
        assertThat(plugin.encoders().get(0).companions())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(Role.PRIOR, "standard-normal", Role.DECODER, "ddpm-mlp", Role.OBJECTIVE, "ddpm-simple"));
    }

    @Test
    void theProcessIsAParameterFreeEncoderShapedLikeTheData() {
        Encoder encoder = create(plugin.encoders().get(0), Map.of(), BuildContext.of(manager, new Shape(1, 8, 8)));
        assertThat(encoder.kind()).isEqualTo(EncoderKind.FIXED_PROCESS);
        assertThat(encoder.latentShape()).isEqualTo(new Shape(1, 8, 8));
        assertThat(encoder.parameters().isEmpty()).isTrue();
        assertThat(((GaussianDiffusion) encoder).unitRange()).isTrue();
        Encoder points = create(plugin.encoders().get(0), Map.of(), BuildContext.of(manager, new Shape(2)));
        assertThat(((GaussianDiffusion) points).unitRange()).isFalse();
    }

    @Test
    void bothDecodersBuildFromTheirDefaultsOnImages() {
        BuildContext context = built(new Shape(1, 8, 8));
        for (var factory : plugin.decoders()) {
            Decoder decoder = create(factory, Map.of(), context);
            assertThat(decoder.parameters().isEmpty()).as(factory.name()).isFalse();
            assertThat(decoder).isInstanceOf(dev.genzoo.api.Denoiser.class);
        }
    }

    @Test
    void decodersRefuseModelsTheyCannotServe() {
        BuildContext noDiffusion = BuildContext.of(manager, new Shape(2)).withEncoder(new dev.genzoo.api.Encoder() {
            public EncoderKind kind() {
                return EncoderKind.DENSITY;
            }

            public Shape latentShape() {
                return new Shape(2);
            }

            public dev.genzoo.api.Encoding encode(ai.djl.ndarray.NDArray x, dev.genzoo.api.StepContext c) {
                throw new UnsupportedOperationException();
            }
        });
        assertThatThrownBy(() -> create(plugin.decoders().get(0), Map.of(), noDiffusion))
                .isInstanceOf(GenzooException.class)
                .hasMessage(
                        "decoder 'ddpm-mlp' is the reverse of the 'diffusion' encoder's process; choose --encoder diffusion");
        assertThatThrownBy(() -> create(plugin.decoders().get(1), Map.of(), built(new Shape(2))))
                .isInstanceOf(GenzooException.class)
                .hasMessage("decoder 'ddpm-unet' needs images (channels, height, width), but the data have shape (2);"
                        + " choose ddpm-mlp");
        assertThatThrownBy(() ->
                        create(plugin.decoders().get(1), Map.of("channels", "8,8,8"), built(new Shape(1, 28, 28))))
                .isInstanceOf(GenzooException.class)
                .hasMessage("a U-Net with 3 resolutions halves the image 3 times, so its sides must be multiples of 8,"
                        + " but the images are 28x28; give fewer channels");
    }

    @Test
    void theObjectivesNameWhatTheyNeed() {
        BuildContext context = built(new Shape(2));
        Encoder diffusion = context.encoder().orElseThrow();
        Decoder pointMass = new Decoder() {
            public dev.genzoo.api.distribution.Distribution decode(
                    ai.djl.ndarray.NDArray z, dev.genzoo.api.StepContext c) {
                return new PointMass(z, 1);
            }
        };
        for (var factory : plugin.objectives()) {
            Objective objective = create(factory, Map.of(), context);
            assertThat(objective.acceptedEncoders()).containsExactly(EncoderKind.FIXED_PROCESS);
            GenerativeModel fine = new GenerativeModel(
                    diffusion,
                    context.prior().orElseThrow(),
                    create(plugin.decoders().get(0), Map.of(), context));
            assertThat(objective.incompatibility(fine)).isEmpty();
            GenerativeModel wrong =
                    new GenerativeModel(diffusion, context.prior().orElseThrow(), pointMass);
            assertThat(objective.incompatibility(wrong))
                    .contains(
                            "its decoder must predict the noise (implement dev.genzoo.api.Denoiser), as ddpm-mlp and ddpm-unet do");
        }
    }

    @Test
    void optionsAreCheckedWithTheirOwnWords() {
        var encoder = plugin.encoders().get(0);
        assertThatThrownBy(() -> Options.resolve("encoder 'diffusion'", encoder.options(), Map.of("schedule", "cosin")))
                .hasMessage(
                        "option 'schedule' of encoder 'diffusion' must be one of linear, cosine, got 'cosin'; did you mean 'cosine'?");
        assertThatThrownBy(() -> Options.resolve("encoder 'diffusion'", encoder.options(), Map.of("timesteps", "0")))
                .hasMessage("option 'timesteps' of encoder 'diffusion' must be >= 1, got '0'");
        var mlp = plugin.decoders().get(0);
        assertThatThrownBy(() -> Options.resolve("decoder 'ddpm-mlp'", mlp.options(), Map.of("embedding", "7")))
                .hasMessage("option 'embedding' of decoder 'ddpm-mlp' must be even, got '7'");
    }

    private BuildContext built(Shape data) {
        BuildContext context = BuildContext.of(manager, data);
        Encoder encoder = create(plugin.encoders().get(0), Map.of("timesteps", "20"), context);
        return context.withEncoder(encoder).withPrior(c -> new StandardNormal(c.manager(), data));
    }

    private static <T extends dev.genzoo.api.Component> T create(
            ComponentFactory<T> factory, Map<String, String> given, BuildContext context) {
        return factory.create(Options.resolve(factory.name(), factory.options(), given), context);
    }
}
