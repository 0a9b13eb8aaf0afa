package dev.genzoo.runtime.train;

/** Hears a training run's progress: the CLI draws its progress bar from these calls. */
public interface TrainingListener {

    /**
     * Training is about to start (or resume).
     *
     * @param firstStep steps already taken (0 unless resuming)
     * @param totalSteps steps the run will have taken at the end
     * @param epochs epochs in the run
     */
    default void started(long firstStep, long totalSteps, int epochs) {}

    /**
     * A step finished.
     *
     * @param step steps taken, including this one
     * @param epoch the current epoch, from 1
     * @param loss this step's loss
     */
    default void stepped(long step, int epoch, double loss) {}

    /**
     * An epoch finished and was evaluated and checkpointed.
     *
     * @param record what it measured
     */
    default void epochEnded(EpochRecord record) {}

    /** The run is over: finished, or stopped by an error. */
    default void finished() {}

    /** A listener that ignores everything. */
    TrainingListener NONE = new TrainingListener() {};
}
