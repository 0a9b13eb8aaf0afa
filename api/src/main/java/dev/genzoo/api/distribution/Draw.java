package dev.genzoo.api.distribution;

import ai.djl.ndarray.NDArray;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Reparameterized draws and their log-density under the distribution that drew them, and, from a
 * {@link LayeredDistribution}, that log-density's term for each block (api 1.2).
 */
public final class Draw {
    private final NDArray value;
    private final NDArray logProb;
    private final Map<String, NDArray> perBlock;

    /**
     * Pairs draws with their log-density.
     *
     * @param value the draws, {@code sampleShape + batchShape + eventShape}
     * @param logProb their log-density, {@code sampleShape + batchShape}
     */
    public Draw(NDArray value, NDArray logProb) {
        this(value, logProb, Map.of());
    }

    /**
     * Pairs draws with their log-density and its terms by block (api 1.2).
     *
     * @param value the draws, {@code sampleShape + batchShape + eventShape}
     * @param logProb their log-density, {@code sampleShape + batchShape}
     * @param perBlock the terms of logProb by block name, each {@code sampleShape + batchShape}, in
     *     the layout's order
     */
    public Draw(NDArray value, NDArray logProb, Map<String, NDArray> perBlock) {
        this.value = Objects.requireNonNull(value, "value");
        this.logProb = Objects.requireNonNull(logProb, "logProb");
        this.perBlock = Collections.unmodifiableMap(new LinkedHashMap<>(perBlock));
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

    /**
     * The log-density's term for each block of a layered distribution's draws (api 1.2).
     *
     * @return the terms by block name, empty unless the distribution that drew gave them
     */
    public Map<String, NDArray> logProbPerBlock() {
        return perBlock;
    }
}
