package dev.genzoo.api.distribution;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.Optional;

/**
 * A probability distribution over arrays, batched, as {@code torch.distributions} defines one:
 * {@code sample(s)} has shape {@code s + batchShape + eventShape}; {@code logProb} sums over the
 * event axes.
 *
 * <p>Arrays a distribution returns are created in the current step's scope and released with it.
 */
public interface Distribution {

    /**
     * The batch shape: one independent distribution per element, [B] for a posterior, () for a
     * prior.
     *
     * @return the batch shape
     */
    Shape batchShape();

    /**
     * The shape of one draw: (20) for a 20-dimensional latent, (1, 28, 28) for an image.
     *
     * @return the event shape
     */
    Shape eventShape();

    /**
     * Draws samples without a gradient path to the parameters.
     *
     * @param sampleShape leading sample axes, () for one draw per batch element
     * @return shape {@code sampleShape + batchShape + eventShape}
     */
    NDArray sample(Shape sampleShape);

    /**
     * One draw per batch element, without gradient.
     *
     * @return shape {@code batchShape + eventShape}
     */
    default NDArray sample() {
        return sample(new Shape());
    }

    /**
     * Whether {@link #rsample} is available (a reparameterized, differentiable draw).
     *
     * @return true if gradients flow through samples to the parameters
     */
    default boolean hasRsample() {
        return false;
    }

    /**
     * Draws samples through which gradients flow to the parameters (the reparameterization trick,
     * Kingma and Welling 2014, section 2.4).
     *
     * @param sampleShape leading sample axes
     * @return shape {@code sampleShape + batchShape + eventShape}
     * @throws UnsupportedOperationException if {@link #hasRsample()} is false
     */
    default NDArray rsample(Shape sampleShape) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no reparameterized sample");
    }

    /**
     * Reparameterized draws together with their log-density. Distributions that know the density
     * of their own draws more cheaply or only for their own draws (a Gaussian from its noise, a
     * flow-refined posterior from its log-determinants) override this.
     *
     * @param sampleShape leading sample axes
     * @return the draws and {@code logProb} of each, shape {@code sampleShape + batchShape}
     */
    default Draw rsampleWithLogProb(Shape sampleShape) {
        NDArray value = rsample(sampleShape);
        return new Draw(value, logProb(value));
    }

    /**
     * The log-density (or log-mass) of values, summed over the event axes.
     *
     * @param value shape {@code [...] + eventShape}, broadcastable against the batch shape
     * @return the leading axes of the broadcast of value and batch: {@code [...]}
     */
    NDArray logProb(NDArray value);

    /**
     * The mean (for a point mass, its point; for a Bernoulli, its probabilities).
     *
     * @return shape {@code batchShape + eventShape}
     */
    NDArray mean();

    /**
     * KL(this || other) in closed form, summed over the event axes, where one exists for this
     * pair of distributions.
     *
     * @param other the second distribution
     * @return the divergence per batch element, or empty if there is no closed form
     */
    default Optional<NDArray> klDivergence(Distribution other) {
        return Optional.empty();
    }
}
