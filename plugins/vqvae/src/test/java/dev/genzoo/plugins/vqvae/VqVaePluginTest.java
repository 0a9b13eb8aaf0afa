package dev.genzoo.plugins.vqvae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.ComponentFactory;
import dev.genzoo.api.EncoderKind;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.Role;
import dev.genzoo.testkit.PluginConformance;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The plugin root: the plugin contract (the test kit's checks), its named factories and their defaults (the reference
 * model: 28x28 images to a 7x7 grid of 64-dimensional codes out of 512), the parameters each
 * codebook option adds, and one sentence for each input that cannot work.
 */
final class VqVaePluginTest {
    private final VqVaePlugin plugin = new VqVaePlugin();

    @TestFactory
    Stream<DynamicTest> meetsThePluginContract() {
        return PluginConformance.of(plugin)
                .data(new Shape(1, 8, 8))
                .model("vq-conv", "uniform-codes", "conv-bernoulli", "vq")
                .model("vq-conv", "transformer-codes", "conv-gaussian", "vq")
                .tests();
    }

    @Test
    void namesItsFactories() {
        assertThat(plugin.name()).isEqualTo("vqvae");
        assertThat(plugin.encoders()).extracting(ComponentFactory::name).containsExactly("vq-conv");
        assertThat(plugin.decoders())
                .extracting(ComponentFactory::name)
                .containsExactly("conv-bernoulli", "conv-gaussian");
        assertThat(plugin.priors())
                .extracting(ComponentFactory::name)
                .containsExactly("uniform-codes", "transformer-codes");
        assertThat(plugin.objectives()).extracting(ComponentFactory::name).containsExactly("vq");
        assertThat(plugin.encoders().get(0).companions())
                .containsEntry(Role.PRIOR, "uniform-codes")
                .containsEntry(Role.DECODER, "conv-bernoulli")
                .containsEntry(Role.OBJECTIVE, "vq");
    }

    @Test
    void theDefaultsBuildTheReferenceModel() {
        try (TinyVqVae vq =
                new TinyVqVae(1, Map.of("channels", "32,64", "codes", "512", "code-dim", "64"), new Shape(1, 28, 28))) {
            assertThat(vq.encoder.kind()).isEqualTo(EncoderKind.POINT_MASS);
            assertThat(vq.encoder.latentShape()).isEqualTo(new Shape(64, 7, 7));
            assertThat(vq.codebook().getArray().getShape()).isEqualTo(new Shape(512, 64));
            assertThat(vq.codebook().requiresGradient()).isTrue();
            long encoderScalars = vq.encoder.parameters().stream()
                    .mapToLong(p -> p.getValue().getArray().size())
                    .sum();
            long decoderScalars = vq.decoder.parameters().stream()
                    .mapToLong(p -> p.getValue().getArray().size())
                    .sum();
            // peer.py's VqVae: 544 + 32832 + 36928 encoder weights, 32768 codebook, 36928 + 18464 + 289 decoder
            assertThat(encoderScalars).isEqualTo(544 + 32832 + 36928 + 32768);
            assertThat(decoderScalars).isEqualTo(36928 + 18464 + 289);
        }
    }

    @Test
    void codebookOptionsAddTheirStateAsParametersWithoutGradient() {
        try (TinyVqVae vq = new TinyVqVae(1, Map.of("codebook", "ema", "restart-after", "50"))) {
            assertThat(vq.encoder.parameters().keys())
                    .contains("codebook", "codebook_cluster_size", "codebook_sums", "codebook_idle_steps");
            for (String name : List.of("codebook", "codebook_cluster_size", "codebook_sums", "codebook_idle_steps")) {
                assertThat(vq.encoder.parameters().get(name).requiresGradient())
                        .as(name)
                        .isFalse();
            }
        }
    }

    @Test
    void inputsThatCannotWorkAreRefusedWithASentence() {
        try (NDManager manager = NDManager.newBaseManager()) {
            assertThatThrownBy(() -> TinyVqVae.create(
                            new VqConvEncoder.Factory(), Map.of(), BuildContext.of(manager, new Shape(2))))
                    .isInstanceOf(GenzooException.class)
                    .hasMessage(
                            "convolutional VQ-VAE components read images (channels, height, width), but data examples have shape (2)");
            assertThatThrownBy(() -> TinyVqVae.create(
                            new VqConvEncoder.Factory(),
                            Map.of("channels", "8,8,8,8"),
                            BuildContext.of(manager, new Shape(1, 8, 8))))
                    .isInstanceOf(GenzooException.class)
                    .hasMessage("images of 8x8 cannot be halved 4 times; give fewer -P channels");
            BuildContext noCodebook =
                    BuildContext.of(manager, new Shape(1, 8, 8)).withEncoder(new FakeVectorEncoder());
            assertThatThrownBy(() -> TinyVqVae.create(new UniformCodePrior.Factory(), Map.of(), noCodebook))
                    .isInstanceOf(GenzooException.class)
                    .hasMessage(
                            "a prior over codes needs an encoder with a codebook (a parameter named 'codebook', as vq-conv has)");
        }
        try (TinyVqVae vq = new TinyVqVae(1, Map.of())) {
            BuildContext context = BuildContext.of(vq.manager, TinyVqVae.DATA).withEncoder(vq.encoder);
            assertThatThrownBy(() -> TinyVqVae.create(
                            new TransformerCodePrior.Factory(), Map.of("width", "10", "heads", "4"), context))
                    .isInstanceOf(GenzooException.class)
                    .hasMessage("heads (4) must divide width (10)");
        }
    }
}
