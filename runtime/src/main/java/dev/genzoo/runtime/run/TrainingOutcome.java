package dev.genzoo.runtime.run;

import dev.genzoo.runtime.config.ExperimentConfig;
import dev.genzoo.runtime.train.EpochRecord;
import java.nio.file.Path;

/**
 * What a finished training run left behind.
 *
 * @param runDirectory the run's folder
 * @param config the resolved config it ran with
 * @param last the last epoch's numbers (null if no epoch ran)
 * @param parameters the number of trainable scalars
 */
public record TrainingOutcome(Path runDirectory, ExperimentConfig config, EpochRecord last, long parameters) {}
