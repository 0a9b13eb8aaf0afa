package dev.genzoo.runtime.bench;

import ai.djl.ndarray.types.Shape;
import dev.genzoo.runtime.config.ConfigDraft;
import dev.genzoo.runtime.train.Adam;
import java.util.Map;

/**
 * One reference workload: the model (as a config draft naming genzoo components), the batch it
 * trains on, and what a timed step is.
 *
 * @param name the workload's name in peer.py
 * @param draft the components and options that build peer.py's model
 * @param batch examples per step
 * @param example one example's shape
 * @param data where the batch comes from
 * @param info extra fields for the JSON line, as peer.py prints them
 * @param adamEpsilon the epsilon of peer.py's {@code torch.optim.Adam}
 */
public record Workload(
        String name,
        ConfigDraft draft,
        int batch,
        Shape example,
        BatchSource data,
        Map<String, Object> info,
        float adamEpsilon) {

    /**
     * A workload trained with Adam's default epsilon.
     *
     * @param name the workload's name in peer.py
     * @param draft the components and options that build peer.py's model
     * @param batch examples per step
     * @param example one example's shape
     * @param data where the batch comes from
     * @param info extra fields for the JSON line, as peer.py prints them
     */
    public Workload(String name, ConfigDraft draft, int batch, Shape example, BatchSource data, Map<String, Object> info) {
        this(name, draft, batch, example, data, info, Adam.EPSILON);
    }

    /** Where a workload's fixed batch comes from. */
    public enum BatchSource {
        /** Binary images: MNIST's first training images binarized at 0.5, or random bits. */
        BINARY_IMAGES,
        /** Two-moons points, as peer.py's {@code two_moons}. */
        TWO_MOONS
    }
}
