/**
 * The VQ-VAE family (van den Oord et al. 2017, "Neural Discrete Representation Learning"): a
 * convolutional encoder whose outputs are snapped to the nearest of K codebook vectors (a point
 * mass, with the straight-through gradient), convolutional decoders that upsample by nearest
 * neighbours, the {@code vq} objective with a codebook trained by its loss term or by moving
 * averages and optional restarts of dead codes, and priors over code grids: the uniform prior it
 * trains with and a learned causal transformer that makes new images.
 */
package dev.genzoo.plugins.vqvae;
