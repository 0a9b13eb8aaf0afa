package dev.genzoo.api;

/**
 * A named recipe for {@link Sampler}s; see {@link ComponentFactory}. {@link #create} receives a
 * context holding the model's encoder, prior and decoder, already built and restored, and throws
 * a {@link GenzooException} naming what is missing when this sampler cannot run that model.
 */
public interface SamplerFactory extends ComponentFactory<Sampler> {}
