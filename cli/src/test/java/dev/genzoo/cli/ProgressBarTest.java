package dev.genzoo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genzoo.runtime.config.ConfigDraft;
import dev.genzoo.runtime.config.Settings;
import dev.genzoo.runtime.plugin.PluginCatalog;
import dev.genzoo.runtime.run.GenzooRuntime;
import dev.genzoo.runtime.train.Fit;
import dev.genzoo.runtime.train.StepValues;
import dev.genzoo.runtime.train.TrainingCallback;
import dev.genzoo.runtime.train.TrainingStopped;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Progress: on a terminal a bar drawn in place, else a line per epoch and lines within an epoch that takes long. */
final class ProgressBarTest {

    @Test
    void aLongEpochGetsALineEveryTenSecondsOfIt(@TempDir Path dir) {
        GenzooRuntime runtime = GenzooRuntime.create(PluginCatalog.fromClassPath());
        ConfigDraft draft = new ConfigDraft();
        draft.set(Settings.EPOCHS, 1);
        draft.options.put("hidden", "8");
        StringWriter text = new StringWriter();
        long[] clock = {0};
        // every reading of the clock is 4 seconds after the one before
        ProgressBar progress = new ProgressBar(new PrintWriter(text), false, () -> clock[0] += 4_000_000_000L);
        runtime.train(runtime.resolve(draft), dir.resolve("run"), progress);
        List<String> lines = text.toString().lines().toList();
        // 1,437 digits in batches of 128: 12 steps, one clock reading each; a line at least 10 s after the last
        assertThat(lines).filteredOn(l -> l.contains("  step ")).hasSize(3);
        assertThat(lines.get(0)).matches("epoch 1/1  step 3/12  loss [0-9.]+  [0-9]+ steps/s");
        assertThat(lines.get(lines.size() - 1)).startsWith("epoch 1/1  train loss ");
    }

    @Test
    void aBarDrawnInPlaceEndsItsLineWhenTrainingIsInterrupted(@TempDir Path dir) {
        GenzooRuntime runtime = GenzooRuntime.create(PluginCatalog.fromClassPath());
        ConfigDraft draft = new ConfigDraft();
        draft.set(Settings.EPOCHS, 3);
        draft.options.put("hidden", "8");
        StringWriter text = new StringWriter();
        long[] clock = {0};
        ProgressBar progress = new ProgressBar(new PrintWriter(text), true, () -> clock[0] += 500_000_000L);
        // what Ctrl-C does: the CLI's handler sets the stop request, here after the fifth step
        TrainingCallback ctrlC = new TrainingCallback() {
            @Override
            public void onStepEnd(Fit fit, StepValues values) {
                if (fit.step() == 5) {
                    runtime.stopRequest().request("SIGINT");
                }
            }
        };
        assertThatThrownBy(() -> runtime.train(runtime.resolve(draft), dir.resolve("run"), ctrlC, progress))
                .isInstanceOf(TrainingStopped.class);
        String written = text.toString();
        assertThat(written).contains("\r").endsWith(System.lineSeparator());
        String lastDrawn = written.substring(written.lastIndexOf('\r') + 1).strip();
        assertThat(lastDrawn).startsWith("epoch 1/3 [");
    }
}
