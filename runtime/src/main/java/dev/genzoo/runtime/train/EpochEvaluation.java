package dev.genzoo.runtime.train;

import dev.genzoo.runtime.data.DeviceData;

/**
 * Evaluates the objective on the held-out split at the end of every epoch (see {@link
 * Evaluation}): its loss, terms and bound are the epoch's held-out numbers.
 */
public final class EpochEvaluation implements TrainingCallback {
    /** Held-out examples per forward pass. */
    public static final int BATCH = 500;

    @Override
    public int order() {
        return MEASURE;
    }

    @Override
    public void onEvaluation(Fit fit, HeldOutMetrics heldOut) {
        heldOut.putAll(Evaluation.run(
                fit.model(),
                fit.data().test(),
                fit.data().labels().map(DeviceData.Labels::test).orElse(null),
                BATCH,
                fit.step(),
                fit.data().logCellVolume()));
    }
}
