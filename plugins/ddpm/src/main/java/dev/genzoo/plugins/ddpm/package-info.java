/**
 * Denoising diffusion probabilistic models (Ho et al. 2020, "Denoising Diffusion Probabilistic
 * Models") as a hierarchical VAE with a fixed encoder: the forward process with linear or cosine
 * noise schedules, MLP and U-Net noise predictors as the learned reverse process, the simplified
 * loss and the variational bound (with a discretized decoder for pixels), and ancestral and DDIM
 * (Song et al. 2021) samplers.
 */
package dev.genzoo.plugins.ddpm;
