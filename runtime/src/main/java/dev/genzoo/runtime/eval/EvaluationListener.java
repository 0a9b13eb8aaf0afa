package dev.genzoo.runtime.eval;

/** Hears an evaluation's progress: the CLI draws its progress bar from these calls. */
public interface EvaluationListener {

    /**
     * The evaluation is about to start.
     *
     * @param totalWork units of work in all (examples times samples, or examples)
     * @param what what is being computed, for the bar: "importance sampling, K up to 5000"
     */
    default void started(long totalWork, String what) {}

    /**
     * Some work was done.
     *
     * @param doneWork units done so far, out of the total
     */
    default void progressed(long doneWork) {}

    /** The evaluation is over: finished, or stopped by an error. */
    default void finished() {}

    /** A listener that ignores everything. */
    EvaluationListener NONE = new EvaluationListener() {};
}
