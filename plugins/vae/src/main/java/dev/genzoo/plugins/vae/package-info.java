/**
 * The variational autoencoder family (Kingma and Welling 2014, "Auto-Encoding Variational
 * Bayes"): an MLP Gaussian encoder, MLP Bernoulli and Gaussian decoders; for images a
 * convolutional Gaussian encoder over a latent vector and a convolutional decoder to discretized
 * logistic pixels on K levels (Salimans et al. 2017), whose bound is one on 8-bit data in bits/dim
 * with no dequantization; the standard normal prior, and the evidence lower bound with beta (Higgins et al. 2017), a linear KL warm-up
 * (Sonderby et al. 2016) or cyclical annealing (Fu et al. 2019), free bits (Kingma et al. 2016),
 * and the KL of each layer of a hierarchical latent.
 */
package dev.genzoo.plugins.vae;
