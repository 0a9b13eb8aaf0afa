package dev.genzoo.runtime.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a fit starts: at the beginning ({@link #FRESH}), or where a checkpoint left a run, at the
 * end of an epoch or part-way through one (a periodic checkpoint, or one written on a signal).
 *
 * @param epoch epochs already completed
 * @param step optimizer steps already taken
 * @param seconds wall-clock seconds of training already spent
 * @param batches steps already taken in the epoch that follows, 0 at an epoch's end
 * @param sums the weighted sums of the training numbers over those steps (sum of value times batch
 *     size), from which the epoch's means are completed
 */
public record FitStart(int epoch, long step, double seconds, int batches, Map<String, Double> sums) {
    /** A fit from the first step. */
    public static final FitStart FRESH = new FitStart(0, 0, 0);

    /** Copies the sums and checks the position. */
    public FitStart {
        if (epoch < 0 || step < 0 || batches < 0) {
            throw new IllegalArgumentException("a fit starts at a position >= 0");
        }
        sums = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sums));
    }

    /**
     * A start at the end of an epoch.
     *
     * @param epoch epochs already completed
     * @param step optimizer steps already taken
     * @param seconds wall-clock seconds of training already spent
     */
    public FitStart(int epoch, long step, double seconds) {
        this(epoch, step, seconds, 0, Map.of());
    }

    /** @return whether the start lies part-way through an epoch */
    public boolean midEpoch() {
        return batches > 0;
    }
}
