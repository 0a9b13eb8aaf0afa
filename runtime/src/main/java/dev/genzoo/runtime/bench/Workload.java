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
 * @param sampling the sampler a timed step runs, or null
 * @param scoring the importance-sampled bound a timed step computes, or null; with neither, a step
 *     is a training step
 */
public record Workload(
        String name,
        ConfigDraft draft,
        int batch,
        Shape example,
        BatchSource data,
        Map<String, Object> info,
        float adamEpsilon,
        Sampling sampling,
        Scoring scoring) {

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
        this(name, draft, batch, example, data, info, Adam.EPSILON, null, null);
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
        this(name, draft, batch, example, data, info, adamEpsilon, null, null);
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
        this(name, draft, batch, example, data, info, Adam.EPSILON, sampling, null);
    }

    /**
     * A workload whose timed step scores the batch with the importance-sampled bound, as {@code
     * genzoo eval} does, without gradients.
     *
     * @param name the workload's name in peer.py
     * @param draft the components and options that build peer.py's model
     * @param batch examples scored per step
     * @param example one example's shape
     * @param data where the batch comes from
     * @param info extra fields for the JSON line, as peer.py prints them
     * @param scoring K and the samples per chunk
     */
    public Workload(
            String name,
            ConfigDraft draft,
            int batch,
            Shape example,
            BatchSource data,
            Map<String, Object> info,
            Scoring scoring) {
        this(name, draft, batch, example, data, info, Adam.EPSILON, null, scoring);
    }

    /**
     * Untimed steps before timing: peer.py's warm-up for this kind of workload.
     *
     * @return 20 training steps, or 2 sampling chains or scorings
     */
    public int warmup() {
        return sampling == null && scoring == null ? TRAINING_WARMUP : SAMPLING_WARMUP;
    }

    /**
     * A timed step that computes the importance-sampled bound of the batch with K samples per
     * example, drawn in chunks and combined exactly, no gradients.
     *
     * @param k the importance samples per example
     * @param chunk samples per chunk
     */
    public record Scoring(int k, int chunk) {}

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
        TWO_MOONS,
        /** Colour images of uniform random pixels, as peer.py's {@code ddpm-unet} draws. */
        COLOUR_IMAGES
    }
}
