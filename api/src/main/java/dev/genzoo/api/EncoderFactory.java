package dev.genzoo.api;

/** A named recipe for {@link Encoder}s; see {@link ComponentFactory}. */
public interface EncoderFactory extends ComponentFactory<Encoder> {}
