package dev.genzoo.api.distribution;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * A distribution whose draws are a differentiable function of its parameters and of noise that
 * does not depend on them (the reparameterization trick, Kingma and Welling 2014, section 2.4):
 * implement {@link #rsample}, and {@link #sample} is that draw with its gradient path cut (api 1.2).
 */
public interface Reparameterizable extends Distribution {

    /**
     * True: gradients flow through {@link #rsample} to the parameters.
     *
     * @return true
     */
    @Override
    default boolean hasRsample() {
        return true;
    }

    /**
     * The reparameterized draw without its gradient path: {@code rsample(sampleShape).stopGradient()}.
     *
     * @param sampleShape leading sample axes, () for one draw per batch element
     * @return shape {@code sampleShape + batchShape + eventShape}
     */
    @Override
    default NDArray sample(Shape sampleShape) {
        return rsample(sampleShape).stopGradient();
    }

    /**
     * Draws samples through which gradients flow to the parameters.
     *
     * @param sampleShape leading sample axes
     * @return shape {@code sampleShape + batchShape + eventShape}
     */
    @Override
    NDArray rsample(Shape sampleShape);
}
