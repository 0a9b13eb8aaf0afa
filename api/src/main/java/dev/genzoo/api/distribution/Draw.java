package dev.genzoo.api.distribution;

import ai.djl.ndarray.NDArray;
import java.util.Objects;

/** Reparameterized draws and their log-density under the distribution that drew them. */
public final class Draw {
    private final NDArray value;
    private final NDArray logProb;

    /**
     * Pairs draws with their log-density.
     *
     * @param value the draws, {@code sampleShape + batchShape + eventShape}
     * @param logProb their log-density, {@code sampleShape + batchShape}
     */
    public Draw(NDArray value, NDArray logProb) {
        this.value = Objects.requireNonNull(value, "value");
        this.logProb = Objects.requireNonNull(logProb, "logProb");
    }

    /**
     * The draws.
     *
     * @return shape {@code sampleShape + batchShape + eventShape}
     */
    public NDArray value() {
        return value;
    }

    /**
     * The log-density of each draw.
     *
     * @return shape {@code sampleShape + batchShape}
     */
    public NDArray logProb() {
        return logProb;
    }
}
