package dev.genzoo.runtime.train;

import dev.genzoo.runtime.data.DeviceData;
import dev.genzoo.runtime.model.AssembledModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One fit as its callbacks see it: the model, its optimizer and data, and where the loop stands
 * (epoch, optimizer steps, steps into the epoch and the epoch's running sums, wall-clock seconds,
 * counting those of the run before a resume). Only the loop moves it on; {@link #position()} is
 * where a fit resumed from here would start.
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
    private final FitStart start;
    private final Map<String, Double> sums = new LinkedHashMap<>();
    private int epoch;
    private long step;
    private int batches;

    Fit(
            AssembledModel model,
            Adam optimizer,
            DeviceData data,
            List<TrainingCallback> callbacks,
            int epochs,
            int batchSize,
            FitStart start) {
        this.model = model;
        this.optimizer = optimizer;
        this.data = data;
        this.callbacks = List.copyOf(callbacks);
        this.epochs = epochs;
        this.batchSize = batchSize;
        this.stepsPerEpoch = (data.trainSize() + batchSize - 1) / batchSize;
        this.firstEpoch = start.epoch();
        this.firstStep = start.step();
        this.secondsBefore = start.seconds();
        this.start = start;
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

    /** @return steps taken in the running epoch, those before a mid-epoch resume included */
    public int batchesInEpoch() {
        return batches;
    }

    /**
     * Where a fit resumed from this point would start: part-way through the running epoch, or at
     * the start of the next one after its last step.
     *
     * @return the position, with the running epoch's sums
     */
    public FitStart position() {
        return new FitStart(epoch, step, seconds(), batches, sums);
    }

    /** Starts an epoch: the first one where the start left it, later ones from their first step. */
    void startEpoch(int next) {
        epoch = next;
        sums.clear();
        batches = 0;
        if (next == start.epoch()) {
            sums.putAll(start.sums());
            batches = start.batches();
        }
    }

    void stepTaken(StepValues values, long examples) {
        step++;
        batches++;
        List<String> names = values.names();
        for (int i = 0; i < names.size(); i++) {
            sums.merge(names.get(i), values.values()[i] * examples, Double::sum);
        }
    }

    /** The running epoch's mean of each training number over its examples. */
    Map<String, Double> epochMeans(long examples) {
        Map<String, Double> means = new LinkedHashMap<>();
        sums.forEach((name, sum) -> means.put(name, sum / examples));
        return means;
    }
}
