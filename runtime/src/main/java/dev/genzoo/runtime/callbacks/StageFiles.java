package dev.genzoo.runtime.callbacks;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where one training stage of a run writes: its metrics table, its checkpoint, its pictures. The
 * model's stage writes {@code metrics.csv}, {@code checkpoint.zip}, {@code samples.png}, ...; a
 * learned prior's stage writes {@code prior-metrics.csv}, {@code prior.zip}, ...
 *
 * @param metrics the metrics table
 * @param checkpoint the checkpoint
 * @param samples the samples drawn at the end
 * @param reconstructions the reconstructions drawn at the end, or null for none
 * @param density the density of 2-D data drawn at the end, or null for none
 * @param lossCurve the loss curves drawn at the end
 * @param best the checkpoint of the best test bound ({@code --keep-best true})
 * @param events the folder of the stage's TensorBoard event files
 */
public record StageFiles(
        Path metrics,
        Path checkpoint,
        Path samples,
        Path reconstructions,
        Path density,
        Path lossCurve,
        Path best,
        Path events) {

    /** Checks the paths that every stage has. */
    public StageFiles {
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(samples, "samples");
        Objects.requireNonNull(lossCurve, "lossCurve");
        Objects.requireNonNull(best, "best");
        Objects.requireNonNull(events, "events");
    }
}
