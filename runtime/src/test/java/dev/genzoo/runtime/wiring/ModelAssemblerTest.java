package dev.genzoo.runtime.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.Role;
import dev.genzoo.plugins.vae.VaePlugin;
import dev.genzoo.runtime.config.ConfigDraft;
import dev.genzoo.runtime.config.ExperimentConfig;
import dev.genzoo.runtime.model.AssembledModel;
import dev.genzoo.runtime.plugin.PluginCatalog;
import org.junit.jupiter.api.Test;

final class ModelAssemblerTest {
    private final Injector injector =
            Guice.createInjector(new ComponentsModule(PluginCatalog.of(new VaePlugin(), Fakes.pointMassPlugin())));
    private final ConfigResolver resolver = injector.getInstance(ConfigResolver.class);
    private final ModelAssembler assembler = injector.getInstance(ModelAssembler.class);

    @Test
    void buildsTheDefaultVaeWithEveryParameterOnceUnderAStableName() {
        ConfigDraft draft = new ConfigDraft();
        draft.options.put("hidden", "16");
        draft.options.put("latent", "3");
        ExperimentConfig config = resolver.resolve(draft);
        try (NDManager manager = NDManager.newBaseManager();
                AssembledModel model = assembler.assemble(config, manager, new Shape(1, 4, 4))) {
            assertThat(model.parameters().keySet()).allMatch(n -> n.startsWith("encoder.") || n.startsWith("decoder."));
            // encoder 16x16+16 then 16x6+6; decoder 3x16+16 then 16x16+16
            assertThat(model.trainableSize()).isEqualTo((16 * 16 + 16) + (16 * 6 + 6) + (3 * 16 + 16) + (16 * 16 + 16));
        }
    }

    @Test
    void theSameSeedBuildsTheSameInitialParameters() {
        ExperimentConfig config = resolver.resolve(new ConfigDraft());
        try (NDManager manager = NDManager.newBaseManager();
                AssembledModel a = assembler.assemble(config, manager, new Shape(1, 8, 8));
                AssembledModel b = assembler.assemble(config, manager, new Shape(1, 8, 8))) {
            String name = a.parameters().keySet().iterator().next();
            assertThat(a.parameters().get(name).getArray().toFloatArray())
                    .containsExactly(b.parameters().get(name).getArray().toFloatArray());
        }
    }

    @Test
    void refusesAnObjectiveThatNeedsADensityGivenAPointMassEncoder() {
        ConfigDraft draft = new ConfigDraft();
        draft.components.put(Role.ENCODER, "identity-code");
        draft.components.put(Role.DECODER, "mlp-bernoulli");
        ExperimentConfig config = resolver.resolve(draft);
        try (NDManager manager = NDManager.newBaseManager()) {
            assertThatThrownBy(() -> assembler.assemble(config, manager, new Shape(4)))
                    .isInstanceOf(GenzooException.class)
                    .hasMessage(
                            "objective 'elbo' cannot train encoder 'identity-code': it needs an encoder that"
                                    + " outputs a density q(z|x), and 'identity-code' outputs a point mass (a deterministic code)");
        }
    }

    @Test
    void aComponentThatCannotFitTheLatentsSaysWhichAndWhy() {
        ConfigDraft draft = new ConfigDraft();
        draft.components.put(Role.ENCODER, "identity-code");
        ExperimentConfig config = resolver.resolve(draft);
        try (NDManager manager = NDManager.newBaseManager()) {
            assertThatThrownBy(() -> assembler.assemble(config, manager, new Shape(1, 2, 2)))
                    .isInstanceOf(GenzooException.class)
                    .hasMessageStartingWith("decoder 'mlp-bernoulli': an MLP decoder reads latent vectors");
        }
    }
}
