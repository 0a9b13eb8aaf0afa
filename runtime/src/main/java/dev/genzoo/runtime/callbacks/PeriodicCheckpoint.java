package dev.genzoo.runtime.callbacks;

import dev.genzoo.runtime.config.ExperimentConfig;
import dev.genzoo.runtime.config.Settings;
import dev.genzoo.runtime.train.Fit;
import dev.genzoo.runtime.train.StepValues;
import dev.genzoo.runtime.train.TrainingCallback;
import jakarta.inject.Inject;

/**
 * Checkpoints inside epochs, every {@code --checkpoint-steps} steps or {@code --checkpoint-minutes}
 * minutes of wall clock, so that a run preempted or killed loses minutes, not an epoch. Off (both
 * 0) by default: the epoch's checkpoint is then the only one.
 */
public final class PeriodicCheckpoint implements TrainingCallback {
    private final StageFiles files;
    private final ExperimentConfig config;
    private final int everySteps;
    private final long everyNanos;
    private long lastWrite;

    /**
     * A periodic checkpoint writer.
     *
     * @param files the stage's files
     * @param config the config saved in the checkpoint, and the period
     */
    @Inject
    public PeriodicCheckpoint(StageFiles files, ExperimentConfig config) {
        this.files = files;
        this.config = config;
        this.everySteps = config.get(Settings.CHECKPOINT_STEPS);
        this.everyNanos = (long) (config.get(Settings.CHECKPOINT_MINUTES) * 60e9);
    }

    @Override
    public int order() {
        return PERSIST;
    }

    @Override
    public void onFitStart(Fit fit) {
        lastWrite = System.nanoTime();
    }

    @Override
    public void onStepEnd(Fit fit, StepValues values) {
        boolean bySteps = everySteps > 0 && fit.step() % everySteps == 0;
        boolean byTime = everyNanos > 0 && System.nanoTime() - lastWrite >= everyNanos;
        boolean epochEnd = fit.batchesInEpoch() == fit.stepsPerEpoch();
        if ((bySteps || byTime) && !epochEnd) {
            FitCheckpoints.write(files.checkpoint(), fit, config, fit.position());
            lastWrite = System.nanoTime();
        }
    }
}
