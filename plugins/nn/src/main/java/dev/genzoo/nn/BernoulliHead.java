package dev.genzoo.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Bernoulli;

/**
 * Independent Bernoulli pixels p(x|z) = prod_i Bernoulli(x_i; sigmoid(l_i(z))), the network giving
 * the logits l (Kingma and Welling 2014, appendix C.1).
 */
public final class BernoulliHead implements OutputHead {
    private final int eventDims;

    /**
     * A head over examples of a shape.
     *
     * @param dataShape one example's shape, the event
     */
    public BernoulliHead(Shape dataShape) {
        this.eventDims = dataShape.dimension();
    }

    @Override
    public Bernoulli distribution(NDArray logits, StepContext context) {
        return new Bernoulli(logits, eventDims);
    }
}
