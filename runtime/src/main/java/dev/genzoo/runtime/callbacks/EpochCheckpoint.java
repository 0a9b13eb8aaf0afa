package dev.genzoo.runtime.callbacks;

import dev.genzoo.runtime.config.ExperimentConfig;
import dev.genzoo.runtime.train.EpochRecord;
import dev.genzoo.runtime.train.Fit;
import dev.genzoo.runtime.train.FitStart;
import dev.genzoo.runtime.train.TrainingCallback;
import jakarta.inject.Inject;

/**
 * Replaces the stage's checkpoint at the end of every epoch (atomically: a kill leaves the previous
 * one), with the parameters, the optimizer's moments and the state of every stateful callback.
 */
public final class EpochCheckpoint implements TrainingCallback {
    private final StageFiles files;
    private final ExperimentConfig config;

    /**
     * A checkpoint writer.
     *
     * @param files the stage's files
     * @param config the config saved in the checkpoint
     */
    @Inject
    public EpochCheckpoint(StageFiles files, ExperimentConfig config) {
        this.files = files;
        this.config = config;
    }

    @Override
    public int order() {
        return PERSIST;
    }

    @Override
    public void onEpochEnd(Fit fit, EpochRecord record) {
        FitCheckpoints.write(
                files.checkpoint(), fit, config, new FitStart(record.epoch(), record.step(), record.seconds()));
    }
}
