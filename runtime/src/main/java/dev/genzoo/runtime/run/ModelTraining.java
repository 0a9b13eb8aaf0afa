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
 * data opened, everything checked before the directory is created ({@link FirstBatch}, {@link
 * Preflight}), then the loop with the stage's callbacks.
 */
final class ModelTraining {
    private final ModelAssembler assembler;
    private final DataLibrary library;
    private final SavedRuns saved;
    private final StageRunner stages;

    @Inject
    ModelTraining(ModelAssembler assembler, SavedRuns saved, StageRunner stages, DataLibrary library) {
        this.library = library;
        this.assembler = assembler;
        this.saved = saved;
        this.stages = stages;
    }

    TrainingOutcome train(ExperimentConfig config, Path runDir, List<TrainingCallback> given) {
        RunDirectory run = RunDirectory.fresh(runDir != null ? runDir : RunDirectory.defaultPath(config));
        return start(run, config, given, false);
    }

    /** Checks everything, then creates the run's folder (or reuses an unstarted one) and trains from epoch 0. */
    private TrainingOutcome start(
            RunDirectory run, ExperimentConfig config, List<TrainingCallback> given, boolean reused) {
        try (OpenedModel opened = OpenedModel.open(assembler, library, config)) {
            AssembledModel model = opened.model();
            ExperimentConfig resolved = opened.data().preparation().decided(config);
            FirstBatch.check(model, opened.data());
            Preflight.check(resolved, opened);
            run.create();
            try (RunLock lock = RunLock.acquire(run.root())) {
                if (reused) {
                    run.sweepTemporaries();
                } else {
                    run.checkEmpty();
                }
                ConfigFile.write(run.config(), resolved);
                Adam adam = optimizer(model.parameters(), config);
                List<TrainingCallback> callbacks = stages.callbacks(resolved, run.modelStage(), given, model);
                EpochRecord last = fit(opened, model, adam, callbacks, resolved, FitStart.FRESH);
                return outcome(run, resolved, opened, last);
            }
        }
    }

    /**
     * Continues a run from its checkpoint with some resumable settings changed; a run that stopped
     * before its first checkpoint (it has its config.yaml and nothing to continue from) starts
     * afresh from that config, in its folder.
     */
    TrainingOutcome resume(Path runDir, ConfigDraft resumable, List<TrainingCallback> given) {
        if (RunDirectory.unstarted(runDir)) {
            RunDirectory run = RunDirectory.reused(runDir);
            return start(run, SavedRuns.withResumable(saved.config(run.config()), resumable), given, true);
        }
        RunDirectory run = RunDirectory.existing(runDir);
        try (RunLock lock = RunLock.acquire(run.root())) {
            SavedState state = Checkpoint.read(run.checkpoint());
            ExperimentConfig config =
                    SavedRuns.withResumable(saved.config(state, run.checkpoint()), resumable, state, runDir);
            try (OpenedModel opened = OpenedModel.open(assembler, library, config)) {
                AssembledModel model = opened.model();
                run.sweepTemporaries();
                Adam adam = optimizer(model.parameters(), config);
                List<TrainingCallback> callbacks = stages.callbacks(config, run.modelStage(), given, model);
                Checkpoint.restore(run.checkpoint(), model, adam, StageRunner.stateful(callbacks));
                ConfigFile.write(run.config(), config);
                double seconds =
                        MetricsTable.resume(run.metrics(), state.epoch()).lastSeconds();
                EpochRecord last = fit(opened, model, adam, callbacks, config, state.start(seconds));
                return outcome(run, config, opened, last);
            }
        }
    }

    private static TrainingOutcome outcome(
            RunDirectory run, ExperimentConfig config, OpenedModel opened, EpochRecord last) {
        AssembledModel model = opened.model();
        return new TrainingOutcome(
                run.root(),
                config,
                last,
                model.trainableSize(),
                opened.data().logCellVolume(),
                CodebookUsage.warning(model, last).stream().toList(),
                opened.data().inputSeconds());
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
