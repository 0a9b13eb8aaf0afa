package dev.genzoo.api;

/** A named recipe for {@link Prior}s; see {@link ComponentFactory}. */
public interface PriorFactory extends ComponentFactory<Prior> {}
