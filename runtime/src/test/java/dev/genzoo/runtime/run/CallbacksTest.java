package dev.genzoo.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import dev.genzoo.api.GenzooException;
import dev.genzoo.plugins.vae.VaePlugin;
import dev.genzoo.runtime.config.ConfigDraft;
import dev.genzoo.runtime.config.ExperimentConfig;
import dev.genzoo.runtime.config.Settings;
import dev.genzoo.runtime.plugin.PluginCatalog;
import dev.genzoo.runtime.train.EpochRecord;
import dev.genzoo.runtime.train.Fit;
import dev.genzoo.runtime.train.HeldOutMetrics;
import dev.genzoo.runtime.train.StatefulCallback;
import dev.genzoo.runtime.train.StepValues;
import dev.genzoo.runtime.train.TrainingCallback;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loop's callbacks: a module adds one to every run by binding it, the loop calls every hook in
 * order, an exception reaches every callback before it is thrown on, and a stateful callback's
 * state survives a resume.
 */
final class CallbacksTest {
    /** 1,437 training digits in batches of 128: 12 steps an epoch. */
    private static final int STEPS_PER_EPOCH = 12;

    private static ExperimentConfig small(GenzooRuntime runtime, int epochs) {
        ConfigDraft draft = new ConfigDraft();
        draft.options.put("hidden", "16");
        draft.options.put("latent", "2");
        draft.set(Settings.EPOCHS, epochs);
        return runtime.resolve(draft);
    }

    /** Writes every hook it hears, in order. */
    static final class Recorder implements TrainingCallback {
        final List<String> heard;
        final int order;

        Recorder(List<String> heard, int order) {
            this.heard = heard;
            this.order = order;
        }

        @Override
        public int order() {
            return order;
        }

        @Override
        public void onFitStart(Fit fit) {
            heard.add(order + ":fit-start@" + fit.step());
        }

        @Override
        public void onEpochStart(Fit fit) {
            heard.add(order + ":epoch-start " + fit.epoch());
        }

        @Override
        public void onStepEnd(Fit fit, StepValues values) {
            heard.add(order + ":step " + fit.step());
        }

        @Override
        public void onEvaluation(Fit fit, HeldOutMetrics heldOut) {
            heard.add(order + ":evaluation");
        }

        @Override
        public void onEpochEnd(Fit fit, EpochRecord record) {
            heard.add(
                    order + ":epoch-end " + record.epoch() + " " + record.test().containsKey("bound"));
        }

        @Override
        public void onFitEnd(Fit fit, EpochRecord last) {
            heard.add(order + ":fit-end " + last.epoch());
        }

        @Override
        public void onException(Fit fit, Throwable error) {
            heard.add(order + ":exception " + error.getMessage());
        }
    }

    @Test
    void aBoundCallbackHearsEveryHookInOrder(@TempDir Path dir) {
        List<String> heard = new ArrayList<>();
        GenzooRuntime runtime = GenzooRuntime.create(PluginCatalog.of(new VaePlugin()), List.of(new AbstractModule() {
            @Override
            protected void configure() {
                Multibinder<TrainingCallback> callbacks = Multibinder.newSetBinder(binder(), TrainingCallback.class);
                callbacks.addBinding().toInstance(new Recorder(heard, 5));
            }
        }));
        runtime.train(small(runtime, 2), dir.resolve("run"), new Recorder(heard, -500));

        List<String> expected = new ArrayList<>();
        expected.add("-500:fit-start@0");
        expected.add("5:fit-start@0");
        for (int epoch = 0; epoch < 2; epoch++) {
            expected.add("-500:epoch-start " + epoch);
            expected.add("5:epoch-start " + epoch);
            for (int step = 1; step <= STEPS_PER_EPOCH; step++) {
                expected.add("-500:step " + (epoch * STEPS_PER_EPOCH + step));
                expected.add("5:step " + (epoch * STEPS_PER_EPOCH + step));
            }
            expected.add("-500:evaluation");
            expected.add("5:evaluation");
            // the held-out numbers are there by the end of the epoch, for every callback
            expected.add("-500:epoch-end " + (epoch + 1) + " true");
            expected.add("5:epoch-end " + (epoch + 1) + " true");
        }
        expected.add("-500:fit-end 2");
        expected.add("5:fit-end 2");
        assertThat(heard).containsExactlyElementsOf(expected);
    }

    @Test
    void anExceptionReachesEveryCallbackAndLeavesTheLastCheckpoint(@TempDir Path dir) throws IOException {
        List<String> heard = new ArrayList<>();
        GenzooRuntime runtime = GenzooRuntime.create(PluginCatalog.of(new VaePlugin()));
        TrainingCallback failing = new TrainingCallback() {
            @Override
            public void onStepEnd(Fit fit, StepValues values) {
                if (fit.step() == STEPS_PER_EPOCH + 3) {
                    throw new GenzooException("stop here");
                }
            }
        };
        Path run = dir.resolve("run");
        assertThatThrownBy(() -> runtime.train(small(runtime, 3), run, failing, new Recorder(heard, 0)))
                .hasMessage("stop here");
        assertThat(heard).last().isEqualTo("0:exception stop here");
        assertThat(heard).noneMatch(h -> h.contains("fit-end"));
        assertThat(Files.readAllLines(run.resolve("metrics.csv"))).hasSize(2);
        assertThat(runtime.resume(run, 3).last().epoch()).isEqualTo(3);
    }

    /** Counts the steps it has seen; its count is state a resume must restore. */
    static final class StepCounter implements StatefulCallback {
        long seen;
        final List<Long> atEpochEnd = new ArrayList<>();

        @Override
        public String stateName() {
            return "step-counter";
        }

        @Override
        public void onStepEnd(Fit fit, StepValues values) {
            seen++;
        }

        @Override
        public void onEpochEnd(Fit fit, EpochRecord record) {
            atEpochEnd.add(seen);
        }

        @Override
        public Map<String, String> stateValues() {
            return Map.of("seen", Long.toString(seen));
        }

        @Override
        public void restoreState(Map<String, String> values) {
            seen = Long.parseLong(values.get("seen"));
        }
    }

    @Test
    void aStatefulCallbacksStateIsSavedAndRestored(@TempDir Path dir) throws IOException {
        GenzooRuntime runtime = GenzooRuntime.create(PluginCatalog.of(new VaePlugin()));
        StepCounter whole = new StepCounter();
        runtime.train(small(runtime, 3), dir.resolve("whole"), whole);

        Path split = dir.resolve("split");
        runtime.train(small(runtime, 1), split, new StepCounter());
        assertThat(entries(split.resolve("checkpoint.zip"))).contains("callbacks.json", "callbacks.npz");
        StepCounter resumed = new StepCounter();
        runtime.resume(split, 3, resumed);

        assertThat(resumed.atEpochEnd).containsExactlyElementsOf(whole.atEpochEnd.subList(1, 3));
        assertThat(resumed.seen).isEqualTo(3L * STEPS_PER_EPOCH);
    }

    @Test
    void aCheckpointWithoutCallbacksKeepsTheFormatEveryGenzooReads(@TempDir Path dir) throws IOException {
        GenzooRuntime runtime = GenzooRuntime.create(PluginCatalog.of(new VaePlugin()));
        runtime.train(small(runtime, 1), dir.resolve("run"));
        Set<String> names = entries(dir.resolve("run/checkpoint.zip"));
        assertThat(names).containsExactlyInAnyOrder("state.json", "config.yaml", "parameters.npz", "optimizer.npz");
    }

    private static Set<String> entries(Path zip) throws IOException {
        Set<String> names = new HashSet<>();
        try (InputStream in = Files.newInputStream(zip);
                ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry e = entries.getNextEntry(); e != null; e = entries.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }
}
