package dev.genzoo.runtime.train;

import dev.genzoo.api.GenzooException;

/**
 * Stops a fit at the first step whose loss is not a finite number, before anything records it:
 * the parameters it updated are not saved, and the last checkpoint stays as it was.
 */
public final class NonFiniteLossGuard implements TrainingCallback {

    @Override
    public int order() {
        return MEASURE - 1;
    }

    @Override
    public void onStepEnd(Fit fit, StepValues values) {
        if (!Double.isFinite(values.loss())) {
            String kept = fit.epoch() == 0
                    ? "no checkpoint was written yet"
                    : String.format("the checkpoint of epoch %d is kept", fit.epoch());
            throw new GenzooException(String.format(
                    "the loss became %s at step %d (epoch %d); %s; try a lower learning rate",
                    values.loss(), fit.step(), fit.epoch() + 1, kept));
        }
    }
}
