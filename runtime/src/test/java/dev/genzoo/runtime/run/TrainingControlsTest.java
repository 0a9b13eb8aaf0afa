package dev.genzoo.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.nn.Parameter;
import dev.genzoo.plugins.vae.VaePlugin;
import dev.genzoo.runtime.checkpoint.Checkpoint;
import dev.genzoo.runtime.config.ConfigDraft;
import dev.genzoo.runtime.config.ExperimentConfig;
import dev.genzoo.runtime.config.Settings;
import dev.genzoo.runtime.plugin.PluginCatalog;
import dev.genzoo.runtime.train.Fit;
import dev.genzoo.runtime.train.StepValues;
import dev.genzoo.runtime.train.TrainingCallback;
import dev.genzoo.runtime.train.TrainingStopped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training controls in real runs: the moving average of the weights against one computed here
 * from the weights after every step, the best checkpoint kept, and every control's state surviving
 * a stop inside an epoch bit-exactly.
 */
final class TrainingControlsTest {
    private final GenzooRuntime runtime = GenzooRuntime.create(PluginCatalog.of(new VaePlugin()));

    private ExperimentConfig small(int epochs) {
        ConfigDraft draft = new ConfigDraft();
        draft.options.put("hidden", "16");
        draft.options.put("latent", "2");
        draft.set(Settings.EPOCHS, epochs);
        return runtime.resolve(draft);
    }

    @Test
    void theMovingAverageIsTheAverageOfTheWeightsAfterEachStep(@TempDir Path dir) throws IOException {
        double decay = 0.8;
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
        runtime.train(small(2).with(Settings.EMA, decay), run, recorder);

        // a_0 = w_0; a_t = d_t a_{t-1} + (1 - d_t) w_t, d_t = min(d, (1 + t) / (10 + t))
        double[] average = new double[weights.get(0).length];
        for (int i = 0; i < average.length; i++) {
            average[i] = weights.get(0)[i];
        }
        for (int t = 1; t < weights.size(); t++) {
            double d = Math.min(decay, (1.0 + t) / (10.0 + t));
            for (int i = 0; i < average.length; i++) {
                average[i] = d * average[i] + (1 - d) * weights.get(t)[i];
            }
        }
        float[] saved = CheckpointEntries.array(run.resolve("checkpoint.zip"), "callbacks.npz", "ema/" + name[0]);
        float[] trained = CheckpointEntries.array(run.resolve("checkpoint.zip"), "parameters.npz", name[0]);
        assertThat(weights).hasSize(1 + 24);
        assertThat(trained).containsExactly(weights.get(24));
        double largest = 0;
        boolean differs = false;
        for (int i = 0; i < average.length; i++) {
            largest = Math.max(largest, Math.abs(saved[i] - average[i]));
            differs |= Math.abs(saved[i] - trained[i]) > 1e-4;
        }
        assertThat(largest).isLessThan(1e-5);
        assertThat(differs).as("the average is not the trained weights").isTrue();

        EvaluationOutcome eval = runtime.evaluate(
                run,
                new dev.genzoo.runtime.eval.EvaluationSettings(List.of(1), 0, 100, 50),
                null,
                dev.genzoo.runtime.eval.EvaluationListener.NONE);
        assertThat(Files.readString(eval.file())).contains("moving average");
    }

    private static int count(String text, String word) {
        int n = 0;
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void aRunWritesTensorBoardEventsAndAResumeStartsAFileThatPurgesTheRest(@TempDir Path dir) throws IOException {
        Path run = dir.resolve("run");
        runtime.train(small(2).with(Settings.TENSORBOARD_STEPS, 6).with(Settings.TENSORBOARD_IMAGES, 1), run);
        List<Path> files;
        try (var list = Files.list(run)) {
            files = list.filter(p -> p.getFileName().toString().startsWith("events.out.tfevents."))
                    .toList();
        }
        assertThat(files).hasSize(1);
        String events = new String(Files.readAllBytes(files.get(0)), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(count(events, "test/bound")).isEqualTo(2);
        assertThat(count(events, "train/kl")).isEqualTo(2);
        assertThat(count(events, "step/loss")).isEqualTo(4);
        assertThat(count(events, "learning_rate")).isEqualTo(2 + 4);
        assertThat(count(events, "\u0089PNG".translateEscapes()))
                .as("samples after epoch 1, four final pictures")
                .isEqualTo(1 + 3);

        runtime.resume(run, 3);
        try (var list = Files.list(run)) {
            assertThat(list.filter(p -> p.getFileName().toString().startsWith("events.out.tfevents.")))
                    .hasSize(2);
        }
        Path quiet = dir.resolve("quiet");
        runtime.train(small(1).with(Settings.TENSORBOARD, "false"), quiet);
        try (var list = Files.list(quiet)) {
            assertThat(list.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("events."));
        }
    }

    @Test
    void theBestEpochsCheckpointIsKept(@TempDir Path dir) throws IOException {
        Path run = dir.resolve("run");
        runtime.train(small(4).with(Settings.KEEP_BEST, "true"), run);
        List<String> rows = Files.readAllLines(run.resolve("metrics.csv"));
        List<String> header = List.of(rows.get(0).split(","));
        int bound = header.indexOf("test_bound");
        int best = 0;
        double bestBound = Double.NEGATIVE_INFINITY;
        for (int epoch = 1; epoch < rows.size(); epoch++) {
            double value = Double.parseDouble(rows.get(epoch).split(",")[bound]);
            if (value > bestBound) {
                bestBound = value;
                best = epoch;
            }
        }
        assertThat(Checkpoint.read(run.resolve("best.zip")).epoch()).isEqualTo(best);
    }

    @Test
    void everyControlsStateSurvivesAStopInsideAnEpoch(@TempDir Path dir) throws IOException {
        ExperimentConfig config = small(3).with(Settings.EMA, 0.9)
                .with(Settings.LR_SCHEDULE, "cosine")
                .with(Settings.WARMUP_STEPS, 6)
                .with(Settings.CLIP_NORM, 5.0)
                .with(Settings.KEEP_BEST, "true");
        runtime.train(config, dir.resolve("whole"));
        Path split = dir.resolve("split");
        TrainingCallback stopper = new TrainingCallback() {
            @Override
            public void onStepEnd(Fit fit, StepValues values) {
                if (fit.step() == 20) {
                    runtime.stopRequest().request("SIGINT");
                }
            }
        };
        assertThatThrownBy(() -> runtime.train(config, split, stopper)).isInstanceOf(TrainingStopped.class);
        runtime.stopRequest().clear();
        runtime.resume(split, null);
        for (String entry : List.of("parameters.npz", "optimizer.npz", "callbacks.npz")) {
            assertThat(CheckpointEntries.arrays(split.resolve("checkpoint.zip"), entry))
                    .as(entry)
                    .isEqualTo(CheckpointEntries.arrays(dir.resolve("whole/checkpoint.zip"), entry));
        }
        assertThat(CheckpointEntries.text(split.resolve("checkpoint.zip"), "callbacks.json"))
                .isEqualTo(CheckpointEntries.text(dir.resolve("whole/checkpoint.zip"), "callbacks.json"));
        assertThat(CheckpointEntries.arrays(split.resolve("best.zip"), "parameters.npz"))
                .isEqualTo(CheckpointEntries.arrays(dir.resolve("whole/best.zip"), "parameters.npz"));
    }
}
