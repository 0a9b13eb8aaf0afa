package dev.genzoo.api;

import ai.djl.ndarray.NDArray;
import java.util.function.Supplier;

/**
 * Hears each step of a long sampling chain (a diffusion's reverse process), so that a caller can
 * draw a progress bar or keep pictures of intermediate states. Reached through {@link
 * StepContext#progress()}.
 */
@FunctionalInterface
public interface SamplingProgress {
    /** Hears nothing. */
    SamplingProgress NONE = (done, total, state) -> {};

    /**
     * A step of the chain is done. Called once with {@code done = 0} before the first step and
     * then after every step, up to {@code done = total}.
     *
     * @param done steps done so far
     * @param total steps in the whole chain
     * @param state the current examples in data space, [n, data...], computed only if asked
     *     for; the array is released when the step ends, so copy what you keep
     */
    void stepped(int done, int total, Supplier<NDArray> state);
}
