package dev.genzoo.runtime.checkpoint;

import dev.genzoo.runtime.train.FitStart;
import java.util.Map;

/**
 * The header of a checkpoint: where training stood and the config that made it.
 *
 * @param epoch epochs completed
 * @param step optimizer steps taken
 * @param adamSteps Adam's t
 * @param configYaml the resolved config, as YAML text
 * @param genzooVersion the version that wrote it
 * @param batches steps taken into the next epoch (a checkpoint written inside an epoch), else 0
 * @param sums that epoch's running sums of the training numbers, empty at an epoch's end
 * @param seconds wall-clock seconds of training, or NaN where the checkpoint does not say
 */
public record SavedState(
        int epoch,
        long step,
        long adamSteps,
        String configYaml,
        String genzooVersion,
        int batches,
        Map<String, Double> sums,
        double seconds) {

    /**
     * Where a fit resumed from this checkpoint starts.
     *
     * @param secondsElsewhere the seconds to use where the checkpoint does not record them (those
     *     of the metrics table's last row)
     * @return the position
     */
    public FitStart start(double secondsElsewhere) {
        return new FitStart(epoch, step, Double.isNaN(seconds) ? secondsElsewhere : seconds, batches, sums);
    }
}
