package dev.genzoo.api.distribution;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import java.util.Objects;

/**
 * Independent Bernoulli variables parameterized by logits (the binary-pixel likelihood of
 * Kingma and Welling 2014, appendix C.1). log p(x) = x * l - softplus(l), stable for any l.
 */
public final class Bernoulli implements Distribution {
    private final NDArray logits;
    private final int eventDims;

    /**
     * Bernoulli variables with the given logits.
     *
     * @param logits log(p / (1 - p)), shape {@code batch + event}
     * @param eventDims how many trailing axes form one event
     */
    public Bernoulli(NDArray logits, int eventDims) {
        this.logits = Objects.requireNonNull(logits, "logits");
        this.eventDims = EventAxes.check(logits.getShape(), eventDims);
    }

    /**
     * The logits.
     *
     * @return shape {@code batch + event}
     */
    public NDArray logits() {
        return logits;
    }

    @Override
    public Shape batchShape() {
        return EventAxes.batch(logits.getShape(), eventDims);
    }

    @Override
    public Shape eventShape() {
        return EventAxes.event(logits.getShape(), eventDims);
    }

    @Override
    public NDArray sample(Shape sampleShape) {
        Shape shape = sampleShape.addAll(logits.getShape());
        NDArray u = logits.getManager().randomUniform(0f, 1f, shape);
        return u.lt(mean().stopGradient()).toType(DataType.FLOAT32, false);
    }

    @Override
    public NDArray logProb(NDArray value) {
        // The two sums are taken apart and subtracted per event: the subtraction, and in backward
        // its negation, then run over one number per event instead of every pixel.
        NDArray agreement = EventAxes.sum(value.mul(logits), eventDims);
        return agreement.sub(EventAxes.sum(Activation.softPlus(logits), eventDims));
    }

    @Override
    public NDArray mean() {
        return logits.getNDArrayInternal().sigmoid();
    }
}
