package dev.genzoo.runtime.callbacks;

import dev.genzoo.runtime.config.ExperimentConfig;
import dev.genzoo.runtime.config.Settings;
import dev.genzoo.runtime.train.Fit;
import dev.genzoo.runtime.train.StepValues;
import dev.genzoo.runtime.train.TrainingCallback;
import jakarta.inject.Inject;
import java.util.function.LongSupplier;

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
    private final LongSupplier clock;
    private long lastWrite;

    /**
     * A periodic checkpoint writer.
     *
     * @param files the stage's files
     * @param config the config saved in the checkpoint, and the period
     */
    @Inject
    public PeriodicCheckpoint(StageFiles files, ExperimentConfig config) {
        this(files, config, System::nanoTime);
    }

    PeriodicCheckpoint(StageFiles files, ExperimentConfig config, LongSupplier clock) {
        this.files = files;
        this.config = config;
        this.clock = clock;
        this.everySteps = config.get(Settings.CHECKPOINT_STEPS);
        this.everyNanos = (long) (config.get(Settings.CHECKPOINT_MINUTES) * 60e9);
    }

    @Override
    public int order() {
        return PERSIST;
    }

    @Override
    public void onFitStart(Fit fit) {
        started();
    }

    @Override
    public void onStepEnd(Fit fit, StepValues values) {
        if (due(fit.step(), fit.batchesInEpoch() == fit.stepsPerEpoch())) {
            FitCheckpoints.write(files.checkpoint(), fit, config, fit.position());
            written();
        }
    }

    void started() {
        lastWrite = clock.getAsLong();
    }

    /** Whether a step ends a period: every N steps, or M minutes after the last write; an epoch's end has its own. */
    boolean due(long step, boolean epochEnd) {
        boolean bySteps = everySteps > 0 && step % everySteps == 0;
        boolean byTime = everyNanos > 0 && clock.getAsLong() - lastWrite >= everyNanos;
        return (bySteps || byTime) && !epochEnd;
    }

    void written() {
        lastWrite = clock.getAsLong();
    }
}
