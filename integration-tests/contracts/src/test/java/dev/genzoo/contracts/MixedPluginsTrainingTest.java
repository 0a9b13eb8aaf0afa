package dev.genzoo.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genzoo.api.Role;
import dev.genzoo.plugins.iwae.IwaePlugin;
import dev.genzoo.plugins.vae.VaePlugin;
import dev.genzoo.runtime.config.ConfigDraft;
import dev.genzoo.runtime.config.Settings;
import dev.genzoo.runtime.eval.EvaluationListener;
import dev.genzoo.runtime.eval.EvaluationReport;
import dev.genzoo.runtime.eval.EvaluationSettings;
import dev.genzoo.runtime.plugin.PluginCatalog;
import dev.genzoo.runtime.run.GenzooRuntime;
import dev.genzoo.runtime.train.EpochRecord;
import dev.genzoo.runtime.train.Evaluation;
import dev.genzoo.runtime.train.Fit;
import dev.genzoo.runtime.train.TrainingCallback;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The iwae plugin's components mixed with the vae plugin's and trained end to end by the runtime on
 * the bundled digits: the paper's one-layer model (vae's encoder and decoder, iwae's objective), a
 * mixture posterior under a VampPrior, a learned mixture prior under the ELBO, and the two
 * stochastic layers. Each run's test bound rises clearly over six epochs, and {@code eval} scores
 * it.
 */
final class MixedPluginsTrainingTest {
    private static final GenzooRuntime RUNTIME =
            GenzooRuntime.create(PluginCatalog.of(new VaePlugin(), new IwaePlugin()));

    @TempDir
    Path dir;

    private void trainsAndImproves(String name, Map<Role, String> components, Map<String, String> options) {
        ConfigDraft draft = new ConfigDraft();
        draft.components.putAll(components);
        draft.options.putAll(options);
        draft.set(Settings.EPOCHS, 6);
        draft.set(Settings.SEED, 2L);
        List<Double> bounds = new ArrayList<>();
        Path run = dir.resolve(name);
        RUNTIME.train(RUNTIME.resolve(draft), run, new TrainingCallback() {
            @Override
            public void onEpochEnd(Fit fit, EpochRecord record) {
                bounds.add(record.test().get(Evaluation.BOUND));
            }
        });
        assertThat(bounds).as(name).hasSize(6);
        // 64 binary pixels: an untrained model sits near -64 log 2 = -44 nats
        assertThat(bounds.get(5)).as(name).isGreaterThan(bounds.get(0) + 3).isLessThan(0);
        assertThat(run.resolve("samples.png")).isRegularFile();
        EvaluationReport report = RUNTIME.evaluate(
                        run, new EvaluationSettings(List.of(1, 20), 0, 50, 60), null, EvaluationListener.NONE)
                .report();
        assertThat(report.tightest().mean())
                .as(name)
                .isGreaterThanOrEqualTo(report.estimates().get(0).mean());
    }

    @Test
    void thePapersOneLayerModelFromBothPlugins() {
        trainsAndImproves(
                "one-layer",
                Map.of(Role.ENCODER, "mlp-gaussian", Role.DECODER, "mlp-bernoulli", Role.OBJECTIVE, "iwae"),
                Map.of("hidden", "32,32", "latent", "8", "activation", "tanh", "k", "5"));
    }

    @Test
    void aMixturePosteriorUnderAVampPrior() {
        trainsAndImproves(
                "vamp",
                Map.of(
                        Role.ENCODER,
                        "mlp-mixture",
                        Role.PRIOR,
                        "vamp",
                        Role.DECODER,
                        "mlp-bernoulli",
                        Role.OBJECTIVE,
                        "iwae"),
                Map.of("hidden", "32", "latent", "4", "components", "2", "pseudo-inputs", "20", "k", "3"));
    }

    @Test
    void aLearnedMixturePriorUnderTheElbo() {
        trainsAndImproves(
                "mixture-prior",
                Map.of(Role.PRIOR, "mixture-of-gaussians", Role.OBJECTIVE, "elbo"),
                Map.of("hidden", "32", "latent", "4", "components", "5"));
    }

    @Test
    void twoStochasticLayers() {
        trainsAndImproves(
                "two-layer",
                Map.of(
                        Role.ENCODER,
                        "two-layer-gaussian",
                        Role.PRIOR,
                        "two-layer",
                        Role.DECODER,
                        "first-layer-bernoulli",
                        Role.OBJECTIVE,
                        "iwae"),
                Map.of("hidden", "32", "latent", "8", "hidden2", "16", "latent2", "4", "k", "5"));
    }
}
