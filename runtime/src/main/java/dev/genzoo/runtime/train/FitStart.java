package dev.genzoo.runtime.train;

/**
 * Where a fit starts: at the beginning ({@link #FRESH}), or where a checkpoint left a run.
 *
 * @param epoch epochs already completed
 * @param step optimizer steps already taken
 * @param seconds wall-clock seconds of training already spent
 */
public record FitStart(int epoch, long step, double seconds) {
    /** A fit from the first step. */
    public static final FitStart FRESH = new FitStart(0, 0, 0);
}
