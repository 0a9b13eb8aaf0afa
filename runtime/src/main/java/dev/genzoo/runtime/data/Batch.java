package dev.genzoo.runtime.data;

import ai.djl.ndarray.NDArray;
import java.util.Objects;
import java.util.Optional;

/**
 * A batch as the model sees it, on the model's device: the examples, prepared (converted to floats,
 * binarized, dequantized, flipped as the run asks), and, where the source has them, their class
 * labels, which ride with the examples for the components that are conditioned on them.
 *
 * @param x the examples, [B, data shape], float32
 * @param labels their labels, [B], int64, or empty when the source has none
 */
public record Batch(NDArray x, Optional<NDArray> labels) {
    /**
     * A batch.
     *
     * @param x the examples
     * @param labels their labels, or empty
     */
    public Batch {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(labels, "labels");
    }

    /**
     * A batch without labels.
     *
     * @param x the examples
     * @return the batch
     */
    public static Batch of(NDArray x) {
        return new Batch(x, Optional.empty());
    }

    /**
     * The number of examples.
     *
     * @return B
     */
    public long size() {
        return x.getShape().get(0);
    }
}
