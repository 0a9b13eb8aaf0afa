package dev.genzoo.runtime.run;

import ai.djl.nn.Parameter;
import dev.genzoo.api.EncoderKind;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.Role;
import dev.genzoo.runtime.checkpoint.Checkpoint;
import dev.genzoo.runtime.checkpoint.SavedState;
import dev.genzoo.runtime.config.ExperimentConfig;
import dev.genzoo.runtime.train.Adam;
import dev.genzoo.runtime.train.EpochRecord;
import dev.genzoo.runtime.train.Evaluation;
import dev.genzoo.runtime.train.MetricsTable;
import dev.genzoo.runtime.train.PriorFit;
import dev.genzoo.runtime.train.TrainingListener;
import dev.genzoo.runtime.wiring.AssembledModel;
import dev.genzoo.runtime.wiring.ModelAssembler;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The second stage of a two-stage model (van den Oord et al. 2017, section 3.2): a new prior is
 * fitted by maximum likelihood ({@link PriorFit}) to the codes that a run's trained encoder gives
 * its training split, with encoder and decoder frozen, and stored beside the run's checkpoint in
 * {@code prior.zip}: the whole model with the learned prior, in the checkpoint format, so that it
 * samples, resumes and loads like any run. Family-agnostic: any encoder with codes, any prior with
 * parameters.
 */
final class PriorStage {
    private final ModelAssembler assembler;

    PriorStage(ModelAssembler assembler) {
        this.assembler = assembler;
    }

    /**
     * Fits the prior of {@code config}, fresh from the run's checkpoint or resumed from {@code
     * prior.zip}.
     *
     * @param run the run
     * @param config the run's config with the new prior and the stage's training settings
     * @param resumed where {@code prior.zip} stood, or null for a fresh fit
     */
    PriorOutcome fit(RunDirectory run, ExperimentConfig config, SavedState resumed, TrainingListener listener) {
        try (OpenedModel opened = OpenedModel.open(assembler, config)) {
            AssembledModel model = opened.model();
            DeviceData data = opened.data();
            Map<String, Parameter> owned = model.parametersOf(Role.PRIOR);
            Map<String, Parameter> trainable = new LinkedHashMap<>();
            owned.forEach((name, p) -> {
                if (p.requiresGradient()) {
                    trainable.put(name, p);
                }
            });
            refuseUnfittable(model, config, trainable);
            AssembledModel fitting = model.withObjective(new PriorFit());
            Adam adam = new Adam(trainable, config.training().learningRate());
            MetricsTable table;
            if (resumed == null) {
                Checkpoint.restoreParameters(run.checkpoint(), model, name -> !owned.containsKey(name));
                FirstBatch.check(model, data);
                FirstBatch.check(fitting, data);
                table = MetricsTable.create(run.priorMetrics());
            } else {
                run.sweepTemporaries();
                Checkpoint.restore(run.priorCheckpoint(), model, adam);
                table = MetricsTable.resume(run.priorMetrics(), resumed.epoch());
            }
            int firstEpoch = resumed == null ? 0 : resumed.epoch();
            long firstStep = resumed == null ? 0 : resumed.step();
            EpochRecord last = new TrainingLoop(fitting, data, config, run.priorCheckpoint(), listener)
                    .run(adam, firstEpoch, firstStep, table, table.lastSeconds());
            Pictures.finish(fitting, data, table, last, run.priorSamples(), null, null, run.priorLossCurve());
            long step = last == null ? firstStep : last.step();
            Map<String, Double> withPrior = Evaluation.run(model, data.test(), TrainingLoop.EVALUATION_BATCH, step);
            long size = trainable.values().stream()
                    .mapToLong(p -> p.getArray().size())
                    .sum();
            return new PriorOutcome(new TrainingOutcome(run.root(), config, last, size), withPrior);
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
            throw new GenzooException("encoder '"
                    + config.component(Role.ENCODER)
                    + "' outputs "
                    + kind.description()
                    + ", which gives no codes to fit a prior on");
        }
    }
}
