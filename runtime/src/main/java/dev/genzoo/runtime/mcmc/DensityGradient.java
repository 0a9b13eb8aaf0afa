package dev.genzoo.runtime.mcmc;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;

/**
 * A log-density and its gradient in z at the same points, by reverse-mode automatic
 * differentiation through the model (the gradient Hamiltonian Monte Carlo needs). The model's
 * parameters take no gradient outside training, so only z's is computed.
 *
 * @param value log gamma(z), [chains...], without a gradient path
 * @param gradient d log gamma / dz, the shape of z
 */
public record DensityGradient(NDArray value, NDArray gradient) {

    /**
     * Evaluates a log-density and its gradient.
     *
     * @param target the log-density
     * @param z latents, [chains..., latent]
     * @return the value and the gradient, both detached
     */
    public static DensityGradient of(LogDensity target, NDArray z) {
        NDArray leaf = z.stopGradient();
        leaf.setRequiresGradient(true);
        NDArray value;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            value = target.at(leaf);
            collector.backward(value.sum());
        }
        return new DensityGradient(value.stopGradient(), leaf.getGradient().stopGradient());
    }
}
