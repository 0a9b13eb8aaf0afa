package dev.genzoo.api;

/** A named recipe for {@link Objective}s; see {@link ComponentFactory}. */
public interface ObjectiveFactory extends ComponentFactory<Objective> {}
