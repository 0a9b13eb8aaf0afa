package dev.genzoo.runtime.sweep;

/** Hears a sweep's trials start and end (the command line prints a line for each). */
public interface SweepListener {
    /** Hears nothing. */
    SweepListener NONE = new SweepListener() {};

    /**
     * A trial was skipped: finished already, or running in another process.
     *
     * @param trial the trial
     * @param state why
     */
    default void skipped(Trial trial, TrialState state) {}

    /**
     * A trial started (or was submitted).
     *
     * @param launch the trial and how
     */
    default void started(TrialLaunch launch) {}

    /**
     * A trial ended.
     *
     * @param outcome how
     */
    default void finished(TrialOutcome outcome) {}
}
