package dev.genzoo.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.nn.Parameter;
import dev.genzoo.api.Role;
import dev.genzoo.plugins.ddpm.DdpmPlugin;
import dev.genzoo.plugins.vae.VaePlugin;
import dev.genzoo.runtime.config.ConfigDraft;
import dev.genzoo.runtime.config.ExperimentConfig;
import dev.genzoo.runtime.config.Settings;
import dev.genzoo.runtime.eval.EvaluationListener;
import dev.genzoo.runtime.eval.EvaluationSettings;
import dev.genzoo.runtime.plugin.PluginCatalog;
import dev.genzoo.runtime.train.Fit;
import dev.genzoo.runtime.train.StepValues;
import dev.genzoo.runtime.train.TrainingCallback;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The settings a component usually takes: a diffusion run averages its weights by default (decay
 * 0.999, the average checked against one computed here from the weights after every step), a VAE
 * run does not, the user's own value wins, and a saved config without the key keeps meaning none.
 */
final class UsualSettingsTest {
    private final GenzooRuntime runtime = GenzooRuntime.create(PluginCatalog.of(new VaePlugin(), new DdpmPlugin()));

    private static ConfigDraft diffusion() {
        ConfigDraft draft = new ConfigDraft();
        draft.components.put(Role.ENCODER, "diffusion");
        draft.options.put("timesteps", "10");
        draft.options.put("hidden", "16");
        draft.set(Settings.DATA, "moons");
        draft.set(Settings.EPOCHS, 1);
        return draft;
    }

    private static ConfigDraft vae() {
        ConfigDraft draft = new ConfigDraft();
        draft.options.put("hidden", "16");
        draft.options.put("latent", "2");
        draft.set(Settings.EPOCHS, 1);
        return draft;
    }

    @Test
    void aDiffusionRunKeepsAMovingAverageByDefaultAndItsCheckpointHoldsIt(@TempDir Path dir) throws IOException {
        ExperimentConfig config = runtime.resolve(diffusion());
        assertThat(config.component(Role.DECODER)).isEqualTo("ddpm-mlp");
        assertThat(config.get(Settings.EMA)).isEqualTo(0.999);

        List<float[]> weights = new ArrayList<>();
        String[] name = new String[1];
        TrainingCallback recorder = new TrainingCallback() {
            @Override
            public void onFitStart(Fit fit) {
                for (Map.Entry<String, Parameter> e : fit.model().parameters().entrySet()) {
                    if (e.getValue().requiresGradient() && name[0] == null) {
                        name[0] = e.getKey();
                    }
                }
                weights.add(fit.model().parameters().get(name[0]).getArray().toFloatArray());
            }

            @Override
            public void onStepEnd(Fit fit, StepValues values) {
                weights.add(fit.model().parameters().get(name[0]).getArray().toFloatArray());
            }
        };
        Path run = dir.resolve("run");
        runtime.train(config, run, recorder);
        assertThat(Files.readString(run.resolve("config.yaml"))).contains("ema: 0.999");

        // a_0 = w_0; a_t = d_t a_{t-1} + (1 - d_t) w_t, d_t = min(0.999, (1 + t) / (10 + t))
        double[] average = new double[weights.get(0).length];
        for (int i = 0; i < average.length; i++) {
            average[i] = weights.get(0)[i];
        }
        for (int t = 1; t < weights.size(); t++) {
            double d = Math.min(0.999, (1.0 + t) / (10.0 + t));
            for (int i = 0; i < average.length; i++) {
                average[i] = d * average[i] + (1 - d) * weights.get(t)[i];
            }
        }
        Path checkpoint = run.resolve("checkpoint.zip");
        float[] saved = CheckpointEntries.array(checkpoint, "callbacks.npz", "ema/" + name[0]);
        float[] trained = CheckpointEntries.array(checkpoint, "parameters.npz", name[0]);
        assertThat(weights).hasSizeGreaterThan(2);
        double largest = 0;
        boolean differs = false;
        for (int i = 0; i < average.length; i++) {
            largest = Math.max(largest, Math.abs(saved[i] - average[i]));
            differs |= Math.abs(saved[i] - trained[i]) > 1e-4;
        }
        assertThat(largest).isLessThan(1e-5);
        assertThat(differs).as("the average is not the trained weights").isTrue();
    }

    @Test
    void aVaeRunKeepsNoAverage(@TempDir Path dir) throws IOException {
        ExperimentConfig config = runtime.resolve(vae());
        assertThat(config.get(Settings.EMA)).isZero();
        Path run = dir.resolve("run");
        runtime.train(config, run);
        assertThat(Files.readString(run.resolve("config.yaml"))).contains("ema: 0.0");
        assertThat(entries(run.resolve("checkpoint.zip"))).noneMatch(n -> n.contains("ema/"));
    }

    @Test
    void theUsersOwnValueWins() {
        assertThat(runtime.resolve(diffusion().set(Settings.EMA, 0.0)).get(Settings.EMA))
                .isZero();
        assertThat(runtime.resolve(diffusion().set(Settings.EMA, 0.99)).get(Settings.EMA))
                .isEqualTo(0.99);
        assertThat(runtime.resolve(vae().set(Settings.EMA, 0.9)).get(Settings.EMA))
                .isEqualTo(0.9);
    }

    @Test
    void aSavedDiffusionConfigWithoutTheKeyKeepsMeaningNone(@TempDir Path dir) throws IOException {
        Path run = dir.resolve("run");
        runtime.train(runtime.resolve(diffusion()), run);
        assertThat(evaluate(run)).contains("\"weights\": \"moving average (ema 0.999)\"");

        // as a genzoo from before the setting wrote it: the checkpoint's config.yaml without the key
        try (FileSystem zip = FileSystems.newFileSystem(run.resolve("checkpoint.zip"))) {
            Path config = zip.getPath("config.yaml");
            String yaml = Files.readString(config);
            assertThat(yaml).contains("  ema: 0.999\n");
            Files.writeString(config, yaml.replace("  ema: 0.999\n", ""));
        }
        assertThat(evaluate(run)).contains("\"weights\": \"trained\"");
    }

    private String evaluate(Path run) throws IOException {
        EvaluationOutcome eval =
                runtime.evaluate(run, new EvaluationSettings(List.of(1), 0, 100, 50), null, EvaluationListener.NONE);
        return Files.readString(eval.file());
    }

    private static List<String> entries(Path zip) throws IOException {
        List<String> names = new ArrayList<>();
        for (String npz : List.of("callbacks.npz", "parameters.npz")) {
            try {
                names.addAll(CheckpointEntries.arrays(zip, npz).keySet());
            } catch (AssertionError absent) {
                // a checkpoint without the entry holds none of its arrays
            }
        }
        return names;
    }
}
