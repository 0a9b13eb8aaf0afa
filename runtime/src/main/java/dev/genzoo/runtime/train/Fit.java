package dev.genzoo.runtime.train;

import dev.genzoo.runtime.data.DeviceData;
import dev.genzoo.runtime.model.AssembledModel;
import java.util.List;

/**
 * One fit as its callbacks see it: the model, its optimizer and data, and where the loop stands
 * (epoch, optimizer steps, wall-clock seconds, counting those of the run before a resume). Only
 * the loop moves it on.
 */
public final class Fit {
    private final AssembledModel model;
    private final Adam optimizer;
    private final DeviceData data;
    private final List<TrainingCallback> callbacks;
    private final int epochs;
    private final int batchSize;
    private final long stepsPerEpoch;
    private final int firstEpoch;
    private final long firstStep;
    private final double secondsBefore;
    private final long startedAt = System.nanoTime();
    private int epoch;
    private long step;

    Fit(
            AssembledModel model,
            Adam optimizer,
            DeviceData data,
            List<TrainingCallback> callbacks,
            int epochs,
            int batchSize,
            int firstEpoch,
            long firstStep,
            double secondsBefore) {
        this.model = model;
        this.optimizer = optimizer;
        this.data = data;
        this.callbacks = List.copyOf(callbacks);
        this.epochs = epochs;
        this.batchSize = batchSize;
        this.stepsPerEpoch = (data.trainSize() + batchSize - 1) / batchSize;
        this.firstEpoch = firstEpoch;
        this.firstStep = firstStep;
        this.secondsBefore = secondsBefore;
        this.epoch = firstEpoch;
        this.step = firstStep;
    }

    /** @return the model being trained */
    public AssembledModel model() {
        return model;
    }

    /** @return its optimizer */
    public Adam optimizer() {
        return optimizer;
    }

    /** @return the data on the model's device */
    public DeviceData data() {
        return data;
    }

    /** @return every callback of this fit, in the order they run */
    public List<TrainingCallback> callbacks() {
        return callbacks;
    }

    /** @return the epoch running (0 for the first), or the one just ended at its end */
    public int epoch() {
        return epoch;
    }

    /** @return optimizer steps taken so far, in this process and before a resume */
    public long step() {
        return step;
    }

    /** @return the epochs the fit runs to */
    public int epochs() {
        return epochs;
    }

    /** @return examples per step */
    public int batchSize() {
        return batchSize;
    }

    /** @return steps in one epoch: the training split over the batch size, rounded up */
    public long stepsPerEpoch() {
        return stepsPerEpoch;
    }

    /** @return the steps the fit will have taken at its end */
    public long totalSteps() {
        return stepsPerEpoch * epochs;
    }

    /** @return the epoch this fit started at: 0, or the checkpoint's on a resume */
    public int firstEpoch() {
        return firstEpoch;
    }

    /** @return the steps taken before this fit started */
    public long firstStep() {
        return firstStep;
    }

    /** @return wall-clock seconds of training, those before a resume included */
    public double seconds() {
        return secondsBefore + (System.nanoTime() - startedAt) / 1e9;
    }

    void startEpoch(int next) {
        epoch = next;
    }

    void stepTaken() {
        step++;
    }
}
