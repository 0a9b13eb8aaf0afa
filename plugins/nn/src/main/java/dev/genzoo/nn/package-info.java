/**
 * Network blocks the bundled plugins share: the dense layer and the multilayer perceptron, 2-D
 * convolutions (with a sub-pixel form of nearest upsampling then convolution), the convolutional
 * encoders' downsampling and decoders' upsampling networks (from a latent grid or vector),
 * Bernoulli, Gaussian and discretized logistic output heads, the sinusoidal embedding, and the activations between layers; Markovian hierarchies of
 * latent layers, and the KL controls objectives share (annealing, free bits). Every layer initializes as
 * PyTorch's default does and reads its parameters through the pass's {@link
 * dev.genzoo.api.StepContext#parameterStore() store}; no Java number enters an autograd graph (see
 * {@link dev.genzoo.api.Scalars}).
 *
 * <p>A library that plugins bundle (after Trino's plugin toolkit), not a service of the runtime: it
 * depends on genzoo's api and DJL's api only. genzoo's own plugins find it in the distribution's
 * lib/ folder; a plugin in a plugins folder ships its jar beside its own, in its sub-folder.
 */
package dev.genzoo.nn;
