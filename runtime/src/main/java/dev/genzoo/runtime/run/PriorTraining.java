package dev.genzoo.runtime.run;

import ai.djl.nn.Parameter;
import dev.genzoo.api.EncoderKind;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.Role;
import dev.genzoo.runtime.callbacks.MetricsTable;
import dev.genzoo.runtime.checkpoint.Checkpoint;
import dev.genzoo.runtime.checkpoint.SavedState;
import dev.genzoo.runtime.config.ConfigDraft;
import dev.genzoo.runtime.config.ExperimentConfig;
import dev.genzoo.runtime.config.Setting;
import dev.genzoo.runtime.config.Settings;
import dev.genzoo.runtime.model.AssembledModel;
import dev.genzoo.runtime.train.Adam;
import dev.genzoo.runtime.train.EpochEvaluation;
import dev.genzoo.runtime.train.EpochRecord;
import dev.genzoo.runtime.train.Evaluation;
import dev.genzoo.runtime.train.FitStart;
import dev.genzoo.runtime.train.PriorFit;
import dev.genzoo.runtime.train.TrainingCallback;
import dev.genzoo.runtime.wiring.ConfigResolver;
import dev.genzoo.runtime.wiring.ModelAssembler;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The second stage of a two-stage model (van den Oord et al. 2017, section 3.2): a new prior is
 * fitted by maximum likelihood ({@link PriorFit}) to the codes that a run's trained encoder gives
 * its training split, encoder and decoder frozen, and stored beside the run's checkpoint in {@code
 * prior.zip}: the whole model with the learned prior, in the checkpoint format, so that it samples,
 * resumes and loads like any run. Family-agnostic: any encoder with codes, any prior with
 * parameters.
 */
final class PriorTraining {
    private final ModelAssembler assembler;
    private final DataLibrary library;
    private final ConfigResolver resolver;
    private final SavedRuns saved;
    private final StageRunner stages;

    @Inject
    PriorTraining(
            ModelAssembler assembler,
            ConfigResolver resolver,
            SavedRuns saved,
            StageRunner stages,
            DataLibrary library) {
        this.library = library;
        this.assembler = assembler;
        this.resolver = resolver;
        this.saved = saved;
        this.stages = stages;
    }

    PriorOutcome train(Path runDir, ConfigDraft request, List<TrainingCallback> given) {
        RunDirectory run = RunDirectory.existing(runDir);
        try (RunLock lock = RunLock.acquire(run.root())) {
            return train(run, runDir, request, given);
        }
    }

    private PriorOutcome train(RunDirectory run, Path runDir, ConfigDraft request, List<TrainingCallback> given) {
        String prior = request.components.get(Role.PRIOR);
        if (prior == null) {
            throw new GenzooException("name the prior to fit (genzoo plugins lists the priors)");
        }
        if (run.hasLearnedPrior()) {
            throw new GenzooException("run " + runDir + " already has a learned prior in "
                    + run.priorCheckpoint().getFileName()
                    + "; continue fitting it with --resume, or move that file away to fit another");
        }
        ConfigDraft draft = saved.config(Checkpoint.read(run.checkpoint()), run.checkpoint())
                .toDraft();
        draft.components.put(Role.PRIOR, prior);
        Map<String, String> options = new LinkedHashMap<>(request.roleOptions.getOrDefault(Role.PRIOR, Map.of()));
        options.putAll(request.options);
        draft.roleOptions.put(Role.PRIOR, options);
        ConfigDraft training = new ConfigDraft();
        for (Setting<?> setting : Settings.inSection(Settings.EPOCHS.section())) {
            copy(request, training, setting);
        }
        return fit(run, resolver.resolve(draft.overlay(training)), null, given);
    }

    PriorOutcome resume(Path runDir, ConfigDraft resumable, List<TrainingCallback> given) {
        RunDirectory run = RunDirectory.existing(runDir);
        try (RunLock lock = RunLock.acquire(run.root())) {
            return resume(run, runDir, resumable, given);
        }
    }

    private PriorOutcome resume(RunDirectory run, Path runDir, ConfigDraft resumable, List<TrainingCallback> given) {
        if (!run.hasLearnedPrior()) {
            throw new GenzooException("run " + runDir + " has no learned prior to resume ("
                    + run.priorCheckpoint().getFileName() + " is written after the first epoch of genzoo train-prior)");
        }
        SavedState state = Checkpoint.read(run.priorCheckpoint());
        ExperimentConfig config =
                SavedRuns.withResumable(saved.config(state, run.priorCheckpoint()), resumable, state, runDir);
        return fit(run, config, state, given);
    }

    private static <T> void copy(ConfigDraft from, ConfigDraft to, Setting<T> setting) {
        to.set(setting, from.get(setting));
    }

    /** Fits the prior of {@code config}, fresh from the run's checkpoint or resumed from prior.zip. */
    private PriorOutcome fit(
            RunDirectory run, ExperimentConfig config, SavedState resumed, List<TrainingCallback> given) {
        try (OpenedModel opened = OpenedModel.open(assembler, library, config)) {
            AssembledModel model = opened.model();
            Map<String, Parameter> owned = model.parametersOf(Role.PRIOR);
            Map<String, Parameter> trainable = new LinkedHashMap<>();
            owned.forEach((name, p) -> {
                if (p.requiresGradient()) {
                    trainable.put(name, p);
                }
            });
            refuseUnfittable(model, config, trainable);
            AssembledModel fitting = model.withObjective(new PriorFit());
            Adam adam = ModelTraining.optimizer(trainable, config);
            List<TrainingCallback> callbacks = stages.callbacks(config, run.priorStage(), given, model);
            FitStart start;
            if (resumed == null) {
                Checkpoint.restoreParameters(run.checkpoint(), model, name -> !owned.containsKey(name));
                FirstBatch.check(model, opened.data());
                FirstBatch.check(fitting, opened.data());
                start = FitStart.FRESH;
            } else {
                run.sweepTemporaries();
                Checkpoint.restore(run.priorCheckpoint(), model, adam, StageRunner.stateful(callbacks));
                double seconds =
                        MetricsTable.resume(run.priorMetrics(), resumed.epoch()).lastSeconds();
                start = resumed.start(seconds);
            }
            EpochRecord last = ModelTraining.fit(opened, fitting, adam, callbacks, config, start);
            long step = last == null ? start.step() : last.step();
            Map<String, Double> withPrior = Evaluation.run(
                    model,
                    opened.data().test(),
                    EpochEvaluation.BATCH,
                    step,
                    opened.data().logCellVolume());
            long size = trainable.values().stream()
                    .mapToLong(p -> p.getArray().size())
                    .sum();
            return new PriorOutcome(new TrainingOutcome(run.root(), config, last, size, 0, List.of()), withPrior);
        }
    }

    private static void refuseUnfittable(
            AssembledModel model, ExperimentConfig config, Map<String, Parameter> trainable) {
        String prior = config.component(Role.PRIOR);
        if (trainable.isEmpty()) {
            throw new GenzooException("prior '" + prior
                    + "' has no parameters to fit; choose a learned prior (genzoo plugins lists them)");
        }
        EncoderKind kind = model.model().encoder().kind();
        if (!new PriorFit().acceptedEncoders().contains(kind)) {
            throw new GenzooException("encoder '" + config.component(Role.ENCODER) + "' outputs " + kind.description()
                    + ", which gives no codes to fit a prior on");
        }
    }
}
