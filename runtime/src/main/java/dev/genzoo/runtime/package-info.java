/**
 * genzoo's runtime: it discovers plugins, wires the chosen components with Guice onto a device,
 * and owns time (the training loop), space (device, native-memory scopes) and persistence (run
 * directories, checkpoints). It knows no model family by name.
 */
package dev.genzoo.runtime;
