package dev.genzoo.runtime.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.Role;
import dev.genzoo.plugins.vae.VaePlugin;
import dev.genzoo.runtime.config.ConfigDraft;
import dev.genzoo.runtime.config.ExperimentConfig;
import dev.genzoo.runtime.config.Settings;
import dev.genzoo.runtime.plugin.PluginCatalog;
import org.junit.jupiter.api.Test;

final class ConfigResolverTest {
    private final ConfigResolver resolver = Guice.createInjector(
                    new ComponentsModule(PluginCatalog.of(new VaePlugin())))
            .getInstance(ConfigResolver.class);

    @Test
    void anEmptyDraftIsTheDefaultVae() {
        ExperimentConfig config = resolver.resolve(new ConfigDraft());
        assertThat(config.component(Role.ENCODER)).isEqualTo("mlp-gaussian");
        assertThat(config.component(Role.PRIOR)).isEqualTo("standard-normal");
        assertThat(config.component(Role.DECODER)).isEqualTo("mlp-bernoulli");
        assertThat(config.component(Role.OBJECTIVE)).isEqualTo("elbo");
        assertThat(config.options(Role.ENCODER)).containsEntry("latent", "20").containsEntry("hidden", "400");
        assertThat(config.options(Role.OBJECTIVE)).containsEntry("beta", "1");
        assertThat(config.get(Settings.EPOCHS)).isEqualTo(Settings.EPOCHS.defaultValue());
        assertThat(config.get(Settings.DATA)).isEqualTo("digits");
        assertThat(config.get(Settings.DEVICE)).isEqualTo("cpu");
    }

    @Test
    void aPlainKeyReachesEveryComponentDeclaringIt() {
        ConfigDraft draft = new ConfigDraft();
        draft.options.put("hidden", "64,32");
        draft.options.put("latent", "5");
        ExperimentConfig config = resolver.resolve(draft);
        assertThat(config.options(Role.ENCODER))
                .containsEntry("hidden", "64,32")
                .containsEntry("latent", "5");
        assertThat(config.options(Role.DECODER)).containsEntry("hidden", "64,32");
    }

    @Test
    void aRolePrefixedKeyReachesOnlyThatRole() {
        ConfigDraft draft = new ConfigDraft();
        draft.options.put("decoder.hidden", "200");
        ExperimentConfig config = resolver.resolve(draft);
        assertThat(config.options(Role.DECODER)).containsEntry("hidden", "200");
        assertThat(config.options(Role.ENCODER)).containsEntry("hidden", "400");
    }

    @Test
    void anUnknownKeyNamesTheNearestDeclaredOne() {
        ConfigDraft draft = new ConfigDraft();
        draft.options.put("hiden", "10");
        assertThatThrownBy(() -> resolver.resolve(draft))
                .isInstanceOf(GenzooException.class)
                .hasMessageStartingWith("unknown option 'hiden'")
                .hasMessageContaining("did you mean 'hidden'?");
    }

    @Test
    void aBadValueNamesOptionOwnerAndRequirement() {
        ConfigDraft draft = new ConfigDraft();
        draft.options.put("latent", "0");
        assertThatThrownBy(() -> resolver.resolve(draft))
                .isInstanceOf(GenzooException.class)
                .hasMessage("option 'latent' of encoder 'mlp-gaussian' must be >= 1, got '0'");
    }

    @Test
    void aPrefixedKeyUnknownToItsRoleIsRefused() {
        ConfigDraft draft = new ConfigDraft();
        draft.options.put("decoder.latent", "3");
        assertThatThrownBy(() -> resolver.resolve(draft))
                .isInstanceOf(GenzooException.class)
                .hasMessageStartingWith("unknown option 'latent' for decoder 'mlp-bernoulli'");
    }

    @Test
    void anUnknownComponentNamesTheNearest() {
        ConfigDraft draft = new ConfigDraft();
        draft.components.put(Role.OBJECTIVE, "elob");
        assertThatThrownBy(() -> resolver.resolve(draft))
                .isInstanceOf(GenzooException.class)
                .hasMessageStartingWith("unknown objective 'elob'; did you mean 'elbo'?");
    }

    @Test
    void badTrainingNumbersAreRefused() {
        ConfigDraft epochs = new ConfigDraft();
        epochs.set(Settings.EPOCHS, 0);
        assertThatThrownBy(() -> resolver.resolve(epochs))
                .hasMessage("--epochs (training.epochs) must be at least 1, got 0");
        ConfigDraft lr = new ConfigDraft();
        lr.set(Settings.LEARNING_RATE, -1.0);
        assertThatThrownBy(() -> resolver.resolve(lr))
                .hasMessage("--lr (training.learning-rate) must be greater than 0, got -1.0");
    }

    @Test
    void resolvingAResolvedConfigChangesNothing() {
        ConfigDraft draft = new ConfigDraft();
        draft.options.put("latent", "7");
        draft.set(Settings.EPOCHS, 3);
        ExperimentConfig once = resolver.resolve(draft);
        assertThat(resolver.resolve(once.toDraft())).isEqualTo(once);
    }
}
