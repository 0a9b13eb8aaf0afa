package dev.genzoo.runtime.run;

import dev.genzoo.runtime.config.ExperimentConfig;
import dev.genzoo.runtime.train.EpochRecord;
import java.nio.file.Path;
import java.util.List;

/**
 * What a finished training run left behind.
 *
 * @param runDirectory the run's folder
 * @param config the resolved config it ran with
 * @param last the last epoch's numbers (null if no epoch ran)
 * @param parameters the number of trainable scalars
 * @param logCellVolume what the bound adds to minus the loss of dequantized data: the log-volume
 *     of a quantization cell, -D log K (0 without dequantization)
 * @param warnings sentences about a run that finished but may not be what was wanted (a collapsed
 *     codebook, say)
 * @param inputSeconds the seconds the training thread spent on input in this process: waiting for
 *     a gathered batch, moving it to the device and preparing it there
 */
public record TrainingOutcome(
        Path runDirectory,
        ExperimentConfig config,
        EpochRecord last,
        long parameters,
        double logCellVolume,
        List<String> warnings,
        double inputSeconds) {
    /** Copies the warnings. */
    public TrainingOutcome {
        warnings = List.copyOf(warnings);
    }

    /**
     * An outcome whose input time was not measured.
     *
     * @param runDirectory the run's folder
     * @param config the resolved config it ran with
     * @param last the last epoch's numbers (null if no epoch ran)
     * @param parameters the number of trainable scalars
     * @param logCellVolume the log-volume of a quantization cell, or 0
     * @param warnings sentences about the run
     */
    public TrainingOutcome(
            Path runDirectory,
            ExperimentConfig config,
            EpochRecord last,
            long parameters,
            double logCellVolume,
            List<String> warnings) {
        this(runDirectory, config, last, parameters, logCellVolume, warnings, 0);
    }
}
