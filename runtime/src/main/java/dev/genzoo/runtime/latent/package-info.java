/**
 * The latent space of a trained model: the code of an example for every encoder kind (a posterior
 * mean, a VQ code, a flow's z, a diffusion's DDIM-inverted x_T), the way back to data, and paths
 * between codes (linear and spherical interpolation, one-dimension traversals).
 */
package dev.genzoo.runtime.latent;
