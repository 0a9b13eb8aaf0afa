package dev.genzoo.runtime.callbacks;

import dev.genzoo.runtime.config.ExperimentConfig;
import dev.genzoo.runtime.train.Fit;
import dev.genzoo.runtime.train.StopRequest;
import dev.genzoo.runtime.train.TrainingCallback;
import dev.genzoo.runtime.train.TrainingStopped;
import jakarta.inject.Inject;

/**
 * Answers a stop request (SIGTERM from a scheduler, SIGINT from Ctrl-C) at the next step boundary:
 * saves the checkpoint of where the fit stands, inside the epoch, and stops it with {@link
 * TrainingStopped}; as Lightning answers Slurm's SIGTERM. Every callback has heard the last step by
 * then, so the saved state is whole.
 */
public final class StopCheckpoint implements TrainingCallback {
    private final StageFiles files;
    private final ExperimentConfig config;
    private final StopRequest stop;

    /**
     * A stop watcher.
     *
     * @param files the stage's files
     * @param config the config saved in the checkpoint
     * @param stop the request it watches
     */
    @Inject
    public StopCheckpoint(StageFiles files, ExperimentConfig config, StopRequest stop) {
        this.files = files;
        this.config = config;
        this.stop = stop;
    }

    @Override
    public int order() {
        return PERSIST;
    }

    @Override
    public void onStepStart(Fit fit) {
        String reason = stop.reason();
        if (reason != null) {
            FitCheckpoints.write(files.checkpoint(), fit, config, fit.position());
            throw new TrainingStopped(reason, fit.epoch() + 1, fit.step());
        }
    }
}
