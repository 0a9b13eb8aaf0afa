package dev.genzoo.runtime.train;

/**
 * A hook into the training loop, after PyTorch Lightning's {@code Callback} and DJL's {@code
 * TrainingListener}: the loop calls every callback at the start and end of a fit, of each epoch
 * and of each step, asks them for the held-out numbers of each epoch, and tells them of an
 * exception. Everything a run does besides stepping (evaluation, the metrics table, checkpoints,
 * pictures, progress, guards) is a callback; a feature adds one by binding it in a Guice module
 * (a {@code Multibinder<TrainingCallback>}), never by editing the loop.
 *
 * <p>Callbacks run in ascending {@link #order()}, ties in the order they were bound. A callback
 * whose state must survive a resume implements {@link StatefulCallback}. Callbacks run on the
 * training thread; arrays they create inside a step hook belong to that step's scope.
 */
public interface TrainingCallback {
    /** The order of guards and measurements: before anything reads a step or an epoch. */
    int MEASURE = -100;
    /** The default order. */
    int DEFAULT = 0;
    /** The order of what persists the run (checkpoints): after everything that changes state. */
    int PERSIST = 100;
    /** The order of what reports to a person: last, when the epoch is saved. */
    int REPORT = 200;

    /**
     * Where this callback runs among the others: lower first.
     *
     * @return {@link #DEFAULT} unless overridden
     */
    default int order() {
        return DEFAULT;
    }

    /**
     * A fit starts, fresh or resumed.
     *
     * @param fit the fit, at its first step
     */
    default void onFitStart(Fit fit) {}

    /**
     * An epoch starts.
     *
     * @param fit the fit, its epoch set to the one starting
     */
    default void onEpochStart(Fit fit) {}

    /**
     * A step is about to run (a schedule sets the step's learning rate here).
     *
     * @param fit the fit, its step count that of the steps taken before this one
     */
    default void onStepStart(Fit fit) {}

    /**
     * A step (forward, backward, update) ran.
     *
     * @param fit the fit, its step count including this step
     * @param values the step's loss and terms, before the update
     */
    default void onStepEnd(Fit fit, StepValues values) {}

    /**
     * The held-out numbers of the epoch that just ended are wanted: an evaluator puts its numbers
     * into {@code heldOut}; the loop then ends the epoch with them.
     *
     * @param fit the fit at the end of the epoch
     * @param heldOut where held-out numbers go, by name
     */
    default void onEvaluation(Fit fit, HeldOutMetrics heldOut) {}

    /**
     * An epoch ended and its numbers are complete.
     *
     * @param fit the fit at the end of the epoch
     * @param record the epoch's training means and held-out numbers
     */
    default void onEpochEnd(Fit fit, EpochRecord record) {}

    /**
     * The fit ran all its epochs.
     *
     * @param fit the finished fit
     * @param last the last epoch's record, or null if there was no epoch left to run
     */
    default void onFitEnd(Fit fit, EpochRecord last) {}

    /**
     * The fit stopped with an exception, which the loop throws on after every callback heard it.
     *
     * @param fit the fit where it stopped
     * @param error what stopped it
     */
    default void onException(Fit fit, Throwable error) {}
}
