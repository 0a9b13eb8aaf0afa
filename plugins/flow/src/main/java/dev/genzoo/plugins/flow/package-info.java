/**
 * Normalizing flows in three roles: an exact-likelihood density model on the data (a {@code
 * BIJECTION} encoder, its inverse as decoder, the {@code flow-nll} objective), a learned prior
 * under a VAE, and a Gaussian posterior refined by flow steps. The steps are RealNVP's affine
 * couplings (Dinh et al. 2017), masked autoregressive layers for MAF and IAF (Papamakarios et al.
 * 2017; Kingma et al. 2016) and planar flows (Rezende and Mohamed 2015); every log-determinant is a
 * sum, since the engine has no determinant.
 */
package dev.genzoo.plugins.flow;
