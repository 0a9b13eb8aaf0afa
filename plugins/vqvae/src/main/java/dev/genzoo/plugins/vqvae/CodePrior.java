package dev.genzoo.plugins.vqvae;

import dev.genzoo.api.Prior;

/**
 * A prior over grids of codebook indices (van den Oord et al. 2017, sections 3.1 and 3.2): its
 * distribution's draws are grids of codebook vectors, [D, h, w] each, and its {@code logProb} of
 * such a grid is the log-mass of its codes. The KL of a one-hot posterior q(z|x) to it is then
 * -log p(codes), which the {@code vq} objective reports; a density over R^D gives no such KL, so
 * {@code vq} accepts only priors of this kind.
 */
public interface CodePrior extends Prior {}
