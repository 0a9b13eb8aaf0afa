package dev.genzoo.runtime.run;

import ai.djl.nn.Parameter;
import dev.genzoo.runtime.callbacks.MetricsTable;
import dev.genzoo.runtime.checkpoint.Checkpoint;
import dev.genzoo.runtime.checkpoint.SavedState;
import dev.genzoo.runtime.config.ConfigDraft;
import dev.genzoo.runtime.config.ConfigFile;
import dev.genzoo.runtime.config.ExperimentConfig;
import dev.genzoo.runtime.config.Settings;
import dev.genzoo.runtime.model.AssembledModel;
import dev.genzoo.runtime.train.Adam;
import dev.genzoo.runtime.train.EpochRecord;
import dev.genzoo.runtime.train.FitStart;
import dev.genzoo.runtime.train.TrainingCallback;
import dev.genzoo.runtime.train.TrainingLoop;
import dev.genzoo.runtime.wiring.ModelAssembler;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Training a model into a new run directory, and resuming a run from its checkpoint: the model and
 * data opened, everything checked before the directory is created, then the loop with the stage's
 * callbacks.
 */
final class ModelTraining {
    private final ModelAssembler assembler;
    private final SavedRuns saved;
    private final StageRunner stages;

    @Inject
    ModelTraining(ModelAssembler assembler, SavedRuns saved, StageRunner stages) {
        this.assembler = assembler;
        this.saved = saved;
        this.stages = stages;
    }

    TrainingOutcome train(ExperimentConfig config, Path runDir, List<TrainingCallback> given) {
        RunDirectory run = RunDirectory.fresh(runDir != null ? runDir : RunDirectory.defaultPath(config));
        try (OpenedModel opened = OpenedModel.open(assembler, config)) {
            AssembledModel model = opened.model();
            ExperimentConfig resolved = opened.data().preparation().decided(config);
            FirstBatch.check(model, opened.data());
            run.create();
            try (RunLock lock = RunLock.acquire(run.root())) {
                run.checkEmpty();
                ConfigFile.write(run.config(), resolved);
                Adam adam = optimizer(model.parameters(), config);
                List<TrainingCallback> callbacks = stages.callbacks(resolved, run.modelStage(), given, model);
                EpochRecord last = fit(opened, model, adam, callbacks, resolved, FitStart.FRESH);
                return new TrainingOutcome(run.root(), resolved, last, model.trainableSize());
            }
        }
    }

    TrainingOutcome resume(Path runDir, ConfigDraft resumable, List<TrainingCallback> given) {
        RunDirectory run = RunDirectory.existing(runDir);
        try (RunLock lock = RunLock.acquire(run.root())) {
            SavedState state = Checkpoint.read(run.checkpoint());
            ExperimentConfig config =
                    SavedRuns.withResumable(saved.config(state, run.checkpoint()), resumable, state, runDir);
            try (OpenedModel opened = OpenedModel.open(assembler, config)) {
                AssembledModel model = opened.model();
                run.sweepTemporaries();
                Adam adam = optimizer(model.parameters(), config);
                List<TrainingCallback> callbacks = stages.callbacks(config, run.modelStage(), given, model);
                Checkpoint.restore(run.checkpoint(), model, adam, StageRunner.stateful(callbacks));
                ConfigFile.write(run.config(), config);
                double seconds =
                        MetricsTable.resume(run.metrics(), state.epoch()).lastSeconds();
                EpochRecord last = fit(opened, model, adam, callbacks, config, state.start(seconds));
                return new TrainingOutcome(run.root(), config, last, model.trainableSize());
            }
        }
    }

    /** Adam over the given parameters, as the config sets it. */
    static Adam optimizer(Map<String, Parameter> parameters, ExperimentConfig config) {
        return new Adam(
                parameters,
                config.get(Settings.LEARNING_RATE),
                config.get(Settings.ADAM_EPSILON).floatValue());
    }

    static EpochRecord fit(
            OpenedModel opened,
            AssembledModel model,
            Adam adam,
            List<TrainingCallback> callbacks,
            ExperimentConfig config,
            FitStart start) {
        return new TrainingLoop(model, opened.data(), adam, callbacks)
                .fit(config.get(Settings.EPOCHS), config.get(Settings.BATCH_SIZE), config.get(Settings.SEED), start);
    }
}
