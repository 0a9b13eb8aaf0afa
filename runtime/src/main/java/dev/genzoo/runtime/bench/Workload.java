package dev.genzoo.runtime.bench;

import ai.djl.ndarray.types.Shape;
import dev.genzoo.runtime.config.ConfigDraft;
import dev.genzoo.runtime.train.Adam;
import java.util.Map;

/**
 * One reference workload: the model (as a config draft naming genzoo components), the batch it
 * trains on, and what a timed step is: a training step, or a whole sampling chain.
 *
 * @param name the workload's name in peer.py
 * @param draft the components and options that build peer.py's model
 * @param batch examples per step (drawn samples, for a sampling workload)
 * @param example one example's shape
 * @param data where the batch comes from
 * @param info extra fields for the JSON line, as peer.py prints them
 * @param adamEpsilon the epsilon of peer.py's {@code torch.optim.Adam}
 * @param sampling the sampler a timed step runs, or null when a step is a training step
 */
public record Workload(
        String name,
        ConfigDraft draft,
        int batch,
        Shape example,
        BatchSource data,
        Map<String, Object> info,
        float adamEpsilon,
        Sampling sampling) {

    /** Untimed steps before a training workload's timing, as peer.py. */
    static final int TRAINING_WARMUP = 20;
    /** Untimed chains before a sampling workload's timing, as peer.py. */
    static final int SAMPLING_WARMUP = 2;

    /**
     * A workload whose timed step is a training step with Adam's default epsilon.
     *
     * @param name the workload's name in peer.py
     * @param draft the components and options that build peer.py's model
     * @param batch examples per step
     * @param example one example's shape
     * @param data where the batch comes from
     * @param info extra fields for the JSON line, as peer.py prints them
     */
    public Workload(
            String name, ConfigDraft draft, int batch, Shape example, BatchSource data, Map<String, Object> info) {
        this(name, draft, batch, example, data, info, Adam.EPSILON, null);
    }

    /**
     * A workload whose timed step is a training step with Adam's epsilon as peer.py sets it.
     *
     * @param name the workload's name in peer.py
     * @param draft the components and options that build peer.py's model
     * @param batch examples per step
     * @param example one example's shape
     * @param data where the batch comes from
     * @param info extra fields for the JSON line, as peer.py prints them
     * @param adamEpsilon the epsilon of peer.py's {@code torch.optim.Adam}
     */
    public Workload(
            String name,
            ConfigDraft draft,
            int batch,
            Shape example,
            BatchSource data,
            Map<String, Object> info,
            float adamEpsilon) {
        this(name, draft, batch, example, data, info, adamEpsilon, null);
    }

    /**
     * A workload whose timed step is a whole sampling chain.
     *
     * @param name the workload's name in peer.py
     * @param draft the components and options that build peer.py's model
     * @param batch examples drawn per chain
     * @param example one example's shape
     * @param data where a batch would come from
     * @param info extra fields for the JSON line, as peer.py prints them
     * @param sampling the sampler a timed step runs
     */
    public Workload(
            String name,
            ConfigDraft draft,
            int batch,
            Shape example,
            BatchSource data,
            Map<String, Object> info,
            Sampling sampling) {
        this(name, draft, batch, example, data, info, Adam.EPSILON, sampling);
    }

    /**
     * Untimed steps before timing: peer.py's warm-up for this kind of workload.
     *
     * @return 20 training steps, or 2 sampling chains
     */
    public int warmup() {
        return sampling == null ? TRAINING_WARMUP : SAMPLING_WARMUP;
    }

    /**
     * A timed step that draws {@link #batch()} examples with a named sampler, no gradients.
     *
     * @param sampler the sampler's name
     * @param options its options as {@code key=value} texts
     */
    public record Sampling(String sampler, Map<String, String> options) {}

    /** Where a workload's fixed batch comes from. */
    public enum BatchSource {
        /** Binary images: MNIST's first training images binarized at 0.5, or random bits. */
        BINARY_IMAGES,
        /** Two-moons points, as peer.py's {@code two_moons}. */
        TWO_MOONS
    }
}
