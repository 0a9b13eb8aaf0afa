package dev.genzoo.runtime.mcmc;

import ai.djl.ndarray.NDArray;

/**
 * An unnormalised log-density over latents, log gamma(z), evaluated for many chains at once: the
 * target of a Markov chain ({@link PosteriorTarget}), or a tempered path towards it.
 */
@FunctionalInterface
public interface LogDensity {

    /**
     * log gamma(z) for each chain.
     *
     * @param z latents, [chains..., latent]
     * @return [chains...]
     */
    NDArray at(NDArray z);
}
