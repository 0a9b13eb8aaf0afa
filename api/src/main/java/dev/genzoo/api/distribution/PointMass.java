package dev.genzoo.api.distribution;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.Objects;

/**
 * A point mass (Dirac delta) at a value: what a deterministic decoder or a quantized code
 * returns. It can be sampled (the point itself) but has no density.
 */
public final class PointMass implements Reparameterizable {
    private final NDArray value;
    private final int eventDims;

    /**
     * A point mass at {@code value}.
     *
     * @param value the point, shape {@code batch + event}
     * @param eventDims how many trailing axes form one event
     */
    public PointMass(NDArray value, int eventDims) {
        this.value = Objects.requireNonNull(value, "value");
        this.eventDims = EventAxes.check(value.getShape(), eventDims);
    }

    @Override
    public Shape batchShape() {
        return EventAxes.batch(value.getShape(), eventDims);
    }

    @Override
    public Shape eventShape() {
        return EventAxes.event(value.getShape(), eventDims);
    }

    @Override
    public NDArray rsample(Shape sampleShape) {
        return sampleShape.dimension() == 0 ? value : value.broadcast(sampleShape.addAll(value.getShape()));
    }

    @Override
    public NDArray logProb(NDArray x) {
        throw new UnsupportedOperationException("a point mass has no density");
    }

    @Override
    public NDArray mean() {
        return value;
    }
}
