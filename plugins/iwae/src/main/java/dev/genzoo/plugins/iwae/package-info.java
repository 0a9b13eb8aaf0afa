/**
 * The importance weighted autoencoder family (Burda, Grosse and Salakhutdinov 2016, "Importance
 * Weighted Autoencoders"): the K-sample importance weighted bound, with the encoders and priors
 * its experiments and successors use.
 */
package dev.genzoo.plugins.iwae;
