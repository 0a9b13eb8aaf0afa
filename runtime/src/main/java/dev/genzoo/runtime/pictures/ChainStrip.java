package dev.genzoo.runtime.pictures;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import dev.genzoo.api.SamplingProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Keeps the state of a sampling chain at evenly spaced steps, the first and the last included,
 * for a picture of intermediate x_t; every step is passed on to the next listener. The state is
 * read back from the device only at those steps.
 */
public final class ChainStrip implements SamplingProgress {
    private final int frames;
    private final long examples;
    private final SamplingProgress next;
    private final List<float[]> kept = new ArrayList<>();
    private final List<Integer> remaining = new ArrayList<>();
    private int examplesKept;

    /**
     * A strip of {@code frames} pictures.
     *
     * @param frames pictures to keep, at least 2
     * @param examples the first examples of each state to keep
     * @param next hears every step too
     */
    public ChainStrip(int frames, long examples, SamplingProgress next) {
        if (frames < 2) {
            throw new IllegalArgumentException("a strip has at least 2 frames, not " + frames);
        }
        this.frames = frames;
        this.examples = examples;
        this.next = next;
    }

    @Override
    public void stepped(int done, int total, Supplier<NDArray> state) {
        if (wanted(done, total)) {
            NDArray x = state.get();
            long n = Math.min(examples, x.getShape().get(0));
            kept.add(x.get(new NDIndex().addSliceDim(0, n)).toFloatArray());
            remaining.add(total - done);
            examplesKept = (int) n;
        }
        next.stepped(done, total, state);
    }

    private boolean wanted(int done, int total) {
        for (int f = 0; f < frames; f++) {
            if (Math.round((double) f * total / (frames - 1)) == done) {
                return true;
            }
        }
        return false;
    }

    /** The kept states, first to last, each the first examples flattened. */
    public List<float[]> frames() {
        return kept;
    }

    /**
     * The time of each kept state: the chain's steps still to run, t = T for the first state
     * x_T (pure noise) down to t = 0 for the last, in the sampler's own steps.
     *
     * @return one t per frame
     */
    public List<Integer> times() {
        return List.copyOf(remaining);
    }

    /** How many examples each frame holds. */
    public int examples() {
        return examplesKept;
    }
}
