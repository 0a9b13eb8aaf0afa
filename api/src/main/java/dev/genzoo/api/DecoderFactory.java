package dev.genzoo.api;

/** A named recipe for {@link Decoder}s; see {@link ComponentFactory}. */
public interface DecoderFactory extends ComponentFactory<Decoder> {}
