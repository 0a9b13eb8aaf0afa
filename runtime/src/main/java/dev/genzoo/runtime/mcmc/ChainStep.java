package dev.genzoo.runtime.mcmc;

import ai.djl.ndarray.NDArray;

/**
 * Where a transition left each chain, and how likely its move was to be accepted.
 *
 * @param z the new state, [chains..., latent]
 * @param logDensity log gamma at the new state, [chains...]
 * @param gradient d log gamma / dz at the new state where the transition computed it, else null
 * @param acceptance the acceptance probability of the proposal, min(1, ratio), [chains...]
 */
public record ChainStep(NDArray z, NDArray logDensity, NDArray gradient, NDArray acceptance) {}
