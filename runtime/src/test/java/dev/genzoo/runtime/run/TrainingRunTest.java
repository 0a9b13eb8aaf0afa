package dev.genzoo.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import dev.genzoo.api.GenzooException;
import dev.genzoo.plugins.vae.VaePlugin;
import dev.genzoo.runtime.checkpoint.Checkpoint;
import dev.genzoo.runtime.checkpoint.SavedState;
import dev.genzoo.runtime.config.ConfigDraft;
import dev.genzoo.runtime.config.ExperimentConfig;
import dev.genzoo.runtime.config.Settings;
import dev.genzoo.runtime.plugin.PluginCatalog;
import dev.genzoo.runtime.train.EpochRecord;
import dev.genzoo.runtime.train.Evaluation;
import dev.genzoo.runtime.train.Fit;
import dev.genzoo.runtime.train.StepValues;
import dev.genzoo.runtime.train.TrainingCallback;
import dev.genzoo.runtime.train.TrainingStopped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training end to end on the bundled digits with a small VAE. */
final class TrainingRunTest {
    private final GenzooRuntime runtime = GenzooRuntime.create(PluginCatalog.of(new VaePlugin()));

    private ExperimentConfig small(int epochs) {
        ConfigDraft draft = new ConfigDraft();
        draft.options.put("hidden", "64");
        draft.options.put("latent", "8");
        draft.set(Settings.EPOCHS, epochs);
        draft.set(Settings.SEED, 3L);
        return runtime.resolve(draft);
    }

    private static List<String> withoutSeconds(Path metrics) throws IOException {
        List<String> rows = new ArrayList<>();
        for (String line : Files.readAllLines(metrics)) {
            String[] cells = line.split(",", -1);
            cells[2] = "";
            rows.add(String.join(",", cells));
        }
        return rows;
    }

    @Test
    void writesEveryFileOfARunDirectory(@TempDir Path dir) throws IOException {
        Path run = dir.resolve("run");
        TrainingOutcome outcome = runtime.train(small(2), run);
        assertThat(outcome.runDirectory()).isEqualTo(run);
        for (String name : List.of(
                "config.yaml", "metrics.csv", "checkpoint.zip", "samples.png", "reconstructions.png", "loss.png")) {
            assertThat(run.resolve(name)).isRegularFile();
        }
        // 64 samples, 8 a row, each 8x8 digit upscaled to 64 pixels a side between 2-pixel lines
        assertThat(ImageIO.read(run.resolve("samples.png").toFile()).getWidth()).isEqualTo(8 * 64 + 9 * 2);
        // 32 binarized test digits, 8 a row, each as its grey levels, its binary target and the model's mean
        assertThat(ImageIO.read(run.resolve("reconstructions.png").toFile()).getWidth())
                .isEqualTo(24 * 64 + 25 * 2);
        assertThat(Files.readAllLines(run.resolve("metrics.csv")))
                .hasSize(3)
                .first()
                .asString()
                .startsWith("epoch,step,seconds,train_loss,train_reconstruction,train_kl,test_loss");
        assertThat(Files.readString(run.resolve("config.yaml"))).contains("binarize: dynamic");
        try (var files = Files.list(run)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void theSameSeedGivesTheSameNumbersTwice(@TempDir Path dir) throws IOException {
        runtime.train(small(2), dir.resolve("a"));
        runtime.train(small(2), dir.resolve("b"));
        assertThat(withoutSeconds(dir.resolve("b/metrics.csv")))
                .isEqualTo(withoutSeconds(dir.resolve("a/metrics.csv")));
    }

    @Test
    void aResumedRunTakesExactlyTheStepsOfAnUninterruptedOne(@TempDir Path dir) throws IOException {
        runtime.train(small(3), dir.resolve("whole"));
        runtime.train(small(1), dir.resolve("split"));
        TrainingOutcome resumed = runtime.resume(dir.resolve("split"), 3);
        assertThat(resumed.last().epoch()).isEqualTo(3);
        assertThat(withoutSeconds(dir.resolve("split/metrics.csv")))
                .isEqualTo(withoutSeconds(dir.resolve("whole/metrics.csv")));
    }

    @Test
    void aRunStoppedInsideAnEpochResumesBitExactly(@TempDir Path dir) throws IOException {
        runtime.train(small(3), dir.resolve("whole"));
        Path split = dir.resolve("split");
        // 12 steps an epoch: ask to stop after step 17, five steps into the second epoch
        TrainingCallback stopper = new TrainingCallback() {
            @Override
            public void onStepEnd(Fit fit, StepValues values) {
                if (fit.step() == 17) {
                    runtime.stopRequest().request("SIGTERM");
                }
            }
        };
        assertThatThrownBy(() -> runtime.train(small(3), split, stopper))
                .isInstanceOfSatisfying(TrainingStopped.class, stop -> {
                    assertThat(stop.reason()).isEqualTo("SIGTERM");
                    assertThat(stop.epoch()).isEqualTo(2);
                    assertThat(stop.step()).isEqualTo(17);
                });
        runtime.stopRequest().clear();
        SavedState saved = Checkpoint.read(split.resolve("checkpoint.zip"));
        assertThat(saved.epoch()).isEqualTo(1);
        assertThat(saved.step()).isEqualTo(17);
        assertThat(saved.batches()).isEqualTo(5);
        assertThat(saved.sums()).containsKeys("loss", "reconstruction", "kl");

        TrainingOutcome resumed = runtime.resume(split, null);
        assertThat(resumed.last().step()).isEqualTo(36);
        assertThat(withoutSeconds(split.resolve("metrics.csv")))
                .isEqualTo(withoutSeconds(dir.resolve("whole/metrics.csv")));
        for (String entry : List.of("parameters.npz", "optimizer.npz")) {
            assertThat(CheckpointEntries.arrays(split.resolve("checkpoint.zip"), entry))
                    .as(entry)
                    .isEqualTo(CheckpointEntries.arrays(dir.resolve("whole/checkpoint.zip"), entry));
        }
    }

    @Test
    void aRunKilledAfterAPeriodicCheckpointResumesFromItBitExactly(@TempDir Path dir) throws IOException {
        ExperimentConfig config = small(2).with(Settings.CHECKPOINT_STEPS, 5);
        runtime.train(config, dir.resolve("whole"));
        Path split = dir.resolve("split");
        TrainingCallback crash = new TrainingCallback() {
            @Override
            public void onStepEnd(Fit fit, StepValues values) {
                if (fit.step() == 18) {
                    throw new IllegalStateException("killed");
                }
            }
        };
        assertThatThrownBy(() -> runtime.train(config, split, crash)).hasMessage("killed");
        // the last checkpoint is the periodic one of step 15, three steps into epoch 2
        SavedState saved = Checkpoint.read(split.resolve("checkpoint.zip"));
        assertThat(saved.step()).isEqualTo(15);
        assertThat(saved.batches()).isEqualTo(3);

        runtime.resume(split, null);
        assertThat(withoutSeconds(split.resolve("metrics.csv")))
                .isEqualTo(withoutSeconds(dir.resolve("whole/metrics.csv")));
        assertThat(CheckpointEntries.arrays(split.resolve("checkpoint.zip"), "parameters.npz"))
                .isEqualTo(CheckpointEntries.arrays(dir.resolve("whole/checkpoint.zip"), "parameters.npz"));
    }

    @Test
    void aSecondWriterOfTheSameRunDirectoryIsRefusedNamingTheHolder(@TempDir Path dir) {
        Path run = dir.resolve("run");
        TrainingCallback second = new TrainingCallback() {
            @Override
            public void onStepEnd(Fit fit, StepValues values) {
                if (fit.step() == 13) {
                    assertThatThrownBy(() -> runtime.resume(run, 3))
                            .isInstanceOf(GenzooException.class)
                            .hasMessageContaining("is in use by process "
                                    + ProcessHandle.current().pid());
                    assertThatThrownBy(() -> runtime.train(small(1), run))
                            .isInstanceOf(GenzooException.class)
                            .hasMessageContaining("is in use by process "
                                    + ProcessHandle.current().pid());
                }
            }
        };
        runtime.train(small(2), run, second);
        assertThat(RunLock.heldBy(run)).as("released at the end").isNull();
        assertThat(runtime.resume(run, 3).last().epoch()).isEqualTo(3);
    }

    @Test
    void theTestElboImprovesOverTraining(@TempDir Path dir) {
        List<EpochRecord> epochs = new ArrayList<>();
        runtime.train(small(15), dir.resolve("run"), new TrainingCallback() {
            @Override
            public void onEpochEnd(Fit fit, EpochRecord record) {
                epochs.add(record);
            }
        });
        double first = epochs.get(0).test().get(Evaluation.BOUND);
        double last = epochs.get(epochs.size() - 1).test().get(Evaluation.BOUND);
        // 64 binary pixels: an untrained model sits near -64 * log 2 = -44 nats
        assertThat(first).isLessThan(-30);
        assertThat(last).isGreaterThan(first + 8);
        assertThat(last).isLessThan(0);
    }

    /** Every native array alive in the engine, counted from the system manager down. */
    private static long liveArrays() {
        try (NDManager probe = NDManager.newBaseManager()) {
            return probe.getParentManager().getManagedArrays().size();
        }
    }

    @Test
    void nativeMemoryDoesNotGrowFromStepToStep(@TempDir Path dir) {
        long[] counts = new long[2];
        runtime.train(small(12), dir.resolve("run"), new TrainingCallback() {
            @Override
            public void onStepEnd(Fit fit, StepValues values) {
                // the same position in epoch 2 and in epoch 12 (12 steps per epoch)
                long step = fit.step();
                if (step == 12 + 5) {
                    counts[0] = liveArrays();
                } else if (step == 11 * 12 + 5) {
                    counts[1] = liveArrays();
                }
            }
        });
        assertThat(counts[0]).isPositive();
        assertThat(counts[1]).isEqualTo(counts[0]);
    }

    @Test
    void anExistingRunIsNeverWrittenInto(@TempDir Path dir) throws IOException {
        Path run = dir.resolve("run");
        runtime.train(small(1), run);
        byte[] before = Files.readAllBytes(run.resolve("checkpoint.zip"));
        assertThatThrownBy(() -> runtime.train(small(1), run))
                .isInstanceOf(GenzooException.class)
                .hasMessageContaining("already holds files");
        assertThat(Files.readAllBytes(run.resolve("checkpoint.zip"))).isEqualTo(before);
    }

    @Test
    void aRunThatIsCompleteCannotBeResumedWithoutMoreEpochs(@TempDir Path dir) {
        Path run = dir.resolve("run");
        runtime.train(small(1), run);
        assertThatThrownBy(() -> runtime.resume(run, null))
                .isInstanceOf(GenzooException.class)
                .hasMessageContaining("already trained 1 of 1 epochs");
    }

    @Test
    void samplesAndReconstructionsComeFromTheCheckpoint(@TempDir Path dir) throws IOException {
        Path run = dir.resolve("run");
        runtime.train(small(1), run);
        Path samples = runtime.sample(run, 10, 5, dir.resolve("s.png"));
        Path pairs = runtime.reconstruct(run, 6, dir.resolve("r.png"));
        assertThat(ImageIO.read(samples.toFile()).getWidth()).isPositive();
        assertThat(ImageIO.read(pairs.toFile()).getWidth()).isPositive();
    }
}
